// Projects the document (plus per-user session state) onto React Flow nodes. The doc is the
// source of truth; nodes are rebuilt from it, and a per-id cache hands React Flow the very same
// node object when nothing about it changed, so unchanged nodes are skipped entirely.

import type { Doc, Id, NodeLayout } from '../../src/model/types.ts';
import {
  EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from '../../src/layout/sizes.ts';
import type { XY } from '../state/session-store.ts';
import type { NamespaceFlows } from '../../src/canvas/edges.ts';
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
    const pos = (id: Id, l: NodeLayout | undefined) => input.dragOverrides[id] ?? (l ? { x: l.x, y: l.y } : { x: 0, y: 0 });

    // Parents must come before their children.
    const namespaces = Object.values(doc.model.namespaces).sort((a, b) => a.name.localeCompare(b.name));
    const children = new Map<Id, Id[]>();
    for (const w of Object.values(doc.model.workloads)) {
      const list = children.get(w.namespaceId) ?? [];
      list.push(w.id);
      children.set(w.namespaceId, list);
    }
    for (const ns of namespaces) {
      const l = doc.layout[ns.id];
      const over = input.dragOverrides[ns.id];
      const size = input.sizeOverrides[ns.id];
      const m = input.measured[ns.id];
      const { selected, cls } = flags(ns.id);
      const flows = input.inner[ns.id];
      const hiddenFlows = flows && !flows.drawn ? flows.count : 0;
      emit(ns.id, [l, over, size, m, selected, cls, hiddenFlows], () => ({
        id: ns.id,
        type: 'namespace',
        position: pos(ns.id, l),
        width: size?.w ?? l?.w ?? MIN_NAMESPACE_SIZE.w,
        height: size?.h ?? l?.h ?? MIN_NAMESPACE_SIZE.h,
        data: { entityId: ns.id, ...(hiddenFlows ? { hiddenFlows } : {}) },
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
      emit(e.id, [l, over, m, f.selected, f.cls], () => ({
        id: e.id,
        type: 'external',
        position: pos(e.id, l),
        width: EXTERNAL_SIZE.w,
        height: EXTERNAL_SIZE.h,
        data: { entityId: e.id },
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
      emit(id, [l, over, m, f.selected, f.cls], () => ({
        id,
        type: 'loadbalancer',
        position: pos(id, l),
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
