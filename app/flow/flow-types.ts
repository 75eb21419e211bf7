// Node and edge types of the canvas. Node data carries ids only: node components read what
// they show from the doc store with narrow selectors, so editing one entity re-renders one node.

import type { Edge, Node } from '@xyflow/react';
import type { CanvasEdgeKind, ExplainTarget, IntentState } from '../../src/canvas/types.ts';
import type { NamespaceSummary } from '../../src/canvas/overview.ts';
import type { NodeTailInfo } from '../../src/canvas/edges.ts';
import type { LabelPlacement } from '../../src/canvas/labels.ts';
import type { Route } from '../../src/canvas/routing.ts';

/** A namespace drawn as one compact node: its summary, drawn `scale` times larger than at zoom 1. */
export interface CompactNamespaceData {
  scale: number;
  summary?: NamespaceSummary;
  /** Connections between its own workloads (counted, not drawn). */
  innerFlows: number;
  /** Crowded overview: its connections that are not drawn (hub summaries, "+N more"). */
  tail?: NodeTailInfo;
  /** Many namespaces: the dense card (src/canvas/overview.ts DENSE_CARD_SIZE). */
  dense?: boolean;
}

/** `hiddenFlows`: connections inside the namespace that are counted, not drawn (too many to read). */
export type NamespaceNode = Node<{ entityId: string; hiddenFlows?: number; compact?: CompactNamespaceData; collapsible?: boolean }, 'namespace'>;
export type WorkloadNode = Node<{ entityId: string }, 'workload'>;
/** `tail`: crowded overview, its connections that are not drawn (src/canvas/overview-bundles.ts). */
export type ExternalNode = Node<{ entityId: string; tail?: NodeTailInfo }, 'external'>;
/** `entityId` is the Service id; the node id is `lb:<serviceId>`. */
export type LoadBalancerNode = Node<{ entityId: string }, 'loadbalancer'>;
export type AppNode = NamespaceNode | WorkloadNode | ExternalNode | LoadBalancerNode;

export type EdgeKind = CanvasEdgeKind;

export interface FlowEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  label: string;
  /** Endpoint ids (as in Reachability) to explain when the edge is clicked. */
  explain?: ExplainTarget;
  /** Assertion edges: the assertion id. */
  assertionId?: string;
  /** Intent edges: whether the current policies realise the intent. */
  state?: IntentState;
  /** Intent edges: the intent id (deletable with Delete). */
  intentId?: string;
  /** Review mode (app/review): the connection is new, changed or gone against the baseline. */
  review?: 'added' | 'removed' | 'changed';
  /** Hover text of the label (from the core's edge). */
  tooltip?: string;
  /** Where the label goes (src/canvas/labels.ts), and how much larger than at zoom 1 it is drawn. */
  placement?: LabelPlacement;
  labelScale?: number;
  /** The path around the drawn nodes (src/canvas/routing.ts); without one, a curve between the nodes. */
  route?: Route;
}

export type FlowEdge = Edge<FlowEdgeData, 'floating'>;
