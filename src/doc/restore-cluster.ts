// Restore of the cluster-wide tiers (model.clusterPolicies, model.nodes) from untrusted JSON.
// Repairs follow the importer's fail-closed rule (semantics.md 3.4): a damaged Accept rule is
// dropped (admits less); a damaged Deny or Pass rule becomes Deny of all traffic, because
// dropping it would let through what it was written to stop.

import type {
  ClusterAction, ClusterNode, ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule, ClusterSubject, Direction, Id, NamespacedPods,
} from '../model/types.ts';
import { denyAllPeers } from '../k8s/cluster-policy-from-manifest.ts';
import { parseCidr } from '../net/ip.ts';
import {
  checkNonEmptyString, checkPortNumber, checkProtocol, checkSelector, checkStringList, checkStringMap, isProblem, isRecord,
  Problem, show, type Checked,
} from './restore-values.ts';

export type Warn = (path: string, message: string) => void;

function checkPods(v: unknown, path: string): Checked<NamespacedPods> {
  if (!isRecord(v)) return new Problem(path, `expected {namespaceSelector, podSelector}, got ${show(v)}`);
  const ns = checkSelector(v.namespaceSelector ?? {}, `${path}.namespaceSelector`);
  if (isProblem(ns)) return ns;
  const pod = checkSelector(v.podSelector, `${path}.podSelector`);
  if (isProblem(pod)) return pod;
  return { namespaceSelector: ns, podSelector: pod };
}

function oneField(v: Record<string, unknown>, keys: readonly string[], path: string): Checked<string> {
  const set = keys.filter((k) => v[k] !== undefined);
  if (set.length !== 1) return new Problem(path, `expected exactly one of ${keys.join(', ')}, got ${set.length ? set.join(' and ') : 'none'}`);
  return set[0];
}

export function checkClusterSubject(v: unknown, path: string): Checked<ClusterSubject> {
  if (!isRecord(v)) return new Problem(path, `expected a subject, got ${show(v)}`);
  const f = oneField(v, ['namespaces', 'pods'], path);
  if (isProblem(f)) return f;
  if (f === 'namespaces') {
    const s = checkSelector(v.namespaces, `${path}.namespaces`);
    return isProblem(s) ? s : { namespaces: s };
  }
  const pods = checkPods(v.pods, `${path}.pods`);
  return isProblem(pods) ? pods : { pods };
}

function checkClusterPeer(v: unknown, path: string, dir: Direction): Checked<ClusterPeer> {
  if (!isRecord(v)) return new Problem(path, `expected a peer, got ${show(v)}`);
  const keys = dir === 'Ingress' ? ['namespaces', 'pods'] : ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];
  const f = oneField(v, keys, path);
  if (isProblem(f)) return f;
  const p = `${path}.${f}`;
  if (f === 'pods') {
    const pods = checkPods(v.pods, p);
    return isProblem(pods) ? pods : { pods };
  }
  if (f === 'namespaces' || f === 'nodes') {
    const s = checkSelector(v[f], p);
    return isProblem(s) ? s : { [f]: s };
  }
  const list = checkStringList(v[f], p);
  if (isProblem(list)) return list;
  if (list.length === 0 || list.some((x) => x === '')) return new Problem(p, 'expected a non-empty list of non-empty text');
  const bad = f === 'networks' ? list.find((c) => !parseCidr(c).ok) : undefined;
  if (bad !== undefined) return new Problem(p, `'${bad}' is not a CIDR`);
  return { [f]: list };
}

function checkClusterPort(v: unknown, path: string): Checked<ClusterPort> {
  if (!isRecord(v)) return new Problem(path, `expected a port entry, got ${show(v)}`);
  if (v.namedPort !== undefined) {
    const n = checkNonEmptyString(v.namedPort, `${path}.namedPort`);
    return isProblem(n) ? n : { namedPort: n };
  }
  const out: ClusterPort = {};
  if (v.protocol !== undefined) {
    const pr = checkProtocol(v.protocol, `${path}.protocol`);
    if (isProblem(pr)) return pr;
    out.protocol = pr;
  }
  if (v.port !== undefined) {
    const n = checkPortNumber(v.port, `${path}.port`);
    if (isProblem(n)) return n;
    out.port = n;
  }
  if (v.endPort !== undefined) {
    const e = checkPortNumber(v.endPort, `${path}.endPort`);
    if (isProblem(e)) return e;
    if (out.port === undefined || e < out.port) return new Problem(`${path}.endPort`, `expected a port at or above port, got ${e}`);
    out.endPort = e;
  }
  return out;
}

const ACTIONS: readonly ClusterAction[] = ['Accept', 'Deny', 'Pass'];

