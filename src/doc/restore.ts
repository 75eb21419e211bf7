// Validate and normalise an untrusted document (a file, localStorage from an older session, a
// share link) field by field. Bad fields are repaired or dropped with a warning that names the
// object and field; only input that is not a design at all, or comes from a newer version, is
// refused. Repairs never widen what the design allows: a damaged policy rule is dropped (less
// allowed), never emptied (an empty `from`/`ports` would admit everything).

import { defaultClusterSettings, PROFILES } from '../model/factory.ts';
import { DOC_VERSION, WORKLOAD_KINDS } from '../model/types.ts';
import type {
  ClusterProfile, ClusterSettings, ContainerPort, Direction, Doc, EgressRule, ExternalNetwork, Id,
  IngressRule, Intent, Layout, Model, Namespace, NamespaceDefaults, NetworkPolicy, NodeLayout,
  Review, Service, ServicePort, ServiceType, Workload, WorkloadKind,
} from '../model/types.ts';
import { restoreReview, type ModelRestorer } from './restore-review.ts';
import { loadBalancerLayoutId } from '../layout/sizes.ts';
import { migrate, newerVersionMessage } from './migrate.ts';
import { resynthesizeLoaded } from './commands-resynth.ts';
import { DESIGN_LIMITS, shapeProblem } from '../model/json-limits.ts';
import { restoreClusterPolicy, restoreNode } from './restore-cluster.ts';
import {
  checkBoolean, checkCount, checkList, checkNonEmptyString, checkPeer, checkPolicyPort,
  checkPortNumber, checkProtocol, checkSelector, checkString, checkStringList, checkStringMap,
  isPlainJson, isProblem, isRecord, keyPath, Problem, show, UNSAFE_KEYS, type Checked,
  addressProblem, cidrProblem,
} from './restore-values.ts';

export type RestoreResult =
  | { ok: true; doc: Doc; review: Review; warnings: string[] }
  | { ok: false; error: string };

/** The keys of Model that restore validates; any other key is a later feature's (kept as JSON). */
const MODEL_KEYS = new Set(['namespaces', 'workloads', 'services', 'policies', 'externals', 'intents', 'namespaceDefaults', 'cluster', 'clusterPolicies', 'nodes']);
/** Review-scope keys that format 1 kept in the model (moved by migrate.ts v1ToV2). */
const REVIEW_KEYS = new Set(['comments', 'versions']);

class Restorer {
  readonly warnings: string[] = [];

  warn(path: string, message: string): void {
    this.warnings.push(`${path}: ${message}`);
  }

  problem(p: Problem, consequence: string): void {
    this.warnings.push(`${p.toString()}; ${consequence}`);
  }

  /** Sets `out[key]` from `raw[key]` when present and valid; otherwise warns and leaves it absent. */
  optional<T, K extends string>(out: Partial<Record<K, T>>, raw: Record<string, unknown>, key: K, path: string,
    check: (v: unknown, p: string) => Checked<T>): void {
    if (raw[key] === undefined) return;
    const v = check(raw[key], `${path}.${key}`);
    if (isProblem(v)) this.problem(v, 'ignored');
    else out[key] = v;
  }

