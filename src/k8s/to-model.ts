// Raw manifest objects -> model objects (Namespace, workloads, Service, NetworkPolicy).
// Reads only the fields the designer uses, so server-populated fields are skipped for free.

import { NAMESPACE_NAME_LABEL, ids } from '../model/factory.ts';
import { validateDns1035Label, validateDnsLabel, validateDnsSubdomain, validateIanaPortName } from '../model/labels.ts';
import { PROTOCOLS, WORKLOAD_KINDS } from '../model/types.ts';
import type { ContainerPort, Model, Protocol, Service, ServicePort, ServiceType, Workload, WorkloadKind } from '../model/types.ts';
import { parseCidr } from '../net/ip.ts';
import type { Diagnostic, Severity } from './diagnostics.ts';
import { describe, isPortNumber, notAString, readArray, readString, readStringMap } from './fields.ts';
import type { Report } from './fields.ts';
import { isRecord } from './parse.ts';
import type { RawObject } from './parse.ts';
import { readPolicySpec } from './policy-from-manifest.ts';
import { findUnknownFields, kindSchema } from './schema.ts';
import type { UnknownField } from './schema.ts';
import { isClusterPolicyKind, readClusterPolicy } from './cluster-policy-from-manifest.ts';

export interface ConvertState {
  model: Model;
  diagnostics: Diagnostic[];
  skipped: Record<string, number>;
  counts: Record<string, number>;
  /** Ids written by this import, to warn about duplicates inside one import. */
  seen: Set<string>;
  /** Told the model id each object became (the CLI maps lint findings back to file and line). */
  onAdded?: (id: string) => void;
}

