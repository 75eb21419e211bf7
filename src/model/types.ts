// The design document: plain, serialisable data with stable ids. It is saved to files and
// localStorage, carried in share links and (later) synced between browsers, so it holds only
// what the user decided. Derived data (reachability, lint, classes) never lives here.
//
// Kubernetes-shaped parts (selectors, policy rules, service ports) keep the API's own field
// names and its "absent vs empty" distinctions, because those distinctions change meaning
// (see shared/semantics.md 1.4). `undefined` always means "the field was absent".

export type Id = string;
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
export type Direction = 'Ingress' | 'Egress';

// ---------------------------------------------------------------- label selectors

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values?: string[];
}

/** metav1.LabelSelector. `{}` selects everything. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---------------------------------------------------------------- namespaces and workloads

export interface Namespace {
  id: Id;
  name: string;
  /** User labels. `kubernetes.io/metadata.name` is implied and never stored here. */
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export type WorkloadKind =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
];

export interface ContainerPort {
  name?: string;
  containerPort: number;
  /** Absent means TCP, as in the API. */
  protocol?: Protocol;
}

export interface Workload {
  id: Id;
  namespaceId: Id;
  name: string;
  kind: WorkloadKind;
  /** Labels of the pods (the pod template's labels for controllers). */
  podLabels: Record<string, string>;
  /** Container ports of all (regular and sidecar) containers of the pod. */
  ports: ContainerPort[];
  /** Known pod IPs (status.podIPs); only Pods read from a cluster usually have them. */
  podIPs?: string[];
  hostNetwork?: boolean;
  nodeName?: string;
  /** status.hostIP, used for the "own node is always allowed" rule. */
  hostIP?: string;
  replicas?: number;
  /** Labels on the workload object itself (metadata.labels), kept for export. */
  labels?: Record<string, string>;
  /**
   * Created in the designer: the `app` pod label follows the name (a rename renames it) until the
   * user edits the pod labels. Absent for imported workloads, whose labels are never rewritten.
   */
  labelsFollowName?: boolean;
}

// ---------------------------------------------------------------- services

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

export interface ServicePort {
  name?: string;
  /** Absent means TCP. */
  protocol?: Protocol;
  port: number;
  /** Number or container port name; absent means "same as port". */
  targetPort?: number | string;
  nodePort?: number;
}

export interface Service {
  id: Id;
  namespaceId: Id;
  name: string;
  type: ServiceType;
  /** Absent = a Service without selector (manual endpoints): outside the pod model. */
  selector?: Record<string, string>;
  ports: ServicePort[];
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  loadBalancerSourceRanges?: string[];
  loadBalancerClass?: string;
  allocateLoadBalancerNodePorts?: boolean;
  /** `None` for headless Services; other values are server-assigned and not exported. */
  clusterIP?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /**
   * Observed load-balancer addresses (status.loadBalancer.ingress[].ip), kept only to lint
   * egress ipBlocks that target an in-cluster LB IP; never exported.
   */
  status?: { loadBalancerIPs?: string[] };
}

// ---------------------------------------------------------------- NetworkPolicy (networking.k8s.io/v1)

export interface IPBlock {
  cidr: string;
  except?: string[];
}

/** One element of `from`/`to`. Exactly as written: a selector left out is `undefined`. */
export interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface PolicyPort {
  /** Absent means TCP. */
  protocol?: Protocol;
  /** Absent = all ports of the protocol. A string is a named port, resolved on the destination pod. */
  port?: number | string;
  endPort?: number;
}

export interface IngressRule {
  /** Absent or [] = all sources. */
  from?: PolicyPeer[];
  /** Absent or [] = all ports of all protocols. */
  ports?: PolicyPort[];
}

export interface EgressRule {
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}

