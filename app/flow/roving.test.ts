import { describe, expect, it } from 'vitest';
import { navRects, nextExplainableEdge, RovingTabStops } from './roving.ts';
import type { AppNode } from './flow-types.ts';

const nodes = [
  { id: 'ns', type: 'namespace', position: { x: 100, y: 50 }, width: 400, height: 300, data: { entityId: 'ns' } },
  { id: 'web', type: 'workload', parentId: 'ns', position: { x: 20, y: 40 }, width: 150, height: 60, data: { entityId: 'web' } },
  { id: 'gone', type: 'external', hidden: true, position: { x: 0, y: 0 }, width: 10, height: 10, data: { entityId: 'gone' } },
] as unknown as AppNode[];

describe('navRects', () => {
  it('places children at their absolute position, marks containers, skips hidden nodes', () => {
    expect(navRects(nodes)).toEqual([
      { id: 'ns', x: 100, y: 50, w: 400, h: 300, container: true },
      { id: 'web', x: 120, y: 90, w: 150, h: 60 },
    ]);
  });
});

describe('RovingTabStops', () => {
  it('one node is the Tab stop; the others are focusable by script only; unchanged nodes keep identity', () => {
    const r = new RovingTabStops();
    const a = r.apply(nodes, 'web');
    expect(a.map((n) => n.domAttributes?.tabIndex)).toEqual([-1, 0, -1]);
    const b = r.apply(nodes, 'web');
    expect(b[0]).toBe(a[0]);
    const c = r.apply(nodes, 'ns');
    expect(c.map((n) => n.domAttributes?.tabIndex)).toEqual([0, -1, -1]);
    expect(c[2]).toBe(a[2]);
  });
});

describe('nextExplainableEdge', () => {
  const edges = [
    { id: 'a', source: 'web', target: 'api', data: { explain: { src: 'web', dst: 'api' } } },
    { id: 'svc', source: 'lb', target: 'web', data: {} },
    { id: 'b', source: 'db', target: 'web', data: { explain: { src: 'db', dst: 'web' } } },
    { id: 'c', source: 'api', target: 'db', data: { explain: { src: 'api', dst: 'db' } } },
  ];
  it('cycles through the explainable connections touching the node, either direction', () => {
    expect(nextExplainableEdge(edges, 'web', null)).toMatchObject({ edge: { id: 'a' }, index: 0, count: 2 });
    expect(nextExplainableEdge(edges, 'web', 'a')?.edge.id).toBe('b');
    expect(nextExplainableEdge(edges, 'web', 'b')?.edge.id).toBe('a');
    // An edge of another node starts over.
    expect(nextExplainableEdge(edges, 'web', 'c')?.edge.id).toBe('a');
    expect(nextExplainableEdge(edges, 'lb', null)).toBeNull();
  });
});
