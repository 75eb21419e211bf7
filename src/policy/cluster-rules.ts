// Shared reading of cluster-wide policies (ClusterNetworkPolicy, AdminNetworkPolicy,
// BaselineAdminNetworkPolicy; semantics.md 3), answered directly per object. evaluate.ts compiles
// the same rules into class bitsets; explain.ts and ingressAllowedFrom() use these answers, and
// tests hold the two paths to agreement.
//
// Public API: tierPolicies, clusterSubjectMatches, clusterPeerMatches, clusterRuleConn,
//   domainMatches, tierDecide, combineTiers, TierStep, TierResult.

import type { ClusterPeer, ClusterPolicy, ClusterPort, ClusterProfile, ClusterRule, ClusterTier, Direction, Model, Workload } from '../model/types.ts';
import { ipIntersect, ipSetOf, ipSubsetOf } from '../net/ipset.ts';
import { parseCidr } from '../net/ip.ts';
import { isPolicyPod, namespaceOf, workloadIpSet, type PeerRef } from './np-rules.ts';
import { allConn, connOf, emptyConn, intersect, isEmpty, subtract, union } from './portset.ts';
import type { ConnSet } from './reachability-types.ts';
import { isEmptySelector, matchesSelector, namespaceLabels } from './selectors.ts';

/**
 * The policies of one tier in evaluation order: priority ascending. Policies of equal priority
 * have no defined order in the API; we order them by name, then id, so results are deterministic
 * (explanations and lint say the order is undefined).
 */
export function tierPolicies(model: Model, tier: ClusterTier): ClusterPolicy[] {
  return Object.values(model.clusterPolicies ?? {})
    .filter((p) => p.tier === tier)
    .sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const rulesOf = (p: ClusterPolicy, dir: Direction): ClusterRule[] => (dir === 'Ingress' ? p.ingress : p.egress);

/** hostNetwork pods are never subjects (3.4), unless the profile treats them as pods. */
export function clusterSubjectMatches(model: Model, p: ClusterPolicy, w: Workload): boolean {
  if (!isPolicyPod(w, model.cluster.profile)) return false;
  const nsLabels = namespaceLabels(namespaceOf(model, w.namespaceId));
  if (p.subject.namespaces) return matchesSelector(p.subject.namespaces, nsLabels);
  if (p.subject.pods) return matchesSelector(p.subject.pods.namespaceSelector, nsLabels) && matchesSelector(p.subject.pods.podSelector, w.podLabels);
  return false; // no subject: matches nothing (restore and import refuse it)
}

/** `*.example.com` matches one or more labels before example.com; otherwise an exact match. */
export function domainMatches(pattern: string, name: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/\.$/, '');
  const p = norm(pattern);
  const n = norm(name);
  if (p.startsWith('*.')) return n.endsWith(p.slice(1)) && n.length > p.length - 1;
  return p === n;
}

/** Whether any CIDR of `networks` matches the other end (pods by IP per the profile, 3.4). */
function networksMatch(cidrs: readonly string[], other: PeerRef, profile: ClusterProfile): boolean {
  const set = ipSetOf(cidrs.filter((c) => parseCidr(c).ok));
  if (set.length === 0) return false;
  if (other.kind === 'workload') return ipIntersect(workloadIpSet(other.workload, profile), set).length > 0;
  if (other.node) return profile.ipBlockMatchesNodes && ipIntersect(other.set, set).length > 0;
  return other.set.length > 0 && ipSubsetOf(other.set, set);
}

/** The names of the design nodes a `nodes` selector selects. */
export function selectedNodeNames(model: Model, sel: ClusterPeer['nodes'] & object): Set<string> {
  const out = new Set<string>();
  for (const n of Object.values(model.nodes ?? {})) if (matchesSelector(sel, n.labels)) out.add(n.name);
  return out;
}

export function clusterPeerMatches(model: Model, peer: ClusterPeer, other: PeerRef): boolean {
  const profile = model.cluster.profile;
  if (peer.namespaces || peer.pods) {
    if (other.kind !== 'workload' || !isPolicyPod(other.workload, profile)) return false;
    const w = other.workload;
    const nsLabels = namespaceLabels(namespaceOf(model, w.namespaceId));
    if (peer.namespaces) return matchesSelector(peer.namespaces, nsLabels);
    return matchesSelector(peer.pods!.namespaceSelector, nsLabels) && matchesSelector(peer.pods!.podSelector, w.podLabels);
  }
  if (peer.networks) return networksMatch(peer.networks, other, profile);
  if (peer.nodes) {
    // Node addresses: a design node, a hostNetwork pod on a selected node, or (for a selector
    // that selects every node) the cluster's node addresses.
    if (other.kind === 'workload') {
      const w = other.workload;
      return !!w.hostNetwork && !!w.nodeName && selectedNodeNames(model, peer.nodes).has(w.nodeName);
    }
    if (!other.node) return false;
    if (other.nodeName !== undefined) return selectedNodeNames(model, peer.nodes).has(other.nodeName);
    return isEmptySelector(peer.nodes);
  }
  if (peer.domainNames) {
    if (other.kind !== 'addresses' || !other.domains) return false;
    return peer.domainNames.some((p) => other.domains!.some((d) => domainMatches(p, d)));
  }
  return false;
}

