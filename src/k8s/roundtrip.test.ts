// Property: exporting a design (with workloads) and importing it back keeps its meaning.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emptyModel, ids } from '../model/factory.ts';
import type {
  ContainerPort, EgressRule, IngressRule, LabelSelector, LabelSelectorRequirement, Model, NetworkPolicy,
  PolicyPeer, PolicyPort, Service, Workload,
} from '../model/types.ts';
import { PROTOCOLS, WORKLOAD_KINDS } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { connBetween } from '../policy/reachability.ts';
import { connKey } from '../policy/portset.ts';
import { exportManifests } from './export.ts';
import { importManifests } from './import.ts';

const NAMESPACES = ['a', 'b', 'c'];
const KEYS = ['app', 'tier', 'kubernetes.io/metadata.name'];
const VALUES = ['a', 'b', 'web', 'true'];
const PORT_NAMES = ['http', 'dns', 'metrics'];
const BLOCKS = [
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] },
  { cidr: '192.168.1.0/24' },
  { cidr: '10.0.0.0/16', except: [] },
];

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const labels = fc.dictionary(fc.constantFrom(...KEYS.slice(0, 2)), fc.constantFrom(...VALUES), { maxKeys: 2 });

const requirement: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
);
const selector: fc.Arbitrary<LabelSelector> = fc.record(
  { matchLabels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }), matchExpressions: fc.array(requirement, { maxLength: 2 }) },
  { requiredKeys: [] },
);

const peer: fc.Arbitrary<PolicyPeer> = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ namespaceSelector: selector, podSelector: selector }),
  fc.constantFrom(...BLOCKS).map((b) => ({ ipBlock: { ...b } })),
);

const policyPort: fc.Arbitrary<PolicyPort> = fc.oneof(
  fc.record({ protocol: opt(fc.constantFrom(...PROTOCOLS)), port: opt(fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(53, 80, 8080), fc.constantFrom(...PORT_NAMES))) }),
  fc.record({ protocol: opt(fc.constantFrom(...PROTOCOLS)), port: fc.integer({ min: 1, max: 9000 }), span: fc.integer({ min: 0, max: 100 }) })
    .map(({ protocol, port, span }) => ({ protocol, port, endPort: port + span })),
).map((p) => JSON.parse(JSON.stringify(p)) as PolicyPort); // drop undefined keys, as a manifest would

const list = <T>(a: fc.Arbitrary<T>, max: number) => opt(fc.array(a, { maxLength: max }));
const rule = (key: 'from' | 'to') => fc.record({ [key]: list(peer, 3), ports: list(policyPort, 3) }).map((r) => JSON.parse(JSON.stringify(r)) as IngressRule & EgressRule);

const policy = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  policyTypes: opt(fc.subarray(['Ingress', 'Egress'] as const)),
  ingress: list(rule('from'), 2),
  egress: list(rule('to'), 2),
});

const containerPort: fc.Arbitrary<ContainerPort> = fc.record({
  containerPort: fc.constantFrom(53, 80, 443, 8080, 9090),
  protocol: opt(fc.constantFrom(...PROTOCOLS)),
});

const workload = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  kind: fc.constantFrom(...WORKLOAD_KINDS),
  podLabels: labels,
  ports: fc.array(containerPort, { maxLength: 3 }),
  named: fc.subarray(PORT_NAMES),
  hostNetwork: fc.boolean(),
  replicas: opt(fc.integer({ min: 0, max: 5 })),
});