  /** Keeps the valid entries of a text map, warning about each bad one. */
  stringMap(v: unknown, path: string): Record<string, string> {
    if (v === undefined) return {};
    if (!isRecord(v)) {
      this.warn(path, `expected a map of text to text, got ${show(v)}; using none`);
      return {};
    }
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) {
      if (UNSAFE_KEYS.has(k)) this.warn(keyPath(path, k), 'reserved key; dropped');
      else if (typeof x !== 'string') this.warn(keyPath(path, k), `expected text, got ${show(x)}; dropped`);
      else out[k] = x;
    }
    return out;
  }

  /** The valid CIDRs of a list, warning about each invalid one (it would make lint and evaluation guess). */
  cidrs(list: string[], path: string): string[] {
    return list.filter((c, i) => {
      const err = cidrProblem(c);
      if (err) this.warn(`${path}[${i}]`, `${err}; dropped`);
      return !err;
    });
  }

  /** The valid IP addresses of a list, warning about each invalid one. */
  addresses(list: string[], path: string): string[] {
    return list.filter((a, i) => {
      const err = addressProblem(a);
      if (err) this.warn(`${path}[${i}]`, `${err}; dropped`);
      return !err;
    });
  }

  /** Copies fields nobody here knows (added by later features) when they are plain JSON. */
  keepUnknown(out: Record<string, unknown>, raw: Record<string, unknown>, known: readonly string[], path: string): void {
    for (const [k, v] of Object.entries(raw)) {
      if (known.includes(k) || k === 'id') continue;
      if (!UNSAFE_KEYS.has(k) && isPlainJson(v)) out[k] = v;
      else this.warn(`${path}.${k}`, 'not plain data; dropped');
    }
  }

  /** Walks a record of entities; each entry is restored by `each` or dropped. */
  collection<T>(model: Record<string, unknown>, name: string, each: (raw: Record<string, unknown>, id: Id, path: string) => T | undefined): Record<Id, T> {
    const out: Record<Id, T> = {};
    const v = model[name];
    if (v === undefined) return out;
    if (!isRecord(v)) {
      this.warn(name, `expected a map of id to object, got ${show(v)}; using none`);
      return out;
    }
    for (const [id, raw] of Object.entries(v)) {
      const path = keyPath(name, id);
      if (UNSAFE_KEYS.has(id) || id === '') { this.warn(path, 'unusable id; dropped'); continue; }
      if (!isRecord(raw)) { this.warn(path, `expected an object, got ${show(raw)}; dropped`); continue; }
      if (raw.id !== undefined && raw.id !== id) this.warn(`${path}.id`, `differs from its key (${show(raw.id)}); using '${id}'`);
      const item = each(raw, id, path);
      if (item !== undefined) out[id] = item;
    }
    return out;
  }

  name(raw: Record<string, unknown>, id: Id, path: string, fallback: string): string {
    const n = checkNonEmptyString(raw.name, `${path}.name`);
    if (!isProblem(n)) return n;
    this.problem(n, `using '${fallback}'`);
    return fallback;
  }
}

// ---------------------------------------------------------------- entities

function restoreNamespace(r: Restorer, raw: Record<string, unknown>, id: Id, path: string): Namespace {
  const ns: Namespace = { id, name: r.name(raw, id, path, id.replace(/^ns:/, '')), labels: r.stringMap(raw.labels, `${path}.labels`) };
  if (raw.annotations !== undefined) ns.annotations = r.stringMap(raw.annotations, `${path}.annotations`);
  r.keepUnknown(ns as unknown as Record<string, unknown>, raw, ['name', 'labels', 'annotations'], path);
  return ns;
}

function checkContainerPort(v: unknown, path: string): Checked<ContainerPort> {
  if (!isRecord(v)) return new Problem(path, `expected a container port, got ${show(v)}`);
  const n = checkPortNumber(v.containerPort, `${path}.containerPort`);
  if (isProblem(n)) return n;
  const out: ContainerPort = { containerPort: n };
  if (v.name !== undefined) {
    const name = checkString(v.name, `${path}.name`);
    if (isProblem(name)) return name;
    out.name = name;
  }
  if (v.protocol !== undefined) {
    const p = checkProtocol(v.protocol, `${path}.protocol`);
    if (isProblem(p)) return p;
    out.protocol = p;
  }
  return out;
}