export interface NetworkPolicy {
  id: Id;
  namespaceId: Id;
  name: string;
  podSelector: LabelSelector;
  /** As written. Absent (or []) is defaulted by the evaluator (semantics.md 1.3). */
  policyTypes?: Direction[];
  ingress?: IngressRule[];
  egress?: EgressRule[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Set when the policy was synthesised from intents; cleared when the user takes it over. */
  generated?: { by: 'intents' | 'template'; note?: string };
}

// ---------------------------------------------------------------- cluster-wide tiers (policy.networking.k8s.io)

/**
 * Where a cluster policy sits in the per-direction chain (semantics.md 3.2):
 * Admin tier -> NetworkPolicy -> Baseline tier -> default allow.
 */
export type ClusterTier = 'Admin' | 'Baseline';
export const CLUSTER_TIERS: readonly ClusterTier[] = ['Admin', 'Baseline'];

/** The action of a cluster policy rule. v1alpha1 `Allow` is stored as `Accept` (same effect, 3.5). */
export type ClusterAction = 'Accept' | 'Deny' | 'Pass';

/** The API version a cluster policy was read from; new designs use v1alpha2. */
export type ClusterPolicyVersion = 'v1alpha1' | 'v1alpha2';
export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** `pods: {namespaceSelector, podSelector}` of the API (NamespacedPod). */
export interface NamespacedPods {
  namespaceSelector: LabelSelector;
  podSelector: LabelSelector;
}

/** Exactly one field is set (the importer and restore enforce it). hostNetwork pods never match. */
export interface ClusterSubject {
  namespaces?: LabelSelector;
  pods?: NamespacedPods;
}

/**
 * One element of a rule's `from` (ingress: namespaces | pods) or `to` (egress: also networks,
 * nodes, domainNames). Exactly one field is set.
 */
export interface ClusterPeer {
  namespaces?: LabelSelector;
  pods?: NamespacedPods;
  /** CIDRs; they also match pod IPs under the upstream profile (3.4). Egress only. */
  networks?: string[];
  /** Label selector over the design's nodes; matches their addresses and hostNetwork pods on them. Egress only. */
  nodes?: LabelSelector;
  /** Domain names (`*.` prefix allowed), matched against external networks' domain names. Egress Accept only. */
  domainNames?: string[];
}

/**
 * One port match. `namedPort` is resolved on the destination pod's container ports (with their own
 * protocol). Otherwise `protocol` with `port` (and `endPort` for a range); no `port` = every port of
 * the protocol.
 */
export interface ClusterPort {
  protocol?: Protocol;
  port?: number;
  endPort?: number;
  namedPort?: string;
}

export interface ClusterRule {
  /** Rule name (<= 100 characters), shown in explanations. */
  name?: string;
  action: ClusterAction;
  /** `from` (ingress) or `to` (egress); at least one peer. */
  peers: ClusterPeer[];
  /** v1alpha2 `protocols` / v1alpha1 `ports`; absent = every protocol and port. */
  ports?: ClusterPort[];
}

/**
 * ClusterNetworkPolicy (v1alpha2, tier Admin or Baseline), AdminNetworkPolicy (v1alpha1, tier
 * Admin) or BaselineAdminNetworkPolicy (v1alpha1, tier Baseline, singleton named `default`).
 * Rules are tried in order; policies of one tier by ascending priority.
 */
export interface ClusterPolicy {
  id: Id;
  name: string;
  tier: ClusterTier;
  /** 0-1000, lower first. v1alpha1 Baseline has no priority and stores 0. */
  priority: number;
  subject: ClusterSubject;
  ingress: ClusterRule[];
  egress: ClusterRule[];
  /** Absent = v1alpha2 (ClusterNetworkPolicy). Export writes the version it was read in. */
  version?: ClusterPolicyVersion;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A cluster node, for `nodes` peers: its labels and addresses (status.addresses). */
export interface ClusterNode {
  id: Id;
  name: string;
  labels: Record<string, string>;
  /** IP addresses of the node (InternalIP / ExternalIP). */
  addresses: string[];
}

// ---------------------------------------------------------------- external networks

/** A named set of addresses outside the cluster (IPv4 and/or IPv6 CIDRs). */
export interface ExternalNetwork {
  id: Id;
  name: string;
  cidrs: string[];
  description?: string;
  /** Domain names this network stands for, matched by cluster policies' `domainNames` peers. */
  domainNames?: string[];
}

// ---------------------------------------------------------------- cluster settings

/**
 * Where network plugins and clouds differ (semantics.md 1.12, 2.5-2.8). Defaults follow the
 * upstream Kubernetes conformance tests (`upstream`).
 */
export interface ClusterProfile {
  name: 'upstream' | 'cilium' | 'netpol-analyzer-compat' | 'custom';
  /** ipBlock matches a pod whose IP is known. */
  ipBlockMatchesPods: boolean;
  /** ipBlock matches node addresses (node CIDR, hostNetwork pods, SNATed LB traffic). */
  ipBlockMatchesNodes: boolean;
  /** Treat hostNetwork pods as ordinary pods for selectors (most plugins: false). */
  hostNetworkIsPod: boolean;
  /** How LoadBalancer / NodePort traffic is proxied; decides the source a backend sees. */
  serviceProxy: 'kube-proxy' | 'cilium-snat' | 'cilium-dsr';
  /** Whether NetworkPolicy `endPort` is enforced (Cilium documents it as unsupported). */
  endPortSupported: boolean;
}

export interface ClusterSettings {
  profile: ClusterProfile;
  /** Node addresses (CIDRs or /32s); SNATed external traffic appears from these. */
  nodeCidrs: string[];
  podCidrs: string[];
  serviceCidrs: string[];
  /**
   * How LoadBalancer traffic reaches the cluster (semantics.md 2.5): decides which source
   * address a backend's ingress policy sees. Absent = 'vip-passthrough'.
   */
  lbDeliveryMode?: 'vip-passthrough' | 'nodeport-passthrough' | 'proxy' | 'direct-to-pod';
  /** Source addresses of proxy / direct-to-pod load balancers (e.g. the NLB subnets). */
  lbSourceCidrs?: string[];
  /** Whether loadBalancerSourceRanges is enforced (cloud firewall / kube-proxy). Absent = true. */
  lbSourceRangesEnforced?: boolean;
}

// ---------------------------------------------------------------- intents (design by intent)

/** "Allow this flow": realised by synthesised NetworkPolicies. */
export interface Intent {
  id: Id;
  /** Endpoint ids: workload, external network or load balancer (service) ids. */
  fromId: Id;
  toId: Id;
  /** Empty = all ports of the target. */
  ports: PolicyPort[];
  note?: string;
}

export interface NamespaceDefaults {
  denyIngress: boolean;
  denyEgress: boolean;
  /** When egress is denied by default, also allow DNS to kube-dns (UDP+TCP 53). */
  allowDns: boolean;
}

// ---------------------------------------------------------------- connectivity assertions

/** "This pair must (not) reach each other on this port", checked live after every edit. */
export interface Assertion {
  id: Id;
  /** Endpoint ids: workload, external network or `lb:<serviceId>`. */
  fromId: Id;
  toId: Id;
  protocol: Protocol;
  port: number;
  expect: 'reach' | 'no-reach';
  note?: string;
}

// ---------------------------------------------------------------- review: comments and versions

export type CommentTarget =
  | { kind: 'design' }
  | { kind: 'node'; id: Id }
  | { kind: 'edge'; src: string; dst: string }
  | { kind: 'policy'; id: Id };

export interface CommentMessage {
  id: Id;
  author: string;
  /** ISO 8601 time. */
  at: string;
  text: string;
}

export interface CommentThread {
  id: Id;
  target: CommentTarget;
  resolved: boolean;
  messages: CommentMessage[];
}

/** A named snapshot of the design, kept in the review scope to compare any two. */
export interface DesignVersion {
  id: Id;
  name: string;
  at: string;
  /** The design model at that time (the review scope is never part of it). */
  model: Model;
}

export type Verdict = 'approved' | 'needs-work';

/** One participant's verdict on one change of the Review tab's change list. */
export interface ChangeDecision {
  /** Stable key of the change (src/review/decisions.ts changeKey). */
  changeKey: string;
  /** Readable description of the change when it was decided, for reports. */
  changeTitle: string;
  /** Participant name. */
  by: string;
  verdict: Verdict;
  /** ISO 8601 time. */
  at: string;
}

// ---------------------------------------------------------------- the document

export interface Model {
  namespaces: Record<Id, Namespace>;
  workloads: Record<Id, Workload>;
  services: Record<Id, Service>;
  policies: Record<Id, NetworkPolicy>;
  externals: Record<Id, ExternalNetwork>;
  intents: Record<Id, Intent>;
  /** Per-namespace default-deny switches for design by intent, keyed by namespace id. */
  namespaceDefaults: Record<Id, NamespaceDefaults>;
  cluster: ClusterSettings;
  /** Connectivity assertions (absent in older files = none). */
  assertions?: Record<Id, Assertion>;
  /** Cluster-wide policies of the Admin and Baseline tiers (absent in format 1-2 files = none). */
  clusterPolicies?: Record<Id, ClusterPolicy>;
  /** Cluster nodes with labels and addresses, for `nodes` peers (absent = none known). */
  nodes?: Record<Id, ClusterNode>;
}

export interface NodeLayout {
  x: number;
  y: number;
  /** Size, for group nodes (namespaces). */
  w?: number;
  h?: number;
}

/** Positions are relative to the parent namespace for workloads, absolute otherwise. */
export type Layout = Record<Id, NodeLayout>;

/**
 * Format version of saved designs and share links. 2: comments and versions moved out of the
 * model into the review scope (src/doc/migrate.ts v1ToV2). 3: cluster-wide policies and nodes
 * (`model.clusterPolicies`, `model.nodes`; v2ToV3). 4: cluster assumptions unknown until set
 * (the old default node CIDR is unset; v3ToV4).
 */
export const DOC_VERSION = 4;

/**
 * The DESIGN scope: what evaluation, lint and export read, with its layout. Held by the design
 * store (app/state/doc-store.ts), undoable, autosaved, synced in live sessions.
 */
export interface Doc {
  version: number;
  name: string;
  model: Model;
  layout: Layout;
}

/**
 * The REVIEW scope: the discussion about a design. Saved and synced with it, but never read by
 * evaluation or lint, so a comment or a decision never re-evaluates anything. Held by the review
 * store (app/state/review-doc-store.ts), outside the design's undo history.
 */
export interface Review {
  comments: Record<Id, CommentThread>;
  versions: Record<Id, DesignVersion>;
  /** Keyed by decisionKey(changeKey, by) (src/review/decisions.ts). */
  decisions: Record<string, ChangeDecision>;
}

/** Everything a file, a share link or an autosave holds: both saved scopes. */
export interface SavedDesign {
  doc: Doc;
  review: Review;
}
