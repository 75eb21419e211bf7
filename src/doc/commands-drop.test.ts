import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addNamespace, addWorkload } from './commands.ts';
import { dropPaletteItem, planDragEnd } from './commands-drop.ts';
import { WORKLOAD_SIZE } from '../layout/sizes.ts';

function twoNamespaces() {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'a', name: 'a', at: { x: 0, y: 0 }, size: { w: 300, h: 200 } });
  d = addNamespace(d, { id: 'b', name: 'b', at: { x: 600, y: 0 }, size: { w: 300, h: 200 } });
  d = addWorkload(d, { id: 'w', namespaceId: 'a', name: 'web', at: { x: 20, y: 60 } });
  return d;
}

describe('dropping palette items', () => {
  it('puts a workload into the namespace under the pointer, growing it to fit', () => {
    const d = twoNamespaces();
    const r = dropPaletteItem(d, 'workload', { x: 290, y: 190 });
    const id = r.created!;
    expect(r.doc.model.workloads[id].namespaceId).toBe('a');
    const rel = r.doc.layout[id];
    expect(r.doc.layout.a.w).toBeGreaterThanOrEqual(rel.x + WORKLOAD_SIZE.w);
    expect(r.doc.layout.a.h).toBeGreaterThanOrEqual(rel.y + WORKLOAD_SIZE.h);
  });

  it('gives a workload dropped outside every namespace a namespace of its own and says so', () => {
    const r = dropPaletteItem(twoNamespaces(), 'workload', { x: 400, y: 600 });
    const ns = r.doc.model.workloads[r.created!].namespaceId;
    expect(r.doc.model.namespaces[ns].name).toBe('default');
    expect(r.message?.text).toMatch(/created namespace 'default'/);
  });

  it('refuses a load balancer without any namespace', () => {
    const r = dropPaletteItem(emptyDoc(), 'loadbalancer', { x: 0, y: 0 });
    expect(r.created).toBeNull();
    expect(r.message?.kind).toBe('error');
  });
});

describe('the end of a drag', () => {
  it('keeps a workload in its namespace (below the title) and grows the namespace past its border', () => {
    const d = twoNamespaces();
    const plan = planDragEnd(d, { w: { x: 200, y: 10 } });
    expect(plan.positions.w).toEqual({ x: 200, y: 40 });
    expect(plan.positions.a).toEqual({ w: 200 + WORKLOAD_SIZE.w + 20, h: 200 });
    expect(plan.moves).toEqual([]);
  });

  it('asks to move a workload dropped inside another namespace, and sends back one dropped outside', () => {
    const d = twoNamespaces();
    expect(planDragEnd(d, { w: { x: 650, y: 60 } }).moves).toEqual([{ workloadId: 'w', toNamespaceId: 'b', at: { x: 50, y: 60 } }]);
    const out = planDragEnd(d, { w: { x: 20, y: 500 } });
    expect(out.droppedOutside).toBe(true);
    expect(out.positions.w).toBeUndefined();
  });

  it('moves a namespace and its grown size together when both are in the same gesture', () => {
    const d = twoNamespaces();
    const plan = planDragEnd(d, { w: { x: 200, y: 60 }, a: { x: 10, y: 10 } });
    expect(plan.positions.a).toEqual({ x: 10, y: 10, w: 420, h: 200 });
  });
});

describe('adding a node never moves the others', () => {
  it('whatever is dropped where, every node placed before keeps its place (a namespace receiving a workload may only grow)', async () => {
    const fc = (await import('fast-check')).default;
    const { sampleDoc } = await import('../layout/test-docs.ts');
    const { gridLayout } = await import('../layout/grid.ts');
    const base = sampleDoc(3, 4);
    base.layout = gridLayout(base);
    const items = ['namespace', 'workload', 'external', 'loadbalancer'] as const;
    fc.assert(fc.property(
      fc.array(fc.record({ item: fc.constantFrom(...items), x: fc.integer({ min: -400, max: 2400 }), y: fc.integer({ min: -300, max: 1200 }) }), { minLength: 1, maxLength: 6 }),
      (drops) => {
        let doc = structuredClone(base);
        for (const d of drops) {
          const before = doc.layout;
          const r = dropPaletteItem(doc, d.item, { x: d.x, y: d.y });
          const into = r.created ? r.doc.model.workloads[r.created]?.namespaceId : undefined;
          for (const [id, l] of Object.entries(before)) {
            const now = r.doc.layout[id]!;
            expect({ x: now.x, y: now.y }, id).toEqual({ x: l.x, y: l.y });
            if (id === into) {
              expect(now.w!).toBeGreaterThanOrEqual(l.w!);
              expect(now.h!).toBeGreaterThanOrEqual(l.h!);
            } else {
              expect(now.w, id).toBe(l.w);
              expect(now.h, id).toBe(l.h);
            }
          }
          doc = r.doc;
        }
      },
    ), { numRuns: 200 });
  });
});
