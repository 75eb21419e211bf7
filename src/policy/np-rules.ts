// Shared reading of NetworkPolicy objects: defaulting, subjects, peers and ports, answered
// directly per object. evaluate.ts compiles the same rules into class bitsets; explain.ts and
// ingressAllowedFrom() use these direct answers, and tests hold the two paths to agreement.
//
// Public API: effectiveTypes, rulesFor, isPolicyPod, namespaceOf, ipBlockSet, workloadIpSet,
// peerMatches, ruleMatchesPeer, ruleConnToward, isSubject, PeerRef.

import type { ClusterProfile, Direction, EgressRule, IngressRule, IPBlock, Model, Namespace, NetworkPolicy, PolicyPeer, PolicyPort, Protocol, Workload } from '../model/types.ts';
import { ipDifference, ipIntersect, ipSetOf, ipSubsetOf, type IpSet } from '../net/ipset.ts';
import { parseCidr } from '../net/ip.ts';
import { allConn, connOf, emptyConn, union } from './portset.ts';
import type { ConnSet } from './reachability-types.ts';
import { matchesSelector, namespaceLabels } from './selectors.ts';

/** semantics.md 1.3: absent/[] policyTypes => Ingress, plus Egress when egress has rules. */
export function effectiveTypes(np: NetworkPolicy): Set<Direction> {
  const pt = np.policyTypes ?? [];
  if (pt.length > 0) return new Set(pt);
  const s = new Set<Direction>(['Ingress']);
  if ((np.egress ?? []).length > 0) s.add('Egress');
  return s;
}

export function rulesFor(np: NetworkPolicy, dir: Direction): ReadonlyArray<IngressRule | EgressRule> {
  return (dir === 'Ingress' ? np.ingress : np.egress) ?? [];
}

export function peersOfRule(rule: IngressRule | EgressRule, dir: Direction): PolicyPeer[] | undefined {
  return dir === 'Ingress' ? (rule as IngressRule).from : (rule as EgressRule).to;
}

/** hostNetwork pods are node traffic unless the profile treats them as pods (1.2). */
export function isPolicyPod(w: Workload, profile: ClusterProfile): boolean {
  return !w.hostNetwork || profile.hostNetworkIsPod;
}

export function namespaceOf(model: Model, namespaceId: string): Namespace {
  return model.namespaces[namespaceId] ?? { id: namespaceId, name: namespaceId.replace(/^ns:/, ''), labels: {} };
}

/**
 * cidr minus excepts. Empty (fail closed) when the cidr or any except is invalid (the
 * validator reports it): dropping an unreadable except would widen the block.
 */
export function ipBlockSet(block: IPBlock): IpSet {
  if (!parseCidr(block.cidr).ok) return [];
  const excepts = block.except ?? [];
  if (excepts.some((e) => !parseCidr(e).ok)) return [];
  return ipDifference(ipSetOf([block.cidr]), ipSetOf(excepts));
}

/** Addresses an ipBlock can see for a workload under the profile (1.6, 6). */
export function workloadIpSet(w: Workload, profile: ClusterProfile): IpSet {
  const ips = w.podIPs?.length ? w.podIPs : w.hostNetwork && w.hostIP ? [w.hostIP] : [];
  const valid = ips.filter((ip) => parseCidr(ip).ok);
  if (isPolicyPod(w, profile)) return profile.ipBlockMatchesPods ? ipSetOf(valid) : [];
  return profile.ipBlockMatchesNodes ? ipSetOf(valid) : [];
}

export function isSubject(model: Model, np: NetworkPolicy, w: Workload): boolean {
  return isPolicyPod(w, model.cluster.profile) && w.namespaceId === np.namespaceId && matchesSelector(np.podSelector, w.podLabels);
}

/** The other end of a connection, as a rule peer sees it. */
export type PeerRef =
  | { kind: 'workload'; workload: Workload }
  /**
   * Addresses; `node` marks node addresses (matched by overlap, if the profile allows), with
   * `nodeName` for a design node; `domains` are the domain names of an external network.
   */
  | { kind: 'addresses'; set: IpSet; node: boolean; nodeName?: string; domains?: string[] };

export function peerMatches(model: Model, peer: PolicyPeer, policyNsId: string, other: PeerRef): boolean {
  const profile = model.cluster.profile;
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector) return false; // invalid: fail closed
    const block = ipBlockSet(peer.ipBlock);
    if (other.kind === 'workload') return ipIntersect(workloadIpSet(other.workload, profile), block).length > 0;
    if (other.node) return profile.ipBlockMatchesNodes && ipIntersect(other.set, block).length > 0;
    return other.set.length > 0 && ipSubsetOf(other.set, block);
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false; // `{}` peer is invalid
  if (other.kind !== 'workload' || !isPolicyPod(other.workload, profile)) return false;
  const w = other.workload;
  const nsOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, namespaceLabels(namespaceOf(model, w.namespaceId)))
    : w.namespaceId === policyNsId;
  return nsOk && (!peer.podSelector || matchesSelector(peer.podSelector, w.podLabels));
}

export function ruleMatchesPeer(model: Model, rule: IngressRule | EgressRule, dir: Direction, policyNsId: string, other: PeerRef): boolean {
  const peers = peersOfRule(rule, dir);
  return !peers || peers.length === 0 || peers.some((p) => peerMatches(model, p, policyNsId, other));
}

/** A named port resolved on the destination workload, with protocol match (1.7). */
export function resolveNamedPort(dst: Workload | undefined, name: string, proto: Protocol): ConnSet {
  let c = emptyConn();
  if (!dst) return c;
  for (const cp of dst.ports) {
    if (cp.name === name && (cp.protocol ?? 'TCP') === proto) c = union(c, connOf(proto, cp.containerPort));
  }
  return c;
}

export function portEntryConn(p: PolicyPort, dst: Workload | undefined, profile: ClusterProfile): ConnSet {
  const proto = p.protocol ?? 'TCP';
  if (p.port === undefined) return connOf(proto);
  if (typeof p.port === 'string') return resolveNamedPort(dst, p.port, proto);
  const end = profile.endPortSupported && p.endPort !== undefined ? p.endPort : p.port;
  return connOf(proto, p.port, end);
}

/**
 * The ports a rule allows toward a destination (a workload, or undefined for an IP). A
 * hostNetwork destination that the profile does not treat as a pod is node traffic, i.e. an
 * IP: named ports cannot match it (1.2, 1.7).
 */
export function ruleConnToward(rule: IngressRule | EgressRule, dst: Workload | undefined, profile: ClusterProfile): ConnSet {
  if (!rule.ports || rule.ports.length === 0) return allConn();
  const pod = dst && isPolicyPod(dst, profile) ? dst : undefined;
  let c = emptyConn();
  for (const p of rule.ports) c = union(c, portEntryConn(p, pod, profile));
  return c;
}
