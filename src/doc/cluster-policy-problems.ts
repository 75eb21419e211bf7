// What is wrong with a cluster policy as the forms edit it, one message per problem naming the
// field (`priority`, `egress[1].to[0].networks`, …), with the API's own limits (semantics.md
// 3.3-3.6). The importer enforces the same limits on YAML; the forms show these before saving.
//
// Public API: clusterPolicyProblems(model, policy): FieldProblem[]

import type { ClusterPeer, ClusterPolicy, ClusterRule, Direction, Model } from '../model/types.ts';
import { validateDnsSubdomain, validateLabelKey, validateLabelValue, validateIanaPortName } from '../model/labels.ts';
import type { LabelSelector } from '../model/types.ts';
import { parseCidr } from '../net/ip.ts';
import { checkDomainName, clusterLimits, MAX_NETWORKS, MAX_PRIORITY, MAX_RULE_NAME } from '../k8s/cluster-policy-from-manifest.ts';

export interface FieldProblem {
  /** The field as in the YAML: `metadata.name`, `spec.priority`, `spec.ingress[0].from[1].namespaces`. */
  field: string;
  message: string;
}

function selectorProblems(sel: LabelSelector | undefined, field: string, out: FieldProblem[]): void {
  if (!sel) return;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    const e = validateLabelKey(k) ?? validateLabelValue(v);
    if (e) out.push({ field: `${field}.matchLabels`, message: `${k}: ${e}` });
  }
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const f = `${field}.matchExpressions[${i}]`;
    const e = validateLabelKey(r.key);
    if (e) out.push({ field: `${f}.key`, message: e });
    const needsValues = r.operator === 'In' || r.operator === 'NotIn';
    if (needsValues && (!r.values || r.values.length === 0)) out.push({ field: `${f}.values`, message: `${r.operator} needs at least one value` });
    if (!needsValues && r.values && r.values.length > 0) out.push({ field: `${f}.values`, message: `${r.operator} takes no values` });
  });
}

function peerProblems(peer: ClusterPeer, field: string, dir: Direction, rule: ClusterRule, out: FieldProblem[]): void {
  const set = (['namespaces', 'pods', 'networks', 'nodes', 'domainNames'] as const).filter((k) => peer[k] !== undefined);
  if (set.length !== 1) {
    out.push({ field, message: set.length === 0 ? 'a peer needs exactly one of namespaces, pods, networks, nodes or domainNames' : `a peer sets exactly one field, not ${set.join(' and ')}` });
    return;
  }
  const kind = set[0];
  if (dir === 'Ingress' && kind !== 'namespaces' && kind !== 'pods') out.push({ field: `${field}.${kind}`, message: `${kind} peers are for egress only (ingress peers are namespaces or pods)` });
  if (kind === 'namespaces') selectorProblems(peer.namespaces, `${field}.namespaces`, out);
  if (kind === 'pods') {
    selectorProblems(peer.pods!.namespaceSelector, `${field}.pods.namespaceSelector`, out);
    selectorProblems(peer.pods!.podSelector, `${field}.pods.podSelector`, out);
  }
  if (kind === 'nodes') selectorProblems(peer.nodes, `${field}.nodes`, out);
  if (kind === 'networks') {
    const list = peer.networks!;
    if (list.length === 0) out.push({ field: `${field}.networks`, message: 'list at least one CIDR' });
    if (list.length > MAX_NETWORKS) out.push({ field: `${field}.networks`, message: `at most ${MAX_NETWORKS} CIDRs (has ${list.length})` });
    for (const c of list) {
      const r = parseCidr(c);
      if (!r.ok) out.push({ field: `${field}.networks`, message: `"${c}": ${r.error}` });
    }
  }
  if (kind === 'domainNames') {
    if (rule.action !== 'Accept') out.push({ field: `${field}.domainNames`, message: `domainNames peers are allowed only in Accept rules (this rule is ${rule.action})` });
    if (peer.domainNames!.length === 0) out.push({ field: `${field}.domainNames`, message: 'list at least one domain name' });
    for (const d of peer.domainNames!) {
      const e = checkDomainName(d);
      if (e) out.push({ field: `${field}.domainNames`, message: e });
    }
  }
}

