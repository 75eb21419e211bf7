// Deterministic synthetic clusters for benchmarks: namespaces, Deployments/StatefulSets/
// CronJobs/Pods with named ports, Services and NetworkPolicies using every feature (default
// deny, DNS egress, pod and namespace selectors, both combined, matchExpressions, named ports,
// endPort, ipBlock with except, UDP, SCTP), with label reuse as in real clusters: apps come
// from a shared catalogue, namespaces share team/env labels.
//
// API: synthetic(workloads, policies, seed?, options?) -> { model, files }   files = YAML, one per namespace
//
// `options.openShare` leaves that share of namespaces without any NetworkPolicy (legacy
// namespaces nobody locked down, as in most real clusters): their pods reach each other on
// every port, so reachability becomes dense (10,000 / 10,000 with 0.3 gives ~8 M allowed
// pairs, the shape of a realistic large cluster). The default 0 keeps every namespace isolated.

import { dump } from 'js-yaml';
import { clusterPolicyToManifest } from '../src/k8s/export.ts';
import { emptyModel, ids } from '../src/model/factory.ts';
import type { ClusterPolicy, ClusterRule, ContainerPort, EgressRule, IngressRule, LabelSelector, Model, NetworkPolicy, PolicyPeer, PolicyPort, Workload, WorkloadKind } from '../src/model/types.ts';

export const SIZES: readonly [number, number][] = [[100, 50], [500, 200], [1000, 500], [5000, 2000], [10000, 10000]];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['frontend', 'cart', 'checkout', 'payment', 'catalog', 'search', 'auth', 'users', 'orders', 'shipping',
  'inventory', 'reviews', 'ads', 'email', 'currency', 'recommend', 'gateway', 'billing', 'reports', 'audit'];
const TIERS = ['web', 'api', 'db', 'cache', 'worker'] as const;
const TEAMS = ['red', 'blue', 'green', 'gold', 'teal', 'plum'];
const ENVS = ['prod', 'staging', 'dev'];

const PORTS_BY_TIER: Record<(typeof TIERS)[number], ContainerPort[]> = {
  web: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }],
  api: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9000 }, { name: 'metrics', containerPort: 9090 }],
  db: [{ name: 'pg', containerPort: 5432 }, { name: 'metrics', containerPort: 9187 }],
  cache: [{ name: 'redis', containerPort: 6379 }, { name: 'gossip', containerPort: 7946, protocol: 'UDP' }],
  worker: [{ name: 'metrics', containerPort: 9090 }, { name: 'diameter', containerPort: 3868, protocol: 'SCTP' }],
};

export interface Synthetic {
  model: Model;
  files: { name: string; text: string }[];
}

export interface SyntheticOptions {
  /** Share of namespaces (0..1) that get no NetworkPolicy at all. */
  openShare?: number;
  /** Cluster-wide policies (ClusterNetworkPolicy, Admin and Baseline tiers) to add on top. */
  clusterPolicies?: number;
}

