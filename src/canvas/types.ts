// What the canvas draws, framework-free: app/flow maps these onto React Flow nodes and edges
// without adding rules of its own.

import type { Id } from '../model/types.ts';

/**
 * The look of an edge (app styles `edge-<kind>`). LB entries draw as 'service', assertions as 'deny'.
 * 'cluster-deny': denied by an Admin or Baseline Deny (not by NetworkPolicy isolation).
 */
export type CanvasEdgeKind = 'allow' | 'deny' | 'cluster-deny' | 'intent' | 'service' | 'ns-allow';

/** conditional: holds only once a cluster assumption is set (`needs`); never drawn as met. */
export type IntentState = 'met' | 'blocked' | 'partial' | 'conditional';

export interface ExplainTarget {
  src: string;
  dst: string;
  query?: { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number };
}

export interface CanvasEdge {
  /** A canvas edge id (src/canvas/ids.ts formatEdgeId). */
  id: string;
  source: Id;
  target: Id;
  kind: CanvasEdgeKind;
  label: string;
  /** Endpoint ids (as in Reachability) to explain when the edge is clicked. */
  explain?: ExplainTarget;
  /** Intent and assertion edges: whether the design meets them. */
  state?: IntentState;
  intentId?: Id;
  /** Conditional edges: the cluster settings to set (Design → Cluster), as readable names. */
  needs?: string[];
  assertionId?: Id;
  /** Review mode: the connection is new, changed or gone against the baseline. */
  review?: 'added' | 'removed' | 'changed';
  /** Aggregated edges: how many node pairs they stand for. */
  count?: number;
  /** Space-separated classes: `is-focus` / `is-dimmed`, `lb-*`, `path-*`, `assert-*`. */
  className?: string;
  /** cluster-deny edges and intents blocked by a cluster policy: the policy that denies. */
  clusterPolicyId?: Id;
  /** Hover text of the edge's label (cluster-deny edges say which tier and policy denies). */
  tooltip?: string;
  /** Marker colour (arrow head). */
  color: string;
}

export const EDGE_COLORS: Record<CanvasEdgeKind, string> = {
  allow: '#16a34a',
  'ns-allow': '#16a34a',
  deny: '#dc2626',
  'cluster-deny': '#7e22ce',
  intent: '#2563eb',
  service: '#64748b',
};
