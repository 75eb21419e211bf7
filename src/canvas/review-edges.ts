// Review marks on the canvas edges: connections newly allowed get a "+" badge, ports changed a
// "±", and connections the baseline allowed but the design no longer does are drawn as red
// dashed "−" edges (the current design has no edge there). All from src/review/changes.ts.

import type { Model } from '../model/types.ts';
import type { ReviewChange } from '../review/changes.ts';
import { formatConnSet } from '../report/conn-format.ts';
import { formatEdgeId, parseNodeId } from './ids.ts';
import { makeEdge } from './edges.ts';
import type { CanvasEdge } from './types.ts';

function onCanvas(model: Model, id: string): boolean {
  const ref = parseNodeId(model, id);
  return ref !== null && ref.kind !== 'namespace';
}

export function applyReviewMarks(edges: CanvasEdge[], changes: readonly ReviewChange[], marks: Record<string, 'added' | 'removed' | 'changed'>, model: Model): CanvasEdge[] {
  if (changes.length === 0) return edges;
  const out: CanvasEdge[] = [];
  const drawn = new Set<string>();
  for (const e of edges) {
    const key = `${e.source}->${e.target}`;
    const m = e.kind === 'allow' || e.kind === 'service' ? marks[key] : undefined;
    if (e.kind === 'allow') drawn.add(key);
    if (!m) {
      out.push(e);
      continue;
    }
    const mark = m === 'removed' ? 'changed' : m; // an edge still drawn lost only some ports
    out.push({ ...e, review: mark });
  }
  const removed = new Map<string, { src: string; dst: string; text: string[] }>();
  for (const c of changes) {
    if (c.change !== 'removed' || !c.srcId || !c.dstId) continue;
    const key = `${c.srcId}->${c.dstId}`;
    if (drawn.has(key) || !onCanvas(model, c.srcId) || !onCanvas(model, c.dstId) || c.srcId === c.dstId) continue;
    const r = removed.get(key) ?? { src: c.srcId, dst: c.dstId, text: [] };
    if (c.removed) r.text.push(formatConnSet(c.removed));
    removed.set(key, r);
  }
  for (const r of removed.values()) {
    out.push(makeEdge(formatEdgeId({ kind: 'review-removed', src: r.src, dst: r.dst }), r.src, r.dst, 'deny', `${r.text.join(', ') || 'all'} (was allowed)`, {
      review: 'removed', explain: { src: r.src, dst: r.dst }, className: 'review-removed-edge',
    }));
  }
  return out;
}
