// The rectangles of what the canvas draws, for label placement: workloads of open namespaces,
// external networks, load balancers and compact namespace nodes (labels must not cover them),
// and open namespaces (edges attach to them, labels may sit inside them).

import type { Doc, Id } from '../model/types.ts';
import { EXTERNAL_SIZE, LOAD_BALANCER_SIZE, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices } from '../layout/sizes.ts';
import type { Rect, XY } from './geometry.ts';
import { cardSizeOf, compactCard } from './overview.ts';

export interface DrawnRects {
  nodes: Map<Id, Rect>;
  containers: Map<Id, Rect>;
}

/** `boxes`: namespace rectangles; `placed`: overview positions of every top-level node, if any. */
export function drawnRects(doc: Doc, boxes: ReadonlyMap<Id, Rect>, collapsed: ReadonlySet<Id>, zoom: number, overrides: Record<Id, XY> = {}, placed: ReadonlyMap<Id, Rect> | null = null): DrawnRects {
  const top = (id: Id): XY | undefined => placed?.get(id) ?? overrides[id] ?? doc.layout[id];
  const nodes = new Map<Id, Rect>();
  const containers = new Map<Id, Rect>();
  const card = cardSizeOf(doc.model);
  for (const id of Object.keys(doc.model.namespaces)) {
    const box = placed?.get(id) ?? boxes.get(id);
    if (!box) continue;
    if (collapsed.has(id)) nodes.set(id, compactCard(box, zoom, card));
    else containers.set(id, box);
  }
  for (const w of Object.values(doc.model.workloads)) {
    const box = placed?.get(w.namespaceId) ?? boxes.get(w.namespaceId);
    if (!box || collapsed.has(w.namespaceId)) continue;
    const l = overrides[w.id] ?? doc.layout[w.id];
    if (!l) continue;
    nodes.set(w.id, { x: box.x + l.x, y: box.y + l.y, ...WORKLOAD_SIZE });
  }
  for (const e of Object.values(doc.model.externals)) {
    const l = top(e.id);
    if (l) nodes.set(e.id, { x: l.x, y: l.y, ...EXTERNAL_SIZE });
  }
  for (const s of loadBalancerServices(doc)) {
    const id = loadBalancerLayoutId(s.id);
    const l = top(id);
    if (l) nodes.set(id, { x: l.x, y: l.y, ...LOAD_BALANCER_SIZE });
  }
  return { nodes, containers };
}
