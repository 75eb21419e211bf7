// The shape of a canvas edge: a gentle quadratic curve between the borders of its two nodes,
// bending to the right of the direction of travel (so A->B and B->A stay apart). Shared by the
// edge component (app/flow/edges) and the label placement (labels.ts), so labels are placed
// where the edge is actually drawn.

import type { Rect, XY } from './geometry.ts';

/** How far the curve bends, as a share of the distance between its ends. */
export const EDGE_BEND = 0.12;

export interface EdgeCurve {
  p: XY;
  c: XY;
  q: XY;
}

/** Where the line from the box centre towards (tx, ty) leaves the box. */
export function borderPoint(b: Rect, tx: number, ty: number): XY {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

export function edgeCurve(a: Rect, b: Rect): EdgeCurve {
  const p = borderPoint(a, b.x + b.w / 2, b.y + b.h / 2);
  const q = borderPoint(b, a.x + a.w / 2, a.y + a.h / 2);
  const mx = (p.x + q.x) / 2;
  const my = (p.y + q.y) / 2;
  return { p, c: { x: mx - (q.y - p.y) * EDGE_BEND, y: my + (q.x - p.x) * EDGE_BEND }, q };
}

/** The point at `t` (0..1) along the curve. */
export function pointAt({ p, c, q }: EdgeCurve, t: number): XY {
  const u = 1 - t;
  return { x: u * u * p.x + 2 * u * t * c.x + t * t * q.x, y: u * u * p.y + 2 * u * t * c.y + t * t * q.y };
}

export function curvePath({ p, c, q }: EdgeCurve): string {
  return `M ${p.x},${p.y} Q ${c.x},${c.y} ${q.x},${q.y}`;
}
