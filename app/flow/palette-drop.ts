// What dropping a palette item at a canvas point does. Workloads land in the namespace under
// the pointer; dropped outside every namespace they get a new namespace of their own (and the
// user is told). Load balancers are Services, so they belong to the namespace under the pointer
// or the nearest one; without any namespace they are refused with a hint.

import type { Doc, Id } from '../../src/model/types.ts';
import { newId } from '../../src/model/factory.ts';
import { EXTERNAL_SIZE, LOAD_BALANCER_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING, WORKLOAD_SIZE, loadBalancerLayoutId } from '../../src/layout/sizes.ts';
import { addExternal, addLoadBalancer, addNamespace, addWorkload } from '../../src/doc/commands.ts';
import type { XY } from '../state/session-store.ts';
import { clampIntoNamespace, namespaceAt, namespaceRect, nearestNamespace } from './canvas-geometry.ts';

export type PaletteItem = 'namespace' | 'workload' | 'external' | 'loadbalancer';
export const PALETTE_MIME = 'application/x-netpol-palette';

export interface DropResult {
  doc: Doc;
  /** Canvas id of the created node (to select it), or null when refused. */
  created: Id | null;
  message?: { text: string; kind: 'info' | 'error' };
}

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
        return { doc: addWorkload(doc, { id, namespaceId: nsId, at: rel }), created: id };
      }
      const newNs = newId('ns');
      const name = doc.model.namespaces && Object.values(doc.model.namespaces).some((n) => n.name === 'default') ? 'namespace' : 'default';
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
          text: `Load balancer '${svc.name}' created in namespace '${next.model.namespaces[nsId].name}'; it selects app=${svc.selector?.app} (edit it in the Inspector).`,
          kind: 'info',
        },
      };
    }
  }
}
