// Property: starting from a sound layout, adding any mix of namespaces, workloads, externals
// and load balancers and calling fillMissingLayout keeps the layout sound and moves no
// workload, external or load balancer the user had placed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutProblems } from './check.ts';
import { fillMissingLayout, gridLayout } from './grid.ts';
import { sampleDoc } from './test-docs.ts';

const additions = fc.array(fc.oneof(
  fc.record({ kind: fc.constant('workload' as const), ns: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('namespace' as const), ns: fc.constant(0) }),
  fc.record({ kind: fc.constant('external' as const), ns: fc.constant(0) }),
  fc.record({ kind: fc.constant('lb' as const), ns: fc.integer({ min: 0, max: 2 }) }),
), { maxLength: 12 });

describe('fillMissingLayout', () => {
  it('keeps a layout sound whatever is added', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4 }), additions, (n, per, adds) => {
      const doc = sampleDoc(n, per);
      doc.layout = gridLayout(doc);
      const before = structuredClone(doc.layout);
      let extraNs = 0;
      adds.forEach((a, i) => {
        if (a.kind === 'namespace') {
          const id = `new-ns-${extraNs++}`;
          doc.model.namespaces[id] = { id, name: `zz-${i}`, labels: {} };
        } else if (a.kind === 'workload') {
          const nsIds = Object.keys(doc.model.namespaces);
          const nsId = nsIds[a.ns % nsIds.length]!;
          doc.model.workloads[`new-w-${i}`] = { id: `new-w-${i}`, namespaceId: nsId, name: `n${i}`, kind: 'Pod', podLabels: {}, ports: [] };
        } else if (a.kind === 'external') {
          doc.model.externals[`new-e-${i}`] = { id: `new-e-${i}`, name: `e${i}`, cidrs: [] };
        } else {
          doc.model.services[`new-s-${i}`] = { id: `new-s-${i}`, namespaceId: Object.keys(doc.model.namespaces)[0]!, name: `s${i}`, type: 'LoadBalancer', ports: [{ port: 80 }] };
        }
      });
      const l = fillMissingLayout(doc);
      expect(layoutProblems(doc, l)).toEqual([]);
      for (const [id, pos] of Object.entries(before)) {
        if (doc.model.workloads[id] || doc.model.externals[id] || id.startsWith('lb:')) expect(l[id], id).toEqual(pos);
      }
    }), { numRuns: 300 });
  });
});
