// Review marks on the canvas edges: connections newly allowed get a "+" badge, ports changed a
// "±", and connections the baseline allowed but the design no longer does are drawn as red
// dashed "−" edges (the current design has no edge there). All from src/review/changes.ts.

import { MarkerType } from '@xyflow/react';
import type { Model } from '../../src/model/types.ts';
import type { ReviewChange } from '../../src/review/changes.ts';
import { formatConnSet } from '../../src/report/conn-format.ts';
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import type { FlowEdge } from '../flow/flow-types.ts';

function onCanvas(model: Model, id: string): boolean {
  const lb = serviceIdOfLoadBalancer(id);
  if (lb !== undefined) return !!model.services[lb];
  return !!(model.workloads[id] || model.externals[id]);
}

export function applyReviewMarks(edges: FlowEdge[], changes: readonly ReviewChange[], marks: Record<string, 'added' | 'removed' | 'changed'>, model: Model): FlowEdge[] {
  if (changes.length === 0) return edges;
  const out: FlowEdge[] = [];
  const drawn = new Set<string>();
  for (const e of edges) {
    const key = `${e.source}->${e.target}`;
    const m = e.data && (e.data.kind === 'allow' || e.data.kind === 'service') ? marks[key] : undefined;
    if (e.data?.kind === 'allow') drawn.add(key);
    if (!m || !e.data) {
      out.push(e);
      continue;
    }
    const mark = m === 'removed' ? 'changed' : m; // an edge still drawn lost only some ports
    out.push({ ...e, data: { ...e.data, review: mark } });
  }
  const removed = new Map<string, { src: string; dst: string; text: string[]; explain?: { src: string; dst: string } }>();
  for (const c of changes) {
    if (c.change !== 'removed' || !c.srcId || !c.dstId) continue;
    const key = `${c.srcId}->${c.dstId}`;
    if (drawn.has(key) || !onCanvas(model, c.srcId) || !onCanvas(model, c.dstId) || c.srcId === c.dstId) continue;
    const r = removed.get(key) ?? { src: c.srcId, dst: c.dstId, text: [] };
    if (c.removed) r.text.push(formatConnSet(c.removed));
    removed.set(key, r);
  }
  for (const r of removed.values()) {
    out.push({
      id: `review-removed:${r.src}>${r.dst}`,
      source: r.src,
      target: r.dst,
      type: 'floating',
      data: { kind: 'deny', label: `${r.text.join(', ') || 'all'} (was allowed)`, review: 'removed', explain: { src: r.src, dst: r.dst } },
      markerEnd: { type: MarkerType.ArrowClosed, color: '#dc2626', width: 16, height: 16 },
      deletable: false,
      selectable: true,
      className: `review-removed-edge`,
    });
  }
  return out;
}
