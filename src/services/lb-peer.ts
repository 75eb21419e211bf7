// The ingress peer that "admits load-balancer traffic" at a backend, chosen from the source
// address the backend really sees under the cluster settings (semantics 2.7): node addresses
// for externalTrafficPolicy Cluster with an SNATing proxy, the client ranges for Local or
// Cilium DSR, the load balancer's own addresses (lbSourceCidrs) for proxy / direct-to-pod LBs.
// Shared by the "public entry" template and intent synthesis.
//
// Public API:
//   lbIngressPeers(model, service): LbIngressPeers
//   clientRangePeers(model, ranges?): PolicyPeer[]

import type { Model, PolicyPeer, Service } from '../model/types.ts';
import { seenSource, type SeenSource } from './paths.ts';

export interface LbIngressPeers {
  /**
   * Which addresses the peers are: 'client' is also used as the fallback when a proxy /
   * direct-to-pod load balancer's addresses are unknown (see `warnings`).
   */
  kind: 'node' | 'lb' | 'client';
  /** ipBlock peers, as the cluster settings / Service spell them; empty when nodeCidrs is unset. */
  peers: PolicyPeer[];
  /** What the backend sees, and why (seenSource for the load-balancer path). */
  seen: SeenSource;
  /** Caveats, one sentence each. */
  warnings: string[];
}

/**
 * The client ranges as ipBlock peers: the Service's loadBalancerSourceRanges when set,
 * otherwise every address outside the cluster's pod, Service and node ranges.
 */
export function clientRangePeers(model: Model, ranges: string[] | undefined): PolicyPeer[] {
  if (ranges && ranges.length > 0) return ranges.map((cidr) => ({ ipBlock: { cidr } }));
  const c = model.cluster;
  const cluster = [...c.podCidrs, ...c.serviceCidrs, ...c.nodeCidrs];
  const v4 = cluster.filter((x) => !x.includes(':'));
  const v6 = cluster.filter((x) => x.includes(':'));
  return [
    { ipBlock: { cidr: '0.0.0.0/0', ...(v4.length ? { except: v4 } : {}) } },
    { ipBlock: { cidr: '::/0', ...(v6.length ? { except: v6 } : {}) } },
  ];
}

/** The peer that admits the load-balancer path of `svc` at its backends. */
export function lbIngressPeers(model: Model, svc: Service): LbIngressPeers {
  const seen = seenSource(model, svc, 'loadbalancer', []);
  const profile = model.cluster.profile;
  if (seen.kind === 'node') {
    const nodes = model.cluster.nodeCidrs;
    const warnings: string[] = [];
    if (nodes.length === 0) warnings.push('Warning: nodeCidrs is not set in the cluster settings, so the node addresses the backend sees are unknown.');
    if (!profile.ipBlockMatchesNodes) warnings.push(`Warning: the '${profile.name}' profile does not match node addresses with ipBlock; only own-node traffic gets in. Prefer Cilium DSR or externalTrafficPolicy: Local.`);
    return { kind: 'node', peers: nodes.map((cidr) => ({ ipBlock: { cidr } })), seen, warnings };
  }
  if (seen.kind === 'lb' && seen.cidrs.length > 0) {
    return { kind: 'lb', peers: seen.cidrs.map((cidr) => ({ ipBlock: { cidr } })), seen, warnings: [] };
  }
  const warnings = seen.kind === 'lb' ? ['Warning: lbSourceCidrs is not set, so the client ranges were used; set it to the load balancer addresses and apply again.'] : [];
  return { kind: 'client', peers: clientRangePeers(model, svc.loadBalancerSourceRanges), seen, warnings };
}
