// ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1)
// -> model, validated per the API's CRD rules (semantics.md 3). What cannot be read is repaired
// toward less access, following the API's own "fail closed" rule (3.4): an invalid part of an
// Accept rule removes it (the rule admits less), while an invalid Deny or Pass rule becomes
// "deny all" (dropping it would let through what it was written to stop). Object-level errors the
// API server would reject (priority out of range, too many rules) are reported and the object is
// kept as written, so the design still shows the intended denies.

import { CLUSTER_POLICY_GROUP, PROTOCOLS } from '../model/types.ts';
import type {
  ClusterAction, ClusterPeer, ClusterPolicy, ClusterPolicyVersion, ClusterPort, ClusterRule, ClusterSubject, ClusterTier,
  LabelSelector, NamespacedPods, Protocol,
} from '../model/types.ts';
import { validateIanaPortName } from '../model/labels.ts';
import { describe, isPortNumber, readArray, readString } from './fields.ts';
import type { Report } from './fields.ts';
import { isRecord } from './parse.ts';
import { checkCidr, readSelector } from './policy-from-manifest.ts';
import { declareKindSchema, LABEL_SELECTOR, LEAF, list, obj, topLevel, type FieldSchema, type UnknownField } from './schema.ts';

// ------------------------------------------------------------------ known fields (strict validation)

const NAMESPACED_POD = obj({ namespaceSelector: LABEL_SELECTOR, podSelector: LABEL_SELECTOR });
const SUBJECT = obj({ namespaces: LABEL_SELECTOR, pods: NAMESPACED_POD });
const INGRESS_PEER = obj({ namespaces: LABEL_SELECTOR, pods: NAMESPACED_POD });
const egressPeer = (domains: boolean): FieldSchema =>
  obj({ namespaces: LABEL_SELECTOR, pods: NAMESPACED_POD, nodes: LABEL_SELECTOR, networks: LEAF, ...(domains ? { domainNames: LEAF } : {}) });
const V2_PORT = obj({ destinationPort: obj({ number: LEAF, range: obj({ start: LEAF, end: LEAF }) }) });
const V2_PROTOCOL = obj({ tcp: V2_PORT, udp: V2_PORT, sctp: V2_PORT, destinationNamedPort: LEAF });
const V1_PORT = obj({ portNumber: obj({ protocol: LEAF, port: LEAF }), portRange: obj({ protocol: LEAF, start: LEAF, end: LEAF }), namedPort: LEAF });
const rules = (peersKey: 'from' | 'to', peer: FieldSchema, portsKey: 'protocols' | 'ports', port: FieldSchema): FieldSchema =>
  list(obj({ name: LEAF, action: LEAF, [peersKey]: list(peer), [portsKey]: list(port) }));

declareKindSchema('ClusterNetworkPolicy', topLevel(obj({
  tier: LEAF, priority: LEAF, subject: SUBJECT,
  ingress: rules('from', INGRESS_PEER, 'protocols', V2_PROTOCOL), egress: rules('to', egressPeer(true), 'protocols', V2_PROTOCOL),
})));
declareKindSchema('AdminNetworkPolicy', topLevel(obj({
  priority: LEAF, subject: SUBJECT, ingress: rules('from', INGRESS_PEER, 'ports', V1_PORT), egress: rules('to', egressPeer(true), 'ports', V1_PORT),
})));
declareKindSchema('BaselineAdminNetworkPolicy', topLevel(obj({
  subject: SUBJECT, ingress: rules('from', INGRESS_PEER, 'ports', V1_PORT), egress: rules('to', egressPeer(false), 'ports', V1_PORT),
})));
declareKindSchema('Node', topLevel(LEAF));

export const CLUSTER_POLICY_KINDS = ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const;
export type ClusterPolicyKind = (typeof CLUSTER_POLICY_KINDS)[number];

export const isClusterPolicyKind = (k: string): k is ClusterPolicyKind => (CLUSTER_POLICY_KINDS as readonly string[]).includes(k);

/** The kind an object of this version and tier is written as. */
export function clusterPolicyKind(version: ClusterPolicyVersion, tier: ClusterTier): ClusterPolicyKind {
  if (version === 'v1alpha2') return 'ClusterNetworkPolicy';
  return tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy';
}

