// Where edge labels go, so that no label covers another label or a node. Each label tries a
// few spots along its edge (middle first); a label that fits nowhere becomes a small badge
// (the count, or a dot) at the first spot a badge fits, and where not even a badge fits it is
// left off the drawing (the edge keeps its text as a tooltip and opens its explanation on click).
// Labels are placed in order of importance: the selection's, intents and assertions, then
// aggregated edges by how many connections they stand for, then the rest.
//
// Sizes are estimated from the text (labels are one line of small text) and multiplied by
// `scale`: when zoomed out, labels are drawn larger in canvas units so that they stay readable
// on screen (scale = 1 / zoom, see labelScale).

import type { Id } from '../model/types.ts';
import { boundsOf, type Rect } from './geometry.ts';
import { edgeCurve, pointAt } from './edge-geometry.ts';
import { pointOnRoute, type Route } from './routing.ts';
import type { CanvasEdge } from './types.ts';
import { NAMESPACE_HEADER } from '../layout/sizes.ts';

/** Screen size of label text: average character width and line height (styles.css .edge-label). */
export const LABEL_CHAR_W = 6.1;
export const LABEL_H = 17;
const LABEL_PAD = 12;
export const BADGE_H = 16;
/** Width of a review mark before a label's text (app/comments/CommentBadge.tsx ReviewEdgeBadge). */
const REVIEW_MARK_W = 16;
/** Spots tried along an edge, middle first. */
const SPOTS = [0.5, 0.35, 0.65, 0.2, 0.8];
/** Labels may reach this far (screen px) past the outermost nodes. */
const FRAME_PAD = 30;
/** Labels keep this much space (screen px) from nodes and each other. */
const MARGIN = 2;

export type LabelMode = 'label' | 'badge' | 'hidden';

export interface LabelPlacement {
  mode: LabelMode;
  /** Position along the edge (0..1) the label is attached to. */
  t: number;
  /** Offset of the label's centre from that point, in canvas units (0 = centred on the edge). */
  dx?: number;
  dy?: number;
  /** Badge text (a count, or empty for a dot). */
  badge?: string;
  /** The rectangle the label or badge takes (canvas units): fitting the view keeps it in view. */
  box?: Rect;
}

/** How much larger than at zoom 1 labels are drawn, so they keep their screen size zoomed out. */
export function labelScale(zoom: number): number {
  if (!(zoom > 0)) return 1;
  return Math.min(6, Math.max(1, 1 / zoom));
}

export function labelSize(text: string, scale: number): { w: number; h: number } {
  return { w: (text.length * LABEL_CHAR_W + LABEL_PAD) * scale, h: LABEL_H * scale };
}

function badgeText(e: CanvasEdge): string {
  if (e.count !== undefined && e.count > 1) return String(e.count);
  // Verdict marks (intent and assertion labels carry them) say the most in one character.
  const mark = /[✓✗◐]/.exec(e.label);
  // Otherwise "…": more here (hover for the label, click for the edge), never an empty circle.
  return mark ? mark[0] : '…';
}

function badgeSize(text: string, scale: number): { w: number; h: number } {
  return { w: Math.max(BADGE_H, text.length * LABEL_CHAR_W + 8) * scale, h: BADGE_H * scale };
}

/** Which edges matter most (0 first): labels are placed, and edges routed, in this order. */
export function edgePriority(e: CanvasEdge): number {
  if (e.className?.includes('is-focus')) return 0;
  if (e.kind === 'intent' || e.assertionId) return 1;
  if (e.review) return 2;
  if (e.className?.includes('is-dimmed')) return 6;
  if (e.kind === 'service') return 3;
  return e.count !== undefined ? 4 : 5;
}

/** A uniform grid over the canvas: which placed rectangles may touch a cell. */
class RectIndex {
  private cells = new Map<string, Rect[]>();
  constructor(private cell: number) {}
  private keys(r: Rect): string[] {
    const out: string[] = [];
    const c = this.cell;
    for (let i = Math.floor(r.x / c); i <= Math.floor((r.x + r.w) / c); i++) {
      for (let j = Math.floor(r.y / c); j <= Math.floor((r.y + r.h) / c); j++) out.push(`${i},${j}`);
    }
    return out;
  }
  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }
  hits(r: Rect): boolean {
    for (const k of this.keys(r)) {
      for (const o of this.cells.get(k) ?? []) {
        if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) return true;
      }
    }
    return false;
  }
}

