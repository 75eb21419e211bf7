// Design by intent: turn `model.intents` and `model.namespaceDefaults` into the NetworkPolicies
// that realise exactly those flows.
//
// Choices (see also the report in the module tests):
// - Allow rules are generated only on a side the namespace defaults isolate: an ingress rule
//   on the target when its namespace denies ingress by default, an egress rule on the source
//   when its namespace denies egress. In a namespace without default deny the pod is not
//   isolated and the flow already holds; an allow policy there would isolate the pod and
//   silently block every other flow to it, which no intent asked for.
// - Hand-written policies are respected, never edited: when they already admit an intended
//   flow on one side, no rule is generated for that side. This is also how an adopted
//   (taken-over) policy keeps its intents from being realised twice.
// - An intent from a load balancer (`lb:<serviceId>`) admits traffic from anywhere on the
//   target ports; what the backend really sees (client, node or LB address, semantics.md 2.5)
//   is modelled by the load-balancer work later.
// - Intents to a load balancer, and intents with no pod at either end, generate nothing.

import { NAMESPACE_NAME_LABEL, ids } from '../model/factory.ts';
import type { Direction, EgressRule, Id, IngressRule, Model, NetworkPolicy, PolicyPeer, PolicyPort, Workload } from '../model/types.ts';
import { ipSetOf } from '../net/ipset.ts';
import { policiesSelecting } from './evaluate.ts';
import { effectiveTypes, portEntryConn, ruleConnToward, ruleMatchesPeer, rulesFor, type PeerRef } from './np-rules.ts';
import { isEmptySelector } from './selectors.ts';
import { allConn, emptyConn, isEmpty, subtract, union } from './portset.ts';
import {
  dnsSafe, ipBlockPeers, namespaceName, namespaceSelectorFor, resolveIntentEnd, resolveIntentPorts,
  uniqueName, workloadLabel, workloadSelector, type IntentEnd,
} from './synthesize-parts.ts';

export const DEFAULT_DENY_INGRESS = 'default-deny-ingress';
export const DEFAULT_DENY_EGRESS = 'default-deny-egress';

/** What synthesis did for one intent. */
export interface IntentSynthesis {
  /** Generated policies holding a rule for this intent. */
  policyIds: Id[];
  /** Sides that needed no generated rule, and why (not isolated by default, or already allowed). */
  notes: string[];
  /** Why (part of) the intent could not be realised, or caveats (a selector also matching others). */
  problems: string[];
}

export interface SynthesisResult {
  /** Sorted by id. */
  policies: NetworkPolicy[];
  intents: Record<Id, IntentSynthesis>;
}

export const isIntentPolicy = (np: NetworkPolicy): boolean => np.generated?.by === 'intents';

/** The DNS egress rule: kube-dns pods in kube-system on UDP and TCP 53 (semantics.md 5.2). */
export function dnsEgressRule(): EgressRule {
  return {
    to: [{
      namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    }],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  };
}

interface PendingPolicy {
  namespaceId: Id;
  base: string;
  subject: Workload;
  direction: Direction;
  rules: Array<{ intentId: Id; rule: IngressRule & EgressRule }>;
}

const ANYWHERE: PeerRef = { kind: 'addresses', set: ipSetOf(['0.0.0.0/0', '::/0']), node: false };

/** True when hand-written policies isolating `subject` in `dir` already admit the peer on all `ports`. */
function handWrittenAdmits(hand: Model, subject: Workload, dir: Direction, peer: PeerRef,
  dst: Workload | undefined, ports: PolicyPort[] | undefined): boolean {
  const pols = policiesSelecting(hand, subject, dir);
  if (pols.length === 0) return false;
  const profile = hand.cluster.profile;
  let required = allConn();
  if (ports) {
    required = emptyConn();
    for (const p of ports) required = union(required, portEntryConn(p, dst, profile));
  }
  let admitted = emptyConn();
  for (const np of pols) {
    for (const rule of rulesFor(np, dir)) {
      if (ruleMatchesPeer(hand, rule, dir, np.namespaceId, peer)) admitted = union(admitted, ruleConnToward(rule, dst, profile));
    }
  }
  return isEmpty(subtract(required, admitted));
}

