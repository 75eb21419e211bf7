// One edge component for every edge kind: it draws the path the core routed around the nodes
// (src/canvas/routing.ts, from border to border; A->B and B->A side by side). Without a route
// (a node not yet known to the core), a gentle curve between the borders of the two nodes.

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, useStore as useFlowStore, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdge } from '../flow-types.ts';
import type { Rect } from '../../../src/canvas/geometry.ts';
import { curvePath, edgeCurve, pointAt } from '../../../src/canvas/edge-geometry.ts';
import { pointOnRoute } from '../../../src/canvas/routing.ts';
import { EdgeCommentBadge, ReviewEdgeBadge } from '../../comments/CommentBadge.tsx';

function boxOf(n: InternalNode): Rect {
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 };
}

/** The edge's class names as set by the projection (build-edges, lb-overlay): `is-dimmed`, `is-focus`. */
const hasClass = (className: string | undefined, c: string) => !!className && ` ${className} `.includes(` ${c} `);

function FloatingEdgeImpl({ id, source, target, data, markerEnd, selected }: EdgeProps<FlowEdge>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  // Labels live outside the edge's <g> (EdgeLabelRenderer), so they follow its dimming here.
  const emphasis = useFlowStore((st) => {
    const c = st.edgeLookup.get(id)?.className;
    return hasClass(c, 'is-dimmed') ? ' is-dimmed' : hasClass(c, 'is-focus') ? ' is-focus' : '';
  });
  if (!s || !t || !data) return null;
  const route = data.route;
  const curve = route ? null : edgeCurve(boxOf(s), boxOf(t));
  const path = route ? route.path : curvePath(curve!);
  // Where the label goes and whether it fits (src/canvas/labels.ts); without a placement, the middle.
  const placement = data.placement ?? { mode: 'label' as const, t: 0.5 };
  const on = route ? pointOnRoute(route, placement.t) : pointAt(curve!, placement.t);
  const at = { x: on.x + (placement.dx ?? 0), y: on.y + (placement.dy ?? 0) };
  const scale = data.labelScale ?? 1;
  const cls = `edge-${data.kind}${data.state ? ` intent-${data.state}` : ''}${data.review ? ` review-${data.review}` : ''}${selected ? ' is-selected' : ''}`;
  const labelStyle = { transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)${scale !== 1 ? ` scale(${scale})` : ''}` };
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={14} data-source={source} data-target={target} />
      {/* The text stays on the line itself (tooltip) when there is no room for the label. */}
      {data.label && <title>{data.label}</title>}
      {data.label && placement.mode === 'badge' && (
        <EdgeLabelRenderer>
          <div className={`edge-badge ${cls}${emphasis}`} data-edge-id={id} data-label={data.label} title={data.label} aria-label={data.label} style={labelStyle}>
            {placement.badge}
          </div>
        </EdgeLabelRenderer>
      )}
      {data.label && placement.mode === 'label' && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${cls}${emphasis}`}
            data-edge-id={id}
            {...(data.tooltip ? { title: data.tooltip } : {})}
            data-label={data.label}
            style={labelStyle}
          >
            <ReviewEdgeBadge review={data.review} />
            {data.label}
            <EdgeCommentBadge src={source} dst={target} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FloatingEdge = memo(FloatingEdgeImpl);
