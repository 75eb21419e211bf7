// What a drop means, as pure document commands: a palette item dropped at a canvas point, and
// the end of a drag (containment: workloads stay in a namespace, move to another one on
// confirmation, or go back when dropped outside; the namespace grows to fit what lands in it).

import type { Doc, Id, NodeLayout } from '../model/types.ts';
import { newId } from '../model/factory.ts';
import { EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING, WORKLOAD_SIZE, loadBalancerLayoutId } from '../layout/sizes.ts';
import { addExternal, addLoadBalancer, addNamespace, addWorkload, setPositions } from './commands.ts';
import { clampIntoNamespace, namespaceAt, namespaceRect, nearestNamespace, workloadCenter, type Rect, type XY } from '../canvas/geometry.ts';

export type PaletteItem = 'namespace' | 'workload' | 'external' | 'loadbalancer';

export interface DropResult {
  doc: Doc;
  /** Canvas id of the created node (to select it), or null when refused. */
  created: Id | null;
  message?: { text: string; kind: 'info' | 'error' };
}

/** The size a namespace needs so a workload at `rel` (relative top-left) fits inside, or null when it already fits. */
export function sizeToFit(parent: Pick<Rect, 'w' | 'h'>, rel: XY): { w: number; h: number } | null {
  const need = { w: rel.x + WORKLOAD_SIZE.w + NAMESPACE_PADDING, h: rel.y + WORKLOAD_SIZE.h + NAMESPACE_PADDING };
  if (need.w <= parent.w && need.h <= parent.h) return null;
  return { w: Math.max(parent.w, need.w), h: Math.max(parent.h, need.h) };
}

/**
 * Drops a palette item at `at` (flow coordinates). Workloads land in the namespace under the
 * pointer, which grows to fit; dropped outside every namespace they get a new namespace of their
 * own (and the user is told). Load balancers are Services, so they belong to the namespace under
 * the pointer or the nearest one; without any namespace they are refused with a hint.
 */
export function dropPaletteItem(doc: Doc, item: PaletteItem, at: XY): DropResult {
  switch (item) {
    case 'namespace': {
      const id = newId('ns');
      return { doc: addNamespace(doc, { id, at: { x: at.x - 40, y: at.y - NAMESPACE_HEADER / 2 } }), created: id };
    }
    case 'external': {
      const id = newId('ext');
      return { doc: addExternal(doc, { id, at: { x: at.x - EXTERNAL_SIZE.w / 2, y: at.y - EXTERNAL_SIZE.h / 2 } }), created: id };
    }
    case 'workload': {
      const id = newId('wl');
      const topLeft = { x: at.x - WORKLOAD_SIZE.w / 2, y: at.y - WORKLOAD_SIZE.h / 2 };
      const nsId = namespaceAt(doc, at);
      if (nsId) {
        const r = namespaceRect(doc, nsId)!;
        const rel = clampIntoNamespace({ x: topLeft.x - r.x, y: topLeft.y - r.y });
        let next = addWorkload(doc, { id, namespaceId: nsId, at: rel });
        const grow = sizeToFit(r, rel);
        if (grow) next = setPositions(next, { [nsId]: grow });
        return { doc: next, created: id };
      }
      const newNs = newId('ns');
      const name = Object.values(doc.model.namespaces).some((n) => n.name === 'default') ? 'namespace' : 'default';
      const origin = { x: topLeft.x - NAMESPACE_PADDING, y: topLeft.y - NAMESPACE_HEADER - NAMESPACE_PADDING };
      let next = addNamespace(doc, { id: newNs, name, at: origin });
      next = addWorkload(next, { id, namespaceId: newNs, at: { x: NAMESPACE_PADDING, y: NAMESPACE_HEADER + NAMESPACE_PADDING } });
      const nsName = next.model.namespaces[newNs].name;
      return {
        doc: next,
        created: id,
        message: { text: `Dropped outside any namespace: created namespace '${nsName}' for it. Drop onto a namespace to add a workload there.`, kind: 'info' },
      };
    }
    case 'loadbalancer': {
      const nsId = namespaceAt(doc, at) ?? nearestNamespace(doc, at);
      if (!nsId) {
        return {
          doc,
          created: null,
          message: { text: 'A load balancer is a Service of type LoadBalancer, which lives in a namespace: add a namespace first.', kind: 'error' },
        };
      }
      const id = newId('svc');
      const next = addLoadBalancer(doc, { id, namespaceId: nsId, at: { x: at.x - LOAD_BALANCER_SIZE.w / 2, y: at.y - LOAD_BALANCER_SIZE.h / 2 } });
      const svc = next.model.services[id];
      return {
        doc: next,
        created: loadBalancerLayoutId(id),
        message: {
          text: `Load balancer '${svc.name}' created in namespace '${next.model.namespaces[nsId].name}'. It serves no workload yet: draw it to the workloads it serves.`,
          kind: 'info',
        },
      };
    }
  }
}

export interface DragEnd {
  /** Layout changes to commit (node positions; namespace sizes grown to fit). */
  positions: Record<Id, Partial<NodeLayout>>;
  /** Workloads dropped inside another namespace: a namespace change the user confirms. */
  moves: { workloadId: Id; toNamespaceId: Id; at: XY }[];
  /** Some workload was dropped outside every namespace (it goes back to its place). */
  droppedOutside: boolean;
}

/**
 * The end of a drag: `final` holds the dropped positions (workloads relative to their
 * namespace, everything else absolute). Top-level nodes take their new place; a workload stays
 * in its namespace (clamped below the title, the namespace grows to fit), or is a move into
 * the namespace under its centre, or goes back when dropped outside any namespace.
 */