/** Connections a rule's ports match toward a destination (named ports resolve on the destination pod). */
export function clusterRuleConn(rule: ClusterRule, dst: Workload | undefined, profile: ClusterProfile): ConnSet {
  if (!rule.ports || rule.ports.length === 0) return allConn();
  const pod = dst && isPolicyPod(dst, profile) ? dst : undefined;
  let c = emptyConn();
  for (const p of rule.ports) c = union(c, clusterPortConn(p, pod));
  return c;
}

export function clusterPortConn(p: ClusterPort, dstPod: Workload | undefined): ConnSet {
  if (p.namedPort !== undefined) return namedPortAnyProtocol(dstPod, p.namedPort);
  const proto = p.protocol ?? 'TCP';
  return p.port === undefined ? connOf(proto) : connOf(proto, p.port, p.endPort ?? p.port);
}

/** A cluster policy's named port: the destination's container ports of that name, each with its own protocol. */
export function namedPortAnyProtocol(dst: Workload | undefined, name: string): ConnSet {
  let c = emptyConn();
  for (const cp of dst?.ports ?? []) if (cp.name === name) c = union(c, connOf(cp.protocol ?? 'TCP', cp.containerPort));
  return c;
}

/** One rule that decided some connections of the pair. */
export interface TierStep {
  policyId: string;
  ruleIndex: number;
  action: ClusterRule['action'];
  /** The connections this rule decided (its match minus what earlier rules decided). */
  conn: ConnSet;
  /** Another policy of the same tier and priority also matches: the API leaves the order undefined. */
  tie?: boolean;
}

export interface TierResult {
  steps: TierStep[];
  accepted: ConnSet;
  denied: ConnSet;
  passed: ConnSet;
}

/**
 * First match per connection over one tier for one direction: `subject` is the pod whose
 * policies apply (the source for egress), `peer` the other end, `dst` the destination workload
 * (named ports). Connections no rule matches are in none of the three sets.
 */
export function tierDecide(model: Model, tier: ClusterTier, dir: Direction, subject: Workload, peer: PeerRef, dst: Workload | undefined): TierResult {
  const profile = model.cluster.profile;
  const steps: TierStep[] = [];
  let undecided = allConn();
  let accepted = emptyConn();
  let denied = emptyConn();
  let passed = emptyConn();
  const pols = tierPolicies(model, tier).filter((p) => clusterSubjectMatches(model, p, subject));
  for (const p of pols) {
    if (isEmpty(undecided)) break;
    rulesOf(p, dir).forEach((rule, ruleIndex) => {
      if (isEmpty(undecided) || !rule.peers.some((x) => clusterPeerMatches(model, x, peer))) return;
      const c = clusterRuleConn(rule, dst, profile);
      const take = intersect(c, undecided);
      if (isEmpty(take)) return;
      const tie = pols.some((q) => q !== p && q.priority === p.priority && rulesOf(q, dir).some((r) => r.peers.some((x) => clusterPeerMatches(model, x, peer))));
      steps.push({ policyId: p.id, ruleIndex, action: rule.action, conn: take, ...(tie ? { tie } : {}) });
      if (rule.action === 'Accept') accepted = union(accepted, take);
      else if (rule.action === 'Deny') denied = union(denied, take);
      else passed = union(passed, take);
      undecided = subtract(undecided, c);
    });
  }
  return { steps, accepted, denied, passed };
}

/**
 * The chain for one direction (3.2): Admin Accept/Deny are final; the rest goes to the
 * NetworkPolicies when they isolate the pod (`np`), else to the Baseline tier, where only a Deny
 * removes anything (Accept, Pass and no match all end in the default allow).
 */
export function combineTiers(admin: TierResult, np: ConnSet | null, baseline: TierResult): ConnSet {
  const rest = subtract(subtract(allConn(), admin.accepted), admin.denied);
  const below = np !== null ? intersect(rest, np) : subtract(rest, baseline.denied);
  return union(admin.accepted, below);
}