export const apiVersionOf = (version: ClusterPolicyVersion): string => `${CLUSTER_POLICY_GROUP}/${version}`;

/** API limits per version (CRD MaxItems). */
export function clusterLimits(version: ClusterPolicyVersion): { rules: number; peers: number; ports: number } {
  return version === 'v1alpha2' ? { rules: 25, peers: 25, ports: 25 } : { rules: 100, peers: 100, ports: 100 };
}
export const MAX_PRIORITY = 1000;
export const MAX_NETWORKS = 25;
export const MAX_RULE_NAME = 100;

/** A rule that matches every connection the direction can express (fail closed for Deny/Pass). */
export function denyAllPeers(dir: 'Ingress' | 'Egress'): ClusterPeer[] {
  return dir === 'Ingress'
    ? [{ namespaces: {} }]
    : [{ namespaces: {} }, { nodes: {} }, { networks: ['0.0.0.0/0', '::/0'] }];
}

const DOMAIN_RE = /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

export function checkDomainName(v: string): string | null {
  return DOMAIN_RE.test(v) ? null : `"${v}" is not a domain name (letters, digits, '-' and '_' in dot-separated labels, optionally starting with '*.')`;
}

interface Ctx {
  kind: ClusterPolicyKind;
  version: ClusterPolicyVersion;
  tier: ClusterTier;
  report: Report;
  /** Paths of unknown fields (reported by the importer). */
  unknown: readonly UnknownField[];
}

/**
 * Reads a cluster policy object. Returns undefined when it cannot be represented at all (no
 * usable subject, unknown tier): reported as an error.
 */
export function readClusterPolicy(kind: ClusterPolicyKind, apiVersion: unknown, name: string, specRaw: unknown, report: Report,
  unknown: readonly UnknownField[] = []): Omit<ClusterPolicy, 'id'> | undefined {
  const version: ClusterPolicyVersion = kind === 'ClusterNetworkPolicy' ? 'v1alpha2' : 'v1alpha1';
  if (apiVersion !== apiVersionOf(version)) {
    report('warning', 'apiVersion', `apiVersion ${describe(apiVersion)} is not ${apiVersionOf(version)}; read as ${apiVersionOf(version)}`);
  }
  if (!isRecord(specRaw)) {
    report('error', 'spec', `must be an object, found ${describe(specRaw)}; policy not imported`);
    return undefined;
  }
  const spec = specRaw;
  let tier: ClusterTier;
  if (kind === 'ClusterNetworkPolicy') {
    if (spec.tier !== 'Admin' && spec.tier !== 'Baseline') {
      report('error', 'spec.tier', `tier ${describe(spec.tier)} is not Admin or Baseline; policy not imported`);
      return undefined;
    }
    tier = spec.tier;
  } else tier = kind === 'AdminNetworkPolicy' ? 'Admin' : 'Baseline';

  if (kind === 'BaselineAdminNetworkPolicy' && name !== 'default') {
    report('error', 'metadata.name', `a BaselineAdminNetworkPolicy must be named "default" (the API server accepts only that one object); read as written, exported as "default"`);
  }

  let priority = 0;
  if (kind === 'BaselineAdminNetworkPolicy') {
    if (spec.priority !== undefined) report('error', 'spec.priority', 'BaselineAdminNetworkPolicy has no priority; ignored');
  } else if (typeof spec.priority !== 'number' || !Number.isInteger(spec.priority)) {
    report('error', 'spec.priority', `priority is required and must be a whole number 0-${MAX_PRIORITY}, found ${describe(spec.priority)}; read as ${MAX_PRIORITY} (last in its tier)`);
    priority = MAX_PRIORITY;
  } else if (spec.priority < 0 || spec.priority > MAX_PRIORITY) {
    priority = Math.min(MAX_PRIORITY, Math.max(0, spec.priority));
    report('error', 'spec.priority', `priority ${spec.priority} is out of range (0-${MAX_PRIORITY}); the API server rejects it; read as ${priority}`);
  } else priority = spec.priority;

  const subject = readSubject(spec.subject, 'spec.subject', report);
  if (!subject) return undefined;

  const ctx: Ctx = { kind, version, tier, report, unknown };
  const ingress = readRules(spec.ingress, 'spec.ingress', 'Ingress', ctx);
  const egress = readRules(spec.egress, 'spec.egress', 'Egress', ctx);
  return { name, tier, priority, subject, ingress, egress, ...(version === 'v1alpha1' ? { version } : {}) };
}

