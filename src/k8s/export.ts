// Model -> Kubernetes manifests following semantics.md section 5: deterministic order and key
// order, explicit effective policyTypes and protocols, no empty defaults, canonical CIDRs.

import { canonicalCidr } from '../net/ip.ts';
import { NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import { apiVersionOf, clusterPolicyKind } from './cluster-policy-from-manifest.ts';
import type {
  ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule, Direction, IPBlock, LabelSelector, LabelSelectorRequirement, Model, Namespace, NetworkPolicy, PolicyPeer,
  PolicyPort, Service, Workload, WorkloadKind,
} from '../model/types.ts';
import { toYaml } from './yaml-emit.ts';
import type { YamlValue } from './yaml-emit.ts';

export type ExportKind = 'Namespace' | 'Service' | 'NetworkPolicy' | 'ClusterPolicy' | 'Workload';

export interface ExportOptions {
  /** Default: Namespace, Service, NetworkPolicy, ClusterPolicy (workloads are opt-in). */
  kinds?: ExportKind[];
}

type Manifest = { [k: string]: YamlValue | undefined };

/** Placeholder image for exported workloads: the design has no images, kubectl needs one. */
export const WORKLOAD_IMAGE = 'registry.k8s.io/pause:3.10';

/** Marks exported workloads as the designer's stand-ins (designed labels and ports, placeholder image). */
export const GENERATED_ANNOTATION = 'netpol-designer/generated';
export const GENERATED_NOTE = 'by NetPol Designer: the designed pod labels and container ports with a placeholder image; replace with your real workload';

/** Every kind, workloads included: what `netpol analyze` needs to see exactly the design. */
export const ALL_EXPORT_KINDS: ExportKind[] = ['Namespace', 'Workload', 'Service', 'NetworkPolicy', 'ClusterPolicy'];

export function exportManifests(model: Model, opts: ExportOptions = {}): string {
  const kinds = new Set<ExportKind>(opts.kinds ?? ['Namespace', 'Service', 'NetworkPolicy', 'ClusterPolicy']);
  const docs: Manifest[] = [];
  const nsName = (id: string): string => model.namespaces[id]?.name ?? '';
  const byNsName = <T extends { namespaceId: string; name: string }>(a: T, b: T): number =>
    cmp(nsName(a.namespaceId), nsName(b.namespaceId)) || cmp(a.name, b.name);

  if (kinds.has('Namespace')) {
    for (const ns of Object.values(model.namespaces).sort((a, b) => cmp(a.name, b.name))) docs.push(namespaceToManifest(ns));
  }
  if (kinds.has('Workload')) {
    for (const w of Object.values(model.workloads).sort((a, b) => byNsName(a, b) || cmp(a.kind, b.kind))) docs.push(workloadToManifest(model, w));
  }
  if (kinds.has('Service')) {
    for (const s of Object.values(model.services).sort(byNsName)) docs.push(serviceToManifest(model, s));
  }
  if (kinds.has('NetworkPolicy')) {
    for (const p of Object.values(model.policies).sort(byNsName)) docs.push(policyToManifest(model, p));
  }
  if (kinds.has('ClusterPolicy')) {
    for (const p of sortedClusterPolicies(model)) docs.push(clusterPolicyToManifest(p));
  }
  return docs.map((d) => toYaml(d)).join('---\n');
}

/** Admin tier first, then Baseline; by priority, then name (the evaluator's order). */
export function sortedClusterPolicies(model: Model): ClusterPolicy[] {
  return Object.values(model.clusterPolicies ?? {}).sort((a, b) =>
    (a.tier === b.tier ? 0 : a.tier === 'Admin' ? -1 : 1) || a.priority - b.priority || cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** One object (namespace, workload, Service or policy) by id, as YAML; '' when unknown. */
export function exportObject(model: Model, id: string): string {
  if (model.namespaces[id]) return toYaml(namespaceToManifest(model.namespaces[id]));
  if (model.workloads[id]) return toYaml(workloadToManifest(model, model.workloads[id]));
  if (model.services[id]) return toYaml(serviceToManifest(model, model.services[id]));
  if (model.policies[id]) return toYaml(policyToManifest(model, model.policies[id]));
  const cp = model.clusterPolicies?.[id];
  if (cp) return toYaml(clusterPolicyToManifest(cp));
  return '';
}

// ------------------------------------------------------------------ metadata

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedMap(m: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort(cmp)) out[k] = m[k];
  return out;
}

function metadata(name: string, namespace: string | undefined, labels?: Record<string, string>, annotations?: Record<string, string>): Manifest {
  return { name, namespace, labels: sortedMap(labels), annotations: sortedMap(annotations) };
}

export function namespaceToManifest(ns: Namespace): Manifest {
  const labels = { ...ns.labels };
  delete labels[NAMESPACE_NAME_LABEL]; // set by the control plane
  return { apiVersion: 'v1', kind: 'Namespace', metadata: metadata(ns.name, undefined, labels, ns.annotations) };
}

// ------------------------------------------------------------------ NetworkPolicy

/** semantics.md 1.3: absent or [] => Ingress, plus Egress when there is at least one egress rule. */
export function effectivePolicyTypes(p: Pick<NetworkPolicy, 'policyTypes' | 'egress'>): Direction[] {
  if (p.policyTypes && p.policyTypes.length > 0) {
    return (['Ingress', 'Egress'] as const).filter((d) => p.policyTypes!.includes(d));
  }
  return (p.egress?.length ?? 0) > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function policyToManifest(model: Model, p: NetworkPolicy): Manifest {
  const spec: Manifest = {
    podSelector: selectorToManifest(p.podSelector),
    policyTypes: effectivePolicyTypes(p),
  };
  if (p.ingress?.length) spec.ingress = p.ingress.map((r) => ruleToManifest('from', r.from, r.ports));
  if (p.egress?.length) spec.egress = p.egress.map((r) => ruleToManifest('to', r.to, r.ports));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(p.name, model.namespaces[p.namespaceId]?.name ?? 'default', p.labels, p.annotations),
    spec,
  };
}

function ruleToManifest(key: 'from' | 'to', peers: PolicyPeer[] | undefined, ports: PolicyPort[] | undefined): Manifest {
  const rule: Manifest = {};
  // An empty list means the same as an absent one; leave it out.
  if (peers?.length) rule[key] = peers.map(peerToManifest);
  if (ports?.length) rule.ports = ports.map(portToManifest);
  return rule;
}

function peerToManifest(peer: PolicyPeer): Manifest {
  if (peer.ipBlock) return { ipBlock: ipBlockToManifest(peer.ipBlock) };
  return {
    namespaceSelector: peer.namespaceSelector ? selectorToManifest(peer.namespaceSelector) : undefined,
    podSelector: peer.podSelector ? selectorToManifest(peer.podSelector) : undefined,
  };
}

function ipBlockToManifest(b: IPBlock): Manifest {
  const canon = (c: string): string => canonicalCidr(c) ?? c;
  return { cidr: canon(b.cidr), except: b.except?.length ? b.except.map(canon) : undefined };
}

function portToManifest(p: PolicyPort): Manifest {
  const out: Manifest = { protocol: p.protocol ?? 'TCP' };
  if (p.port !== undefined) out.port = p.port;
  if (typeof p.port === 'number' && p.endPort !== undefined && p.endPort !== p.port) out.endPort = p.endPort;
  return out;
}

/** matchLabels when every requirement is an equality, else matchExpressions sorted by key. */
export function selectorToManifest(s: LabelSelector): Manifest {
  const reqs: LabelSelectorRequirement[] = [
    ...Object.entries(s.matchLabels ?? {}).map(([key, v]): LabelSelectorRequirement => ({ key, operator: 'In', values: [v] })),
    ...(s.matchExpressions ?? []),
  ];
  if (reqs.length === 0) return {};
  const keys = reqs.map((r) => r.key);
  const allEquality = reqs.every((r) => r.operator === 'In' && r.values?.length === 1) && new Set(keys).size === keys.length;
  if (allEquality) {
    const matchLabels: Record<string, string> = {};
    for (const r of reqs) matchLabels[r.key] = r.values![0];
    return { matchLabels: sortedMap(matchLabels) };
  }
  const sorted = reqs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => cmp(a.r.key, b.r.key) || a.i - b.i)
    .map(({ r }): Manifest => ({
      key: r.key,
      operator: r.operator,
      values: r.values && (r.values.length > 0 || r.operator === 'In' || r.operator === 'NotIn') ? [...r.values].sort(cmp) : undefined,
    }));
  return { matchExpressions: sorted };
}

// ------------------------------------------------------------------ cluster policies (semantics.md 5.4)

/** In the version it was read in (new designs: v1alpha2 ClusterNetworkPolicy), kubectl field order. */
export function clusterPolicyToManifest(p: ClusterPolicy): Manifest {
  const version = p.version ?? 'v1alpha2';
  const v2 = version === 'v1alpha2';
  const singletonBaseline = !v2 && p.tier === 'Baseline';
  const spec: Manifest = {
    tier: v2 ? p.tier : undefined,
    priority: singletonBaseline ? undefined : p.priority,
    subject: p.subject.pods ? { pods: namespacedPods(p.subject.pods) } : { namespaces: selectorToManifest(p.subject.namespaces ?? {}) },
  };
  if (p.ingress.length) spec.ingress = p.ingress.map((r) => clusterRuleToManifest(r, 'from', v2));
  if (p.egress.length) spec.egress = p.egress.map((r) => clusterRuleToManifest(r, 'to', v2));
  return {
    apiVersion: apiVersionOf(version),
    kind: clusterPolicyKind(version, p.tier),
    // The API accepts only one BaselineAdminNetworkPolicy, named `default`.
    metadata: metadata(singletonBaseline ? 'default' : p.name, undefined, p.labels, p.annotations),
    spec,
  };
}

function namespacedPods(p: { namespaceSelector: LabelSelector; podSelector: LabelSelector }): Manifest {
  return { namespaceSelector: selectorToManifest(p.namespaceSelector), podSelector: selectorToManifest(p.podSelector) };
}

function clusterRuleToManifest(r: ClusterRule, key: 'from' | 'to', v2: boolean): Manifest {
  const action = !v2 && r.action === 'Accept' ? 'Allow' : r.action;
  const out: Manifest = { name: r.name, action, [key]: r.peers.map(clusterPeerToManifest) };
  if (r.ports?.length) out[v2 ? 'protocols' : 'ports'] = r.ports.map((p) => (v2 ? protocolEntry(p) : v1Port(p)));
  return out;
}

function clusterPeerToManifest(p: ClusterPeer): Manifest {
  if (p.pods) return { pods: namespacedPods(p.pods) };
  if (p.nodes) return { nodes: selectorToManifest(p.nodes) };
  if (p.networks) return { networks: p.networks.map((c) => canonicalCidr(c) ?? c) };
  if (p.domainNames) return { domainNames: [...p.domainNames] };
  return { namespaces: selectorToManifest(p.namespaces ?? {}) };
}

// A protocol object needs a destinationPort: "every port" is the range 1-65535 (5.4).
function portBounds(p: ClusterPort): [number, number] {
  return p.port === undefined ? [1, 65535] : [p.port, p.endPort ?? p.port];
}

function protocolEntry(p: ClusterPort): Manifest {
  if (p.namedPort !== undefined) return { destinationNamedPort: p.namedPort };
  const [lo, hi] = portBounds(p);
  const destinationPort: Manifest = lo === hi ? { number: lo } : { range: { start: lo, end: hi } };
  return { [(p.protocol ?? 'TCP').toLowerCase()]: { destinationPort } };
}

function v1Port(p: ClusterPort): Manifest {
  if (p.namedPort !== undefined) return { namedPort: p.namedPort };
  const [lo, hi] = portBounds(p);
  const protocol = p.protocol ?? 'TCP';
  return lo === hi ? { portNumber: { protocol, port: lo } } : { portRange: { protocol, start: lo, end: hi } };
}

// ------------------------------------------------------------------ Service (semantics.md 5.3)

export function serviceToManifest(model: Model, s: Service): Manifest {
  const spec: Manifest = { type: s.type };
  if (s.clusterIP === 'None') spec.clusterIP = 'None';
  if (s.selector) spec.selector = sortedMap(s.selector) ?? {};
  if (s.ports.length) {
    spec.ports = s.ports.map((p): Manifest => ({
      name: p.name,
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: p.targetPort,
      nodePort: p.nodePort,
    }));
  }
  if (s.externalTrafficPolicy === 'Local') spec.externalTrafficPolicy = 'Local';
  if (s.internalTrafficPolicy === 'Local') spec.internalTrafficPolicy = 'Local';
  if (s.loadBalancerClass) spec.loadBalancerClass = s.loadBalancerClass;
  if (s.loadBalancerSourceRanges?.length) spec.loadBalancerSourceRanges = s.loadBalancerSourceRanges.map((c) => canonicalCidr(c) ?? c);
  if (s.allocateLoadBalancerNodePorts === false) spec.allocateLoadBalancerNodePorts = false;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(s.name, model.namespaces[s.namespaceId]?.name ?? 'default', s.labels, s.annotations),
    spec,
  };
}