export function planDragEnd(doc: Doc, final: Record<Id, XY>): DragEnd {
  const positions: Record<Id, Partial<NodeLayout>> = {};
  const moves: DragEnd['moves'] = [];
  let droppedOutside = false;
  const nsOverrides: Record<Id, XY> = {};
  for (const [id, p] of Object.entries(final)) if (doc.model.namespaces[id]) nsOverrides[id] = p;

  for (const [id, p] of Object.entries(final)) {
    const wl = doc.model.workloads[id];
    if (!wl) {
      positions[id] = { ...positions[id], x: p.x, y: p.y };
      continue;
    }
    const parent = namespaceRect(doc, wl.namespaceId, nsOverrides[wl.namespaceId]);
    if (!parent) continue;
    const abs = { x: parent.x + p.x, y: parent.y + p.y };
    const target = namespaceAt(doc, workloadCenter(abs), nsOverrides);
    if (target === null) {
      droppedOutside = true;
      continue;
    }
    if (target !== wl.namespaceId) {
      const r = namespaceRect(doc, target, nsOverrides[target]);
      if (r) moves.push({ workloadId: id, toNamespaceId: target, at: clampIntoNamespace({ x: abs.x - r.x, y: abs.y - r.y }) });
      continue;
    }
    const rel = clampIntoNamespace(p);
    positions[id] = rel;
    const prev = positions[wl.namespaceId] ?? {};
    const grow = sizeToFit({ w: Math.max(parent.w, prev.w ?? 0), h: Math.max(parent.h, prev.h ?? 0) }, rel);
    if (grow) positions[wl.namespaceId] = { ...prev, ...grow };
  }
  return { positions, moves, droppedOutside };
}

// ---------------------------------------------------------------- keyboard placement

const ITEM_SIZE: Record<PaletteItem, { w: number; h: number }> = {
  namespace: { w: MIN_NAMESPACE_SIZE.w + 240, h: MIN_NAMESPACE_SIZE.h + 60 },
  workload: WORKLOAD_SIZE,
  external: EXTERNAL_SIZE,
  loadbalancer: LOAD_BALANCER_SIZE,
};

/** Rectangles a new item must not overlap (a workload may sit inside a namespace, not on another workload). */
function obstacles(doc: Doc, item: PaletteItem): Rect[] {
  const out: Rect[] = [];
  for (const id of Object.keys(doc.model.namespaces)) {
    const r = namespaceRect(doc, id);
    if (!r) continue;
    if (item !== 'workload') out.push(r);
    for (const w of Object.values(doc.model.workloads)) {
      const l = doc.layout[w.id];
      if (w.namespaceId === id && l) out.push({ x: r.x + l.x, y: r.y + l.y, w: WORKLOAD_SIZE.w, h: WORKLOAD_SIZE.h });
    }
  }
  for (const id of Object.keys(doc.model.externals)) {
    const l = doc.layout[id];
    if (l) out.push({ x: l.x, y: l.y, ...EXTERNAL_SIZE });
  }
  for (const s of Object.values(doc.model.services)) {
    const l = doc.layout[loadBalancerLayoutId(s.id)];
    if (s.type === 'LoadBalancer' && l) out.push({ x: l.x, y: l.y, ...LOAD_BALANCER_SIZE });
  }
  return out;
}

const GAP = 16;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

/**
 * The drop point (centre of the item) nearest to `centre` where the item overlaps nothing: the
 * viewport centre when it is free, else the closest free slot on rings around it.
 */
export function freeSlot(doc: Doc, item: PaletteItem, centre: XY): XY {
  const size = ITEM_SIZE[item];
  const blocked = obstacles(doc, item);
  // Drop points are the item's centre, except a namespace, which is placed by its top-left corner area.
  const rectAt = (p: XY): Rect => {
    if (item === 'namespace') return { x: p.x - 40, y: p.y - NAMESPACE_HEADER / 2, ...size };
    const topLeft = { x: p.x - size.w / 2, y: p.y - size.h / 2 };
    const ns = item === 'workload' ? namespaceAt(doc, p) : null;
    const r = ns ? namespaceRect(doc, ns) : null;
    if (!r) return { ...topLeft, ...size };
    // Where dropPaletteItem really puts it: clamped below the namespace title.
    const rel = clampIntoNamespace({ x: topLeft.x - r.x, y: topLeft.y - r.y });
    return { x: r.x + rel.x, y: r.y + rel.y, ...size };
  };
  // A workload stays in the namespace at (or nearest to) the centre: slots outside it do not count.
  const home = item === 'workload' ? namespaceAt(doc, centre) ?? nearestNamespace(doc, centre) : null;
  const free = (p: XY) => (!home || namespaceAt(doc, p) === home) && !blocked.some((b) => overlaps(rectAt(p), b));
  if (free(centre)) return centre;
  const step = 40;
  for (let ring = 1; ring <= 60; ring++) {
    let best: XY | null = null;
    let bestD = Infinity;
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]]) {
        const p = { x: centre.x + dx * step, y: centre.y + dy * step };
        const d = dx * dx + dy * dy;
        if (d < bestD && free(p)) { best = p; bestD = d; }
      }
    }
    if (best) return best;
  }
  // A full namespace: drop at its bottom edge, where it grows to fit the workload.
  const r = home ? namespaceRect(doc, home) : null;
  return r ? { x: r.x + WORKLOAD_SIZE.w / 2 + NAMESPACE_PADDING, y: r.y + r.h - 4 } : centre;
}

/** Enter / Space on a palette item: the item placed at the viewport centre, in a free slot. */
export function placePaletteItem(doc: Doc, item: PaletteItem, viewportCentre: XY): DropResult {
  return dropPaletteItem(doc, item, freeSlot(doc, item, viewportCentre));
}
