// Merging an import into a design that is already laid out: the namespaces it brings are laid
// out as a block of their own (the packed layout of just that part) and the block is put
// beside the existing drawing, below it or to its right, whichever keeps the whole closest to
// the viewport's shape. Nothing placed before moves. (fillMissingLayout alone stacks every new
// namespace below the others: a 20-namespace merge became one tall column.)

import type { Doc, Id, Layout, Model } from '../model/types.ts';
import {
  COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';
import type { Rect } from './geometry.ts';

/**
 * The part of `model` that is new against `doc`: namespaces without a place yet, with their
 * workloads, Services and policies (what their layout reads). Null when no namespace is new.
 */
export function newNamespacesPart(doc: Doc, model: Model): Doc | null {
  const fresh = new Set(Object.keys(model.namespaces).filter((id) => !doc.layout[id]));
  if (fresh.size === 0) return null;
  const pick = <T extends { namespaceId: Id }>(rec: Record<Id, T>): Record<Id, T> =>
    Object.fromEntries(Object.entries(rec).filter(([, v]) => fresh.has(v.namespaceId)));
  const part: Model = {
    ...model,
    namespaces: Object.fromEntries(Object.entries(model.namespaces).filter(([id]) => fresh.has(id))),
    workloads: pick(model.workloads),
    services: pick(model.services),
    policies: pick(model.policies),
    externals: {},
    intents: {},
    assertions: {},
  };
  return { ...doc, model: part, layout: {} };
}

/** Bounding box of the top-level nodes of `layout` that `doc` knows (workloads are inside namespaces). */
function topBounds(doc: Doc, layout: Layout): Rect | null {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  const add = (id: Id, w: number, h: number) => {
    const l = layout[id];
    if (!l) return;
    x0 = Math.min(x0, l.x); y0 = Math.min(y0, l.y);
    x1 = Math.max(x1, l.x + (l.w ?? w)); y1 = Math.max(y1, l.y + (l.h ?? h));
  };
  for (const id of Object.keys(doc.model.namespaces)) add(id, MIN_NAMESPACE_SIZE.w, MIN_NAMESPACE_SIZE.h);
  for (const id of Object.keys(doc.model.externals)) add(id, EXTERNAL_SIZE.w, EXTERNAL_SIZE.h);
  for (const s of loadBalancerServices(doc)) add(loadBalancerLayoutId(s.id), LOAD_BALANCER_SIZE.w, LOAD_BALANCER_SIZE.h);
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * `partLayout` (the packed layout of `part`) moved beside what `doc` already draws: below it or
 * to its right, whichever shows the whole at the larger zoom in a viewport of shape `aspect`.
 * Returns entries for the part's nodes only (workloads stay relative to their namespace).
 */
export function placeBeside(doc: Doc, part: Doc, partLayout: Layout, aspect: number): Layout {
  const old = topBounds(doc, doc.layout);
  const add = topBounds(part, partLayout);
  if (!old || !add) return partLayout;
  const gap = COLUMN_GAP;
  const below = { dx: old.x - add.x, dy: old.y + old.h + gap - add.y, w: Math.max(old.w, add.w), h: old.h + gap + add.h };
  const right = { dx: old.x + old.w + gap - add.x, dy: old.y - add.y, w: old.w + gap + add.w, h: Math.max(old.h, add.h) };
  const score = (c: { w: number; h: number }) => Math.max(c.w / aspect, c.h);
  const best = score(right) < score(below) ? right : below;
  const out: Layout = {};
  for (const [id, l] of Object.entries(partLayout)) {
    out[id] = part.model.workloads[id] ? l : { ...l, x: l.x + best.dx, y: l.y + best.dy };
  }
  return out;
}