function readNamespacedPods(v: unknown, path: string, report: Report): NamespacedPods | undefined {
  if (!isRecord(v)) {
    report('error', path, `must be an object with namespaceSelector and podSelector, found ${describe(v)}`);
    return undefined;
  }
  const nsSel = v.namespaceSelector === undefined || v.namespaceSelector === null ? {} : readSelector(v.namespaceSelector, `${path}.namespaceSelector`, report);
  if (v.podSelector === undefined || v.podSelector === null) {
    report('error', `${path}.podSelector`, 'podSelector is required (use {} for every pod)');
    return undefined;
  }
  const podSel = readSelector(v.podSelector, `${path}.podSelector`, report);
  if (!nsSel || !podSel) return undefined;
  return { namespaceSelector: nsSel, podSelector: podSel };
}

function setFields(v: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => v[k] !== undefined && v[k] !== null);
}

function readSubject(v: unknown, path: string, report: Report): ClusterSubject | undefined {
  if (!isRecord(v)) {
    report('error', path, `subject is required: exactly one of namespaces or pods, found ${describe(v)}; policy not imported`);
    return undefined;
  }
  const set = setFields(v, ['namespaces', 'pods']);
  if (set.length !== 1) {
    report('error', path, set.length === 0
      ? 'subject is empty: set exactly one of namespaces or pods; policy not imported'
      : 'subject sets both namespaces and pods; exactly one is allowed; policy not imported');
    return undefined;
  }
  if (set[0] === 'namespaces') {
    const s = readSelector(v.namespaces, `${path}.namespaces`, report);
    if (!s) { report('error', path, 'invalid subject; policy not imported'); return undefined; }
    return { namespaces: s };
  }
  const pods = readNamespacedPods(v.pods, `${path}.pods`, report);
  if (!pods) { report('error', path, 'invalid subject; policy not imported'); return undefined; }
  return { pods };
}

function readAction(v: unknown, path: string, ctx: Ctx): { action: ClusterAction; valid: boolean } {
  const allowed: readonly string[] = ctx.version === 'v1alpha2' ? ['Accept', 'Deny', 'Pass'] : ctx.tier === 'Admin' ? ['Allow', 'Deny', 'Pass'] : ['Allow', 'Deny'];
  if (typeof v === 'string' && allowed.includes(v)) return { action: v === 'Allow' ? 'Accept' : (v as ClusterAction), valid: true };
  const hint = ctx.version === 'v1alpha2' && v === 'Allow' ? ' (v1alpha2 calls it Accept)'
    : ctx.version === 'v1alpha1' && v === 'Accept' ? ' (v1alpha1 calls it Allow)'
      : ctx.kind === 'BaselineAdminNetworkPolicy' && v === 'Pass' ? ' (a v1alpha1 BaselineAdminNetworkPolicy cannot Pass: there is no tier after it)' : '';
  ctx.report('error', path, `unknown action ${describe(v)} for ${ctx.kind} (expected ${allowed.join(', ')})${hint}; read as Deny of all traffic (fail closed)`);
  return { action: 'Deny', valid: false };
}

function readRules(v: unknown, path: string, dir: 'Ingress' | 'Egress', ctx: Ctx): ClusterRule[] {
  const list = readArray(v, path, ctx.report);
  if (!list) return [];
  const lim = clusterLimits(ctx.version);
  if (list.length > lim.rules) ctx.report('error', path, `${list.length} rules; the API allows at most ${lim.rules}; all are kept so the design shows what was meant`);
  const out: ClusterRule[] = [];
  list.forEach((r, i) => {
    const rule = readRule(r, `${path}[${i}]`, dir, ctx);
    if (rule) out.push(rule);
  });
  return out;
}

