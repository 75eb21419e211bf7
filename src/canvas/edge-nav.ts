// Edges from the keyboard: with a node focused, `]` and `[` walk the edges drawn at it, clockwise
// from 12 o'clock by where the other end lies (so the order matches the picture), Enter selects
// the focused edge as a click does, Delete removes it when it is an intent. Pure: the app passes
// the drawn edges and node rectangles (src/canvas/spatial-nav.ts NavRect).

import type { Id, Model } from '../model/types.ts';
import { canvasLabel } from './ids.ts';
import type { NavRect } from './spatial-nav.ts';
import type { CanvasEdgeKind, IntentState } from './types.ts';

export interface NavEdge {
  id: string;
  source: Id;
  target: Id;
}

export interface EdgeStep<E> {
  edge: E;
  /** 0-based position of `edge` among the node's edges. */
  index: number;
  count: number;
  /** The node at the other end. */
  other: Id;
}

const centre = (r: NavRect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** Clockwise angle from straight up, in [0, 2π). */
function bearing(from: { x: number; y: number }, to: { x: number; y: number }): number {
  const a = Math.atan2(to.x - from.x, -(to.y - from.y));
  return a < 0 ? a + 2 * Math.PI : a;
}

/**
 * The edges drawn at `nodeId` in walking order: clockwise from 12 o'clock by the other end's
 * centre; edges to the same node (both directions, or several kinds) in id order. An edge whose
 * other end is not drawn comes last.
 */
export function edgesAround<E extends NavEdge>(edges: readonly E[], rects: readonly NavRect[], nodeId: Id): E[] {
  const byId = new Map(rects.map((r) => [r.id, r]));
  const me = byId.get(nodeId);
  const at = me ? centre(me) : { x: 0, y: 0 };
  const keyed = edges
    .filter((e) => e.source !== e.target && (e.source === nodeId || e.target === nodeId))
    .map((e) => {
      const other = byId.get(e.source === nodeId ? e.target : e.source);
      return { e, k: other ? bearing(at, centre(other)) : Number.POSITIVE_INFINITY };
    });
  keyed.sort((a, b) => a.k - b.k || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return keyed.map((x) => x.e);
}

/**
 * One step along the node's edges: `dir` 1 (`]`) goes clockwise, -1 (`[`) back, cycling. From
 * no edge (or one not at this node) `]` starts at the first and `[` at the last. Null when no
 * edge is drawn at the node.
 */
export function stepEdge<E extends NavEdge>(
  edges: readonly E[], rects: readonly NavRect[], nodeId: Id, currentId: string | null, dir: 1 | -1,
): EdgeStep<E> | null {
  const mine = edgesAround(edges, rects, nodeId);
  if (mine.length === 0) return null;
  const at = currentId ? mine.findIndex((e) => e.id === currentId) : -1;
  const index = at < 0 ? (dir === 1 ? 0 : mine.length - 1) : (at + dir + mine.length) % mine.length;
  const edge = mine[index];
  return { edge, index, count: mine.length, other: edge.source === nodeId ? edge.target : edge.source };
}

export interface DescribedEdge extends NavEdge {
  kind: CanvasEdgeKind;
  label?: string;
  state?: IntentState;
  intentId?: string;
}

const KIND_WORDS: Record<CanvasEdgeKind, string> = {
  allow: 'Allowed connection',
  'ns-allow': 'Allowed connections',
  deny: 'Denied connection',
  'cluster-deny': 'Denied by a cluster policy',
  intent: 'Intent',
  service: 'Load balancer path',
};

/** Whether the keyboard's Delete may remove this edge: only an intent, and only while editing is on. */
export function canDeleteEdge(edge: Pick<DescribedEdge, 'kind' | 'intentId'>, readOnly: boolean): boolean {
  return !readOnly && edge.kind === 'intent' && !!edge.intentId;
}

/**
 * What the focused edge is, for people (its accessible name and the announcement): the kind,
 * both ends by name, its label (ports, state), and what the keys do with it.
 */
export function describeEdge(model: Model, edge: DescribedEdge, readOnly: boolean): string {
  const ends = `${canvasLabel(model, edge.source)} → ${canvasLabel(model, edge.target)}`;
  const label = edge.label ? `: ${edge.label}` : '';
  const keys = canDeleteEdge(edge, readOnly) ? 'Enter selects, Delete removes it' : 'Enter selects';
  return `${KIND_WORDS[edge.kind]} ${ends}${label}. ${keys}; ] and [ for the next and previous, Escape back to the node.`;
}