function peerRefOf(end: IntentEnd): PeerRef {
  if (end.kind === 'workload') return { kind: 'workload', workload: end.workload };
  if (end.kind === 'external') return { kind: 'addresses', set: ipSetOf(end.external.cidrs.filter((c) => ipSetOf([c]).length > 0)), node: false };
  return ANYWHERE;
}

/** Computes the generated policies for a model; does not change it. */
export function synthesize(model: Model): SynthesisResult {
  const hand: Model = { ...model, policies: Object.fromEntries(Object.entries(model.policies).filter(([, p]) => !isIntentPolicy(p))) };
  const handNames = new Map<Id, Set<string>>();
  for (const p of Object.values(hand.policies)) {
    const set = handNames.get(p.namespaceId) ?? new Set<string>();
    set.add(p.name);
    handNames.set(p.namespaceId, set);
  }
  const policies: NetworkPolicy[] = [];
  const intents: Record<Id, IntentSynthesis> = {};
  // Selectors are asked for many times per workload; compute each once, against its namespace only.
  const byNs = new Map<Id, Workload[]>();
  for (const w of Object.values(model.workloads)) {
    const list = byNs.get(w.namespaceId);
    if (list) list.push(w);
    else byNs.set(w.namespaceId, [w]);
  }
  const selectorCache = new Map<Id, ReturnType<typeof workloadSelector>>();
  const selectorOf = (w: Workload): ReturnType<typeof workloadSelector> => {
    if (!selectorCache.has(w.id)) selectorCache.set(w.id, workloadSelector(model, w, byNs.get(w.namespaceId) ?? []));
    return selectorCache.get(w.id);
  };
  const defaults = (nsId: Id) => model.namespaceDefaults[nsId];

  // Default deny per namespace. A hand-written policy of the same name that does the same job
  // (an adopted one, typically) takes its place; one that does something else keeps its name
  // and the generated policy gets a numbered one.
  const handByName = (nsId: Id, name: string): NetworkPolicy | undefined =>
    Object.values(hand.policies).find((p) => p.namespaceId === nsId && p.name === name);
  const doesJob = (p: NetworkPolicy | undefined, dir: Direction, dns: boolean): boolean =>
    !!p && isEmptySelector(p.podSelector) && effectiveTypes(p).has(dir)
    && (!dns || (p.egress ?? []).some((r) => JSON.stringify(r) === JSON.stringify(dnsEgressRule())));
  for (const ns of Object.values(model.namespaces).sort((a, b) => a.name.localeCompare(b.name))) {
    const d = defaults(ns.id);
    if (!d) continue;
    const taken = handNames.get(ns.id) ?? new Set<string>();
    if (d.denyIngress && !doesJob(handByName(ns.id, DEFAULT_DENY_INGRESS), 'Ingress', false)) {
      const name = uniqueName(DEFAULT_DENY_INGRESS, taken);
      policies.push({
        id: `gen:${ns.name}/${name}`, namespaceId: ns.id, name,
        podSelector: {}, policyTypes: ['Ingress'], generated: { by: 'intents', note: 'namespace default: deny ingress' },
      });
    }
    if (d.denyEgress && !doesJob(handByName(ns.id, DEFAULT_DENY_EGRESS), 'Egress', d.allowDns)) {
      const name = uniqueName(DEFAULT_DENY_EGRESS, taken);
      const np: NetworkPolicy = {
        id: `gen:${ns.name}/${name}`, namespaceId: ns.id, name,
        podSelector: {}, policyTypes: ['Egress'],
        generated: { by: 'intents', note: d.allowDns ? 'namespace default: deny egress except DNS' : 'namespace default: deny egress' },
      };
      if (d.allowDns) np.egress = [dnsEgressRule()];
      policies.push(np);
    }
  }

  const pending = new Map<string, PendingPolicy>();
  const addRule = (subject: Workload, direction: Direction, intentId: Id, rule: IngressRule & EgressRule): string => {
    const key = `${direction}|${subject.id}`;
    let p = pending.get(key);
    if (!p) {
      p = { namespaceId: subject.namespaceId, base: `allow-${direction === 'Ingress' ? 'ingress' : 'egress'}-${dnsSafe(subject.name)}`, subject, direction, rules: [] };
      pending.set(key, p);
    }
    p.rules.push({ intentId, rule });
    return key;
  };
  const keysOfIntent = new Map<Id, string[]>();

  for (const intent of Object.values(model.intents).sort((a, b) => a.id.localeCompare(b.id))) {
    const info: IntentSynthesis = { policyIds: [], notes: [], problems: [] };
    intents[intent.id] = info;
    const keys: string[] = [];
    keysOfIntent.set(intent.id, keys);
    const from = resolveIntentEnd(model, intent.fromId);
    const to = resolveIntentEnd(model, intent.toId);
    if (typeof from === 'string') { info.problems.push(`source: ${from}`); continue; }
    if (typeof to === 'string') { info.problems.push(`target: ${to}`); continue; }
    if (to.kind === 'loadbalancer') { info.problems.push(`intents to a load balancer are not synthesised yet (target ${to.label}); draw the intent to its backend workload`); continue; }
    if (intent.fromId === intent.toId) { info.notes.push('a pod may always reach itself; no rule needed'); continue; }
    if (from.kind !== 'workload' && to.kind !== 'workload') { info.problems.push(`neither ${from.label} nor ${to.label} is a pod: NetworkPolicy cannot express this flow`); continue; }

    const dst = to.kind === 'workload' ? to.workload : undefined;
    const ports = resolveIntentPorts(intent.ports, dst, to.label);
    if (!ports.ok) { info.problems.push(`${ports.problem}; intent not realised`); continue; }
    info.problems.push(...ports.problems);
    const portsField = ports.ports ? { ports: ports.ports } : {};

    // Ingress side, on the target.
    if (to.kind === 'workload') {
      const w = to.workload;
      const sel = selectorOf(w);
      if (!defaults(w.namespaceId)?.denyIngress) info.notes.push(`ingress: ${to.label} is not isolated by its namespace defaults; no rule needed`);
      else if (!sel) info.problems.push(`${to.label} has no pod labels, so no policy can select it as a target`);
      else if (w.hostNetwork && !model.cluster.profile.hostNetworkIsPod) info.problems.push(`${to.label} uses hostNetwork: NetworkPolicy does not apply to it`);
      else if (handWrittenAdmits(hand, w, 'Ingress', peerRefOf(from), w, ports.ports)) info.notes.push(`ingress: already admitted by hand-written policies on ${to.label}`);
      else {
        let peers: PolicyPeer[] | undefined;
        if (from.kind === 'workload') {
          const srcSel = selectorOf(from.workload);
          if (!srcSel) info.problems.push(`${from.label} has no pod labels, so ${to.label} cannot admit it by selector`);
          else if (from.workload.hostNetwork && !model.cluster.profile.hostNetworkIsPod) info.problems.push(`${from.label} uses hostNetwork: its traffic has the node's address and no pod selector matches it`);
          else {
            peers = [{ namespaceSelector: namespaceSelectorFor(model, from.workload.namespaceId), podSelector: srcSel.selector }];
            if (srcSel.alsoSelects.length) info.problems.push(`the selector for ${from.label} also matches ${srcSel.alsoSelects.map((o) => workloadLabel(model, o)).join(', ')}`);
          }
        } else if (from.kind === 'external') {
          const b = ipBlockPeers(from.external);
          info.problems.push(...b.problems);
          if (b.peers.length === 0) info.problems.push(`${from.label} has no valid CIDRs; nothing to admit`);
          else peers = b.peers;
        }
        if (peers || from.kind === 'loadbalancer') {
          keys.push(addRule(w, 'Ingress', intent.id, peers ? { from: peers, ...portsField } : { ...portsField }));
          if (sel.alsoSelects.length) info.problems.push(`the selector for ${to.label} also matches ${sel.alsoSelects.map((o) => workloadLabel(model, o)).join(', ')}`);
        }
      }
    }

    // Egress side, on the source.
    if (from.kind === 'workload') {
      const w = from.workload;
      const sel = selectorOf(w);
      if (!defaults(w.namespaceId)?.denyEgress) info.notes.push(`egress: ${from.label} is not isolated by its namespace defaults; no rule needed`);
      else if (!sel) info.problems.push(`${from.label} has no pod labels, so no policy can select it as a source`);
      else if (w.hostNetwork && !model.cluster.profile.hostNetworkIsPod) info.problems.push(`${from.label} uses hostNetwork: NetworkPolicy does not apply to it`);
      else if (handWrittenAdmits(hand, w, 'Egress', peerRefOf(to), dst, ports.ports)) info.notes.push(`egress: already allowed by hand-written policies on ${from.label}`);
      else {
        let peers: PolicyPeer[] | undefined;
        if (to.kind === 'workload') {
          const dstSel = selectorOf(to.workload);
          if (!dstSel) info.problems.push(`${to.label} has no pod labels, so ${from.label} cannot reach it by selector`);
          else peers = [{ namespaceSelector: namespaceSelectorFor(model, to.workload.namespaceId), podSelector: dstSel.selector }];
        } else {
          const b = ipBlockPeers(to.external);
          info.problems.push(...b.problems);
          if (b.peers.length === 0) info.problems.push(`${to.label} has no valid CIDRs; nothing to allow`);
          else peers = b.peers;
        }
        if (peers) keys.push(addRule(w, 'Egress', intent.id, { to: peers, ...portsField }));
      }
    }
    info.problems = [...new Set(info.problems)];
  }

  // One policy per workload and direction, named after the workload.
  const usedNames = new Map<Id, Set<string>>();
  for (const np of policies) {
    const used = usedNames.get(np.namespaceId) ?? new Set(handNames.get(np.namespaceId) ?? []);
    used.add(np.name);
    usedNames.set(np.namespaceId, used);
  }
  const idOfKey = new Map<string, Id>();
  for (const [key, p] of [...pending.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const used = usedNames.get(p.namespaceId) ?? new Set(handNames.get(p.namespaceId) ?? []);
    usedNames.set(p.namespaceId, used);
    const name = uniqueName(p.base, used);
    used.add(name);
    const sel = selectorOf(p.subject);
    const id = `gen:${namespaceName(model, p.namespaceId)}/${name}`;
    idOfKey.set(key, id);
    const np: NetworkPolicy = {
      id, namespaceId: p.namespaceId, name, podSelector: sel ? sel.selector : {},
      policyTypes: [p.direction],
      generated: { by: 'intents', note: `realises ${p.rules.map((r) => r.intentId).join(', ')}` },
    };
    if (p.direction === 'Ingress') np.ingress = p.rules.map((r) => r.rule);
    else np.egress = p.rules.map((r) => r.rule);
    policies.push(np);
  }
  for (const [intentId, keys] of keysOfIntent) {
    (intents[intentId] as IntentSynthesis).policyIds = keys.map((k) => idOfKey.get(k) as Id);
  }
  policies.sort((a, b) => a.id.localeCompare(b.id));
  return { policies, intents };
}

/** The model with every intent-generated policy replaced by a fresh synthesis; others untouched. */
export function applySynthesis(model: Model): Model {
  const { policies } = synthesize(model);
  // Same generated set as before: return the model itself, so memoised evaluation and the
  // canvas see no change.
  const current = Object.values(model.policies).filter(isIntentPolicy).sort((a, b) => a.id.localeCompare(b.id));
  if (current.length === policies.length && JSON.stringify(current) === JSON.stringify(policies)) return model;
  const next: Record<Id, NetworkPolicy> = {};
  for (const [id, p] of Object.entries(model.policies)) if (!isIntentPolicy(p)) next[id] = p;
  for (const p of policies) next[p.id] = p;
  return { ...model, policies: next };
}

/**
 * Turns a generated policy into a hand-written one the user may edit: `generated` is cleared
 * and it gets a regular id, so regeneration no longer replaces it. It keeps its name; the
 * intents it realised are not realised twice because synthesis skips what hand-written
 * policies already allow (and does not generate a default deny whose name is taken). If the
 * user later edits a rule away, synthesis brings that intent back with a new generated rule.
 */
export function adoptGeneratedPolicy(model: Model, id: Id): Model {
  const p = model.policies[id];
  if (!p || !p.generated) return model;
  const nsName = namespaceName(model, p.namespaceId);
  let newId = ids.policy(nsName, p.name);
  for (let i = 2; model.policies[newId]; i++) newId = `${ids.policy(nsName, p.name)}~${i}`;
  const { generated: _cleared, ...rest } = p;
  const adopted: NetworkPolicy = { ...rest, id: newId };
  const policies: Record<Id, NetworkPolicy> = {};
  for (const [k, v] of Object.entries(model.policies)) policies[k === id ? newId : k] = k === id ? adopted : v;
  return applySynthesis({ ...model, policies });
}
