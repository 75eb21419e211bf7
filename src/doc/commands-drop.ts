// What a drop means, as pure document commands: a palette item dropped at a canvas point, and
// the end of a drag (containment: workloads stay in a namespace, move to another one on
// confirmation, or go back when dropped outside; the namespace grows to fit what lands in it).

import type { Doc, Id, NodeLayout } from '../model/types.ts';
import { newId } from '../model/factory.ts';
import { EXTERNAL_SIZE, LOAD_BALANCER_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING, WORKLOAD_SIZE, loadBalancerLayoutId } from '../layout/sizes.ts';
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
