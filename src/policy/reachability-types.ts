// Result types of the evaluator. These are the contract between the core and its consumers
// (CLI, canvas, lint, diff, review). Everything here is plain data so a result can cross a
// Web Worker boundary with structured clone.

import type { Id, Protocol } from '../model/types.ts';

/** Sorted, disjoint, non-adjacent inclusive port ranges, e.g. [[80,80],[8080,8090]]. */
export type PortRanges = ReadonlyArray<readonly [number, number]>;

/** Allowed connections between two endpoints: per protocol, a set of port ranges. */
export interface ConnSet {
  readonly TCP: PortRanges;
  readonly UDP: PortRanges;
  readonly SCTP: PortRanges;
}

export type EndpointKind = 'workload' | 'external' | 'node' | 'loadbalancer';

export interface Endpoint {
  /**
   * Stable endpoint id. For workloads it is the workload's model id. For external networks it
   * is the model id, or `<modelId>#<n>` when the network is split into parts that behave
   * differently (an ipBlock covers only part of it).
   */
  id: string;
  kind: EndpointKind;
  /** The model object this endpoint stands for (workload, external network, service). */
  modelId: Id;
  /** Display / report name: `<namespace>/<name>` for workloads; the network name otherwise. */
  name: string;
  /** Addresses of this endpoint, as CIDRs (externals and nodes; pods with known IPs). */
  cidrs?: string[];
}

/**
 * All-pairs reachability, stored per equivalence class so memory follows the number of
 * distinct behaviours, not endpoints squared. Use the helpers in reachability.ts to read it.
 */
export interface Reachability {
  endpoints: Endpoint[];
  /** Index into `endpoints` by endpoint id. */
  endpointIndex: Record<string, number>;
  /** Class of each endpoint (parallel to `endpoints`). */
  classOf: number[];
  classCount: number;
  /** Interned connection sets; index 0 is always the empty set. */
  connSets: ConnSet[];
  /**
   * Row-major classCount x classCount matrix of indices into connSets: what a member of class
   * i may open to a *different* member of class j. Self connections are always allowed and
   * are answered by the accessor, not stored.
   */
  matrix: Int32Array | number[];
  /** Timing of the phases, for benchmarks and the UI's status line. */
  stats: { classes: number; endpoints: number; ms: number };
}

export interface RuleContribution {
  policyId: Id;
  /** Index of the rule in the policy's ingress or egress list. */
  ruleIndex: number;
  /** What this rule allows between the pair (already intersected with the peer match). */
  allowed: ConnSet;
}

/** One side of a connection: egress at the source, ingress at the destination. */
export interface SideExplanation {
  direction: 'Egress' | 'Ingress';
  /** The endpoint whose policies decide this side (source for egress, destination for ingress). */
  subject: string;
  /**
   * - not-a-pod: the subject is not a pod (external network, node, hostNetwork pod): no policy applies.
   * - not-isolated: no policy selects the pod for this direction: everything allowed.
   * - isolated: only what the listed rules allow.
   * - self: the pod talks to itself: always allowed.
   * - own-node: ingress from the pod's own node: always allowed.
   */
  status: 'not-a-pod' | 'not-isolated' | 'isolated' | 'self' | 'own-node';
  /** Policies that select the subject for this direction (they isolate it). */
  isolatingPolicies: Id[];
  /** Rules that match the peer, with the connections each allows. */
  contributions: RuleContribution[];
  /** Union of what this side allows toward the peer. */
  allowed: ConnSet;
  /**
   * The cluster tiers' part of the chain, one plain-English line per decision (Admin rules,
   * then NetworkPolicy, then Baseline), set when cluster policies select the subject.
   */
  tierNotes?: string[];
  /** The same chain as steps (what tierNotes says, one line per step), for the Explain panel. */
  chain?: ChainStep[];
  /** Admin-tier rules that decided some of the connections, in evaluation order. */
  admin?: TierDecision[];
  /** Baseline-tier rules that decided some of the connections (only for what reached that tier). */
  baseline?: TierDecision[];
  /** `allowed` of the NetworkPolicy tier alone (before the cluster tiers), when isolated. */
  networkPolicyAllowed?: ConnSet;
}

/**
 * One step of a side's Admin -> NetworkPolicy -> Baseline chain (semantics.md 3.2).
 * - decision: a cluster policy rule decided some connections (Accept, Deny or Pass).
 * - overridden: NetworkPolicy allows that an Admin Deny stops (they never take effect).
 * - network-policy: the NetworkPolicies decide what the Admin tier left.
 * - to-baseline / default: no NetworkPolicy isolates the pod: on to Baseline / default allow.
 * - result: what this side lets through.
 */
export interface ChainStep {
  tier: 'Admin' | 'NetworkPolicy' | 'Baseline' | 'Default' | 'Result';
  kind: 'decision' | 'overridden' | 'network-policy' | 'to-baseline' | 'default' | 'result';
  /** The line as printed (tierNotes). */
  text: string;
  /** The cluster policy of a decision. */
  clusterPolicyId?: Id;
  /** The NetworkPolicies named by the step (network-policy, overridden). */
  policyIds?: Id[];
  action?: 'Accept' | 'Deny' | 'Pass';
  /** Result steps: nothing, everything or some connections pass this side. */
  outcome?: 'allowed' | 'denied' | 'partial';
}

export interface TierDecision {
  /** Cluster policy id. */
  policyId: Id;
  ruleIndex: number;
  action: 'Accept' | 'Deny' | 'Pass';
  /** The connections this rule decided (those earlier rules left undecided). */
  conn: ConnSet;
  /** Another policy of the same tier and priority also matches: their order is undefined by the API. */
  tie?: boolean;
}

export interface Explanation {
  src: Endpoint;
  dst: Endpoint;
  /** Set when the question was about one protocol/port. */
  query?: { protocol: Protocol; port: number };
  /** egress.allowed ∩ ingress.allowed (or everything for self). */
  allowed: ConnSet;
  verdict: 'allowed' | 'denied' | 'partial';
  egress: SideExplanation;
  ingress: SideExplanation;
  /** Plain-English lines, ready to print or show. */
  summary: string[];
}
