// Draws the core's canvas edges (src/canvas/edges.ts) as React Flow edges. No rule lives here:
// the mapping adds the edge component type, the arrow marker and whether Delete may remove it,
// and hands React Flow the same edge object when nothing about an edge changed.

import { MarkerType } from '@xyflow/react';
import type { CanvasEdge } from '../../src/canvas/types.ts';
import type { LabelPlacement } from '../../src/canvas/labels.ts';
import type { Route } from '../../src/canvas/routing.ts';
import type { FlowEdge } from './flow-types.ts';

export class EdgeProjector {
  private cache = new Map<string, Cached>();

  project(edges: readonly CanvasEdge[], selection: ReadonlySet<string>, placements: ReadonlyMap<string, LabelPlacement> = new Map(), scale = 1,
    routes: ReadonlyMap<string, Route> = new Map()): FlowEdge[] {
    const next = new Map<string, Cached>();
    const out = edges.map((e) => {
      const selected = selection.has(e.id);
      const placement = placements.get(e.id);
      const route = routes.get(e.id);
      const hit = this.cache.get(e.id);
      if (hit && hit.selected === selected && hit.scale === scale && hit.route === route && samePlacement(hit.placement, placement) && sameEdge(hit.from, e)) {
        next.set(e.id, hit);
        return hit.edge;
      }
      const edge = toFlowEdge(e, selected, placement, scale, route);
      next.set(e.id, { from: e, selected, placement, scale, route, edge });
      return edge;
    });
    this.cache = next;
    return out;
  }
}

interface Cached {
  from: CanvasEdge;
  selected: boolean;
  placement: LabelPlacement | undefined;
  scale: number;
  route: Route | undefined;
  edge: FlowEdge;
}

const samePlacement = (a: LabelPlacement | undefined, b: LabelPlacement | undefined) =>
  a === b || (!!a && !!b && a.mode === b.mode && a.t === b.t && a.dx === b.dx && a.dy === b.dy && a.badge === b.badge);

const sameEdge = (a: CanvasEdge, b: CanvasEdge) => a.source === b.source && a.target === b.target && a.kind === b.kind && a.label === b.label
  && a.className === b.className && a.state === b.state && a.review === b.review && a.color === b.color
  && a.explain?.src === b.explain?.src && a.explain?.dst === b.explain?.dst && a.tooltip === b.tooltip;

function toFlowEdge(e: CanvasEdge, selected: boolean, placement: LabelPlacement | undefined, scale: number, route: Route | undefined): FlowEdge {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'floating',
    data: {
      kind: e.kind,
      label: e.label,
      ...(e.explain ? { explain: e.explain } : {}),
      ...(e.state ? { state: e.state } : {}),
      ...(e.intentId ? { intentId: e.intentId } : {}),
      ...(e.assertionId ? { assertionId: e.assertionId } : {}),
      ...(e.review ? { review: e.review } : {}),
      ...(e.tooltip ? { tooltip: e.tooltip } : {}),
      ...(placement ? { placement } : {}),
      ...(scale !== 1 ? { labelScale: scale } : {}),
      ...(route ? { route } : {}),
    },
    ...(e.className ? { className: e.className } : {}),
    markerEnd: { type: MarkerType.ArrowClosed, color: e.color, width: 16, height: 16 },
    deletable: e.kind === 'intent' && !!e.intentId,
    selectable: true,
    ...(selected ? { selected: true } : {}),
  };
}