function restoreWorkload(r: Restorer, raw: Record<string, unknown>, id: Id, path: string): Workload | undefined {
  const nsId = checkNonEmptyString(raw.namespaceId, `${path}.namespaceId`);
  if (isProblem(nsId)) { r.problem(nsId, 'workload dropped'); return undefined; }
  let kind: WorkloadKind = 'Deployment';
  if (WORKLOAD_KINDS.includes(raw.kind as WorkloadKind)) kind = raw.kind as WorkloadKind;
  else r.warn(`${path}.kind`, `expected one of ${WORKLOAD_KINDS.join(', ')}, got ${show(raw.kind)}; using Deployment`);
  const ports: ContainerPort[] = [];
  if (raw.ports !== undefined && !Array.isArray(raw.ports)) r.warn(`${path}.ports`, `expected a list, got ${show(raw.ports)}; using none`);
  else (raw.ports as unknown[] | undefined ?? []).forEach((p, i) => {
    const c = checkContainerPort(p, `${path}.ports[${i}]`);
    if (isProblem(c)) r.problem(c, 'port dropped');
    else ports.push(c);
  });
  const w: Workload = {
    id, namespaceId: nsId, name: r.name(raw, id, path, id), kind,
    podLabels: r.stringMap(raw.podLabels, `${path}.podLabels`), ports,
  };
  r.optional(w, raw, 'podIPs', path, checkStringList);
  if (w.podIPs) w.podIPs = r.addresses(w.podIPs, `${path}.podIPs`);
  r.optional(w, raw, 'hostNetwork', path, checkBoolean);
  r.optional(w, raw, 'nodeName', path, checkString);
  r.optional(w, raw, 'hostIP', path, checkString);
  if (w.hostIP !== undefined && addressProblem(w.hostIP)) { r.warn(`${path}.hostIP`, `${addressProblem(w.hostIP)}; dropped`); delete w.hostIP; }
  r.optional(w, raw, 'replicas', path, checkCount);
  if (raw.labels !== undefined) w.labels = r.stringMap(raw.labels, `${path}.labels`);
  r.optional(w, raw, 'labelsFollowName', path, checkBoolean);
  if (w.labelsFollowName === false) delete w.labelsFollowName;
  r.keepUnknown(w as unknown as Record<string, unknown>, raw,
    ['namespaceId', 'name', 'kind', 'podLabels', 'ports', 'podIPs', 'hostNetwork', 'nodeName', 'hostIP', 'replicas', 'labels', 'labelsFollowName'], path);
  return w;
}

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];

function checkServicePort(v: unknown, path: string): Checked<ServicePort> {
  if (!isRecord(v)) return new Problem(path, `expected a service port, got ${show(v)}`);
  const port = checkPortNumber(v.port, `${path}.port`);
  if (isProblem(port)) return port;
  const out: ServicePort = { port };
  if (v.name !== undefined) {
    const n = checkString(v.name, `${path}.name`);
    if (isProblem(n)) return n;
    out.name = n;
  }
  if (v.protocol !== undefined) {
    const p = checkProtocol(v.protocol, `${path}.protocol`);
    if (isProblem(p)) return p;
    out.protocol = p;
  }
  if (v.targetPort !== undefined) {
    const t = typeof v.targetPort === 'string' && v.targetPort !== '' ? v.targetPort : checkPortNumber(v.targetPort, `${path}.targetPort`);
    if (isProblem(t)) return t;
    out.targetPort = t;
  }
  if (v.nodePort !== undefined) {
    const n = checkPortNumber(v.nodePort, `${path}.nodePort`);
    if (isProblem(n)) return n;
    out.nodePort = n;
  }
  return out;
}

const oneOf = <T extends string>(values: readonly T[]) => (v: unknown, p: string): Checked<T> =>
  values.includes(v as T) ? (v as T) : new Problem(p, `expected ${values.join(' or ')}, got ${show(v)}`);