function ruleProblems(p: ClusterPolicy, rule: ClusterRule, dir: Direction, i: number, out: FieldProblem[]): void {
  const v2 = (p.version ?? 'v1alpha2') === 'v1alpha2';
  const field = `spec.${dir === 'Ingress' ? 'ingress' : 'egress'}[${i}]`;
  const limits = clusterLimits(p.version ?? 'v1alpha2');
  if (rule.name !== undefined && rule.name.length > MAX_RULE_NAME) out.push({ field: `${field}.name`, message: `at most ${MAX_RULE_NAME} characters` });
  if (rule.action === 'Pass' && p.version === 'v1alpha1' && p.tier === 'Baseline') out.push({ field: `${field}.action`, message: 'BaselineAdminNetworkPolicy (v1alpha1) has no Pass: use Allow or Deny' });
  const key = dir === 'Ingress' ? 'from' : 'to';
  if (rule.peers.length === 0) out.push({ field: `${field}.${key}`, message: 'a rule needs at least one peer' });
  if (rule.peers.length > limits.peers) out.push({ field: `${field}.${key}`, message: `at most ${limits.peers} peers (has ${rule.peers.length})` });
  rule.peers.forEach((peer, j) => peerProblems(peer, `${field}.${key}[${j}]`, dir, rule, out));
  const portsKey = v2 ? 'protocols' : 'ports';
  const ports = rule.ports ?? [];
  if (ports.length > limits.ports) out.push({ field: `${field}.${portsKey}`, message: `at most ${limits.ports} entries (has ${ports.length})` });
  const addressPeer = rule.peers.some((x) => x.networks || x.nodes || x.domainNames);
  ports.forEach((pt, j) => {
    const f = `${field}.${portsKey}[${j}]`;
    if (pt.namedPort !== undefined) {
      const e = validateIanaPortName(pt.namedPort);
      if (e) out.push({ field: `${f}.namedPort`, message: e });
      if (addressPeer) out.push({ field: `${f}.namedPort`, message: 'a named port cannot be combined with networks, nodes or domainNames peers (it is resolved on a destination pod)' });
      return;
    }
    if (pt.port === undefined) {
      if (v2) out.push({ field: `${f}.port`, message: `${(pt.protocol ?? 'TCP').toLowerCase()} needs a destination port or range` });
      else out.push({ field: `${f}.port`, message: 'portNumber needs a port' });
      return;
    }
    if (!Number.isInteger(pt.port) || pt.port < 1 || pt.port > 65535) out.push({ field: `${f}.port`, message: `port ${pt.port} is not in 1-65535` });
    if (pt.endPort !== undefined) {
      if (!Number.isInteger(pt.endPort) || pt.endPort < 1 || pt.endPort > 65535) out.push({ field: `${f}.endPort`, message: `end port ${pt.endPort} is not in 1-65535` });
      else if (pt.endPort <= pt.port) out.push({ field: `${f}.endPort`, message: `a range needs start < end (${pt.port}-${pt.endPort})` });
    }
  });
}

export function clusterPolicyProblems(model: Model, p: ClusterPolicy): FieldProblem[] {
  const out: FieldProblem[] = [];
  const nameErr = validateDnsSubdomain(p.name);
  if (nameErr) out.push({ field: 'metadata.name', message: nameErr });
  if (p.version === 'v1alpha1' && p.tier === 'Baseline' && p.name !== 'default') out.push({ field: 'metadata.name', message: 'the BaselineAdminNetworkPolicy is a singleton: its name must be "default"' });
  const sameKind = Object.values(model.clusterPolicies ?? {}).filter((q) => q.id !== p.id && q.name === p.name && (q.version ?? 'v1alpha2') === (p.version ?? 'v1alpha2')
    && ((p.version ?? 'v1alpha2') === 'v1alpha2' || q.tier === p.tier));
  if (sameKind.length) out.push({ field: 'metadata.name', message: `another cluster policy of this kind is named "${p.name}"` });
  if (!(p.version === 'v1alpha1' && p.tier === 'Baseline') && (!Number.isInteger(p.priority) || p.priority < 0 || p.priority > MAX_PRIORITY)) {
    out.push({ field: 'spec.priority', message: `priority must be a whole number from 0 to ${MAX_PRIORITY} (lower is applied first)` });
  }
  const subj = [p.subject.namespaces ? 'namespaces' : null, p.subject.pods ? 'pods' : null].filter(Boolean);
  if (subj.length !== 1) out.push({ field: 'spec.subject', message: subj.length === 0 ? 'the subject needs exactly one of namespaces or pods' : 'the subject sets exactly one of namespaces or pods, not both' });
  selectorProblems(p.subject.namespaces, 'spec.subject.namespaces', out);
  if (p.subject.pods) {
    selectorProblems(p.subject.pods.namespaceSelector, 'spec.subject.pods.namespaceSelector', out);
    selectorProblems(p.subject.pods.podSelector, 'spec.subject.pods.podSelector', out);
  }
  const limits = clusterLimits(p.version ?? 'v1alpha2');
  for (const dir of ['Ingress', 'Egress'] as const) {
    const rules = dir === 'Ingress' ? p.ingress : p.egress;
    if (rules.length > limits.rules) out.push({ field: `spec.${dir.toLowerCase()}`, message: `at most ${limits.rules} rules (has ${rules.length})` });
    rules.forEach((r, i) => ruleProblems(p, r, dir, i, out));
  }
  return out;
}