const KNOWN_KINDS = new Set<string>(['Namespace', 'Node', 'Service', 'NetworkPolicy', 'ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', ...WORKLOAD_KINDS]);
/** Kinds without a namespace. */
const CLUSTER_SCOPED = new Set<string>(['Namespace', 'Node', 'ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

/** Adds one raw object to the model in `state`. Never throws. */
export function addRawObject(raw: RawObject, state: ConvertState): void {
  const v = raw.value;
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  const meta = isRecord(v.metadata) ? v.metadata : {};
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : undefined;
  // A namespace YAML read as a non-string is an error, never a move to `default`.
  const nsRaw = meta.namespace;
  const nsBad = !(kind !== undefined && CLUSTER_SCOPED.has(kind)) && nsRaw !== undefined && nsRaw !== null && typeof nsRaw !== 'string';
  const written = (path: string, x: unknown): string | undefined =>
    raw.writtenAs?.(path, 'value') ?? (typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined);
  const nsName = kind !== undefined && CLUSTER_SCOPED.has(kind) ? undefined
    : nsBad ? written('metadata.namespace', nsRaw) ?? '(invalid namespace)'
      : typeof nsRaw === 'string' && nsRaw !== '' ? nsRaw : 'default';
  const shownName = name ?? (meta.name !== undefined && meta.name !== null && typeof meta.name !== 'string' ? written('metadata.name', meta.name) : undefined);
  const objectLabel = `${kind ?? '(no kind)'} ${nsName ? `${nsName}/` : ''}${shownName ?? '(no name)'}`;
  const report: Report = Object.assign((severity: Severity, path: string, message: string) => {
    state.diagnostics.push({
      severity, file: raw.file, doc: raw.doc, line: path ? raw.lineOf(path) ?? raw.line : raw.line,
      object: objectLabel, ...(path ? { path } : {}), message,
    });
  }, { writtenAs: raw.writtenAs });

  if (!kind && v.apiVersion === undefined && v.metadata === undefined) {
    // Not a Kubernetes object at all (an assertions file, Helm values): say so quietly.
    report('info', '', 'not a Kubernetes object (no apiVersion, kind or metadata); skipped');
    state.skipped['(not a Kubernetes object)'] = (state.skipped['(not a Kubernetes object)'] ?? 0) + 1;
    return;
  }
  if (!kind) {
    report('warning', '', 'object has no kind; skipped');
    state.skipped['(no kind)'] = (state.skipped['(no kind)'] ?? 0) + 1;
    return;
  }
  if (!KNOWN_KINDS.has(kind)) {
    state.skipped[kind] = (state.skipped[kind] ?? 0) + 1;
    return;
  }
  if (!name) {
    const n = meta.name;
    const written = raw.writtenAs?.('metadata.name', 'value');
    const missing = n === undefined || n === '' || (n === null && written === undefined);
    report('error', 'metadata.name', missing ? 'metadata.name is required; object skipped' : `${notAString(n, 'metadata.name', report)}; object skipped`);
    return;
  }
  if (nsBad) {
    report('error', 'metadata.namespace', `${notAString(nsRaw, 'metadata.namespace', report)}; object skipped (it is not moved to another namespace)`);
    return;
  }
  const schema = kindSchema(kind);
  const unknown = schema ? findUnknownFields(v, schema) : [];
  if (kind !== 'NetworkPolicy') reportUnknownFields(unknown, report);
  else reportUnknownFields(unknown.filter((u) => u.path === 'metadata' || u.path.startsWith('metadata.')), report);
  if (kind === 'NetworkPolicy' && v.apiVersion !== 'networking.k8s.io/v1') {
    report('warning', 'apiVersion', `apiVersion ${describe(v.apiVersion)} is not networking.k8s.io/v1; read as networking.k8s.io/v1`);
  }
  if (nsName !== undefined) {
    const err = validateDnsLabel(nsName);
    if (err) report('error', 'metadata.namespace', `invalid namespace name: ${err}`);
  }

  const added = convert(kind, name, nsName!, v, meta, report, state, unknown);
  if (!added) return;
  if (state.seen.has(added)) report('warning', '', 'defined more than once in this import; the later definition wins');
  state.seen.add(added);
  state.onAdded?.(added);
  state.counts[kind] = (state.counts[kind] ?? 0) + 1;
}

/** kubectl's strict field validation, as errors: `unknown field "lables" (did you mean `labels`?)`. */
function reportUnknownFields(unknown: readonly UnknownField[], report: Report): void {
  for (const u of unknown) {
    report('error', u.path, `unknown field "${u.field}"${u.suggestion ? ` (did you mean \`${u.suggestion}\`?)` : ''}; kubectl's strict validation refuses this object`);
  }
}

/** Annotations that once meant something to NetworkPolicy and now do nothing. */
const OBSOLETE_NS_ANNOTATION = 'net.beta.kubernetes.io/network-policy';

function convert(
  kind: string, name: string, nsName: string | undefined, v: Record<string, unknown>, meta: Record<string, unknown>,
  report: Report, state: ConvertState, unknown: readonly UnknownField[],
): string | undefined {
  const m = state.model;
  if (kind === 'Namespace') {
    const err = validateDnsLabel(name);
    if (err) report('error', 'metadata.name', `invalid namespace name: ${err}`);
    const labels = readStringMap(meta.labels, 'metadata.labels', report, 'label') ?? {};
    delete labels[NAMESPACE_NAME_LABEL]; // implied, never stored
    const annotations = readStringMap(meta.annotations, 'metadata.annotations', report, 'annotation');
    if (annotations && OBSOLETE_NS_ANNOTATION in annotations) {
      report('warning', `metadata.annotations.${OBSOLETE_NS_ANNOTATION}`, 'this annotation (DefaultDeny of the beta NetworkPolicy API) is obsolete and has no effect since Kubernetes 1.7; it does not isolate any pod: write a default-deny NetworkPolicy instead');
    }
    const id = ids.namespace(name);
    m.namespaces[id] = { id, name, labels, ...(annotations && Object.keys(annotations).length ? { annotations } : {}) };
    return id;
  }
  if (isClusterPolicyKind(kind)) {
    const err = validateDnsSubdomain(name);
    if (err) report('error', 'metadata.name', `invalid name: ${err}`);
    const cp = readClusterPolicy(kind, v.apiVersion, name, v.spec, report, unknown);
    if (!cp) return undefined;
    const labels = readStringMap(meta.labels, 'metadata.labels', report, 'label');
    const annotations = readStringMap(meta.annotations, 'metadata.annotations', report, 'annotation');
    const id = ids.clusterPolicy(kind, name);
    (m.clusterPolicies ??= {})[id] = {
      id, ...cp,
      ...(labels && Object.keys(labels).length ? { labels } : {}),
      ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
    };
    return id;
  }
  if (kind === 'Node') return convertNode(name, v, meta, report, m);
  const namespaceId = ensureNamespace(m, nsName!);

  if (kind === 'NetworkPolicy') {
    const err = validateDnsSubdomain(name);
    if (err) report('error', 'metadata.name', `invalid name: ${err}`);
    const spec = readPolicySpec(v.spec, report, unknown);
    if (!spec) return undefined;
    const labels = readStringMap(meta.labels, 'metadata.labels', report, 'label');
    const annotations = readStringMap(meta.annotations, 'metadata.annotations', report, 'annotation');
    const id = ids.policy(nsName!, name);
    m.policies[id] = {
      id, namespaceId, name, ...spec,
      ...(labels && Object.keys(labels).length ? { labels } : {}),
      ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
    };
    return id;
  }

  if (kind === 'Service') return convertService(name, nsName!, namespaceId, v, meta, report, m);

  const err = validateDnsSubdomain(name);
  if (err) report('error', 'metadata.name', `invalid name: ${err}`);
  const workload = convertWorkload(kind as WorkloadKind, name, namespaceId, v, meta, report);
  if (!workload) return undefined;
  workload.id = ids.workload(nsName!, kind, name);
  m.workloads[workload.id] = workload;
  return workload.id;
}

function ensureNamespace(m: Model, name: string): string {
  const id = ids.namespace(name);
  if (!m.namespaces[id]) m.namespaces[id] = { id, name, labels: {} };
  return id;
}

// ------------------------------------------------------------------ nodes

/** A Node: its labels and addresses (status.addresses), for cluster policies' `nodes` peers. */
function convertNode(name: string, v: Record<string, unknown>, meta: Record<string, unknown>, report: Report, m: Model): string {
  const labels = readStringMap(meta.labels, 'metadata.labels', report, 'label') ?? {};
  const addresses: string[] = [];
  const status = isRecord(v.status) ? v.status : {};
  (readArray(status.addresses, 'status.addresses', report) ?? []).forEach((a, i) => {
    if (!isRecord(a) || (a.type !== 'InternalIP' && a.type !== 'ExternalIP')) return;
    const ok = typeof a.address === 'string' && !a.address.includes('/') && parseCidr(a.address).ok;
    if (!ok) report('warning', `status.addresses[${i}].address`, `${describe(a.address)} is not an IP address; ignored`);
    else if (!addresses.includes(a.address as string)) addresses.push(a.address as string);
  });
  const id = ids.node(name);
  (m.nodes ??= {})[id] = { id, name, labels, addresses };
  return id;
}

// ------------------------------------------------------------------ workloads

/** Where the pod template sits, per controller kind. */
function podTemplatePath(kind: WorkloadKind): string[] | undefined {
  if (kind === 'Pod') return undefined;
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

function dig(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const k of path) cur = isRecord(cur) ? cur[k] : undefined;
  return cur;
}

function convertWorkload(
  kind: WorkloadKind, name: string, namespaceId: string, v: Record<string, unknown>, meta: Record<string, unknown>, report: Report,
): Workload | undefined {
  const tplPath = podTemplatePath(kind);
  let podMeta: unknown = meta;
  let podSpec: unknown = v.spec;
  let prefix = '';
  if (tplPath) {
    const tpl = dig(v, tplPath);
    prefix = `${tplPath.join('.')}.`;
    if (!isRecord(tpl)) {
      report('error', tplPath.join('.'), 'pod template is missing; workload skipped');
      return undefined;
    }
    podMeta = tpl.metadata;
    podSpec = tpl.spec;
  }
  const podLabels = readStringMap(isRecord(podMeta) ? podMeta.labels : undefined, `${tplPath ? prefix : ''}metadata.labels`, report, 'label') ?? {};
  const spec = isRecord(podSpec) ? podSpec : {};
  const specPath = `${prefix}spec`.replace(/^\./, '');
  const ports: ContainerPort[] = [];
  const portNames = new Set<string>();
  const collect = (list: unknown, listPath: string, sidecarsOnly: boolean): void => {
    const containers = readArray(list, listPath, report) ?? [];
    containers.forEach((c, ci) => {
      if (!isRecord(c)) return;
      if (sidecarsOnly && c.restartPolicy !== 'Always') return; // only restartable init containers serve traffic
      const cports = readArray(c.ports, `${listPath}[${ci}].ports`, report) ?? [];
      cports.forEach((p, pi) => {
        const pp = `${listPath}[${ci}].ports[${pi}]`;
        if (!isRecord(p)) return;
        if (!isPortNumber(p.containerPort)) {
          report('error', `${pp}.containerPort`, `containerPort ${describe(p.containerPort)} is not a port number (1-65535); port skipped`);
          return;
        }
        const port: ContainerPort = { containerPort: p.containerPort };
        if (p.name !== undefined && p.name !== null) {
          const nameErr = typeof p.name === 'string' ? validateIanaPortName(p.name) : `port name must be a string, found ${describe(p.name)}`;
          if (nameErr) report('error', `${pp}.name`, `${nameErr}; name ignored`);
          else {
            if (portNames.has(p.name as string)) report('error', `${pp}.name`, `port name "${p.name as string}" is used twice in this pod`);
            portNames.add(p.name as string);
            port.name = p.name as string;
          }
        }
        const proto = readProtocol(p.protocol, `${pp}.protocol`, report);
        if (proto === null) return;
        if (proto) port.protocol = proto;
        ports.push(port);
      });
    });
  };
  collect(spec.containers, `${specPath}.containers`, false);
  collect(spec.initContainers, `${specPath}.initContainers`, true);

  const w: Workload = { id: '', namespaceId, name, kind, podLabels, ports };
  // A Pod's labels were read above as its pod labels: reading them again would report twice.
  const objLabels = tplPath ? readStringMap(meta.labels, 'metadata.labels', report, 'label') : undefined;
  if (tplPath && objLabels && Object.keys(objLabels).length) w.labels = objLabels;
  if (spec.hostNetwork === true) w.hostNetwork = true;
  if (typeof spec.nodeName === 'string' && spec.nodeName) w.nodeName = spec.nodeName;
  if (isRecord(v.spec) && typeof v.spec.replicas === 'number' && kind !== 'Pod') w.replicas = v.spec.replicas;
  if (kind === 'Pod' && isRecord(v.status)) {
    const ips = new Set<string>();
    if (typeof v.status.podIP === 'string' && v.status.podIP) ips.add(v.status.podIP);
    for (const e of readArray(v.status.podIPs, 'status.podIPs', report) ?? []) {
      if (isRecord(e) && typeof e.ip === 'string' && e.ip) ips.add(e.ip);
    }
    const valid = [...ips].filter((ip) => {
      const ok = !ip.includes('/') && parseCidr(ip).ok;
      if (!ok) report('warning', 'status.podIPs', `"${ip}" is not an IP address; ignored`);
      return ok;
    });
    if (valid.length) w.podIPs = valid;
    if (typeof v.status.hostIP === 'string' && v.status.hostIP) w.hostIP = v.status.hostIP;
  }
  return w;
}

/** undefined = absent (TCP), null = invalid (reported). */
function readProtocol(v: unknown, path: string, report: Report): Protocol | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && (PROTOCOLS as readonly string[]).includes(v)) return v as Protocol;
  report('error', path, `unknown protocol ${describe(v)} (expected TCP, UDP or SCTP); port skipped`);
  return null;
}

// ------------------------------------------------------------------ services

function convertService(
  name: string, nsName: string, namespaceId: string, v: Record<string, unknown>, meta: Record<string, unknown>, report: Report, m: Model,
): string | undefined {
  const nameErr = validateDns1035Label(name);
  if (nameErr) report('error', 'metadata.name', `invalid Service name: ${nameErr}`);
  const spec = isRecord(v.spec) ? v.spec : {};
  const typeRaw = spec.type ?? 'ClusterIP';
  if (typeRaw === 'ExternalName') {
    report('info', 'spec.type', 'ExternalName Services have no pods behind them; not imported');
    return undefined;
  }
  if (typeRaw !== 'ClusterIP' && typeRaw !== 'NodePort' && typeRaw !== 'LoadBalancer') {
    report('error', 'spec.type', `unknown Service type ${describe(typeRaw)}; Service skipped`);
    return undefined;
  }
  const svc: Service = { id: ids.service(nsName, name), namespaceId, name, type: typeRaw as ServiceType, ports: [] };
  if (spec.selector !== undefined && spec.selector !== null) {
    svc.selector = readStringMap(spec.selector, 'spec.selector', report, 'selector') ?? {};
  }
  const portsRaw = readArray(spec.ports, 'spec.ports', report) ?? [];
  portsRaw.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if (!isRecord(p)) { report('error', pp, `must be an object, found ${describe(p)}; port skipped`); return; }
    if (!isPortNumber(p.port)) { report('error', `${pp}.port`, `port ${describe(p.port)} is out of range (1-65535); port skipped`); return; }
    const port: ServicePort = { port: p.port };
    if (p.name !== undefined && p.name !== null && p.name !== '') {
      const err = typeof p.name === 'string' ? validateDnsLabel(p.name) : `must be a string, found ${describe(p.name)}`;
      if (err) report('error', `${pp}.name`, `invalid port name: ${err}`);
      if (typeof p.name === 'string') port.name = p.name;
    } else if (portsRaw.length > 1) {
      report('error', `${pp}.name`, 'every port needs a name when a Service has more than one port');
    }
    const proto = readProtocol(p.protocol, `${pp}.protocol`, report);
    if (proto === null) return;
    if (proto) port.protocol = proto;
    const tp = p.targetPort;
    if (tp !== undefined && tp !== null) {
      if (typeof tp === 'number') {
        if (isPortNumber(tp)) port.targetPort = tp;
        else report('error', `${pp}.targetPort`, `targetPort ${tp} is out of range (1-65535); using port`);
      } else if (typeof tp === 'string') {
        if (/^\d+$/.test(tp) && isPortNumber(Number(tp))) {
          // IntOrString from a quoted number: the API treats it as a name and rejects it.
          report('error', `${pp}.targetPort`, `targetPort "${tp}" is a quoted number; write it without quotes (read as ${tp})`);
          port.targetPort = Number(tp);
        } else {
          const err = validateIanaPortName(tp);
          if (err) report('error', `${pp}.targetPort`, `invalid named targetPort: ${err}`);
          port.targetPort = tp;
        }
      } else report('error', `${pp}.targetPort`, `must be a number or a port name, found ${describe(tp)}`);
    }
    if (p.nodePort !== undefined && p.nodePort !== null) {
      if (isPortNumber(p.nodePort)) port.nodePort = p.nodePort;
      else report('error', `${pp}.nodePort`, `nodePort ${describe(p.nodePort)} is out of range (1-65535); ignored`);
    }
    svc.ports.push(port);
  });
  if (spec.externalTrafficPolicy === 'Local' || spec.externalTrafficPolicy === 'Cluster') svc.externalTrafficPolicy = spec.externalTrafficPolicy;
  else if (spec.externalTrafficPolicy !== undefined) report('error', 'spec.externalTrafficPolicy', `must be Cluster or Local, found ${describe(spec.externalTrafficPolicy)}`);
  if (spec.internalTrafficPolicy === 'Local' || spec.internalTrafficPolicy === 'Cluster') svc.internalTrafficPolicy = spec.internalTrafficPolicy;
  else if (spec.internalTrafficPolicy !== undefined) report('error', 'spec.internalTrafficPolicy', `must be Cluster or Local, found ${describe(spec.internalTrafficPolicy)}`);
  const ranges = readArray(spec.loadBalancerSourceRanges, 'spec.loadBalancerSourceRanges', report);
  if (ranges) {
    svc.loadBalancerSourceRanges = [];
    ranges.forEach((r, i) => {
      const ok = typeof r === 'string' && parseCidr(r).ok;
      if (!ok) report('error', `spec.loadBalancerSourceRanges[${i}]`, `${describe(r)} is not a valid CIDR; ignored`);
      else svc.loadBalancerSourceRanges!.push(r as string);
    });
  }
  const lbClass = readString(spec.loadBalancerClass, 'spec.loadBalancerClass', report);
  if (lbClass) svc.loadBalancerClass = lbClass;
  if (typeof spec.allocateLoadBalancerNodePorts === 'boolean') svc.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts;
  if (spec.clusterIP === 'None') svc.clusterIP = 'None'; // other values are server-assigned
  const labels = readStringMap(meta.labels, 'metadata.labels', report, 'label');
  if (labels && Object.keys(labels).length) svc.labels = labels;
  const annotations = readStringMap(meta.annotations, 'metadata.annotations', report, 'annotation');
  if (annotations && Object.keys(annotations).length) svc.annotations = annotations;
  m.services[svc.id] = svc;
  return svc.id;
}

