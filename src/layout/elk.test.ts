import { describe, expect, it, vi } from 'vitest';
import type { Doc, Layout } from '../model/types.ts';
import { layoutProblems } from './check.ts';
import { autoLayout } from './elk.ts';
import { NAMESPACE_HEADER } from './sizes.ts';
import { sampleDoc } from './test-docs.ts';

/** Externals and load balancers form a column that ends before every namespace starts. */
function columnsInOrder(doc: Doc, l: Layout): void {
  const nsLeft = Math.min(...Object.keys(doc.model.namespaces).map((id) => l[id]!.x));
  const lbIds = Object.values(doc.model.services).filter((s) => s.type === 'LoadBalancer').map((s) => `lb:${s.id}`);
  const side = [...Object.keys(doc.model.externals), ...lbIds];
  for (const id of side) expect(l[id]!.x + 180, id).toBeLessThanOrEqual(nsLeft);
  expect(new Set(side.map((id) => l[id]!.x)).size).toBe(1);
}

describe('autoLayout', () => {
  it('computes the packed layout rather than falling back to the grid', async () => {
    const warn = vi.spyOn(console, 'warn');
    await autoLayout(sampleDoc(2, 2));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('places every node: children inside their namespace, nothing overlapping', async () => {
    for (const [n, per] of [[0, 0], [1, 0], [1, 1], [3, 4], [6, 9]] as const) {
      const doc = sampleDoc(n, per);
      const layout = await autoLayout(doc);
      expect(layoutProblems(doc, layout), `${n}x${per}`).toEqual([]);
      if (n > 0) columnsInOrder(doc, layout);
    }
  });

  it('puts externals and load balancers left of the namespaces, each load balancer level with its backends', async () => {
    const doc = sampleDoc(2, 3);
    doc.model.intents = {
      a: { id: 'a', fromId: 'ext-a', toId: 'lb:svc-lb', ports: [] },
      b: { id: 'b', fromId: 'wl-0-0', toId: 'wl-0-1', ports: [] },
      c: { id: 'c', fromId: 'wl-0-1', toId: 'wl-1-2', ports: [] },
    };
    const l = await autoLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    columnsInOrder(doc, l);
    // The load balancer overlaps its backend (wl-0-0 in ns-0) vertically.
    const lb = l['lb:svc-lb']!;
    const backendTop = l['ns-0']!.y + l['wl-0-0']!.y;
    expect(lb.y).toBeLessThan(backendTop + 90);
    expect(lb.y + 70).toBeGreaterThan(backendTop);
    // Inside a namespace an intent reads forwards: its source comes first (left, or a row above).
    const before = (a: string, b: string): boolean => l[a]!.y < l[b]!.y || (l[a]!.y === l[b]!.y && l[a]!.x < l[b]!.x);
    expect(before('wl-0-0', 'wl-0-1')).toBe(true);
    for (const id of ['wl-0-0', 'wl-0-1', 'wl-0-2']) expect(l[id]!.y).toBeGreaterThanOrEqual(NAMESPACE_HEADER);
  });

  it('spreads many namespaces over several columns instead of one tall column', async () => {
    const doc = sampleDoc(16, 3);
    const l = await autoLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    columnsInOrder(doc, l);
    const xs = new Set(Object.keys(doc.model.namespaces).map((id) => l[id]!.x));
    expect(xs.size).toBeGreaterThan(1);
    const bottom = Math.max(...Object.keys(doc.model.namespaces).map((id) => l[id]!.y + l[id]!.h!));
    const right = Math.max(...Object.keys(doc.model.namespaces).map((id) => l[id]!.x + l[id]!.w!));
    expect(bottom).toBeLessThan(right * 2);
  });
});
