// Fast, synchronous layouts: a complete grid layout (autoLayout's fallback when ELK fails)
// and `fillMissingLayout`, which places only what has no position yet so an import into
// an existing design does not move anything the user arranged.

import type { Doc, Id, Layout, NodeLayout, Workload } from '../model/types.ts';
import { overlaps, type Rect } from './geometry.ts';
import {
  COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER,
  NAMESPACE_PADDING, NODE_GAP, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';

/** Namespaces wrap onto a new row beyond this width, so big designs stay roughly square. */
const MAX_ROW_WIDTH = 1800;

const byName = <T extends { name: string; id: Id }>(a: T, b: T): number =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function workloadsByNamespace(doc: Doc): Map<Id, Workload[]> {
  const out = new Map<Id, Workload[]>();
  for (const w of Object.values(doc.model.workloads)) {
    const list = out.get(w.namespaceId) ?? [];
    list.push(w);
    out.set(w.namespaceId, list);
  }
  for (const list of out.values()) list.sort(byName);
  return out;
}

/** Columns for n children: close to square, never more than 4 wide. */
function columnsFor(n: number): number {
  return Math.max(1, Math.min(4, Math.ceil(Math.sqrt(n))));
}

/** Position of grid slot `i` inside a namespace with `cols` columns (relative to the namespace). */
function slot(i: number, cols: number): { x: number; y: number } {
  const c = i % cols;
  const r = Math.floor(i / cols);
  return {
    x: NAMESPACE_PADDING + c * (WORKLOAD_SIZE.w + NODE_GAP),
    y: NAMESPACE_HEADER + NAMESPACE_PADDING + r * (WORKLOAD_SIZE.h + NODE_GAP),
  };
}

/** Smallest namespace size that holds the given child rectangles (relative) with padding. */
function sizeToFit(children: Rect[]): { w: number; h: number } {
  let w = MIN_NAMESPACE_SIZE.w;
  let h = MIN_NAMESPACE_SIZE.h;
  for (const c of children) {
    w = Math.max(w, c.x + c.w + NAMESPACE_PADDING);
    h = Math.max(h, c.y + c.h + NAMESPACE_PADDING);
  }
  return { w, h };
}

/** A complete layout: externals | load balancers | namespaces (wrapped rows), children in grids. */
export function gridLayout(doc: Doc): Layout {
  const layout: Layout = {};
  let x = 0;

  const externals = Object.values(doc.model.externals).sort(byName);
  externals.forEach((e, i) => {
    layout[e.id] = { x, y: i * (EXTERNAL_SIZE.h + NODE_GAP) };
  });
  if (externals.length > 0) x += EXTERNAL_SIZE.w + COLUMN_GAP;

  const lbs = loadBalancerServices(doc);
  lbs.forEach((s, i) => {
    layout[loadBalancerLayoutId(s.id)] = { x, y: i * (LOAD_BALANCER_SIZE.h + NODE_GAP) };
  });
  if (lbs.length > 0) x += LOAD_BALANCER_SIZE.w + COLUMN_GAP;

  const children = workloadsByNamespace(doc);
  const left = x;
  let y = 0;
  let rowHeight = 0;
  for (const ns of Object.values(doc.model.namespaces).sort(byName)) {
    const list = children.get(ns.id) ?? [];
    const cols = columnsFor(list.length);
    const rects = list.map((w, i) => ({ ...slot(i, cols), ...WORKLOAD_SIZE }));
    const size = sizeToFit(rects);
    if (x > left && x + size.w > left + MAX_ROW_WIDTH) {
      x = left;
      y += rowHeight + NODE_GAP;
      rowHeight = 0;
    }
    layout[ns.id] = { x, y, w: size.w, h: size.h };
    list.forEach((w, i) => {
      layout[w.id] = slot(i, cols);
    });
    x += size.w + NODE_GAP;
    rowHeight = Math.max(rowHeight, size.h);
  }
  return layout;
}

// ---------------------------------------------------------------- filling gaps

/** Absolute rectangles of the top-level nodes already placed (namespaces, externals, LBs). */
function topLevelRects(doc: Doc, layout: Layout): Map<Id, Rect> {
  const out = new Map<Id, Rect>();
  for (const ns of Object.values(doc.model.namespaces)) {
    const l = layout[ns.id];
    if (l) out.set(ns.id, { x: l.x, y: l.y, w: l.w ?? MIN_NAMESPACE_SIZE.w, h: l.h ?? MIN_NAMESPACE_SIZE.h });
  }
  for (const e of Object.values(doc.model.externals)) {
    const l = layout[e.id];
    if (l) out.set(e.id, { x: l.x, y: l.y, ...EXTERNAL_SIZE });
  }
  for (const s of loadBalancerServices(doc)) {
    const id = loadBalancerLayoutId(s.id);
    const l = layout[id];
    if (l) out.set(id, { x: l.x, y: l.y, ...LOAD_BALANCER_SIZE });
  }
  return out;
}

/** First position at (x, y + k*step) whose rectangle overlaps none of `taken`. */
function firstFreeInColumn(taken: Iterable<Rect>, x: number, y: number, size: { w: number; h: number }): { x: number; y: number } {
  const rects = [...taken];
  let top = y;
  for (;;) {
    const cand = { x, y: top, ...size };
    const hit = rects.filter((r) => overlaps(r, cand));
    if (hit.length === 0) return { x, y: top };
    // Jump below the obstacles instead of creeping down in small steps.
    top = Math.max(...hit.map((r) => r.y + r.h)) + NODE_GAP;
  }
}

/**
 * Returns a layout where every namespace, workload, external network and load balancer of the
 * doc has a position. Existing entries are kept (except that a namespace grows to fit new
 * children, pushing whatever lies below it further down); entries for unknown ids are dropped.
 */
export function fillMissingLayout(doc: Doc): Layout {
  const old = doc.layout;
  const known = new Set<Id>([
    ...Object.keys(doc.model.namespaces),
    ...Object.keys(doc.model.workloads),
    ...Object.keys(doc.model.externals),
    ...loadBalancerServices(doc).map((s) => loadBalancerLayoutId(s.id)),
  ]);
  const layout: Layout = {};
  for (const [id, l] of Object.entries(old)) if (known.has(id)) layout[id] = { ...l };
  if (Object.keys(layout).length === 0) return gridLayout(doc);

  const top = topLevelRects(doc, layout);
  const all = [...top.values()];
  const bottom = all.length ? Math.max(...all.map((r) => r.y + r.h)) : 0;
  const minX = all.length ? Math.min(...all.map((r) => r.x)) : 0;
  const nsRects = Object.values(doc.model.namespaces).map((n) => top.get(n.id)).filter((r): r is Rect => !!r);
  const nsLeft = nsRects.length ? Math.min(...nsRects.map((r) => r.x)) : minX + EXTERNAL_SIZE.w + COLUMN_GAP;
  const children = workloadsByNamespace(doc);

  // New namespaces go below everything, in the namespace column, each with its children in a grid.
  let nextNsY = bottom + NODE_GAP;
  for (const ns of Object.values(doc.model.namespaces).sort(byName)) {
    if (layout[ns.id]) continue;
    const list = (children.get(ns.id) ?? []).filter((w) => !layout[w.id]);
    const placed = (children.get(ns.id) ?? []).filter((w) => layout[w.id]);
    const cols = columnsFor(list.length + placed.length);
    const rects: Rect[] = placed.map((w) => ({ ...(layout[w.id] as NodeLayout), ...WORKLOAD_SIZE }));
    placeInFreeSlots(list, cols, rects, layout);
    const size = sizeToFit(rects);
    layout[ns.id] = { x: nsLeft, y: nextNsY, ...size };
    top.set(ns.id, { x: nsLeft, y: nextNsY, ...size });
    nextNsY += size.h + NODE_GAP;
  }

  // New workloads in existing namespaces: first free grid slot. Then every namespace grows to
  // fit its children (also when a restored layout lost its sizes).
  for (const ns of Object.values(doc.model.namespaces).sort(byName)) {
    const list = (children.get(ns.id) ?? []).filter((w) => !layout[w.id]);
    const nsl = layout[ns.id] as NodeLayout;
    const rects: Rect[] = (children.get(ns.id) ?? [])
      .filter((w) => layout[w.id])
      .map((w) => ({ ...(layout[w.id] as NodeLayout), ...WORKLOAD_SIZE }));
    const width = nsl.w ?? MIN_NAMESPACE_SIZE.w;
    const cols = Math.max(1, Math.floor((width - 2 * NAMESPACE_PADDING + NODE_GAP) / (WORKLOAD_SIZE.w + NODE_GAP)));
    placeInFreeSlots(list, cols, rects, layout);
    const need = sizeToFit(rects);
    const oldRect = top.get(ns.id) as Rect;
    const grown = { x: nsl.x, y: nsl.y, w: Math.max(oldRect.w, need.w), h: Math.max(oldRect.h, need.h) };
    if (list.length === 0 && nsl.w !== undefined && nsl.h !== undefined && grown.w === oldRect.w && grown.h === oldRect.h) continue;
    layout[ns.id] = { ...nsl, w: grown.w, h: grown.h };
    top.set(ns.id, grown);
    pushAwayFrom(ns.id, oldRect, grown, top, layout);
  }

  // New externals and load balancers: the column left of the namespaces, first free spot.
  const colX = Math.min(minX, nsLeft - COLUMN_GAP - EXTERNAL_SIZE.w);
  for (const e of Object.values(doc.model.externals).sort(byName)) {
    if (layout[e.id]) continue;
    const p = firstFreeInColumn(top.values(), colX, 0, EXTERNAL_SIZE);
    layout[e.id] = p;
    top.set(e.id, { ...p, ...EXTERNAL_SIZE });
  }
  for (const s of loadBalancerServices(doc)) {
    const id = loadBalancerLayoutId(s.id);
    if (layout[id]) continue;
    const p = firstFreeInColumn(top.values(), colX, 0, LOAD_BALANCER_SIZE);
    layout[id] = p;
    top.set(id, { ...p, ...LOAD_BALANCER_SIZE });
  }
  return layout;
}

/**
 * After `grownId` grew from `before` to `after`, move every top-level node it now overlaps down
 * (and, transitively, what those then overlap), so growth never hides other nodes.
 */
function pushAwayFrom(grownId: Id, before: Rect, after: Rect, top: Map<Id, Rect>, layout: Layout): void {
  if (after.h === before.h && after.w === before.w) return;
  const queue: Id[] = [grownId];
  while (queue.length > 0) {
    const id = queue.shift() as Id;
    const r = top.get(id) as Rect;
    for (const [other, o] of top) {
      if (other === id || !overlaps(r, o)) continue;
      const moved = { ...o, y: r.y + r.h + NODE_GAP };
      top.set(other, moved);
      layout[other] = { ...(layout[other] as NodeLayout), y: moved.y };
      queue.push(other);
    }
  }
}

/** Puts each workload in the first grid slot that overlaps none of `rects` (which it extends). */
function placeInFreeSlots(list: readonly { id: string }[], cols: number, rects: Rect[], layout: Layout): void {
  let i = 0;
  for (const w of list) {
    while (rects.some((r) => overlaps(r, { ...slot(i, cols), ...WORKLOAD_SIZE }))) i++;
    const s = slot(i++, cols);
    layout[w.id] = s;
    rects.push({ ...s, ...WORKLOAD_SIZE });
  }
}
