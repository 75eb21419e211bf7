// Where the overview of a large design draws things. The overview is a view, not a layout of
// the document: compact namespace nodes (and the namespaces the user opened, at their own
// size) are packed in rows shaped to the viewport, with room between them for the edge labels;
// external networks and load balancers stand in columns on the left. The order follows the
// document's layout (read row by row), so namespaces that the layout put side by side because
// they talk to each other stay neighbours. Workloads keep their place inside their namespace.

import type { Doc, Id } from '../model/types.ts';
import { COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, loadBalancerLayoutId, loadBalancerServices } from '../layout/sizes.ts';
import type { Rect } from './geometry.ts';
import { cardSizeOf, isDenseOverview } from './overview.ts';
import { fitHeaderWidth } from './namespace-header.ts';

/** Space between namespaces in the overview: room for a label on the edges between them. */
export const OVERVIEW_GAP = { x: 84, y: 58 } as const;
/** Dense overviews (many namespaces, few drawn edges: overview-bundles.ts) pack the cards closer. */
export const DENSE_GAP = { x: 24, y: 18 } as const;

type Gap = { readonly x: number; readonly y: number };
const SIDE_GAP = 28;

interface Item {
  id: Id;
  w: number;
  h: number;
}

/** Rows of items, each row at most `width` wide (an item wider than that gets a row of its own). */
function shelves(items: Item[], width: number, gap: Gap): { rows: Item[][]; w: number; h: number } {
  const rows: Item[][] = [];
  let row: Item[] = [];
  let x = 0;
  for (const it of items) {
    if (row.length > 0 && x + it.w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push(it);
    x += it.w + gap.x;
  }
  if (row.length) rows.push(row);
  const w = Math.max(0, ...rows.map((r) => r.reduce((s, it) => s + it.w, 0) + gap.x * (r.length - 1)));
  const h = rows.reduce((s, r) => s + Math.max(...r.map((it) => it.h)), 0) + gap.y * Math.max(0, rows.length - 1);
  return { rows, w, h };
}

/** Stacks the side items in columns no taller than `height` (at least one item per column). */
function sideColumns(items: Item[], height: number): { at: Map<Id, { x: number; y: number }>; w: number; h: number } {
  const at = new Map<Id, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let colW = 0;
  let h = 0;
  for (const it of items) {
    if (y > 0 && y + it.h > height) {
      x += colW + SIDE_GAP * 2;
      y = 0;
      colW = 0;
    }
    at.set(it.id, { x, y });
    y += it.h + SIDE_GAP;
    colW = Math.max(colW, it.w);
    h = Math.max(h, y - SIDE_GAP);
  }
  return { at, w: items.length ? x + colW : 0, h };
}

/**
 * Rectangles (absolute) of the namespaces, external networks and load balancers in the
 * overview. `open` namespaces are drawn at their own size, the others as compact nodes.
 * `aspect` is the width / height of the viewport to fill. `hidden` nodes (canvas filters) take no
 * room: what is left packs to the viewport.
 */
export function overviewLayout(doc: Doc, open: ReadonlySet<Id>, aspect: number, hidden: ReadonlySet<Id> = new Set()): Map<Id, Rect> {
  const { model, layout } = doc;
  const shown = (id: Id) => !hidden.has(id);
  const byPlace = (a: Id, b: Id) => {
    const la = layout[a];
    const lb = layout[b];
    if (!la || !lb) return la ? -1 : lb ? 1 : a < b ? -1 : 1;
    return la.y - lb.y || la.x - lb.x || (a < b ? -1 : 1);
  };
  const card = cardSizeOf(model);
  const gap = isDenseOverview(model) ? DENSE_GAP : OVERVIEW_GAP;
  const nsItems: Item[] = Object.keys(model.namespaces).filter(shown).sort(byPlace).map((id) => {
    if (!open.has(id)) return { id, ...card };
    const l = layout[id];
    return { id, w: fitHeaderWidth(doc, id, l?.w ?? MIN_NAMESPACE_SIZE.w), h: l?.h ?? MIN_NAMESPACE_SIZE.h };
  });
  const side: Item[] = [
    ...Object.values(model.externals).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)).map((e) => ({ id: e.id, ...EXTERNAL_SIZE })),
    ...loadBalancerServices(doc).map((s) => ({ id: loadBalancerLayoutId(s.id), ...LOAD_BALANCER_SIZE })),
  ].filter((it) => shown(it.id));

  // Try row widths from one item per row to all in one row; keep the packing (side columns
  // included) that shows everything at the largest zoom in the viewport.
  const widest = Math.max(0, ...nsItems.map((it) => it.w));
  const total = nsItems.reduce((s, it) => s + it.w + gap.x, 0);
  let best: { rows: Item[][]; side: ReturnType<typeof sideColumns>; left: number; score: number } | null = null;
  const steps = Math.max(1, Math.min(nsItems.length, 40));
  const sideHeight = side.reduce((s, it) => s + it.h + SIDE_GAP, 0);
  // Row widths: even steps of the total, and every whole number of average items per row (up
  // to 60), so that a grid of equal cards gets each column count tried.
  const avg = nsItems.length ? total / nsItems.length : 0;
  const widths = [
    ...Array.from({ length: steps }, (_, i) => (total * (i + 1)) / steps),
    ...Array.from({ length: Math.min(nsItems.length, 60) }, (_, k) => (k + 1) * avg - gap.x + 0.5),
  ];
  for (const candidate of widths) {
    const width = Math.max(widest, candidate);
    const packed = shelves(nsItems, width, gap);
    for (let cols = 1; cols <= Math.max(1, Math.min(4, side.length)); cols++) {
      const sideCols = sideColumns(side, Math.max(sideHeight / cols, EXTERNAL_SIZE.h + SIDE_GAP));
      const left = sideCols.w ? sideCols.w + COLUMN_GAP : 0;
      const w = left + packed.w;
      const h = Math.max(packed.h, sideCols.h);
      const score = Math.max(w / aspect, h);
      if (!best || score < best.score - 0.5) best = { rows: packed.rows, side: sideCols, left, score };
    }
  }
  const out = new Map<Id, Rect>();
  if (!best) return out;
  for (const it of side) {
    const p = best.side.at.get(it.id)!;
    out.set(it.id, { x: p.x, y: p.y, w: it.w, h: it.h });
  }
  let y = 0;
  for (const row of best.rows) {
    let x = best.left;
    const rowH = Math.max(...row.map((it) => it.h));
    for (const it of row) {
      // Compact nodes sit on the middle of their row; open namespaces at its top.
      const dy = open.has(it.id) ? 0 : (rowH - it.h) / 2;
      out.set(it.id, { x, y: y + dy, w: it.w, h: it.h });
      x += it.w + gap.x;
    }
    y += rowH + gap.y;
  }
  return out;
}
