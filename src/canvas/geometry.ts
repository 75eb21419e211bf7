// Where things are on the canvas, from the doc's layout (namespaces are top-level, so their
// layout is absolute; workloads are relative to their namespace).

import type { Doc, Id } from '../model/types.ts';
import { MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING, WORKLOAD_SIZE } from '../layout/sizes.ts';
import { fitHeaderWidth } from './namespace-header.ts';

export interface XY {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The smallest rectangle around `rects` (a point is a rectangle of no size); undefined for none. */
export function boundsOf(rects: Iterable<Rect | XY>): Rect | undefined {
  let b: { x0: number; y0: number; x1: number; y1: number } | undefined;
  for (const r of rects) {
    const w = 'w' in r ? r.w : 0;
    const h = 'h' in r ? r.h : 0;
    if (!b) b = { x0: r.x, y0: r.y, x1: r.x + w, y1: r.y + h };
    else b = { x0: Math.min(b.x0, r.x), y0: Math.min(b.y0, r.y), x1: Math.max(b.x1, r.x + w), y1: Math.max(b.y1, r.y + h) };
  }
  return b && { x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 };
}

/** A namespace's rectangle as drawn: its layout, at least as wide as its header (namespace-header.ts). */
export function namespaceRect(doc: Doc, nsId: Id, override?: XY): Rect | null {
  const l = doc.layout[nsId];
  if (!l) return null;
  const p = override ?? l;
  return { x: p.x, y: p.y, w: fitHeaderWidth(doc, nsId, l.w ?? MIN_NAMESPACE_SIZE.w), h: l.h ?? MIN_NAMESPACE_SIZE.h };
}

/** The innermost (smallest) namespace containing the point, or null. */
export function namespaceAt(doc: Doc, p: XY, overrides: Record<Id, XY> = {}): Id | null {
  let best: { id: Id; area: number } | null = null;
  for (const id of Object.keys(doc.model.namespaces)) {
    const r = namespaceRect(doc, id, overrides[id]);
    if (!r || p.x < r.x || p.y < r.y || p.x > r.x + r.w || p.y > r.y + r.h) continue;
    const area = r.w * r.h;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id ?? null;
}

/** The namespace whose rectangle is closest to the point (for load balancers dropped outside). */
export function nearestNamespace(doc: Doc, p: XY): Id | null {
  let best: { id: Id; d: number } | null = null;
  for (const id of Object.keys(doc.model.namespaces)) {
    const r = namespaceRect(doc, id);
    if (!r) continue;
    const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.w));
    const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.h));
    const d = dx * dx + dy * dy;
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id ?? null;
}

/** A workload position relative to its namespace, kept below the title bar and inside the left/top border. */
export function clampIntoNamespace(rel: XY): XY {
  return { x: Math.max(NAMESPACE_PADDING / 2, rel.x), y: Math.max(NAMESPACE_HEADER, rel.y) };
}

export function workloadCenter(topLeftAbs: XY): XY {
  return { x: topLeftAbs.x + WORKLOAD_SIZE.w / 2, y: topLeftAbs.y + WORKLOAD_SIZE.h / 2 };
}

/** Every namespace's rectangle (absolute), with in-flight drag positions and sizes applied. */
export function namespaceBoxes(doc: Doc, overrides: Record<Id, XY> = {}, sizes: Record<Id, { w: number; h: number }> = {}): Map<Id, Rect> {
  const out = new Map<Id, Rect>();
  for (const id of Object.keys(doc.model.namespaces)) {
    const r = namespaceRect(doc, id, overrides[id]);
    if (!r) continue;
    const s = sizes[id];
    out.set(id, s ? { ...r, w: s.w, h: s.h } : r);
  }
  return out;
}