function readRule(v: unknown, path: string, dir: 'Ingress' | 'Egress', ctx: Ctx): ClusterRule | undefined {
  const { report } = ctx;
  if (!isRecord(v)) {
    report('error', path, `a rule must be an object, found ${describe(v)}; rule removed`);
    return undefined;
  }
  const name = readString(v.name, `${path}.name`, report);
  if (name !== undefined && name.length > MAX_RULE_NAME) report('error', `${path}.name`, `rule name is ${name.length} characters; at most ${MAX_RULE_NAME} are allowed`);
  const { action, valid: actionOk } = readAction(v.action, `${path}.action`, ctx);
  const named = name ? { name } : {};
  // An invalid Deny/Pass rule denies everything; an invalid Accept rule is removed (3.4).
  const failClosed = (why: string): ClusterRule | undefined => {
    if (action === 'Accept') {
      report('error', path, `${why}; Accept rule removed (it admits nothing rather than too much)`);
      return undefined;
    }
    report('error', path, `${why}; this ${action} rule is read as Deny of all traffic (fail closed: dropping it would let through what it stops)`);
    return { ...named, action: 'Deny', peers: denyAllPeers(dir) };
  };
  if (!actionOk) return { ...named, action: 'Deny', peers: denyAllPeers(dir) };
  // An unknown field may narrow what the rule matches (a newer CRD): reading it without the
  // field would widen an Accept and weaken a Pass, so the rule fails closed.
  const strange = ctx.unknown.find((u) => u.path.startsWith(`${path}.`));
  if (strange) return failClosed(`unknown field "${strange.field}" in this rule (a newer API version?)`);

  const peersKey = dir === 'Ingress' ? 'from' : 'to';
  const peersRaw = readArray(v[peersKey], `${path}.${peersKey}`, report);
  if (!peersRaw || peersRaw.length === 0) return failClosed(`${peersKey} must list at least one peer`);
  const lim = clusterLimits(ctx.version);
  if (peersRaw.length > lim.peers) report('error', `${path}.${peersKey}`, `${peersRaw.length} peers; the API allows at most ${lim.peers}; all are kept`);
  const peers: ClusterPeer[] = [];
  let badPeer = false;
  peersRaw.forEach((p, i) => {
    const peer = readPeer(p, `${path}.${peersKey}[${i}]`, dir, action, ctx);
    if (peer) peers.push(peer);
    else badPeer = true;
  });
  if (badPeer && action !== 'Accept') return failClosed('a peer cannot be read');
  if (peers.length === 0) return failClosed('no valid peer is left');

  const portsKey = ctx.version === 'v1alpha2' ? 'protocols' : 'ports';
  let ports: ClusterPort[] | undefined;
  if (v[portsKey] !== undefined && v[portsKey] !== null) {
    const portsRaw = readArray(v[portsKey], `${path}.${portsKey}`, report);
    if (!portsRaw) return failClosed(`${portsKey} cannot be read`);
    if (portsRaw.length === 0) return failClosed(`${portsKey} is empty; leave it out to match every port`);
    if (portsRaw.length > lim.ports) report('error', `${path}.${portsKey}`, `${portsRaw.length} entries; the API allows at most ${lim.ports}; all are kept`);
    ports = [];
    let badPort = false;
    portsRaw.forEach((p, i) => {
      const port = ctx.version === 'v1alpha2' ? readProtocolEntry(p, `${path}.${portsKey}[${i}]`, report) : readV1Port(p, `${path}.${portsKey}[${i}]`, report);
      if (port) ports!.push(port);
      else badPort = true;
    });
    if (badPort && action !== 'Accept') return failClosed('a port entry cannot be read');
    if (ports.length === 0) return failClosed('no valid port entry is left');
    const namedIdx = ports.findIndex((p) => p.namedPort !== undefined);
    const addrPeer = peers.findIndex((p) => p.networks || p.nodes || p.domainNames);
    if (namedIdx >= 0 && addrPeer >= 0) {
      const field = Object.keys(peers[addrPeer])[0];
      report('error', `${path}.${peersKey}[${addrPeer}].${field}`, `a named port ("${ports[namedIdx].namedPort!}") cannot be used with a ${field} peer: only pods have named ports`);
      return failClosed('the API server rejects this rule');
    }
  }
  if (action !== 'Accept' && peers.some((p) => p.domainNames)) {
    report('error', `${path}.${peersKey}`, `domainNames peers are allowed only in Accept rules`);
    return failClosed('the API server rejects this rule');
  }
  return { ...named, action, peers, ...(ports ? { ports } : {}) };
}