function restoreService(r: Restorer, raw: Record<string, unknown>, id: Id, path: string): Service | undefined {
  const nsId = checkNonEmptyString(raw.namespaceId, `${path}.namespaceId`);
  if (isProblem(nsId)) { r.problem(nsId, 'service dropped'); return undefined; }
  let type: ServiceType = 'ClusterIP';
  if (SERVICE_TYPES.includes(raw.type as ServiceType)) type = raw.type as ServiceType;
  else r.warn(`${path}.type`, `expected ClusterIP, NodePort or LoadBalancer, got ${show(raw.type)}; using ClusterIP`);
  const ports: ServicePort[] = [];
  if (raw.ports !== undefined && !Array.isArray(raw.ports)) r.warn(`${path}.ports`, `expected a list, got ${show(raw.ports)}; using none`);
  else (raw.ports as unknown[] | undefined ?? []).forEach((p, i) => {
    const c = checkServicePort(p, `${path}.ports[${i}]`);
    if (isProblem(c)) r.problem(c, 'port dropped');
    else ports.push(c);
  });
  const s: Service = { id, namespaceId: nsId, name: r.name(raw, id, path, id), type, ports };
  r.optional(s, raw, 'selector', path, checkStringMap);
  r.optional(s, raw, 'externalTrafficPolicy', path, oneOf(['Cluster', 'Local'] as const));
  r.optional(s, raw, 'internalTrafficPolicy', path, oneOf(['Cluster', 'Local'] as const));
  r.optional(s, raw, 'loadBalancerSourceRanges', path, checkStringList);
  if (s.loadBalancerSourceRanges) s.loadBalancerSourceRanges = r.cidrs(s.loadBalancerSourceRanges, `${path}.loadBalancerSourceRanges`);
  r.optional(s, raw, 'loadBalancerClass', path, checkString);
  r.optional(s, raw, 'allocateLoadBalancerNodePorts', path, checkBoolean);
  r.optional(s, raw, 'clusterIP', path, checkString);
  if (raw.labels !== undefined) s.labels = r.stringMap(raw.labels, `${path}.labels`);
  if (raw.annotations !== undefined) s.annotations = r.stringMap(raw.annotations, `${path}.annotations`);
  r.keepUnknown(s as unknown as Record<string, unknown>, raw, ['namespaceId', 'name', 'type', 'ports', 'selector',
    'externalTrafficPolicy', 'internalTrafficPolicy', 'loadBalancerSourceRanges', 'loadBalancerClass',
    'allocateLoadBalancerNodePorts', 'clusterIP', 'labels', 'annotations'], path);
  return s;
}

function checkRule(v: unknown, path: string, peersKey: 'from' | 'to'): Checked<IngressRule & EgressRule> {
  if (!isRecord(v)) return new Problem(path, `expected a rule, got ${show(v)}`);
  const out: IngressRule & EgressRule = {};
  if (v[peersKey] !== undefined) {
    const peers = checkList(v[peersKey], `${path}.${peersKey}`, checkPeer);
    if (isProblem(peers)) return peers;
    out[peersKey] = peers;
  }
  if (v.ports !== undefined) {
    const ports = checkList(v.ports, `${path}.ports`, checkPolicyPort);
    if (isProblem(ports)) return ports;
    out.ports = ports;
  }
  return out;
}

