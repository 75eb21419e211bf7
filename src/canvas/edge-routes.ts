// The canvas's edges routed around its drawn nodes (routing.ts): which rectangles are obstacles
// and which are containers (drawn.ts), the header titles edges keep off (namespace-header.ts),
// the namespace each workload is drawn in, and the order
// edges are routed in (the most important first, so a pass that runs out of budget draws the
// dimmed rest straight).

import type { Doc, Id } from '../model/types.ts';
import type { DrawnRects } from './drawn.ts';
import { edgePriority } from './labels.ts';
import type { Route, Router } from './routing.ts';
import type { Rect } from './geometry.ts';
import { namespaceHeaderWidth } from './namespace-header.ts';
import { NAMESPACE_HEADER } from '../layout/sizes.ts';
import type { CanvasEdge } from './types.ts';

export function routeCanvasEdges(router: Router, doc: Doc, edges: readonly CanvasEdge[], rects: DrawnRects, unit = 1): Map<string, Route> {
  const parents = new Map<Id, Id>();
  for (const w of Object.values(doc.model.workloads)) if (rects.nodes.has(w.id) && rects.containers.has(w.namespaceId)) parents.set(w.id, w.namespaceId);
  const ordered = edges
    .map((e, i) => ({ e, i, p: edgePriority(e) }))
    .sort((a, b) => a.p - b.p || (b.e.count ?? 0) - (a.e.count ?? 0) || a.i - b.i)
    .map((x) => x.e);
  // The part of each open namespace's header its title takes: edges keep off it.
  const headers = new Map<Id, Rect>();
  for (const [id, r] of rects.containers) {
    const ns = doc.model.namespaces[id];
    if (!ns) continue;
    const d = doc.model.namespaceDefaults[id];
    const w = namespaceHeaderWidth(ns.name, { ingress: !!d?.denyIngress, egress: !!d?.denyEgress });
    headers.set(id, { x: r.x, y: r.y, w: Math.min(r.w, w), h: Math.min(r.h, NAMESPACE_HEADER) });
  }
  return router.route({ edges: ordered, nodes: rects.nodes, containers: rects.containers, parents, unit, headers });
}
