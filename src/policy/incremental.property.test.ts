// evaluateIncremental() after any sequence of design edits must give what a full evaluate() of
// the edited design gives: the same endpoints and, for every ordered pair, the same connections.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPolicy, addWorkload, clusterPolicy, cidr, labels, policy, scenario, toModel, workload, containerPort, type PolicyArb, type WorkloadArb } from '../conformance/scenario.ts';
import { build } from '../conformance/builder.ts';
import type { ClusterPolicy, Model } from '../model/types.ts';
import { evaluate } from './evaluate.ts';
import { evaluateIncremental, type IncrementalState } from './incremental.ts';
import { connKey } from './portset.ts';
import { connBetween } from './reachability.ts';
import type { Reachability } from './reachability-types.ts';

type ClusterPolicyArb = typeof clusterPolicy extends fc.Arbitrary<infer T> ? T : never;

const index = fc.nat(20);
const ns = fc.constantFrom('n0', 'n1', 'n2');
const edit = fc.oneof(
  fc.record({ k: fc.constant('labels' as const), i: index, labels }),
  fc.record({ k: fc.constant('ports' as const), i: index, ports: fc.array(containerPort, { maxLength: 3 }) }),
  fc.record({ k: fc.constant('moveNs' as const), i: index, ns }),
  fc.record({ k: fc.constant('hostNetwork' as const), i: index }),
  fc.record({ k: fc.constant('addWorkload' as const), w: workload }),
  fc.record({ k: fc.constant('removeWorkload' as const), i: index }),
  fc.record({ k: fc.constant('addPolicy' as const), p: policy }),
  fc.record({ k: fc.constant('removePolicy' as const), i: index }),
  fc.record({ k: fc.constant('replacePolicy' as const), i: index, p: policy }),
  fc.record({ k: fc.constant('rules' as const), i: index, p: policy }),
  fc.record({ k: fc.constant('defaultDeny' as const), ns, egress: fc.boolean() }),
  fc.record({ k: fc.constant('nsLabels' as const), ns: fc.constantFrom('n0', 'n1'), team: fc.constantFrom('red', 'blue', 'gold') }),
  fc.record({ k: fc.constant('clusterPolicy' as const), cp: fc.option(clusterPolicy, { freq: 2 }) }),
  fc.record({ k: fc.constant('external' as const), cidrs: fc.array(cidr, { minLength: 1, maxLength: 2 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
const nth = <T extends { id: string }>(rec: Record<string, T>, i: number): T | undefined => {
  const xs = Object.values(rec).sort((a, b) => (a.id < b.id ? -1 : 1));
  return xs.length ? xs[i % xs.length] : undefined;
};
const newWorkload = (w: WorkloadArb): Model['workloads'][string] => {
  const b = build();
  addWorkload(b, w, `x${++serial}`, serial);
  return Object.values(b.model.workloads)[0];
};
const newPolicy = (p: PolicyArb, ns?: PolicyArb['ns'], id?: string): Model['policies'][string] => {
  const b = build();
  addPolicy(b, ns ? { ...p, ns } : p, `q${++serial}`);
  const np = Object.values(b.model.policies)[0];
  return id ? { ...np, id } : np;
};

/** The design after one edit, as a new object (the previous one is left as it was). */
function apply(m: Model, e: Edit): Model {
  const next: Model = { ...m, workloads: { ...m.workloads }, policies: { ...m.policies }, namespaces: { ...m.namespaces } };
  const w = 'i' in e ? nth(m.workloads, e.i) : undefined;
  const np = 'i' in e ? nth(m.policies, e.i) : undefined;
  switch (e.k) {
    case 'labels': if (w) next.workloads[w.id] = { ...w, podLabels: e.labels }; break;
    case 'ports': if (w) next.workloads[w.id] = { ...w, ports: e.ports }; break;
    case 'moveNs': if (w) next.workloads[w.id] = { ...w, namespaceId: `ns:${e.ns}` }; break;
    case 'hostNetwork': if (w) next.workloads[w.id] = { ...w, hostNetwork: !w.hostNetwork, nodeName: w.nodeName ?? 'n-b' }; break;
    case 'addWorkload': { const x = newWorkload(e.w); next.workloads[x.id] = x; break; }
    case 'removeWorkload': if (w) delete next.workloads[w.id]; break;
    case 'addPolicy': { const x = newPolicy(e.p); next.policies[x.id] = x; break; }
    case 'removePolicy': if (np) delete next.policies[np.id]; break;
    case 'replacePolicy': if (np) next.policies[np.id] = newPolicy(e.p, undefined, np.id); break;
    case 'rules': if (np) { const x = newPolicy(e.p); next.policies[np.id] = { ...np, ingress: x.ingress, egress: x.egress }; } break;
    case 'defaultDeny': {
      const id = `dd/${e.ns}`;
      if (next.policies[id]) delete next.policies[id];
      else next.policies[id] = { id, name: 'default-deny', namespaceId: `ns:${e.ns}`, podSelector: {}, policyTypes: e.egress ? ['Ingress', 'Egress'] : ['Ingress'] };
      break;
    }
    case 'nsLabels': { const n = m.namespaces[`ns:${e.ns}`]; if (n) next.namespaces[n.id] = { ...n, labels: { ...n.labels, team: e.team } }; break; }
    case 'clusterPolicy': {
      if (!e.cp) { next.clusterPolicies = {}; break; }
      const id = `cnp:x${++serial}`;
      next.clusterPolicies = { ...m.clusterPolicies, [id]: { id, name: id, ...(e.cp as ClusterPolicyArb) } as ClusterPolicy };
      break;
    }
    case 'external': next.externals = { ...m.externals, 'e-edit': { id: 'e-edit', name: 'edited', cidrs: e.cidrs } }; break;
  }
  return next;
}

function expectSame(got: Reachability, want: Reachability, m: Model, edits: Edit[]): void {
  expect(got.endpoints).toEqual(want.endpoints);
  for (const s of want.endpoints) {
    for (const d of want.endpoints) {
      const a = connKey(connBetween(got, s.id, d.id));
      const b = connKey(connBetween(want, s.id, d.id));
      if (a !== b) throw new Error(`${s.id} -> ${d.id}: incremental ${a}, full ${b}\nedits ${JSON.stringify(edits)}\n${JSON.stringify(m, null, 1)}`);
    }
  }
}

describe('evaluateIncremental() vs evaluate() (property)', () => {
  it('gives the full evaluation after every edit of a random sequence', () => {
    fc.assert(
      fc.property(scenario, fc.array(edit, { minLength: 1, maxLength: 8 }), (s, edits) => {
        let m = toModel(s);
        let state: IncrementalState | null = null;
        ({ state } = evaluateIncremental(state, m));
        const done: Edit[] = [];
        for (const e of edits) {
          m = apply(m, e);
          done.push(e);
          const out = evaluateIncremental(state, m);
          state = out.state;
          expectSame(out.reach, evaluate(m), m, done);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluateIncremental()', () => {
  const base = (): Model => build()
    .ns('shop', { team: 'red' }).ns('pay', { team: 'blue' })
    .pod('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }])
    .pod('shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }])
    .pod('pay', 'db', { app: 'db' }, [{ containerPort: 5432 }])
    .policy('shop', 'api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }] })
    .policy('pay', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'red' } } }] }] })
    .model;

  it('answers a label edit from the previous state, recomputing one row and one column', () => {
    const m0 = base();
    const first = evaluateIncremental(null, m0);
    expect(first.info.mode).toBe('full');
    const web = m0.workloads['shop/web'];
    const m1 = { ...m0, workloads: { ...m0.workloads, 'shop/web': { ...web, podLabels: { app: 'web2' } } } };
    const second = evaluateIncremental(first.state, m1);
    expect(second.info).toEqual({ mode: 'incremental', rows: 1, cols: 1 });
    expect(connKey(connBetween(second.reach, 'shop/web', 'shop/api'))).toBe(connKey(connBetween(evaluate(m1), 'shop/web', 'shop/api')));
    expect(connBetween(second.reach, 'shop/web', 'shop/api').TCP).toEqual([]);
  });

  it('recomputes only the subjects of a changed policy', () => {
    const m0 = base();
    const first = evaluateIncremental(null, m0);
    const np = m0.policies['pay/db-in'];
    const m1 = { ...m0, policies: { ...m0.policies, [np.id]: { ...np, ingress: [{ ...np.ingress![0], ports: [{ port: 5433 }] }] } } };
    const second = evaluateIncremental(first.state, m1);
    expect(second.info).toEqual({ mode: 'incremental', rows: 0, cols: 1 });
    expect(connBetween(second.reach, 'shop/api', 'pay/db').TCP).toEqual([[5433, 5433]]);
  });

  it('never depends on a state that was already used: it rebuilds instead', () => {
    const m0 = base();
    const first = evaluateIncremental(null, m0);
    evaluateIncremental(first.state, { ...m0, policies: {} });
    const again = evaluateIncremental(first.state, m0);
    expect(again.info.mode).toBe('full');
    expectSame(again.reach, evaluate(m0), m0, []);
  });

  it('builds its state from a given full evaluation, and goes on incrementally from it', () => {
    const m0 = base();
    const first = evaluateIncremental(null, m0, evaluate(m0));
    expect(first.info.mode).toBe('full');
    expectSame(first.reach, evaluate(m0), m0, []);
    const web = m0.workloads['shop/web'];
    const m1 = { ...m0, workloads: { ...m0.workloads, 'shop/web': { ...web, podLabels: { app: 'api' } } } };
    const next = evaluateIncremental(first.state, m1);
    expect(next.info.mode).toBe('incremental');
    expectSame(next.reach, evaluate(m1), m1, []);
  });

  it('hands designs with cluster policies to evaluate()', () => {
    const m0 = base();
    const m1: Model = { ...m0, clusterPolicies: { 'cnp:a': { id: 'cnp:a', name: 'a', tier: 'Admin', priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Deny', peers: [{ namespaces: {} }] }], egress: [] } } };
    const out = evaluateIncremental(evaluateIncremental(null, m0).state, m1);
    expect(out.info.mode).toBe('reference');
    expectSame(out.reach, evaluate(m1), m1, []);
    expect(evaluateIncremental(out.state, m0).info.mode).toBe('full');
  });
});
