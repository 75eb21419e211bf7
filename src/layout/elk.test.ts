import { describe, expect, it, vi } from 'vitest';
import type { Doc, Layout } from '../model/types.ts';
import { layoutProblems } from './check.ts';
import { autoLayout } from './elk.ts';
import { NAMESPACE_HEADER } from './sizes.ts';
import { sampleDoc } from './test-docs.ts';

/** Externals end before every load balancer starts, and load balancers before every namespace. */
function columnsInOrder(doc: Doc, l: Layout): void {
  const nsLeft = Math.min(...Object.keys(doc.model.namespaces).map((id) => l[id]!.x));
  const lbIds = Object.values(doc.model.services).filter((s) => s.type === 'LoadBalancer').map((s) => `lb:${s.id}`);
  const lbLeft = Math.min(...lbIds.map((id) => l[id]!.x), nsLeft);
  for (const id of Object.keys(doc.model.externals)) expect(l[id]!.x + 180, id).toBeLessThanOrEqual(lbLeft);
  for (const id of lbIds) expect(l[id]!.x + 180, id).toBeLessThanOrEqual(nsLeft);
}

describe('autoLayout (ELK)', () => {
  it('runs ELK itself rather than falling back to the grid', async () => {
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

  it('flows left to right from externals through load balancers to namespaces', async () => {
    const doc = sampleDoc(2, 3);
    doc.model.intents = {
      a: { id: 'a', fromId: 'ext-a', toId: 'lb:svc-lb', ports: [] },
      b: { id: 'b', fromId: 'wl-0-0', toId: 'wl-0-1', ports: [] },
      c: { id: 'c', fromId: 'wl-0-1', toId: 'wl-1-2', ports: [] },
    };
    const l = await autoLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    columnsInOrder(doc, l);
    const right = (id: string, w: number): number => l[id]!.x + w;
    expect(right('ext-a', 180)).toBeLessThanOrEqual(l['lb:svc-lb']!.x);
    expect(right('ext-b', 180)).toBeLessThanOrEqual(l['lb:svc-lb']!.x);
    expect(right('lb:svc-lb', 180)).toBeLessThanOrEqual(l['ns-0']!.x);
    expect(right('lb:svc-lb', 180)).toBeLessThanOrEqual(l['ns-1']!.x);
    // Inside a namespace an intent flows left to right too.
    expect(l['wl-0-0']!.x).toBeLessThan(l['wl-0-1']!.x);
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
