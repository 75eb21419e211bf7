// Property: in a design where every namespace denies ingress and egress by default, the
// synthesised policies open exactly the intended flows: between any two endpoints the
// evaluator allows the union of the intents' ports and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/factory.ts';
import type { Model, PolicyPort } from '../model/types.ts';
import { evaluate } from './evaluate.ts';
import { intentStatus } from './intent-status.ts';
import { allConn, connOf, describeConn, emptyConn, union } from './portset.ts';
import { connBetween } from './reachability.ts';
import type { ConnSet } from './reachability-types.ts';
import { applySynthesis } from './synthesize.ts';

const WORKLOADS = ['w0', 'w1', 'w2', 'w3', 'w4'];
const EXTERNALS = ['e0', 'e1'];
const ENDS = [...WORKLOADS, ...EXTERNALS];

const scenario = fc.record({
  nsOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: WORKLOADS.length, maxLength: WORKLOADS.length }),
  containerPorts: fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }), { minLength: WORKLOADS.length, maxLength: WORKLOADS.length }),
  intents: fc.array(fc.record({
    from: fc.constantFrom(...ENDS), to: fc.constantFrom(...ENDS),
    ports: fc.oneof(fc.constant([] as PolicyPort[]), fc.array(fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.integer({ min: 1, max: 9 }).map((n) => n * 100) }), { minLength: 1, maxLength: 2 })),
  }), { maxLength: 8 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { model: Model; expected: Map<string, ConnSet> } {
  const m = emptyModel();
  for (let n = 0; n < 3; n++) {
    m.namespaces[`n${n}`] = { id: `n${n}`, name: `team-${n}`, labels: {} };
    m.namespaceDefaults[`n${n}`] = { denyIngress: true, denyEgress: true, allowDns: false };
  }
  WORKLOADS.forEach((id, i) => {
    m.workloads[id] = {
      id, namespaceId: `n${s.nsOf[i]}`, name: id, kind: 'Deployment', podLabels: { app: id },
      ports: [...new Set(s.containerPorts[i])].map((p) => ({ containerPort: p * 100 })),
    };
  });
  EXTERNALS.forEach((id, i) => { m.externals[id] = { id, name: id, cidrs: [`198.51.${100 + i}.0/24`] }; });
  const expected = new Map<string, ConnSet>();
  s.intents.forEach((it, i) => {
    m.intents[`i${i}`] = { id: `i${i}`, fromId: it.from, toId: it.to, ports: it.ports };
    // Expected by hand from the intent's meaning: its ports, or the target's container ports,
    // or everything when the target declares none (externals: everything).
    let c = emptyConn();
    if (it.ports.length > 0) for (const p of it.ports) c = union(c, connOf(p.protocol ?? 'TCP', p.port as number));
    else {
      const target = m.workloads[it.to];
      if (!target || target.ports.length === 0) c = allConn();
      else for (const p of target.ports) c = union(c, connOf('TCP', p.containerPort));
    }
    const key = `${it.from}>${it.to}`;
    expected.set(key, union(expected.get(key) ?? emptyConn(), c));
  });
  return { model: m, expected };
}

describe('synthesis realises exactly the intents', () => {
  it('opens the intended ports between every pair and nothing else', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { model, expected } = build(s);
      const m = applySynthesis(model);
      const r = evaluate(m);
      for (const a of ENDS) {
        for (const b of ENDS) {
          if (a === b) continue;
          // Two externals: no pod involved, NetworkPolicy does not apply.
          if (EXTERNALS.includes(a) && EXTERNALS.includes(b)) continue;
          const want = expected.get(`${a}>${b}`) ?? emptyConn();
          expect(describeConn(connBetween(r, a, b)), `${a} -> ${b}`).toBe(describeConn(want));
        }
      }
      const status = intentStatus(m, r);
      for (const [id, st] of Object.entries(status)) {
        const i = m.intents[id]!;
        if (EXTERNALS.includes(i.fromId) && EXTERNALS.includes(i.toId)) continue;
        expect(st.met, `${id} ${i.fromId}->${i.toId}: ${st.reason}`).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
