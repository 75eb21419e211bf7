// A deliberately naive reference evaluator, written straight from semantics.md 1.11: one
// (source, destination, protocol, port) at a time, no classes, no caches. Used by the
// property test to check evaluate(). Addresses of an endpoint come from its CIDRs.

import type { ClusterPeer, ClusterPolicy, Model, NetworkPolicy, PolicyPeer, PolicyPort, Protocol, Workload } from '../model/types.ts';
import { parseCidr } from '../net/ip.ts';
import type { Endpoint } from '../policy/reachability-types.ts';
import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';

type Range = [bigint, bigint];
const range = (c: string): Range | undefined => {
  const p = parseCidr(c);
  return p.ok ? [p.first, p.last] : undefined;
};
const within = (a: Range, b: Range): boolean => a[0] >= b[0] && a[1] <= b[1];
const overlaps = (a: Range, b: Range): boolean => a[0] <= b[1] && b[0] <= a[1];

function effectiveTypes(np: NetworkPolicy): string[] {
  const pt = np.policyTypes ?? [];
  if (pt.length > 0) return pt;
  return (np.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function referenceAllowed(model: Model, src: Endpoint, dst: Endpoint, proto: Protocol, port: number): boolean {
  if (src.id === dst.id) return true;
  const profile = model.cluster.profile;
  const wl = (e: Endpoint): Workload | undefined => (e.kind === 'workload' ? model.workloads[e.modelId] : undefined);
  const isPod = (w: Workload | undefined): w is Workload => !!w && (!w.hostNetwork || profile.hostNetworkIsPod);
  // A namespace known only from a workload's namespace still carries kubernetes.io/metadata.name (1.5).
  const nsLabels = (w: Workload) =>
    namespaceLabels(model.namespaces[w.namespaceId] ?? { id: w.namespaceId, name: w.namespaceId.replace(/^ns:/, ''), labels: {} });

  // ipBlock against an endpoint: pods by their IPs, nodes by overlap, external parts whole.
  const blockMatches = (peer: PolicyPeer, e: Endpoint): boolean => {
    const cidr = range(peer.ipBlock!.cidr);
    if (!cidr) return false;
    const exceptsRaw = (peer.ipBlock!.except ?? []).map(range);
    if (exceptsRaw.some((r) => !r)) return false; // an unreadable except: fail closed
    const excepts = exceptsRaw as Range[];
    const inBlock = (r: Range): boolean => within(r, cidr) && !excepts.some((x) => overlaps(r, x));
    const w = wl(e);
    if (w) {
      const allowedByProfile = isPod(w) ? profile.ipBlockMatchesPods : profile.ipBlockMatchesNodes;
      const ips = w.podIPs?.length ? w.podIPs : w.hostNetwork && w.hostIP ? [w.hostIP] : [];
      return allowedByProfile && ips.some((ip) => { const r = range(ip); return !!r && inBlock(r); });
    }
    const rs = (e.cidrs ?? []).map(range).filter((r): r is Range => !!r);
    if (e.kind === 'node') {
      // Some node address inside the block (cidr minus excepts): walk r ∩ cidr and skip the
      // excepted stretches; any address left over is a match.
      const covered = (lo: bigint, hi: bigint): boolean => {
        let at = lo;
        for (const x of [...excepts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          if (x[1] < at) continue;
          if (x[0] > at) return false;
          at = x[1] + 1n;
          if (at > hi) return true;
        }
        return at > hi;
      };
      return profile.ipBlockMatchesNodes && rs.some((r) => overlaps(r, cidr) && !covered(r[0] > cidr[0] ? r[0] : cidr[0], r[1] < cidr[1] ? r[1] : cidr[1]));
    }
    return rs.length > 0 && rs.every(inBlock);
  };

  const peerMatches = (peer: PolicyPeer, np: NetworkPolicy, other: Endpoint): boolean => {
    if (peer.ipBlock) return !peer.podSelector && !peer.namespaceSelector && blockMatches(peer, other);
    if (!peer.podSelector && !peer.namespaceSelector) return false;
    const w = wl(other);
    if (!isPod(w)) return false;
    const nsOk = peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, nsLabels(w)) : w.namespaceId === np.namespaceId;
    return nsOk && (!peer.podSelector || matchesSelector(peer.podSelector, w.podLabels));
  };

  const portMatches = (p: PolicyPort, dstPod: Workload | undefined): boolean => {
    if ((p.protocol ?? 'TCP') !== proto) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') {
      const end = profile.endPortSupported ? (p.endPort ?? p.port) : p.port;
      return port >= p.port && port <= end;
    }
    if (!dstPod) return false;
    return dstPod.ports.some((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === proto && cp.containerPort === port);
  };

  const direction = (dir: 'Ingress' | 'Egress', subject: Workload, peer: Endpoint, dstPod: Workload | undefined): 'notIsolated' | 'allow' | 'deny' => {
    const pols = Object.values(model.policies).filter(
      (np) => effectiveTypes(np).includes(dir) && np.namespaceId === subject.namespaceId && matchesSelector(np.podSelector, subject.podLabels),
    );
    if (pols.length === 0) return 'notIsolated';
    const ok = pols.some((np) =>
      ((dir === 'Ingress' ? np.ingress : np.egress) ?? []).some((r) => {
        const peers = dir === 'Ingress' ? (r as { from?: PolicyPeer[] }).from : (r as { to?: PolicyPeer[] }).to;
        const peerOk = !peers || peers.length === 0 || peers.some((p) => peerMatches(p, np, peer));
        const portOk = !r.ports || r.ports.length === 0 || r.ports.some((p) => portMatches(p, dstPod));
        return peerOk && portOk;
      }),
    );
    return ok ? 'allow' : 'deny';
  };

  // ---- cluster tiers (semantics.md 3.8), one connection at a time
  const nsOf = (w: Workload) => nsLabels(w);
  const cidrHit = (cidrs: string[], e: Endpoint): boolean =>
    cidrs.some((c) => blockMatches({ ipBlock: { cidr: c } }, e));
  const nodeNames = (sel: NonNullable<ClusterPeer['nodes']>): string[] =>
    Object.values(model.nodes ?? {}).filter((n) => matchesSelector(sel, n.labels)).map((n) => n.name);
  const clusterPeerOk = (peer: ClusterPeer, e: Endpoint): boolean => {
    const w = wl(e);
    if (peer.namespaces) return isPod(w) && matchesSelector(peer.namespaces, nsOf(w));
    if (peer.pods) return isPod(w) && matchesSelector(peer.pods.namespaceSelector, nsOf(w)) && matchesSelector(peer.pods.podSelector, w.podLabels);
    if (peer.networks) return cidrHit(peer.networks, e);
    if (peer.nodes) {
      if (w) return !!w.hostNetwork && !!w.nodeName && nodeNames(peer.nodes).includes(w.nodeName);
      if (e.kind !== 'node') return false;
      const node = model.nodes?.[e.modelId];
      if (node) return nodeNames(peer.nodes).includes(node.name);
      return Object.keys(peer.nodes.matchLabels ?? {}).length === 0 && (peer.nodes.matchExpressions ?? []).length === 0;
    }
    if (peer.domainNames) {
      const ext = e.kind === 'external' ? model.externals[e.modelId] : undefined;
      const norm = (x: string) => x.toLowerCase().replace(/\.$/, '');
      return !!ext?.domainNames?.some((dn) => peer.domainNames!.some((p) => {
        const pat = norm(p);
        const name = norm(dn);
        return pat.startsWith('*.') ? name.endsWith(pat.slice(1)) && name.length > pat.length - 1 : pat === name;
      }));
    }
    return false;
  };
  const clusterPortOk = (ports: ClusterPolicy['ingress'][number]['ports'], dstPod: Workload | undefined): boolean => {
    if (!ports || ports.length === 0) return true;
    return ports.some((p) => {
      if (p.namedPort !== undefined) return !!dstPod && dstPod.ports.some((cp) => cp.name === p.namedPort && (cp.protocol ?? 'TCP') === proto && cp.containerPort === port);
      if ((p.protocol ?? 'TCP') !== proto) return false;
      return p.port === undefined || (port >= p.port && port <= (p.endPort ?? p.port));
    });
  };
  const tierAction = (tier: 'Admin' | 'Baseline', dir: 'Ingress' | 'Egress', subject: Workload, peer: Endpoint, dstPod: Workload | undefined): string | undefined => {
    const pols = Object.values(model.clusterPolicies ?? {})
      .filter((p) => p.tier === tier)
      .sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
    for (const p of pols) {
      const subjOk = p.subject.namespaces
        ? matchesSelector(p.subject.namespaces, nsOf(subject))
        : !!p.subject.pods && matchesSelector(p.subject.pods.namespaceSelector, nsOf(subject)) && matchesSelector(p.subject.pods.podSelector, subject.podLabels);
      if (!subjOk) continue;
      for (const r of dir === 'Ingress' ? p.ingress : p.egress) {
        if (r.peers.some((x) => clusterPeerOk(x, peer)) && clusterPortOk(r.ports, dstPod)) return r.action;
      }
    }
    return undefined;
  };
  const sideAllowed = (dir: 'Ingress' | 'Egress', subject: Workload, peer: Endpoint, dstPod: Workload | undefined, ownNode: boolean): boolean => {
    const a = tierAction('Admin', dir, subject, peer, dstPod);
    if (a === 'Accept') return true;
    if (a === 'Deny') return false;
    const np = direction(dir, subject, peer, dstPod);
    if (np !== 'notIsolated') return ownNode || np === 'allow';
    return tierAction('Baseline', dir, subject, peer, dstPod) !== 'Deny';
  };

  const s = wl(src);
  const d = wl(dst);
  // Named ports resolve only on a destination pod; a hostNetwork workload is node traffic (1.2, 1.7).
  const dstPod = isPod(d) ? d : undefined;
  const egress = isPod(s) ? sideAllowed('Egress', s, dst, dstPod, false) : true;
  let ingress = true;
  if (isPod(d)) {
    const srcHost = s !== undefined && !isPod(s) ? (s as Workload) : undefined;
    const srcNode = src.kind === 'node' ? model.nodes?.[src.modelId] : undefined;
    const ownNode = (!!srcHost?.nodeName && srcHost.nodeName === d.nodeName) || (!!srcNode && srcNode.name === d.nodeName);
    ingress = sideAllowed('Ingress', d, src, d, ownNode);
  }
  return egress && ingress;
}