export function synthetic(workloadCount: number, policyCount: number, seed = 42, options: SyntheticOptions = {}): Synthetic {
  const rand = rng(seed * 7919 + workloadCount * 31 + policyCount);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const model = emptyModel();
  model.cluster.nodeCidrs = ['10.0.0.0/16'];
  model.externals[ids.external('internet')] = { id: ids.external('internet'), name: 'Internet', cidrs: ['0.0.0.0/0'] };
  model.externals[ids.external('corp')] = { id: ids.external('corp'), name: 'Corporate', cidrs: ['172.16.0.0/12'] };

  const nsCount = Math.max(3, Math.round(workloadCount / 20));
  const nsNames = ['kube-system', ...Array.from({ length: nsCount - 1 }, (_, i) => `${pick(APPS)}-${i}`)];
  for (const name of nsNames) {
    const labels: Record<string, string> = name === 'kube-system' ? {} : { team: pick(TEAMS), env: pick(ENVS) };
    model.namespaces[ids.namespace(name)] = { id: ids.namespace(name), name, labels };
  }
  const dnsWl: Workload = { id: ids.workload('kube-system', 'Deployment', 'coredns'), namespaceId: ids.namespace('kube-system'), name: 'coredns', kind: 'Deployment',
    podLabels: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }], replicas: 2 };
  model.workloads[dnsWl.id] = dnsWl;

  const kinds: WorkloadKind[] = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'CronJob', 'Pod'];
  const apps = new Map<string, string[]>(); // ns -> apps present
  for (let i = 1; i < workloadCount; i++) {
    const ns = nsNames[1 + (i % (nsCount - 1))];
    const app = pick(APPS);
    const tier = pick(TIERS);
    const kind = tier === 'db' ? 'StatefulSet' : pick(kinds);
    const name = `${app}-${tier}-${i}`;
    const w: Workload = {
      id: ids.workload(ns, kind, name), namespaceId: ids.namespace(ns), name, kind,
      podLabels: { app, tier, ...(rand() < 0.3 ? { version: pick(['v1', 'v2']) } : {}) },
      ports: PORTS_BY_TIER[tier].map((p) => ({ ...p })),
      ...(kind === 'Pod' ? { podIPs: [`10.244.${(i >> 8) & 255}.${i & 255}`] } : { replicas: 2 }),
    };
    model.workloads[w.id] = w;
    const list = apps.get(ns) ?? [];
    if (!list.includes(app)) list.push(app);
    apps.set(ns, list);
    if (rand() < 0.5) {
      const id = ids.service(ns, name);
      model.services[id] = { id, namespaceId: w.namespaceId, name, type: rand() < 0.05 ? 'LoadBalancer' : 'ClusterIP', selector: { ...w.podLabels },
        ports: w.ports.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, ...(p.protocol ? { protocol: p.protocol } : {}) })) };
    }
  }

  const sel = (labels: Record<string, string>): LabelSelector => ({ matchLabels: labels });
  const openEvery = options.openShare ? 1 / options.openShare : 0;
  // Every (1/openShare)-th namespace stays open; deterministic, and spread over the teams.
  const isOpen = (i: number): boolean => openEvery > 0 && Math.floor((i + 1) / openEvery) !== Math.floor(i / openEvery);
  const nsList = nsNames.slice(1).filter((_, i) => !isOpen(i));
  let n = 0;
  const add = (ns: string, name: string, spec: Omit<NetworkPolicy, 'id' | 'namespaceId' | 'name'>): void => {
    const id = ids.policy(ns, `${name}-${n++}`);
    model.policies[id] = { id, namespaceId: ids.namespace(ns), name: `${name}-${n - 1}`, ...spec };
  };
  const dnsEgress: EgressRule = {
    to: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'kube-system' }), podSelector: sel({ 'k8s-app': 'kube-dns' }) }],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  };
  // Default deny and DNS egress in most namespaces first, then a mix of allow rules.
  for (const ns of nsList) {
    if (n >= policyCount) break;
    add(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    if (n < policyCount) add(ns, 'allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgress] });
  }
  const makers: ((ns: string, app: string) => void)[] = [
    (ns, app) => add(ns, 'web-from-ingress', { podSelector: sel({ app, tier: 'web' }), ingress: [{ from: [{ namespaceSelector: sel({ team: pick(TEAMS) }), podSelector: sel({ tier: 'web' }) }], ports: [{ port: 'http' }] }] }),
    (ns, app) => add(ns, 'api-from-web', { podSelector: sel({ app, tier: 'api' }), ingress: [{ from: [{ podSelector: sel({ app, tier: 'web' }) }, { namespaceSelector: sel({ env: pick(ENVS) }) }], ports: [{ port: 'http' }, { port: 'grpc' }] }] }),
    (ns, app) => add(ns, 'db-from-api', { podSelector: sel({ app, tier: 'db' }), ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }, { key: 'version', operator: 'NotIn', values: ['v1'] }] } }], ports: [{ port: 'pg' }] }] }),
    (ns, app) => add(ns, 'egress-api', { podSelector: sel({ app, tier: 'web' }), policyTypes: ['Egress'], egress: [{ to: [{ podSelector: sel({ tier: 'api' }), namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } }], ports: [{ port: 8000, endPort: 8100 }] }] }),
    (ns, app) => add(ns, 'egress-internet', { podSelector: sel({ app }), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] }] }),
    (ns, app) => add(ns, 'corp-admin', { podSelector: sel({ app, tier: 'web' }), ingress: [{ from: [{ ipBlock: { cidr: '172.16.0.0/12', except: [`172.${16 + Math.floor(rand() * 16)}.0.0/16`] } }], ports: [{ port: 8080 }, { port: 9090 }] }] }),
    (ns, app) => add(ns, 'cache-gossip', { podSelector: sel({ app, tier: 'cache' }), ingress: [{ from: [{ podSelector: sel({ tier: 'cache' }) }], ports: [{ protocol: 'UDP', port: 'gossip' }, { port: 'redis' }] }] }),
    (ns, app) => add(ns, 'worker-sctp', { podSelector: sel({ app, tier: 'worker' }), policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ namespaceSelector: {} , podSelector: sel({ tier: 'worker' }) }], ports: [{ protocol: 'SCTP', port: 3868 }] }], egress: [{ to: [{ podSelector: sel({ tier: 'worker' }), namespaceSelector: {} }], ports: [{ protocol: 'SCTP' }] }] }),
    (ns) => add(ns, 'metrics', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, ingress: [{ from: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'kube-system' }) }], ports: [{ port: 'metrics' }] }] }),
    (ns, app) => add(ns, 'syslog', { podSelector: sel({ app }), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'UDP', port: 514 }] }] }),
  ];
  while (n < policyCount) {
    const ns = pick(nsList);
    makers[Math.floor(rand() * makers.length)](ns, pick(apps.get(ns) ?? APPS));
  }
  if (options.clusterPolicies) addClusterPolicies(model, options.clusterPolicies, rng(seed * 104729 + options.clusterPolicies));
  return { model, files: toYamlFiles(model) };
}

