// Keyboard moves on the canvas: the canvas is one Tab stop (roving focus), and the arrow keys
// go to the nearest drawn node in that direction. Pure geometry on the drawn rectangles (flow
// coordinates); the app feeds it what React Flow drew.

import type { Id } from '../model/types.ts';

export interface NavRect {
  id: Id;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A namespace drawn with its workloads inside: reached at its header, not its middle. */
  container?: boolean;
}

export type NavDirection = 'left' | 'right' | 'up' | 'down';

/** Height of a container's header band, where it is "standing" for navigation. */
const HEADER = 28;
/** How much an off-axis step costs against a step along the arrow. */
const OFF_AXIS_WEIGHT = 4;

function anchor(r: NavRect): { x: number; y: number; top: number; bottom: number; left: number; right: number } {
  const h = r.container ? Math.min(HEADER, r.h) : r.h;
  return { x: r.x + r.w / 2, y: r.y + h / 2, top: r.y, bottom: r.y + h, left: r.x, right: r.x + r.w };
}

/**
 * The node an arrow key moves to from `fromId`: among nodes whose anchor lies ahead in the
 * direction, the one with the smallest distance along it plus a weighted off-axis distance
 * (measured between the boxes' overlapping spans, so side-by-side boxes count as in line).
 * Null when nothing lies that way.
 */
export function nearestInDirection(rects: readonly NavRect[], fromId: Id, dir: NavDirection): Id | null {
  const from = rects.find((r) => r.id === fromId);
  if (!from) return null;
  const a = anchor(from);
  let best: { r: NavRect; cost: number; spread: number } | null = null;
  for (const r of rects) {
    if (r.id === fromId) continue;
    // The namespace around the start is only "up" (its header is above its workloads).
    if (r.container && dir !== 'up' && inside(from, r)) continue;
    const b = anchor(r);
    const along = dir === 'right' ? b.x - a.x : dir === 'left' ? a.x - b.x : dir === 'down' ? b.y - a.y : a.y - b.y;
    if (along <= 1) continue;
    // Gap between the spans across the arrow (0 when they overlap).
    const off = dir === 'left' || dir === 'right'
      ? Math.max(0, b.top - a.bottom, a.top - b.bottom)
      : Math.max(0, b.left - a.right, a.left - b.right);
    const cost = along + OFF_AXIS_WEIGHT * off;
    const spread = dir === 'left' || dir === 'right' ? Math.abs(b.y - a.y) : Math.abs(b.x - a.x);
    if (!best || cost < best.cost || (cost === best.cost && (spread < best.spread || (spread === best.spread && readingOrder(r, best.r) < 0)))) {
      best = { r, cost, spread };
    }
  }
  return best?.r.id ?? null;
}

function inside(inner: NavRect, outer: NavRect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** Top to bottom, then left to right. */
function readingOrder(a: NavRect, b: NavRect): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The canvas's one Tab stop: the node focused last if it is still drawn, else the first
 * selected drawn node, else the top-left node (reading order). Null on an empty canvas.
 */
export function rovingStop(rects: readonly NavRect[], focused: Id | null, selection: readonly Id[]): Id | null {
  const drawn = new Set(rects.map((r) => r.id));
  if (focused && drawn.has(focused)) return focused;
  const sel = selection.find((id) => drawn.has(id));
  if (sel) return sel;
  let first: NavRect | null = null;
  for (const r of rects) if (!first || readingOrder(r, first) < 0) first = r;
  return first?.id ?? null;
}
