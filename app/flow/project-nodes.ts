// Projects the document (plus per-user session state) onto React Flow nodes. The doc is the
// source of truth; nodes are rebuilt from it, and a per-id cache hands React Flow the very same
// node object when nothing about it changed, so unchanged nodes are skipped entirely.

import type { Doc, Id, NodeLayout } from '../../src/model/types.ts';
import {
  EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from '../../src/layout/sizes.ts';
import type { XY } from '../state/session-store.ts';
import type { NamespaceFlows } from '../../src/canvas/edges.ts';
import { cardSizeOf, compactCard, isDenseOverview, type NamespaceSummary } from '../../src/canvas/overview.ts';
import type { NodeTailInfo } from '../../src/canvas/edges.ts';
import type { Rect } from '../../src/canvas/geometry.ts';
import { fitHeaderWidth } from '../../src/canvas/namespace-header.ts';
import type { AppNode } from './flow-types.ts';

export interface ProjectionInput {
  doc: Doc;
  selection: ReadonlySet<Id>;
  dragOverrides: Record<Id, XY>;
  sizeOverrides: Record<Id, { w: number; h: number }>;
  measured: Record<Id, { width: number; height: number }>;
  /** Node ids to emphasise (selection neighbourhood, selector matches); others are dimmed when non-empty. */
  focus: ReadonlySet<Id> | null;
  /** Node ids highlighted by a panel (e.g. pods a selector matches). */
  highlight: ReadonlySet<Id>;
  /** Node ids highlighted as the other end (e.g. a cluster policy's peers); absent = none. */
  highlightPeers?: ReadonlySet<Id>;
  /** Connections inside each namespace (src/canvas/edges.ts): shown on its header when not drawn. */
  inner: Record<Id, NamespaceFlows>;
  /** Crowded overview (src/canvas/overview-bundles.ts): per node, the connections not drawn. */
  tails?: Record<Id, NodeTailInfo>;
  /** Namespaces drawn as one compact node (src/canvas/overview.ts), their boxes and summaries. */
  collapsed: ReadonlySet<Id>;
  boxes: ReadonlyMap<Id, Rect>;
  summaries: Record<Id, NamespaceSummary>;
  /** Zoom the compact nodes are sized for (they keep their screen size). */
  zoom: number;
  /** A large design: open namespaces offer to close again. */
  large: boolean;
  /** Overview mode: where namespaces, externals and load balancers are drawn (not draggable there). */
  placed: ReadonlyMap<Id, Rect> | null;
}

interface Cached {
  deps: unknown[];
  node: AppNode;
}

const sameDeps = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class NodeProjector {
  private cache = new Map<Id, Cached>();

  project(input: ProjectionInput): AppNode[] {
    const { doc } = input;
    const out: AppNode[] = [];
    const seen = new Set<Id>();
    const emit = (id: Id, deps: unknown[], make: () => AppNode) => {
      seen.add(id);
      const hit = this.cache.get(id);
      if (hit && sameDeps(hit.deps, deps)) {
        out.push(hit.node);
        return;
      }
      const node = make();
      this.cache.set(id, { deps, node });
      out.push(node);
    };
    const flags = (id: Id) => {
      const selected = input.selection.has(id);
      const dim = input.focus !== null && !input.focus.has(id);
      const hl = input.highlight.has(id);
      const peer = !hl && !!input.highlightPeers?.has(id);
      return { selected, cls: [dim ? 'is-dimmed' : '', hl ? 'is-highlighted' : '', peer ? 'is-highlighted-peer' : ''].filter(Boolean).join(' ') };
    };
    const placed = input.placed;
    const pos = (id: Id, l: NodeLayout | undefined) => {
      const p = placed?.get(id);
      if (p) return { x: p.x, y: p.y };
      return input.dragOverrides[id] ?? (l ? { x: l.x, y: l.y } : { x: 0, y: 0 });
    };
    const fixed = placed ? { draggable: false } : {};

    // Parents must come before their children.
    const namespaces = Object.values(doc.model.namespaces).sort((a, b) => a.name.localeCompare(b.name));
    const children = new Map<Id, Id[]>();
    for (const w of Object.values(doc.model.workloads)) {
      const list = children.get(w.namespaceId) ?? [];
      list.push(w.id);
      children.set(w.namespaceId, list);
    }
    const cardSize = cardSizeOf(doc.model);
    const dense = isDenseOverview(doc.model);
    for (const ns of namespaces) {
      const l = doc.layout[ns.id];
      const box = input.boxes.get(ns.id);
      if (input.collapsed.has(ns.id) && box) {
        const card = compactCard(box, input.zoom, cardSize);
        const { selected, cls } = flags(ns.id);
        const summary = input.summaries[ns.id];
        const innerFlows = input.inner[ns.id]?.count ?? 0;
        const tail = input.tails?.[ns.id];
        const tailKey = tail ? JSON.stringify(tail) : '';
        emit(ns.id, ['card', card.x, card.y, card.w, card.h, selected, cls, summary, innerFlows, tailKey, dense], () => ({
          id: ns.id,
          type: 'namespace',
          position: { x: card.x, y: card.y },
          width: card.w,
          height: card.h,
          // Not draggable: the card stands in for the box, which moves when the namespace is open.
          draggable: false,
          data: { entityId: ns.id, compact: { scale: card.scale, ...(summary ? { summary } : {}), innerFlows, ...(tail ? { tail } : {}), ...(dense ? { dense } : {}) } },
          selected,
          className: `${cls} is-compact`.trim(),
          zIndex: 0,
          measured: { width: card.w, height: card.h },
        }));
        continue;
      }
      const over = input.dragOverrides[ns.id];
      const size = input.sizeOverrides[ns.id];
      const m = input.measured[ns.id];
      const { selected, cls } = flags(ns.id);
      const flows = input.inner[ns.id];
      const hiddenFlows = flows && !flows.drawn ? flows.count : 0;
      const collapsible = input.large;
      const at = placed?.get(ns.id);
      const header = [ns.name, doc.model.namespaceDefaults[ns.id]];
      emit(ns.id, [l, over, size, m, selected, cls, hiddenFlows, collapsible, at?.x, at?.y, ...header], () => ({
        id: ns.id,
        type: 'namespace',
        position: pos(ns.id, l),
        ...fixed,
        // Grown to fit its header (src/canvas/namespace-header.ts), as the core's geometry has it.
        width: size?.w ?? fitHeaderWidth(doc, ns.id, l?.w ?? MIN_NAMESPACE_SIZE.w),
        height: size?.h ?? l?.h ?? MIN_NAMESPACE_SIZE.h,
        data: { entityId: ns.id, ...(hiddenFlows ? { hiddenFlows } : {}), ...(collapsible ? { collapsible } : {}) },
        selected,
        className: cls,
        zIndex: 0,
        ...(m ? { measured: m } : {}),
      }));
      for (const wid of (children.get(ns.id) ?? []).sort()) {
        const wl = doc.layout[wid];
        const wover = input.dragOverrides[wid];
        const wm = input.measured[wid];
        const f = flags(wid);
        emit(wid, [ns.id, wl, wover, wm, f.selected, f.cls], () => ({
          id: wid,
          type: 'workload',
          position: pos(wid, wl),
          parentId: ns.id,
          width: WORKLOAD_SIZE.w,
          height: WORKLOAD_SIZE.h,
          data: { entityId: wid },
          selected: f.selected,
          className: f.cls,
          ...(wm ? { measured: wm } : {}),
        }));
      }
    }
    for (const e of Object.values(doc.model.externals).sort((a, b) => a.name.localeCompare(b.name))) {
      const l = doc.layout[e.id];
      const over = input.dragOverrides[e.id];
      const m = input.measured[e.id];
      const f = flags(e.id);
      const at = placed?.get(e.id);
      const tail = input.tails?.[e.id];
      emit(e.id, [l, over, m, f.selected, f.cls, at?.x, at?.y, tail ? JSON.stringify(tail) : ''], () => ({
        id: e.id,
        type: 'external',
        position: pos(e.id, l),
        ...fixed,
        width: EXTERNAL_SIZE.w,
        height: EXTERNAL_SIZE.h,
        data: { entityId: e.id, ...(tail ? { tail } : {}) },
        selected: f.selected,
        className: f.cls,
        ...(m ? { measured: m } : {}),
      }));
    }
    for (const s of loadBalancerServices(doc)) {
      const id = loadBalancerLayoutId(s.id);
      const l = doc.layout[id];
      const over = input.dragOverrides[id];
      const m = input.measured[id];
      const f = flags(id);
      const at = placed?.get(id);
      emit(id, [l, over, m, f.selected, f.cls, at?.x, at?.y], () => ({
        id,
        type: 'loadbalancer',
        position: pos(id, l),
        ...fixed,
        width: LOAD_BALANCER_SIZE.w,
        height: LOAD_BALANCER_SIZE.h,
        data: { entityId: s.id },
        selected: f.selected,
        className: f.cls,
        ...(m ? { measured: m } : {}),
      }));
    }
    for (const id of this.cache.keys()) if (!seen.has(id)) this.cache.delete(id);
    return out;
  }
}
