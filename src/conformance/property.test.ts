// evaluate() must agree with the naive reference (semantics.md 1.11) on random small models,
// at every port where an answer can change (rule ports, container ports, and their neighbours).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { contains, equals } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { PROTOS, scenario, toModel } from './scenario.ts';
import { referenceAllowed } from './reference.ts';

function samplePorts(m: Model): number[] {
  const ports = new Set([1, 65535, 80, 81]);
  for (const w of Object.values(m.workloads)) for (const cp of w.ports) ports.add(cp.containerPort);
  for (const cp of Object.values(m.clusterPolicies ?? {})) {
    for (const r of [...cp.ingress, ...cp.egress]) for (const p of r.ports ?? []) [p.port, p.endPort].forEach((x) => { if (x !== undefined) [x - 1, x, x + 1].forEach((y) => ports.add(y)); });
  }
  for (const np of Object.values(m.policies)) {
    for (const r of [...(np.ingress ?? []), ...(np.egress ?? [])]) {
      for (const p of r.ports ?? []) {
        if (typeof p.port === 'number') [p.port - 1, p.port, p.port + 1].forEach((x) => ports.add(x));
        if (p.endPort !== undefined) [p.endPort, p.endPort + 1].forEach((x) => ports.add(x));
      }
    }
  }
  return [...ports].filter((p) => p >= 1 && p <= 65535);
}

describe('evaluate() vs the naive reference (property)', () => {
  it('agrees on every pair, protocol and relevant port', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const m = toModel(s);
        const r = evaluate(m);
        const ports = samplePorts(m);
        for (const src of r.endpoints) {
          for (const dst of r.endpoints) {
            const conn = connBetween(r, src.id, dst.id);
            for (const proto of PROTOS) {
              for (const port of ports) {
                const want = referenceAllowed(m, src, dst, proto, port);
                if (contains(conn, proto, port) !== want) {
                  throw new Error(`${src.id} -> ${dst.id} ${proto}/${port}: evaluate ${!want}, reference ${want}\n${JSON.stringify(m, null, 1)}`);
                }
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explain() gives the same sets as evaluate()', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const m = toModel(s);
        const r = evaluate(m);
        for (const src of r.endpoints) for (const dst of r.endpoints) {
          expect(equals(explain(m, src.id, dst.id).allowed, connBetween(r, src.id, dst.id))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