/** policyTypes as the API defaults them (semantics.md 1.3). */
function effectivePolicyTypes(types: Direction[] | undefined, egressRules: number): Direction[] {
  if (types && types.length > 0) return types;
  return egressRules > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function restorePolicy(r: Restorer, raw: Record<string, unknown>, id: Id, path: string): NetworkPolicy | undefined {
  const nsId = checkNonEmptyString(raw.namespaceId, `${path}.namespaceId`);
  if (isProblem(nsId)) { r.problem(nsId, 'policy dropped'); return undefined; }
  // A damaged podSelector or policyTypes must not lift isolation (dropping the policy would):
  // the policy is kept in its most restrictive reading, as the importer reads it.
  let podSelector = {};
  let damaged = false;
  if (raw.podSelector === undefined) r.warn(`${path}.podSelector`, 'missing; using {} (all pods of the namespace), as the API does');
  else {
    const s = checkSelector(raw.podSelector, `${path}.podSelector`);
    if (isProblem(s)) { r.problem(s, 'read as {} (every pod of the namespace) with no rules: the policy isolates them and allows nothing'); damaged = true; }
    else podSelector = s;
  }
  let policyTypes: Direction[] | undefined;
  if (raw.policyTypes !== undefined) {
    const t = checkList(raw.policyTypes, `${path}.policyTypes`, oneOf(['Ingress', 'Egress'] as const));
    if (isProblem(t)) { r.problem(t, 'read as [Ingress, Egress] with no rules: the policy isolates both directions and allows nothing'); damaged = true; policyTypes = ['Ingress', 'Egress']; }
    else policyTypes = t;
  }
  if (damaged) {
    const types = policyTypes ?? effectivePolicyTypes(undefined, Array.isArray(raw.egress) ? raw.egress.length : 0);
    const p: NetworkPolicy = { id, namespaceId: nsId, name: r.name(raw, id, path, id), podSelector, policyTypes: types, ingress: [], egress: [] };
    return p;
  }
  const p: NetworkPolicy = { id, namespaceId: nsId, name: r.name(raw, id, path, id), podSelector };
  let droppedRule = false;
  const rules = (key: 'ingress' | 'egress', peersKey: 'from' | 'to'): Array<IngressRule & EgressRule> | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      r.warn(`${path}.${key}`, `expected a list of rules, got ${show(v)}; all ${key} rules dropped`);
      droppedRule = true;
      return [];
    }
    const out: Array<IngressRule & EgressRule> = [];
    v.forEach((x, i) => {
      const rule = checkRule(x, `${path}.${key}[${i}]`, peersKey);
      if (isProblem(rule)) { r.problem(rule, 'rule dropped'); droppedRule = true; } else out.push(rule);
    });
    return out;
  };
  const rawEgressCount = Array.isArray(raw.egress) ? raw.egress.length : 0;
  const ingress = rules('ingress', 'from');
  const egress = rules('egress', 'to');
  // Dropping egress rules must not silently stop the policy isolating egress: pin the
  // directions it had before the repair.
  if (droppedRule && (policyTypes === undefined || policyTypes.length === 0)) {
    policyTypes = effectivePolicyTypes(policyTypes, rawEgressCount);
    r.warn(`${path}.policyTypes`, `set to [${policyTypes.join(', ')}] so the dropped rules do not change which directions are isolated`);
  }
  if (policyTypes !== undefined) p.policyTypes = policyTypes;
  if (ingress !== undefined) p.ingress = ingress;
  if (egress !== undefined) p.egress = egress;
  if (raw.labels !== undefined) p.labels = r.stringMap(raw.labels, `${path}.labels`);
  if (raw.annotations !== undefined) p.annotations = r.stringMap(raw.annotations, `${path}.annotations`);
  if (raw.generated !== undefined) {
    const g = raw.generated;
    if (isRecord(g) && (g.by === 'intents' || g.by === 'template')) {
      p.generated = { by: g.by };
      if (typeof g.note === 'string') p.generated.note = g.note;
    } else r.warn(`${path}.generated`, `expected {by: 'intents' | 'template'}, got ${show(g)}; treated as hand-written`);
  }
  r.keepUnknown(p as unknown as Record<string, unknown>, raw,
    ['namespaceId', 'name', 'podSelector', 'policyTypes', 'ingress', 'egress', 'labels', 'annotations', 'generated'], path);
  return p;
}

function restoreExternal(r: Restorer, raw: Record<string, unknown>, id: Id, path: string): ExternalNetwork {
  const cidrs: string[] = [];
  if (raw.cidrs !== undefined && !Array.isArray(raw.cidrs)) r.warn(`${path}.cidrs`, `expected a list of CIDRs, got ${show(raw.cidrs)}; using none`);
  else (raw.cidrs as unknown[] | undefined ?? []).forEach((c, i) => {
    const err = typeof c === 'string' ? cidrProblem(c) : `expected a CIDR, got ${show(c)}`;
    if (err) r.warn(`${path}.cidrs[${i}]`, `${err}; dropped`);
    else cidrs.push(c as string);
  });
  const e: ExternalNetwork = { id, name: r.name(raw, id, path, id.replace(/^ext:/, '')), cidrs };
  r.optional(e, raw, 'description', path, checkString);
  r.optional(e, raw, 'domainNames', path, checkStringList);
  r.keepUnknown(e as unknown as Record<string, unknown>, raw, ['name', 'cidrs', 'description', 'domainNames'], path);
  return e;
}