const design: fc.Arbitrary<Model> = fc.record({
  nsLabels: fc.tuple(labels, labels, labels),
  workloads: fc.array(workload, { minLength: 1, maxLength: 6 }),
  policies: fc.array(policy, { maxLength: 5 }),
  services: fc.array(fc.record({ ns: fc.constantFrom(...NAMESPACES), selector: opt(labels), port: fc.constantFrom(80, 443), target: opt(fc.oneof(fc.constantFrom(...PORT_NAMES), fc.constantFrom(8080, 9090))), type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const), local: fc.boolean() }), { maxLength: 3 }),
}).map(({ nsLabels, workloads, policies, services }) => {
  const m = emptyModel();
  m.externals['ext:internet'] = { id: 'ext:internet', name: 'internet', cidrs: ['0.0.0.0/0'] };
  m.externals['ext:corp'] = { id: 'ext:corp', name: 'corp', cidrs: ['192.168.0.0/16', '10.1.0.0/16'] };
  NAMESPACES.forEach((name, i) => { m.namespaces[ids.namespace(name)] = { id: ids.namespace(name), name, labels: nsLabels[i] }; });
  workloads.forEach((w, i) => {
    const name = `w${i}`; // unique in the design, so `ns/name` identifies it
    // Container port names must be unique in a pod; attach the chosen names to distinct ports.
    const ports = w.ports.map((p, j): ContainerPort => JSON.parse(JSON.stringify({ name: w.named[j], ...p })) as ContainerPort);
    const wl: Workload = { id: ids.workload(w.ns, w.kind, name), namespaceId: ids.namespace(w.ns), name, kind: w.kind, podLabels: w.podLabels, ports };
    if (w.hostNetwork && i % 3 === 0) wl.hostNetwork = true;
    if (w.replicas !== undefined && w.kind !== 'Pod' && w.kind !== 'DaemonSet' && w.kind !== 'Job' && w.kind !== 'CronJob') wl.replicas = w.replicas;
    m.workloads[wl.id] = wl;
  });
  policies.forEach((p, i) => {
    const np: NetworkPolicy = JSON.parse(JSON.stringify({
      id: ids.policy(p.ns, `p${i}`), namespaceId: ids.namespace(p.ns), name: `p${i}`,
      podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress,
    })) as NetworkPolicy;
    m.policies[np.id] = np;
  });
  services.forEach((s, i) => {
    const svc: Service = JSON.parse(JSON.stringify({
      id: ids.service(s.ns, `s${i}`), namespaceId: ids.namespace(s.ns), name: `s${i}`, type: s.type, selector: s.selector,
      ports: [{ port: s.port, targetPort: s.target }], externalTrafficPolicy: s.type !== 'ClusterIP' && s.local ? 'Local' : undefined,
    })) as Service;
    m.services[svc.id] = svc;
  });
  return m;
});

const ALL = { kinds: ['Namespace', 'Workload', 'Service', 'NetworkPolicy'] as const };

/** External networks and cluster settings are not Kubernetes objects: carry them in the base. */
function roundTrip(m: Model) {
  const base = emptyModel();
  base.cluster = m.cluster;
  base.externals = m.externals;
  return importManifests([{ name: 'design.yaml', text: exportManifests(m, { kinds: [...ALL.kinds] }) }], base);
}

/** name -> name -> allowed connections, for every pair of endpoints. */
function reachByName(m: Model): Map<string, string> {
  const r = evaluate(m);
  const out = new Map<string, string>();
  for (const a of r.endpoints) for (const b of r.endpoints) out.set(`${a.name} -> ${b.name}`, connKey(connBetween(r, a.id, b.id)));
  return out;
}

describe('export -> import round trip', () => {
  it('import(export(m)) has the same reachability as m (workloads by ns/name, externals, nodes)', () => {
    fc.assert(fc.property(design, (m) => {
      const back = roundTrip(m);
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(Object.keys(back.model.workloads).sort()).toEqual(Object.keys(m.workloads).sort());
      const before = reachByName(m);
      const after = reachByName(back.model);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [pair, conn] of before) expect(after.get(pair), pair).toBe(conn);
    }), { numRuns: 200 });
  });

  it('export is a fixed point: export(import(export(m))) === export(m)', () => {
    fc.assert(fc.property(design, (m) => {
      const once = exportManifests(m, { kinds: [...ALL.kinds] });
      expect(exportManifests(roundTrip(m).model, { kinds: [...ALL.kinds] })).toBe(once);
    }), { numRuns: 200 });
  });

  it('a hand-made case where dropping "policyTypes" would change meaning survives the trip', () => {
    const m = emptyModel();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: {} };
    const w = (name: string): Workload => ({ id: ids.workload('a', 'Pod', name), namespaceId: 'ns:a', name, kind: 'Pod', podLabels: { app: name }, ports: [{ containerPort: 80 }] });
    m.workloads[w('x').id] = w('x');
    m.workloads[w('y').id] = w('y');
    // egress rules without policyTypes: also isolates ingress (semantics.md 1.3)
    m.policies['np:a/p'] = { id: 'np:a/p', namespaceId: 'ns:a', name: 'p', podSelector: { matchLabels: { app: 'y' } }, egress: [{}] };
    const before = evaluate(m);
    const after = evaluate(roundTrip(m).model);
    const xy = (r: typeof before) => connKey(connBetween(r, ids.workload('a', 'Pod', 'x'), ids.workload('a', 'Pod', 'y')));
    expect(xy(before)).toBe(connKey({ TCP: [], UDP: [], SCTP: [] }));
    expect(xy(after)).toBe(xy(before));
  });
});