function readPeer(v: unknown, path: string, dir: 'Ingress' | 'Egress', action: ClusterAction, ctx: Ctx): ClusterPeer | undefined {
  const { report } = ctx;
  if (!isRecord(v)) {
    report('error', path, `a peer must be an object, found ${describe(v)}`);
    return undefined;
  }
  const known = dir === 'Ingress' ? ['namespaces', 'pods'] : ctx.kind === 'BaselineAdminNetworkPolicy' ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];
  const set = setFields(v, known);
  const unknown = Object.keys(v).filter((k) => !known.includes(k) && v[k] !== undefined && v[k] !== null);
  if (set.length !== 1) {
    const what = set.length === 0
      ? `a peer must set exactly one of ${known.join(', ')}${unknown.length ? ` (found ${unknown.join(', ')}, which ${ctx.kind} ${dir.toLowerCase()} peers do not have)` : ''}`
      : `a peer sets ${set.join(' and ')}; exactly one is allowed`;
    report('error', path, action === 'Accept' ? `${what}; peer removed` : what);
    return undefined;
  }
  const field = set[0];
  const p = `${path}.${field}`;
  switch (field) {
    case 'namespaces': {
      const s = readSelector(v.namespaces, p, report);
      return s ? { namespaces: s } : undefined;
    }
    case 'pods': {
      const pods = readNamespacedPods(v.pods, p, report);
      return pods ? { pods } : undefined;
    }
    case 'nodes': {
      const s: LabelSelector | undefined = readSelector(v.nodes, p, report);
      return s ? { nodes: s } : undefined;
    }
    case 'networks': {
      const list = readArray(v.networks, p, report);
      if (!list || list.length === 0) { report('error', p, 'networks must list at least one CIDR'); return undefined; }
      if (list.length > MAX_NETWORKS) report('error', p, `${list.length} CIDRs; the API allows at most ${MAX_NETWORKS}`);
      const cidrs: string[] = [];
      for (const [i, c] of list.entries()) {
        const err = typeof c !== 'string' ? `must be a CIDR string, found ${describe(c)}` : checkCidr(c);
        if (err) { report('error', `${p}[${i}]`, err); return undefined; }
        cidrs.push(c as string);
      }
      return { networks: cidrs };
    }
    default: {
      const list = readArray(v.domainNames, p, report);
      if (!list || list.length === 0) { report('error', p, 'domainNames must list at least one name'); return undefined; }
      const names: string[] = [];
      for (const [i, d] of list.entries()) {
        const err = typeof d !== 'string' ? `must be a domain name, found ${describe(d)}` : checkDomainName(d);
        if (err) { report('error', `${p}[${i}]`, err); return undefined; }
        names.push(d as string);
      }
      return { domainNames: names };
    }
  }
}

function readPortOrRange(v: unknown, path: string, report: Report): { port: number; endPort?: number } | undefined {
  if (!isRecord(v)) { report('error', path, `must be an object, found ${describe(v)}`); return undefined; }
  const set = setFields(v, ['number', 'range']);
  if (set.length !== 1) {
    report('error', path, set.length === 0 ? 'destinationPort must set number or range' : 'destinationPort sets both number and range; exactly one is allowed');
    return undefined;
  }
  if (set[0] === 'number') {
    if (!isPortNumber(v.number)) { report('error', `${path}.number`, `port ${describe(v.number)} is out of range (1-65535)`); return undefined; }
    return { port: v.number };
  }
  return readRange(v.range, `${path}.range`, report);
}