function restoreIntent(r: Restorer, raw: Record<string, unknown>, id: Id, path: string, endpoints: Set<Id>): Intent | undefined {
  const ends: Id[] = [];
  for (const k of ['fromId', 'toId'] as const) {
    const v = checkNonEmptyString(raw[k], `${path}.${k}`);
    if (isProblem(v)) { r.problem(v, 'intent dropped'); return undefined; }
    if (!endpoints.has(v)) { r.warn(`${path}.${k}`, `'${v}' is not a workload, external network or load balancer of this design; intent dropped`); return undefined; }
    ends.push(v);
  }
  let ports: Intent['ports'] = [];
  if (raw.ports !== undefined) {
    // A damaged port list cannot become "all ports": that would allow more than intended.
    const p = checkList(raw.ports, `${path}.ports`, checkPolicyPort);
    if (isProblem(p)) { r.problem(p, 'intent dropped'); return undefined; }
    ports = p;
  }
  const intent: Intent = { id, fromId: ends[0] as Id, toId: ends[1] as Id, ports };
  r.optional(intent, raw, 'note', path, checkString);
  r.keepUnknown(intent as unknown as Record<string, unknown>, raw, ['fromId', 'toId', 'ports', 'note'], path);
  return intent;
}

function restoreCluster(r: Restorer, v: unknown): ClusterSettings {
  const out = defaultClusterSettings();
  if (v === undefined) { r.warn('cluster', 'missing; using the upstream defaults'); return out; }
  if (!isRecord(v)) { r.warn('cluster', `expected an object, got ${show(v)}; using the upstream defaults`); return out; }
  const p = v.profile;
  if (!isRecord(p)) r.warn('cluster.profile', `expected an object, got ${show(p)}; using the upstream profile`);
  else {
    const names = ['upstream', 'cilium', 'netpol-analyzer-compat', 'custom'] as const;
    const name = names.includes(p.name as ClusterProfile['name']) ? (p.name as ClusterProfile['name']) : undefined;
    if (!name) r.warn('cluster.profile.name', `expected ${names.join(', ')}, got ${show(p.name)}; using upstream`);
    const base: ClusterProfile = { ...(name && name !== 'custom' ? PROFILES[name] : PROFILES.upstream), name: name ?? 'upstream' };
    for (const k of ['ipBlockMatchesPods', 'ipBlockMatchesNodes', 'hostNetworkIsPod', 'endPortSupported'] as const) {
      if (p[k] === undefined) continue;
      const b = checkBoolean(p[k], `cluster.profile.${k}`);
      if (isProblem(b)) r.problem(b, `using ${String(base[k])}`);
      else base[k] = b;
    }
    if (p.serviceProxy !== undefined) {
      const s = oneOf(['kube-proxy', 'cilium-snat', 'cilium-dsr'] as const)(p.serviceProxy, 'cluster.profile.serviceProxy');
      if (isProblem(s)) r.problem(s, `using ${base.serviceProxy}`);
      else base.serviceProxy = s;
    }
    out.profile = base;
  }
  for (const k of ['nodeCidrs', 'podCidrs', 'serviceCidrs'] as const) {
    if (v[k] === undefined) continue;
    const l = checkStringList(v[k], `cluster.${k}`);
    if (isProblem(l)) r.problem(l, out[k].length ? `using ${out[k].join(', ')}` : 'left unset');
    else out[k] = r.cidrs(l, `cluster.${k}`);
  }
  // Load-balancer delivery (optional; absent = the documented defaults).
  if (v.lbDeliveryMode !== undefined) {
    const mode = oneOf(['vip-passthrough', 'nodeport-passthrough', 'proxy', 'direct-to-pod'] as const)(v.lbDeliveryMode, 'cluster.lbDeliveryMode');
    if (isProblem(mode)) r.problem(mode, 'using vip-passthrough');
    else out.lbDeliveryMode = mode;
  }
  if (v.lbSourceCidrs !== undefined) {
    const l = checkStringList(v.lbSourceCidrs, 'cluster.lbSourceCidrs');
    if (isProblem(l)) r.problem(l, 'dropped');
    else out.lbSourceCidrs = r.cidrs(l, 'cluster.lbSourceCidrs');
  }
  if (v.lbSourceRangesEnforced !== undefined) {
    const b = checkBoolean(v.lbSourceRangesEnforced, 'cluster.lbSourceRangesEnforced');
    if (isProblem(b)) r.problem(b, 'using true');
    else out.lbSourceRangesEnforced = b;
  }
  return out;
}