// ------------------------------------------------------------------ workloads

const API_VERSION: Record<WorkloadKind, string> = {
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

function podSpec(w: Workload, restartPolicy?: string): Manifest {
  const ports = w.ports.map((p): Manifest => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' }));
  return {
    hostNetwork: w.hostNetwork ? true : undefined,
    nodeName: w.nodeName,
    restartPolicy,
    containers: [{ name: 'main', image: WORKLOAD_IMAGE, ports: ports.length ? ports : undefined }],
  };
}

/** The workload as the kind it is, with its pod template labels and container ports. */
export function workloadToManifest(model: Model, w: Workload): Manifest {
  const ns = model.namespaces[w.namespaceId]?.name ?? 'default';
  const head = { apiVersion: API_VERSION[w.kind], kind: w.kind };
  const podLabels = sortedMap(w.podLabels);
  const generated = { [GENERATED_ANNOTATION]: GENERATED_NOTE };
  if (w.kind === 'Pod') {
    return { ...head, metadata: metadata(w.name, ns, w.podLabels, generated), spec: podSpec(w) };
  }
  const isJob = w.kind === 'Job' || w.kind === 'CronJob';
  const template: Manifest = { metadata: { labels: podLabels }, spec: podSpec(w, isJob ? 'Never' : undefined) };
  const meta = metadata(w.name, ns, w.labels, generated);
  if (w.kind === 'Job') return { ...head, metadata: meta, spec: { template } };
  if (w.kind === 'CronJob') {
    return { ...head, metadata: meta, spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template } } } };
  }
  const replicas = w.kind === 'DaemonSet' ? undefined : w.replicas;
  // ReplicationController selectors are plain maps; the apps/v1 kinds use a LabelSelector.
  const selector = w.kind === 'ReplicationController' ? podLabels : { matchLabels: podLabels };
  return { ...head, metadata: meta, spec: { replicas, selector, template } };
}