function readRange(v: unknown, path: string, report: Report): { port: number; endPort: number } | undefined {
  if (!isRecord(v)) { report('error', path, `must be an object with start and end, found ${describe(v)}`); return undefined; }
  if (!isPortNumber(v.start)) { report('error', `${path}.start`, `start ${describe(v.start)} is not a port (1-65535)`); return undefined; }
  if (!isPortNumber(v.end)) { report('error', `${path}.end`, `end ${describe(v.end)} is not a port (1-65535)`); return undefined; }
  if (v.start >= v.end) { report('error', path, `start ${v.start} must be less than end ${v.end}`); return undefined; }
  return { port: v.start, endPort: v.end };
}

function readNamedPort(v: unknown, path: string, report: Report): string | undefined {
  if (typeof v !== 'string') { report('error', path, `must be a port name, found ${describe(v)}`); return undefined; }
  const err = validateIanaPortName(v);
  if (err) { report('error', path, `invalid named port: ${err}`); return undefined; }
  return v;
}

/** v1alpha2 `protocols[]` entry: exactly one of tcp / udp / sctp / destinationNamedPort. */
function readProtocolEntry(v: unknown, path: string, report: Report): ClusterPort | undefined {
  if (!isRecord(v)) { report('error', path, `a protocol entry must be an object, found ${describe(v)}`); return undefined; }
  const set = setFields(v, ['tcp', 'udp', 'sctp', 'destinationNamedPort']);
  if (set.length !== 1) {
    report('error', path, set.length === 0 ? 'a protocol entry must set exactly one of tcp, udp, sctp or destinationNamedPort' : `a protocol entry sets ${set.join(' and ')}; exactly one is allowed`);
    return undefined;
  }
  const key = set[0];
  if (key === 'destinationNamedPort') {
    const name = readNamedPort(v.destinationNamedPort, `${path}.destinationNamedPort`, report);
    return name ? { namedPort: name } : undefined;
  }
  const protocol = key.toUpperCase() as Protocol;
  const body = v[key];
  if (!isRecord(body) || body.destinationPort === undefined || body.destinationPort === null) {
    report('error', `${path}.${key}`, `${key}: {} needs a destinationPort (the API requires one; for every ${protocol} port use range 1-65535)`);
    return undefined;
  }
  const pr = readPortOrRange(body.destinationPort, `${path}.${key}.destinationPort`, report);
  return pr ? { protocol, ...pr } : undefined;
}

/** v1alpha1 `ports[]` entry: exactly one of portNumber / portRange / namedPort. */
function readV1Port(v: unknown, path: string, report: Report): ClusterPort | undefined {
  if (!isRecord(v)) { report('error', path, `a port entry must be an object, found ${describe(v)}`); return undefined; }
  const set = setFields(v, ['portNumber', 'portRange', 'namedPort']);
  if (set.length !== 1) {
    report('error', path, set.length === 0 ? 'a port entry must set exactly one of portNumber, portRange or namedPort' : `a port entry sets ${set.join(' and ')}; exactly one is allowed`);
    return undefined;
  }
  const key = set[0];
  if (key === 'namedPort') {
    const name = readNamedPort(v.namedPort, `${path}.namedPort`, report);
    return name ? { namedPort: name } : undefined;
  }
  const body = v[key];
  if (!isRecord(body)) { report('error', `${path}.${key}`, `must be an object, found ${describe(body)}`); return undefined; }
  let protocol: Protocol = 'TCP';
  if (body.protocol !== undefined && body.protocol !== null) {
    if (typeof body.protocol !== 'string' || !(PROTOCOLS as readonly string[]).includes(body.protocol)) {
      report('error', `${path}.${key}.protocol`, `unknown protocol ${describe(body.protocol)} (expected TCP, UDP or SCTP)`);
      return undefined;
    }
    protocol = body.protocol as Protocol;
  } else if (key === 'portNumber') {
    report('error', `${path}.portNumber.protocol`, 'protocol is required in portNumber; read as TCP');
  }
  if (key === 'portNumber') {
    if (!isPortNumber(body.port)) { report('error', `${path}.portNumber.port`, `port ${describe(body.port)} is out of range (1-65535)`); return undefined; }
    return { protocol, port: body.port };
  }
  const r = readRange(body, `${path}.portRange`, report);
  return r ? { protocol, ...r } : undefined;
}