function restoreDefaults(r: Restorer, v: unknown, namespaces: Record<Id, Namespace>): Record<Id, NamespaceDefaults> {
  const out: Record<Id, NamespaceDefaults> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) { r.warn('namespaceDefaults', `expected a map of namespace id to settings, got ${show(v)}; using none`); return out; }
  for (const [id, raw] of Object.entries(v)) {
    const path = keyPath('namespaceDefaults', id);
    if (!namespaces[id]) { r.warn(path, 'no such namespace; dropped'); continue; }
    if (!isRecord(raw)) { r.warn(path, `expected an object, got ${show(raw)}; dropped`); continue; }
    const d: NamespaceDefaults = { denyIngress: false, denyEgress: false, allowDns: false };
    for (const k of ['denyIngress', 'denyEgress', 'allowDns'] as const) {
      if (raw[k] === undefined) continue;
      const b = checkBoolean(raw[k], `${path}.${k}`);
      if (isProblem(b)) r.problem(b, 'using false');
      else d[k] = b;
    }
    out[id] = d;
  }
  return out;
}

function restoreLayout(r: Restorer, v: unknown, known: Set<Id>): Layout {
  const out: Layout = {};
  if (v === undefined) return out;
  if (!isRecord(v)) { r.warn('layout', `expected a map of id to position, got ${show(v)}; positions will be recomputed`); return out; }
  const unknown: string[] = [];
  for (const [id, raw] of Object.entries(v)) {
    if (!known.has(id)) { unknown.push(id); continue; }
    const path = keyPath('layout', id);
    const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
    if (!isRecord(raw) || !finite(raw.x) || !finite(raw.y)) { r.warn(path, 'expected {x, y} numbers; position dropped'); continue; }
    const l: NodeLayout = { x: raw.x, y: raw.y };
    if (raw.w !== undefined || raw.h !== undefined) {
      if (finite(raw.w) && finite(raw.h) && raw.w > 0 && raw.h > 0) { l.w = raw.w; l.h = raw.h; } else r.warn(path, 'expected positive w and h; size dropped');
    }
    out[id] = l;
  }
  if (unknown.length > 0) {
    const list = unknown.slice(0, 5).map((x) => `'${x}'`).join(', ');
    r.warn('layout', `dropped ${unknown.length} position(s) of ids not in the design (${list}${unknown.length > 5 ? ', …' : ''})`);
  }
  return out;
}

/** Points every object at an existing namespace, creating namespaces that are referenced but missing. */
function repairNamespaceRefs(r: Restorer, model: Model): void {
  const byName = new Map(Object.values(model.namespaces).map((n) => [n.name, n.id]));
  const fix = (kind: string, items: Record<Id, { namespaceId: Id; name: string }>): void => {
    for (const [id, item] of Object.entries(items)) {
      if (model.namespaces[item.namespaceId]) continue;
      const missing = item.namespaceId;
      const name = missing.replace(/^ns:/, '');
      const existing = byName.get(name);
      if (existing) {
        item.namespaceId = existing;
        r.warn(`${keyPath(kind, id)}.namespaceId`, `namespace '${missing}' does not exist; moved to namespace ${name} ('${existing}')`);
        continue;
      }
      model.namespaces[missing] = { id: missing, name, labels: {} };
      byName.set(name, missing);
      r.warn(`${keyPath(kind, id)}.namespaceId`, `namespace '${missing}' does not exist; created namespace ${name}`);
    }
  };
  fix('workloads', model.workloads);
  fix('services', model.services);
  fix('policies', model.policies);
}

/** Ids an intent may name: workloads, external networks, Services (as `lb:<id>` or bare). */
function intentEndpoints(model: Model): Set<Id> {
  return new Set<Id>([
    ...Object.keys(model.workloads),
    ...Object.keys(model.externals),
    ...Object.keys(model.services),
    ...Object.keys(model.services).map(loadBalancerLayoutId),
  ]);
}

