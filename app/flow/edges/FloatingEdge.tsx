// One edge component for every edge kind: a gentle curve between the borders of the two nodes
// (nodes in different namespaces have no sensible fixed handles). A->B and B->A bend to
// opposite sides, so both directions stay visible.

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, useStore as useFlowStore, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdge } from '../flow-types.ts';
import { EdgeCommentBadge, ReviewEdgeBadge } from '../../comments/CommentBadge.tsx';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(n: InternalNode): Box {
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 };
}

/** Where the line from the box centre towards (tx, ty) leaves the box. */
function borderPoint(b: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

const BEND = 0.12;

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
  const a = boxOf(s);
  const b = boxOf(t);
  const p = borderPoint(a, b.x + b.w / 2, b.y + b.h / 2);
  const q = borderPoint(b, a.x + a.w / 2, a.y + a.h / 2);
  const mx = (p.x + q.x) / 2;
  const my = (p.y + q.y) / 2;
  // Control point offset perpendicular to the direction of travel (always to its right).
  const cx = mx - (q.y - p.y) * BEND;
  const cy = my + (q.x - p.x) * BEND;
  const path = `M ${p.x},${p.y} Q ${cx},${cy} ${q.x},${q.y}`;
  const lx = (p.x + 2 * cx + q.x) / 4;
  const ly = (p.y + 2 * cy + q.y) / 4;
  const cls = `edge-${data.kind}${data.state ? ` intent-${data.state}` : ''}${data.review ? ` review-${data.review}` : ''}${selected ? ' is-selected' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={14} />
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${cls}${emphasis}`}
            data-edge-id={id}
            {...(data.tooltip ? { title: data.tooltip } : {})}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
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