export interface LabelInput {
  edges: readonly CanvasEdge[];
  /** Absolute rectangles of the drawn nodes that labels must not cover, by node id. */
  nodes: ReadonlyMap<Id, Rect>;
  /** Rectangles of drawn nodes that edges attach to but labels may cover (open namespaces). */
  containers?: ReadonlyMap<Id, Rect>;
  scale: number;
  /** Labels stay inside this rectangle (default: around the nodes), so fitting the view shows them whole. */
  bounds?: Rect;
  /** The routed paths (routing.ts), by edge id: labels go on them (else on the plain curve). */
  routes?: ReadonlyMap<string, Route>;
}

/** Placement of every labelled edge, by edge id. */
export function placeLabels({ edges, nodes, containers, scale, bounds, routes }: LabelInput): Map<string, LabelPlacement> {
  const out = new Map<string, LabelPlacement>();
  const near = boundsOf([...nodes.values(), ...(containers?.values() ?? [])]);
  // A little room around the nodes: the fitted view has some padding.
  const pad = FRAME_PAD * scale;
  const frame = bounds ?? (near && { x: near.x - pad, y: near.y - pad, w: near.w + 2 * pad, h: near.h + 2 * pad });
  const inFrame = (r: Rect) => !frame || (r.x >= frame.x && r.y >= frame.y && r.x + r.w <= frame.x + frame.w && r.y + r.h <= frame.y + frame.h);
  const index = new RectIndex(Math.max(200, 120 * scale));
  const m = MARGIN * scale;
  for (const r of nodes.values()) index.add(r);
  // An open namespace's header band (name, count, badges) is never covered either.
  for (const c of containers?.values() ?? []) index.add({ x: c.x, y: c.y, w: c.w, h: Math.min(c.h, NAMESPACE_HEADER) });
  const order = edges
    .map((e, i) => ({ e, i, p: edgePriority(e) }))
    .filter((x) => x.e.label)
    .sort((a, b) => a.p - b.p || (b.e.count ?? 0) - (a.e.count ?? 0) || a.i - b.i);
  const boxOf = (id: Id) => nodes.get(id) ?? containers?.get(id);
  for (const { e } of order) {
    const a = boxOf(e.source);
    const b = boxOf(e.target);
    if (!a || !b) {
      out.set(e.id, { mode: 'hidden', t: 0.5 });
      continue;
    }
    const route = routes?.get(e.id);
    const curve = route ? null : edgeCurve(a, b);
    const at = (t: number) => (route ? pointOnRoute(route, t) : pointAt(curve!, t));
    // Centred on the edge first; then beside it (touching the edge at its end, above or below).
    const offsets = (size: { w: number; h: number }): [number, number][] => [
      [0, 0], [size.w / 2 + m, 0], [-size.w / 2 - m, 0], [0, -size.h / 2 - m], [0, size.h / 2 + m],
    ];
    const tryPlace = (size: { w: number; h: number }): { t: number; dx: number; dy: number; box: Rect } | null => {
      for (const [dx, dy] of offsets(size)) {
        for (const t of SPOTS) {
          const c = at(t);
          const r = { x: c.x + dx - size.w / 2 - m, y: c.y + dy - size.h / 2 - m, w: size.w + 2 * m, h: size.h + 2 * m };
          if (inFrame(r) && !index.hits(r)) {
            index.add(r);
            return { t, dx, dy, box: { x: r.x + m, y: r.y + m, w: size.w, h: size.h } };
          }
        }
      }
      return null;
    };
    const where = (p: { t: number; dx: number; dy: number; box: Rect }) => ({ t: p.t, ...(p.dx ? { dx: p.dx } : {}), ...(p.dy ? { dy: p.dy } : {}), box: p.box });
    const size = labelSize(e.label, scale);
    // Review marks (+ / − / ±) take a little room before the text.
    const full = tryPlace(e.review ? { w: size.w + REVIEW_MARK_W * scale, h: size.h } : size);
    if (full !== null) {
      out.set(e.id, { mode: 'label', ...where(full) });
      continue;
    }
    const text = badgeText(e);
    const small = tryPlace(badgeSize(text, scale));
    out.set(e.id, small !== null ? { mode: 'badge', ...where(small), badge: text } : { mode: 'hidden', t: 0.5 });
  }
  return out;
}