/** A version's snapshot model, restored like a design of the current format (no layout). */
const restoreSnapshotModel: ModelRestorer = (model) => {
  const r = restoreDoc({ version: DOC_VERSION, name: '', model, layout: {} });
  return r.ok ? { ok: true, model: r.doc.model, warnings: r.warnings } : r;
};

/** Validate and normalise a document of any supported version: the design and its review. */
export function restoreDoc(raw: unknown): RestoreResult {
  if (!isRecord(raw)) return { ok: false, error: `not a NetPol Designer design: expected an object, got ${show(raw)}` };
  const shape = shapeProblem(raw, DESIGN_LIMITS);
  if (shape) return { ok: false, error: `not a NetPol Designer design: ${shape}` };
  const r = new Restorer();
  let input = raw;
  if (raw.version === undefined) r.warn('version', `missing; assuming ${DOC_VERSION}`);
  else if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 0) {
    return { ok: false, error: `version: expected a whole number, got ${show(raw.version)}` };
  } else if (raw.version > DOC_VERSION) return { ok: false, error: newerVersionMessage(raw.version) };
  else if (raw.version < DOC_VERSION) {
    const m = migrate(raw, raw.version);
    if (!m.ok) return m;
    input = m.doc;
    r.warnings.push(...m.notes);
  }
  if (!isRecord(input.model)) return { ok: false, error: `model: expected an object, got ${show(input.model)}` };
  const m = input.model;

  const namespaces = r.collection(m, 'namespaces', (x, id, p) => restoreNamespace(r, x, id, p));
  const workloads = r.collection(m, 'workloads', (x, id, p) => restoreWorkload(r, x, id, p));
  const services = r.collection(m, 'services', (x, id, p) => restoreService(r, x, id, p));
  const policies = r.collection(m, 'policies', (x, id, p) => restorePolicy(r, x, id, p));
  const externals = r.collection(m, 'externals', (x, id, p) => restoreExternal(r, x, id, p));
  const model: Model = {
    namespaces, workloads, services, policies, externals, intents: {}, namespaceDefaults: {},
    cluster: restoreCluster(r, m.cluster),
  };
  repairNamespaceRefs(r, model);
  const endpoints = intentEndpoints(model);
  model.intents = r.collection(m, 'intents', (x, id, p) => restoreIntent(r, x, id, p, endpoints));
  model.namespaceDefaults = restoreDefaults(r, m.namespaceDefaults, model.namespaces);
  const warn = (path: string, message: string): void => r.warn(path, message);
  if (m.clusterPolicies !== undefined) model.clusterPolicies = r.collection(m, 'clusterPolicies', (x, id, p) => restoreClusterPolicy(warn, x, id, p));
  if (m.nodes !== undefined) model.nodes = r.collection(m, 'nodes', (x, id, p) => restoreNode(warn, x, id, p));
  for (const [k, v] of Object.entries(m)) {
    if (MODEL_KEYS.has(k)) continue;
    if (REVIEW_KEYS.has(k)) {
      r.warn(`model.${k}`, `belongs to the review (review.${k}) since format 2; ignored`);
      continue;
    }
    if (!UNSAFE_KEYS.has(k) && isPlainJson(v)) (model as unknown as Record<string, unknown>)[k] = v;
    else r.warn(`model.${k}`, 'not plain data; dropped');
  }

  let name = 'Untitled design';
  if (typeof input.name === 'string') name = input.name;
  else r.warn('name', `expected text, got ${show(input.name)}; using '${name}'`);

  const placeable = new Set<Id>([
    ...Object.keys(model.namespaces), ...Object.keys(model.workloads), ...Object.keys(model.externals),
    ...Object.values(model.services).filter((s) => s.type === 'LoadBalancer').map((s) => loadBalancerLayoutId(s.id)),
  ]);
  const layout = restoreLayout(r, input.layout, placeable);
  const review = restoreReview(input.review, restoreSnapshotModel, r.warnings);
  // Generated policies are derived from the intents: re-derived here, never trusted from storage.
  const resynth = resynthesizeLoaded(model);
  if (resynth.note) r.warnings.push(resynth.note);
  return { ok: true, doc: { version: DOC_VERSION, name, model: resynth.model, layout }, review, warnings: r.warnings };
}