/**
 * Platform guardrails as seen in real clusters: per-team Admin denies with Pass for monitoring
 * and Accept exceptions, egress denies to private ranges and node ports, a few Baseline
 * default-denies with DNS. Priorities repeat now and then (ties are allowed by the API).
 * Its own random stream, so the namespaced part of the cluster is the same with or without them.
 */
function addClusterPolicies(model: Model, count: number, rand: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const sel = (labels: Record<string, string>): LabelSelector => ({ matchLabels: labels });
  const kubeSystem = sel({ 'kubernetes.io/metadata.name': 'kube-system' });
  const out: Record<string, ClusterPolicy> = {};
  for (let i = 0; i < count; i++) {
    const baseline = i % 10 === 9;
    const name = `${baseline ? 'baseline' : 'guard'}-${i}`;
    const subject: ClusterPolicy['subject'] = rand() < 0.6
      ? { namespaces: sel({ team: pick(TEAMS), ...(rand() < 0.5 ? { env: pick(ENVS) } : {}) }) }
      : { pods: { namespaceSelector: sel({ env: pick(ENVS) }), podSelector: sel({ tier: pick(TIERS) }) } };
    const denyTeam: ClusterRule = { name: 'deny-team', action: 'Deny', peers: [{ namespaces: sel({ team: pick(TEAMS) }) }] };
    if (rand() < 0.5) denyTeam.ports = [{ protocol: 'TCP', port: 1, endPort: 9999 }];
    const ingress: ClusterRule[] = baseline
      ? [{ name: 'deny-other-teams', action: 'Deny', peers: [{ namespaces: { matchExpressions: [{ key: 'team', operator: 'NotIn', values: [pick(TEAMS)] }] } }] }]
      : [
        { name: 'pass-monitoring', action: 'Pass', peers: [{ namespaces: kubeSystem }], ports: [{ namedPort: 'metrics' }] },
        { name: 'allow-web', action: 'Accept', peers: [{ pods: { namespaceSelector: sel({ env: pick(ENVS) }), podSelector: sel({ tier: 'web' }) } }], ports: [{ protocol: 'TCP', port: 8080 }] },
        denyTeam,
      ];
    let egress: ClusterRule[] = [];
    if (baseline) {
      egress = [{ name: 'dns', action: 'Accept', peers: [{ pods: { namespaceSelector: kubeSystem, podSelector: sel({ 'k8s-app': 'kube-dns' }) } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }];
    } else if (rand() < 0.5) {
      egress = [
        { name: 'no-private', action: 'Deny', peers: [{ networks: ['192.168.0.0/16', '172.16.0.0/12'] }] },
        { name: 'no-kubelet', action: 'Deny', peers: [{ nodes: {} }], ports: [{ protocol: 'TCP', port: 10250 }] },
      ];
    }
    const id = `cnp:${name}`;
    out[id] = { id, name, tier: baseline ? 'Baseline' : 'Admin', priority: Math.floor(rand() * 100) * 10, subject, ingress, egress };
  }
  model.clusterPolicies = out;
}

// ---------------------------------------------------------------- YAML manifests

function toYamlFiles(model: Model): { name: string; text: string }[] {
  const byNs = new Map<string, unknown[]>();
  const push = (nsId: string, doc: unknown): void => {
    const list = byNs.get(nsId) ?? [];
    list.push(doc);
    byNs.set(nsId, list);
  };
  const nsName = (id: string): string => model.namespaces[id].name;
  for (const ns of Object.values(model.namespaces)) push(ns.id, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, ...(Object.keys(ns.labels).length ? { labels: ns.labels } : {}) } });
  for (const w of Object.values(model.workloads)) push(w.namespaceId, workloadManifest(w, nsName(w.namespaceId)));
  for (const s of Object.values(model.services)) {
    push(s.namespaceId, { apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: nsName(s.namespaceId) }, spec: { type: s.type, selector: s.selector, ports: s.ports } });
  }
  for (const p of Object.values(model.policies)) {
    push(p.namespaceId, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: p.name, namespace: nsName(p.namespaceId) }, spec: stripUndefined({ podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }) });
  }
  const files = [...byNs].map(([nsId, docs]) => ({ name: `${nsName(nsId)}.yaml`, text: docs.map((d) => dump(d)).join('---\n') }));
  const cluster = Object.values(model.clusterPolicies ?? {});
  if (cluster.length) files.push({ name: 'cluster-policies.yaml', text: cluster.map((p) => dump(clusterPolicyToManifest(p))).join('---\n') });
  return files;
}

function stripUndefined<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function workloadManifest(w: Workload, ns: string): unknown {
  const podSpec = {
    ...(w.hostNetwork ? { hostNetwork: true } : {}),
    containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', ports: w.ports.map((p) => stripUndefined(p)) }],
  };
  const template = { metadata: { labels: w.podLabels }, spec: podSpec };
  const meta = { name: w.name, namespace: ns };
  switch (w.kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, labels: w.podLabels }, spec: podSpec, ...(w.podIPs ? { status: { podIP: w.podIPs[0], podIPs: w.podIPs.map((ip) => ({ ip })) } } : {}) };
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { ...template, spec: { ...podSpec, restartPolicy: 'OnFailure' } } } } } };
    default:
      return { apiVersion: 'apps/v1', kind: w.kind, metadata: meta, spec: { replicas: w.replicas ?? 1, selector: { matchLabels: w.podLabels }, template } };
  }
}

// Silence unused-type lint for types documenting rule shapes above.
export type { IngressRule, PolicyPeer, PolicyPort };
