import { describe, expect, it } from 'vitest';
import { importIntoDoc } from '../doc/commands.ts';
import type { Doc, Layout } from '../model/types.ts';
import { layoutProblems } from './check.ts';
import { gridLayout } from './grid.ts';
import { packedLayout } from './pack.ts';
import { newNamespacesPart, placeBeside } from './additions.ts';
import { sampleDoc } from './test-docs.ts';

/** The current design: 2 small namespaces laid out; the import adds `n` namespaces of 8 workloads. */
function merge(n: number) {
  const current = sampleDoc(2, 2);
  current.layout = gridLayout(current);
  const model = structuredClone(current.model);
  for (let i = 0; i < n; i++) {
    const ns = `new-${i}`;
    model.namespaces[ns] = { id: ns, name: `imported-${i}`, labels: {} };
    for (let j = 0; j < 8; j++) model.workloads[`${ns}-w${j}`] = { id: `${ns}-w${j}`, namespaceId: ns, name: `w${j}`, kind: 'Deployment', podLabels: { app: `w${j}` }, ports: [] };
  }
  return { current, model };
}

function bounds(doc: Doc, l: Layout) {
  const rects = Object.keys(doc.model.namespaces).map((id) => l[id]!).map((r) => ({ x: r.x, y: r.y, w: r.w!, h: r.h! }));
  const x0 = Math.min(...rects.map((r) => r.x)); const y0 = Math.min(...rects.map((r) => r.y));
  return { w: Math.max(...rects.map((r) => r.x + r.w)) - x0, h: Math.max(...rects.map((r) => r.y + r.h)) - y0 };
}

describe('merging an import into a laid-out design', () => {
  it('lays the new namespaces out as one block beside the old ones, moving nothing, shaped to the viewport', async () => {
    const { current, model } = merge(16);
    const part = newNamespacesPart(current, model)!;
    expect(Object.keys(part.model.namespaces)).toHaveLength(16);
    expect(Object.keys(part.model.workloads)).toHaveLength(16 * 8);
    const placed = placeBeside({ ...current, model }, part, await packedLayout(part, { aspect: 1.6 }), 1.6);
    const doc = importIntoDoc(current, model, placed);
    expect(layoutProblems(doc, doc.layout)).toEqual([]);
    for (const [id, l] of Object.entries(current.layout)) expect(doc.layout[id], id).toEqual(l);
    const b = bounds(doc, doc.layout);
    expect(b.w / b.h).toBeGreaterThan(0.8);
    expect(b.w / b.h).toBeLessThan(2.6);
    // Without the block, the same merge is one tall column of namespaces.
    const column = importIntoDoc(current, model, {});
    const c = bounds(column, column.layout);
    expect(c.w / c.h).toBeLessThan(0.5);
  });

  it('has nothing to place when the import brings no namespace', () => {
    const { current } = merge(0);
    expect(newNamespacesPart(current, current.model)).toBeNull();
  });
});
