// Random small designs for property tests (fast-check): namespaces n0..n2 (n2 known only from its
// workloads), workloads with labels, ports, IPs and host networking, NetworkPolicies using every
// peer and port form, cluster-wide policies, external networks, nodes.
//
// Public API: scenario (arbitrary), toModel(scenario), addWorkload / addPolicy (one generated
// object into a builder), and the part arbitraries (workload, policy, clusterPolicy, labels, ...).

import fc from 'fast-check';
import { PROFILES } from '../model/factory.ts';
import type { ClusterPeer, ClusterPort, ClusterRule, ContainerPort, EgressRule, IngressRule, LabelSelector, Model, PolicyPeer, PolicyPort, Protocol } from '../model/types.ts';
import { build, type ModelBuilder } from './builder.ts';

export const PROTOS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const key = fc.constantFrom('app', 'tier', 'env');
const val = fc.constantFrom('a', 'b', 'c');
export const labels = fc.dictionary(key, val, { maxKeys: 3 });
export const selector: fc.Arbitrary<LabelSelector> = fc.record(
  {
    matchLabels: fc.dictionary(key, val, { maxKeys: 1 }),
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({ key, operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.array(val, { minLength: 1, maxLength: 2 }) }),
        fc.record({ key, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
export const nsSelector: fc.Arbitrary<LabelSelector> = fc.oneof<fc.Arbitrary<LabelSelector>[]>(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ team: fc.constantFrom('red', 'blue') }) }),
  fc.record({ matchLabels: fc.record({ 'kubernetes.io/metadata.name': fc.constantFrom('n0', 'n1', 'n2') }) }),
  fc.record({ matchExpressions: fc.constant([{ key: 'team', operator: 'NotIn' as const, values: ['red'] }]) }),
);
export const cidr = fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.0.1/32', '192.168.0.0/16', '128.0.0.0/1', '10.9.0.0/24', '::/0', '2001:db8::/32');
export const peer: fc.Arbitrary<PolicyPeer> = fc.oneof<fc.Arbitrary<PolicyPeer>[]>(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: nsSelector }),
  fc.record({ podSelector: selector, namespaceSelector: nsSelector }),
  fc.tuple(cidr, fc.constantFrom<string[] | undefined>(undefined, ['10.1.0.1/32'], ['10.1.0.0/24', '10.9.0.0/25'], ['10.1.0.0/25', '10.1.0.128/25'], ['2001:db8::/33']))
    .map(([c, except]): PolicyPeer => ({ ipBlock: except ? { cidr: c, except } : { cidr: c } })),
);
export const policyPort: fc.Arbitrary<PolicyPort> = fc.record(
  {
    protocol: fc.constantFrom(...PROTOS),
    port: fc.oneof(fc.constantFrom(80, 81, 443, 53), fc.constantFrom('http', 'dns', 'metrics')),
    endPort: fc.constantFrom(81, 90, 8080),
  },
  { requiredKeys: [] },
).map((p) => (p.endPort !== undefined && (typeof p.port !== 'number' || p.endPort < p.port) ? { ...p, endPort: undefined } : p));
export const rule = fc.record({ peers: fc.option(fc.array(peer, { maxLength: 2 })), ports: fc.option(fc.array(policyPort, { maxLength: 2 })) });
export const containerPort: fc.Arbitrary<ContainerPort> = fc.record(
  { name: fc.constantFrom('http', 'dns', 'metrics'), containerPort: fc.constantFrom(80, 81, 53, 8080, 9090), protocol: fc.constantFrom(...PROTOS) },
  { requiredKeys: ['containerPort'] },
);
export const workload = fc.record({
  // n2 has no Namespace object: it is known only from the workload (1.5).
  ns: fc.constantFrom('n0', 'n1', 'n2'),
  labels,
  ports: fc.array(containerPort, { maxLength: 3 }),
  ip: fc.option(fc.constantFrom('10.1.0.1', '10.1.0.7', '192.168.3.4', '10.9.0.200', '2001:db8::7', '2001:db8:8000::1')),
  ip2: fc.option(fc.constantFrom('2001:db8::7', '10.9.0.1')),
  host: fc.option(fc.constantFrom('n-a', 'n-b')),
});
export const policy = fc.record({
  ns: fc.constantFrom('n0', 'n1', 'n2'),
  podSelector: selector,
  policyTypes: fc.constantFrom<('Ingress' | 'Egress')[] | undefined>(undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.option(fc.array(rule, { maxLength: 2 })),
  egress: fc.option(fc.array(rule, { maxLength: 2 })),
});
// Cluster-wide policies (semantics.md 3): random tiers, priorities (ties included), actions and peers.
const clusterPeerIn: fc.Arbitrary<ClusterPeer> = fc.oneof<fc.Arbitrary<ClusterPeer>[]>(
  fc.record({ namespaces: nsSelector }),
  fc.record({ pods: fc.record({ namespaceSelector: nsSelector, podSelector: selector }) }),
);
const clusterPeerEg: fc.Arbitrary<ClusterPeer> = fc.oneof<fc.Arbitrary<ClusterPeer>[]>(
  clusterPeerIn,
  fc.array(cidr, { minLength: 1, maxLength: 2 }).map((networks) => ({ networks })),
  fc.constantFrom<ClusterPeer>({ nodes: {} }, { nodes: { matchLabels: { zone: 'a' } } }),
  fc.constantFrom<ClusterPeer>({ domainNames: ['api.example.com'] }, { domainNames: ['*.example.com'] }),
);
const clusterPort: fc.Arbitrary<ClusterPort> = fc.oneof<fc.Arbitrary<ClusterPort>[]>(
  fc.record({ protocol: fc.constantFrom(...PROTOS), port: fc.constantFrom(80, 81, 53) }),
  fc.record({ protocol: fc.constantFrom(...PROTOS), port: fc.constant(80), endPort: fc.constantFrom(81, 90) }),
  fc.record({ protocol: fc.constantFrom(...PROTOS) }),
  fc.record({ namedPort: fc.constantFrom('http', 'dns') }),
);
const clusterRule = (peerArb: fc.Arbitrary<ClusterPeer>) => fc.record({
  action: fc.constantFrom<ClusterRule['action']>('Accept', 'Deny', 'Pass'),
  peers: fc.array(peerArb, { minLength: 1, maxLength: 2 }),
  ports: fc.option(fc.array(clusterPort, { minLength: 1, maxLength: 2 }), { nil: undefined }),
}).map((r): ClusterRule => {
  // The importer's rules: no named port with address peers; domainNames only in Accept rules.
  let peers = r.peers.filter((p) => r.action === 'Accept' || !p.domainNames);
  if (r.ports?.some((p) => p.namedPort)) peers = peers.filter((p) => !p.networks && !p.nodes && !p.domainNames);
  return { action: r.action, peers: peers.length ? peers : [{ namespaces: {} }], ...(r.ports ? { ports: r.ports } : {}) };
});
export const clusterPolicy = fc.record({
  tier: fc.constantFrom('Admin' as const, 'Baseline' as const),
  priority: fc.constantFrom(1, 5, 5, 10),
  subject: fc.oneof(
    fc.record({ namespaces: nsSelector }),
    fc.record({ pods: fc.record({ namespaceSelector: nsSelector, podSelector: selector }) }),
  ),
  ingress: fc.array(clusterRule(clusterPeerIn), { maxLength: 2 }),
  egress: fc.array(clusterRule(clusterPeerEg), { maxLength: 2 }),
});
export const scenario = fc.record({
  profile: fc.constantFrom('upstream' as const, 'cilium' as const, 'netpol-analyzer-compat' as const),
  hostNetworkIsPod: fc.boolean(),
  teams: fc.tuple(fc.constantFrom('red', 'blue'), fc.constantFrom('red', 'blue')),
  workloads: fc.array(workload, { minLength: 1, maxLength: 5 }),
  policies: fc.array(policy, { maxLength: 4 }),
  externals: fc.array(fc.array(cidr, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  nodes: fc.constantFrom<string[]>([], ['10.0.0.0/24'], ['10.1.0.0/24'], ['10.1.0.0/25', '10.9.0.0/24']),
  clusterPolicies: fc.array(clusterPolicy, { maxLength: 3 }),
  designNodes: fc.boolean(),
  domainExternal: fc.boolean(),
});

export type WorkloadArb = typeof workload extends fc.Arbitrary<infer T> ? T : never;
export type PolicyArb = typeof policy extends fc.Arbitrary<infer T> ? T : never;

/** Adds a generated workload as `<ns>/<name>`; `i` varies the node placement. */
export function addWorkload(b: ModelBuilder, w: WorkloadArb, name: string, i: number): void {
  b.pod(w.ns, name, w.labels, w.ports, {
    ...(w.ip ? { podIPs: w.ip2 && w.ip2 !== w.ip ? [w.ip, w.ip2] : [w.ip] } : {}),
    ...(w.host ? { hostNetwork: true, nodeName: w.host, hostIP: '10.0.0.9' } : i % 2 ? { nodeName: 'n-a' } : {}),
  });
}

/** Adds a generated policy as `<ns>/<name>`. */
export function addPolicy(b: ModelBuilder, p: PolicyArb, name: string): void {
  b.policy(p.ns, name, {
    podSelector: p.podSelector,
    ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}),
    ...(p.ingress ? { ingress: p.ingress.map((r): IngressRule => ({ ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
    ...(p.egress ? { egress: p.egress.map((r): EgressRule => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
  });
}

export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

export function toModel(s: Scenario): Model {
  const b = build().profile({ ...PROFILES[s.profile], hostNetworkIsPod: s.hostNetworkIsPod }).nodes(...s.nodes);
  b.ns('n0', { team: s.teams[0] }).ns('n1', { team: s.teams[1] });
  s.workloads.forEach((w, i) => addWorkload(b, w, `w${i}`, i));
  s.externals.forEach((cidrs, i) => b.external(`e${i}`, `ext${i}`, cidrs));
  s.policies.forEach((p, i) => addPolicy(b, p, `p${i}`));
  delete b.model.namespaces['ns:n2'];
  if (s.clusterPolicies.length) {
    b.model.clusterPolicies = {};
    s.clusterPolicies.forEach((p, i) => { b.model.clusterPolicies![`cnp:c${i}`] = { id: `cnp:c${i}`, name: `c${i}`, ...p }; });
  }
  if (s.designNodes) {
    b.model.nodes = {
      'node:n-a': { id: 'node:n-a', name: 'n-a', labels: { zone: 'a' }, addresses: ['10.0.0.9'] },
      'node:n-b': { id: 'node:n-b', name: 'n-b', labels: { zone: 'b' }, addresses: ['10.1.0.200'] },
    };
  }
  if (s.domainExternal) b.model.externals['e-dns'] = { id: 'e-dns', name: 'api', cidrs: [], domainNames: ['api.example.com'] };
  return b.model;
}
