// Roving focus on the canvas: one node is the canvas's single Tab stop (tabIndex 0), every other
// node is focusable only by script (tabIndex -1), so Tab does not walk hundreds of nodes. The
// arrow keys move between nodes (src/canvas/spatial-nav.ts). Edges are not Tab stops.

import type { Id } from '../../src/model/types.ts';
import type { NavRect } from '../../src/canvas/spatial-nav.ts';
import type { AppNode } from './flow-types.ts';

/** The drawn nodes as rectangles in flow coordinates (children are placed relative to parents). */
export function navRects(nodes: readonly AppNode[]): NavRect[] {
  const abs = new Map<Id, { x: number; y: number }>();
  const parents = new Set<Id>();
  for (const n of nodes) if (n.parentId) parents.add(n.parentId);
  const out: NavRect[] = [];
  for (const n of nodes) {
    const p = n.parentId ? abs.get(n.parentId) : undefined;
    const at = { x: n.position.x + (p?.x ?? 0), y: n.position.y + (p?.y ?? 0) };
    abs.set(n.id, at);
    if (n.hidden) continue;
    out.push({ id: n.id, x: at.x, y: at.y, w: n.width ?? 0, h: n.height ?? 0, ...(parents.has(n.id) ? { container: true } : {}) });
  }
  return out;
}

/**
 * Sets each node's tabIndex through React Flow's `domAttributes`, keeping node identity (a
 * per-node cache) so only the two nodes whose stop changed re-render.
 */
export class RovingTabStops {
  private cache = new WeakMap<AppNode, { stop: boolean; node: AppNode }>();

  apply(nodes: AppNode[], stop: Id | null): AppNode[] {
    return nodes.map((n) => {
      const isStop = n.id === stop;
      const hit = this.cache.get(n);
      if (hit && hit.stop === isStop) return hit.node;
      const node = { ...n, domAttributes: { ...n.domAttributes, tabIndex: isStop ? 0 : -1 } } as AppNode;
      this.cache.set(n, { stop: isStop, node });
      return node;
    });
  }
}

/**
 * The next connection at `nodeId` that can be explained, after `afterId` (cycling), for the E
 * key: the keyboard's way to what clicking an edge does. Null when the node has none.
 */
export function nextExplainableEdge<E extends { id: string; source: string; target: string; data?: { explain?: unknown } }>(
  edges: readonly E[], nodeId: Id, afterId: string | null,
): { edge: E; index: number; count: number } | null {
  const mine = edges.filter((e) => (e.source === nodeId || e.target === nodeId) && e.data?.explain);
  if (mine.length === 0) return null;
  const at = afterId ? mine.findIndex((e) => e.id === afterId) : -1;
  const index = (at + 1) % mine.length;
  return { edge: mine[index], index, count: mine.length };
}