function restoreRule(warn: Warn, v: unknown, path: string, dir: Direction): ClusterRule | undefined {
  if (!isRecord(v)) { warn(path, `expected a rule, got ${show(v)}; dropped`); return undefined; }
  const action = ACTIONS.includes(v.action as ClusterAction) ? (v.action as ClusterAction) : undefined;
  const name = typeof v.name === 'string' && v.name !== '' ? { name: v.name } : {};
  const failClosed = (why: string): ClusterRule | undefined => {
    if (action === 'Accept') { warn(path, `${why}; Accept rule dropped`); return undefined; }
    warn(path, `${why}; read as Deny of all traffic (fail closed)`);
    return { ...name, action: 'Deny', peers: denyAllPeers(dir) };
  };
  if (!action) return failClosed(`action: expected Accept, Deny or Pass, got ${show(v.action)}`);
  if (!Array.isArray(v.peers) || v.peers.length === 0) return failClosed('peers: expected a non-empty list');
  const peers: ClusterPeer[] = [];
  for (const [i, x] of v.peers.entries()) {
    const peer = checkClusterPeer(x, `${path}.peers[${i}]`, dir);
    if (isProblem(peer)) return failClosed(peer.toString());
    peers.push(peer);
  }
  const rule: ClusterRule = { ...name, action, peers };
  if (v.ports !== undefined) {
    if (!Array.isArray(v.ports) || v.ports.length === 0) return failClosed('ports: expected a non-empty list (leave it out for every port)');
    const ports: ClusterPort[] = [];
    for (const [i, x] of v.ports.entries()) {
      const port = checkClusterPort(x, `${path}.ports[${i}]`);
      if (isProblem(port)) return failClosed(port.toString());
      ports.push(port);
    }
    rule.ports = ports;
  }
  return rule;
}

export function restoreClusterPolicy(warn: Warn, raw: Record<string, unknown>, id: Id, path: string): ClusterPolicy | undefined {
  const subject = checkClusterSubject(raw.subject, `${path}.subject`);
  if (isProblem(subject)) { warn(path, `${subject.toString()}; the policy applies to nothing and is dropped`); return undefined; }
  const tier = raw.tier === 'Admin' || raw.tier === 'Baseline' ? raw.tier : undefined;
  if (!tier) { warn(`${path}.tier`, `expected Admin or Baseline, got ${show(raw.tier)}; policy dropped`); return undefined; }
  let priority = 0;
  if (typeof raw.priority === 'number' && Number.isInteger(raw.priority) && raw.priority >= 0 && raw.priority <= 1000) priority = raw.priority;
  else { priority = 1000; warn(`${path}.priority`, `expected a whole number 0-1000, got ${show(raw.priority)}; using 1000`); }
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : id.replace(/^[a-z]+:/, '');
  if (name !== raw.name) warn(`${path}.name`, `expected text, got ${show(raw.name)}; using '${name}'`);
  const rules = (key: 'ingress' | 'egress', dir: Direction): ClusterRule[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) { warn(`${path}.${key}`, `expected a list of rules, got ${show(v)}; using none`); return []; }
    return v.flatMap((x, i) => restoreRule(warn, x, `${path}.${key}[${i}]`, dir) ?? []);
  };
  const p: ClusterPolicy = { id, name, tier, priority, subject, ingress: rules('ingress', 'Ingress'), egress: rules('egress', 'Egress') };
  if (raw.version === 'v1alpha1') p.version = 'v1alpha1';
  else if (raw.version !== undefined && raw.version !== 'v1alpha2') warn(`${path}.version`, `expected v1alpha1 or v1alpha2, got ${show(raw.version)}; using v1alpha2`);
  for (const k of ['labels', 'annotations'] as const) {
    if (raw[k] === undefined) continue;
    const m = checkStringMap(raw[k], `${path}.${k}`);
    if (isProblem(m)) warn(`${path}.${k}`, `${m.toString()}; ignored`);
    else p[k] = m;
  }
  return p;
}

export function restoreNode(warn: Warn, raw: Record<string, unknown>, id: Id, path: string): ClusterNode {
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : id.replace(/^node:/, '');
  const labels = raw.labels === undefined ? {} : checkStringMap(raw.labels, `${path}.labels`);
  const addresses = raw.addresses === undefined ? [] : checkStringList(raw.addresses, `${path}.addresses`);
  if (isProblem(labels)) warn(`${path}.labels`, `${labels.toString()}; using none`);
  if (isProblem(addresses)) warn(`${path}.addresses`, `${addresses.toString()}; using none`);
  return { id, name, labels: isProblem(labels) ? {} : labels, addresses: isProblem(addresses) ? [] : addresses };
}
