// Room that "fit view" leaves for what floats over the canvas (the Find/filter bar, the zoom
// controls, the status line, the minimap, the pair bars): each overlay is cleared from the side
// where that costs the least of the canvas, so no node is drawn under any of them at fit. The
// app measures the overlays (their rectangles relative to the canvas) and passes them in.

import { boundsOf, type Rect, type XY } from './geometry.ts';

export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type Side = keyof FitPadding;

/** Space between an overlay and the nearest node at fit. */
export const FIT_GAP = 8;
/** The least padding on every side, so nodes never touch the canvas border. */
export const FIT_MIN = 12;

/**
 * The side an overlay is cleared from and how far: the side whose padding (from that canvas
 * border to the overlay's far edge) takes the smallest share of the canvas in that direction.
 * Null for an overlay outside the canvas or of no size.
 */
export function clearance(canvas: { w: number; h: number }, r: Rect): { side: Side; px: number } | null {
  if (r.w <= 0 || r.h <= 0 || canvas.w <= 0 || canvas.h <= 0) return null;
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(canvas.w, r.x + r.w);
  const y1 = Math.min(canvas.h, r.y + r.h);
  if (x1 <= x0 || y1 <= y0) return null;
  const options: { side: Side; px: number; share: number }[] = [
    { side: 'top', px: y1, share: y1 / canvas.h },
    { side: 'bottom', px: canvas.h - y0, share: (canvas.h - y0) / canvas.h },
    { side: 'left', px: x1, share: x1 / canvas.w },
    { side: 'right', px: canvas.w - x0, share: (canvas.w - x0) / canvas.w },
  ];
  let best = options[0];
  for (const o of options) if (o.share < best.share) best = o;
  return { side: best.side, px: best.px };
}

/** Fit padding in pixels for a canvas of this size with these overlays (canvas-relative rectangles). */
export function fitPadding(canvas: { w: number; h: number }, overlays: readonly Rect[]): FitPadding {
  const pad: FitPadding = { top: FIT_MIN, right: FIT_MIN, bottom: FIT_MIN, left: FIT_MIN };
  for (const r of overlays) {
    const c = clearance(canvas, r);
    if (c) pad[c.side] = Math.max(pad[c.side], Math.ceil(c.px + FIT_GAP));
  }
  // Never leave less than a third of the canvas for the design.
  const fitInside = (a: Side, b: Side, size: number) => {
    const room = size - pad[a] - pad[b];
    const least = size / 3;
    if (room >= least) return;
    const k = (size - least) / Math.max(1, pad[a] + pad[b]);
    pad[a] = Math.floor(pad[a] * k);
    pad[b] = Math.floor(pad[b] * k);
  };
  fitInside('top', 'bottom', canvas.h);
  fitInside('left', 'right', canvas.w);
  return pad;
}

/**
 * How far (canvas units) the `drawn` rectangles (edge routes, labels) reach past the bounding box
 * of the `nodes`, per side: fit view fits the nodes, so this much more padding keeps an edge
 * routed around the top row, or its label, from ending up under the toolbar or outside the canvas.
 */
export function overhang(nodes: Iterable<Rect>, drawn: Iterable<Rect>): FitPadding {
  const out: FitPadding = { top: 0, right: 0, bottom: 0, left: 0 };
  const b = boundsOf(nodes);
  if (!b || !(b.w > 0)) return out;
  for (const r of drawn) {
    out.top = Math.max(out.top, b.y - r.y);
    out.left = Math.max(out.left, b.x - r.x);
    out.bottom = Math.max(out.bottom, r.y + r.h - (b.y + b.h));
    out.right = Math.max(out.right, r.x + r.w - (b.x + b.w));
  }
  return out;
}

/** `pad` (screen px) grown by `extra` (canvas units) drawn at `zoom`. */
export function withOverhang(pad: FitPadding, extra: FitPadding, zoom: number): FitPadding {
  const px = (v: number) => Math.ceil(v * zoom);
  return { top: pad.top + px(extra.top), right: pad.right + px(extra.right), bottom: pad.bottom + px(extra.bottom), left: pad.left + px(extra.left) };
}

/** The rectangles edges take beyond their nodes: each route's bounding box and each placed label's box. */
export function drawnExtras(routes: Iterable<{ points: readonly XY[] }>, labels: Iterable<{ box?: Rect }>): Rect[] {
  const out: Rect[] = [];
  for (const r of routes) {
    const b = boundsOf(r.points);
    if (b) out.push(b);
  }
  for (const l of labels) if (l.box) out.push(l.box);
  return out;
}

/** What the canvas draws, as fit needs it: node and open-namespace rectangles, routes, placed labels. */
export interface DrawnForFit {
  nodes: ReadonlyMap<string, Rect>;
  containers: ReadonlyMap<string, Rect>;
  routes: ReadonlyMap<string, { points: readonly XY[] }>;
  placements: ReadonlyMap<string, { box?: Rect }>;
}

/** The overlays' padding `pad` (screen px) grown by how far routes and labels reach past the nodes, drawn at `zoom`. */
export function fitPaddingFor(pad: FitPadding, drawn: DrawnForFit, zoom: number): FitPadding {
  const extra = overhang([...drawn.nodes.values(), ...drawn.containers.values()], drawnExtras(drawn.routes.values(), drawn.placements.values()));
  return withOverhang(pad, extra, zoom);
}
