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
// - Load-balancer intents (`lb:<serviceId>` at one end) name Service ports (see lb-intents.ts);
//   rules always use the target port each backend serves them on (semantics 2.1).
//   * `lb:<svc>` -> W (W must be a backend of svc): W admits the load-balancer path as the
//     cluster delivers it (semantics 2.7, the peer shared with the public-entry template,
//     services/lb-peer.ts): node addresses under Cluster + an SNATing proxy, the client ranges
//     (loadBalancerSourceRanges, or everything outside the cluster ranges) under Local / Cilium
//     DSR, lbSourceCidrs for proxy / direct-to-pod load balancers.
//   * external X -> `lb:<svc>`: every backend admits X as it sees it (X itself when the client
//     address is kept, else the node / LB addresses above); X outside enforced
//     loadBalancerSourceRanges is dropped by the LB, so nothing is generated.
//   * workload A -> `lb:<svc>`: in-cluster client of the LB IP, treated as ClusterIP access
//     (semantics 2.5): egress at A to each backend + ingress at each backend from A.
// - Intents with no pod at either end (and no load balancer target) generate nothing.

import { NAMESPACE_NAME_LABEL, ids } from '../model/factory.ts';
import type { Direction, EgressRule, ExternalNetwork, Id, IngressRule, Intent, Model, NetworkPolicy, PolicyPeer, PolicyPort, Service, Workload } from '../model/types.ts';
import { canonicalCidr } from '../net/ip.ts';
import { ipIntersect, ipSetOf, ipSubsetOf } from '../net/ipset.ts';
import { serviceBackends, type ServiceBackends } from '../services/backends.ts';
import { lbIngressPeers } from '../services/lb-peer.ts';
import { seenSource } from '../services/paths.ts';
import { policiesSelecting } from './evaluate.ts';
import { lbIntentPorts, peerAddresses, targetPortsOn } from './lb-intents.ts';
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
  for (const ns of Object.values(model.namespaces).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
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

  // One side of a flow: checks shared by every kind of intent, then the rule.
  const label = (w: Workload): string => workloadLabel(model, w);
  const ingressAt = (info: IntentSynthesis, keys: string[], intentId: Id, w: Workload, peer: PeerRef,
    makePeers: () => PolicyPeer[] | undefined, ports: PolicyPort[] | undefined): void => {
    const sel = selectorOf(w);
    if (!defaults(w.namespaceId)?.denyIngress) info.notes.push(`ingress: ${label(w)} is not isolated by its namespace defaults; no rule needed`);
    else if (!sel) info.problems.push(`${label(w)} has no pod labels, so no policy can select it as a target`);
    else if (w.hostNetwork && !model.cluster.profile.hostNetworkIsPod) info.problems.push(`${label(w)} uses hostNetwork: NetworkPolicy does not apply to it`);
    else if (handWrittenAdmits(hand, w, 'Ingress', peer, w, ports)) info.notes.push(`ingress: already admitted by hand-written policies on ${label(w)}`);
    else {
      const peers = makePeers();
      if (!peers) return;
      keys.push(addRule(w, 'Ingress', intentId, { from: peers, ...(ports ? { ports } : {}) }));
      if (sel.alsoSelects.length) info.problems.push(`the selector for ${label(w)} also matches ${sel.alsoSelects.map((o) => label(o)).join(', ')}`);
    }
  };
  const egressAt = (info: IntentSynthesis, keys: string[], intentId: Id, w: Workload, peer: PeerRef, dst: Workload | undefined,
    makePeers: () => PolicyPeer[] | undefined, ports: PolicyPort[] | undefined): void => {
    const sel = selectorOf(w);
    if (!defaults(w.namespaceId)?.denyEgress) info.notes.push(`egress: ${label(w)} is not isolated by its namespace defaults; no rule needed`);
    else if (!sel) info.problems.push(`${label(w)} has no pod labels, so no policy can select it as a source`);
    else if (w.hostNetwork && !model.cluster.profile.hostNetworkIsPod) info.problems.push(`${label(w)} uses hostNetwork: NetworkPolicy does not apply to it`);
    else if (handWrittenAdmits(hand, w, 'Egress', peer, dst, ports)) info.notes.push(`egress: already allowed by hand-written policies on ${label(w)}`);
    else {
      const peers = makePeers();
      if (peers) keys.push(addRule(w, 'Egress', intentId, { to: peers, ...(ports ? { ports } : {}) }));
    }
  };
  /** Peers admitting pod `src` at `dst` (ingress side). */
  const sourcePodPeers = (info: IntentSynthesis, src: Workload, dst: Workload) => (): PolicyPeer[] | undefined => {
    const srcSel = selectorOf(src);
    if (!srcSel) { info.problems.push(`${label(src)} has no pod labels, so ${label(dst)} cannot admit it by selector`); return undefined; }
    if (src.hostNetwork && !model.cluster.profile.hostNetworkIsPod) { info.problems.push(`${label(src)} uses hostNetwork: its traffic has the node's address and no pod selector matches it`); return undefined; }
    if (srcSel.alsoSelects.length) info.problems.push(`the selector for ${label(src)} also matches ${srcSel.alsoSelects.map((o) => label(o)).join(', ')}`);
    return [{ namespaceSelector: namespaceSelectorFor(model, src.namespaceId), podSelector: srcSel.selector }];
  };
  /** Peers allowing `src` to reach pod `dst` (egress side). */
  const destPodPeers = (info: IntentSynthesis, src: Workload, dst: Workload) => (): PolicyPeer[] | undefined => {
    const dstSel = selectorOf(dst);
    if (!dstSel) { info.problems.push(`${label(dst)} has no pod labels, so ${label(src)} cannot reach it by selector`); return undefined; }
    return [{ namespaceSelector: namespaceSelectorFor(model, dst.namespaceId), podSelector: dstSel.selector }];
  };
  const externalPeers = (info: IntentSynthesis, e: ExternalNetwork, what: string) => (): PolicyPeer[] | undefined => {
    const b = ipBlockPeers(e);
    info.problems.push(...b.problems);
    if (b.peers.length === 0) { info.problems.push(`${e.name} has no valid CIDRs; nothing to ${what}`); return undefined; }
    return b.peers;
  };

  /** Backends of an LB intent's Service, or a problem (no selector / no backend). */
  const backendsOf = (svc: Service, lbLabel: string, info: IntentSynthesis): ServiceBackends | undefined => {
    const resolved = serviceBackends(model, svc);
    if (!resolved.hasSelector) { info.problems.push(`${lbLabel} has no selector: its endpoints are outside the design; intent not realised`); return undefined; }
    if (resolved.backends.length === 0) { info.problems.push(`the selector of ${lbLabel} matches no workload: it has no backends; intent not realised`); return undefined; }
    return resolved;
  };
  /**
   * The peer admitting the load-balancer path at its backends as the cluster delivers it
   * (semantics 2.7, shared with the public-entry template), or undefined with a problem.
   */
  const lbPathPeer = (svc: Service, lbLabel: string, info: IntentSynthesis): { peers: PolicyPeer[]; ref: PeerRef } | undefined => {
    const lbp = lbIngressPeers(model, svc);
    const profile = model.cluster.profile;
    if (lbp.kind === 'node') {
      if (lbp.peers.length === 0) { info.problems.push(`${lbLabel}: the backends see node addresses (${svc.externalTrafficPolicy ?? 'Cluster'} + ${profile.serviceProxy} SNAT), but nodeCidrs is not set in the cluster settings; intent not realised`); return undefined; }
      info.notes.push(`${lbLabel}: the backends see node addresses (${model.cluster.nodeCidrs.join(', ')}), so they admit those: ${lbp.seen.text}`);
      if (!profile.ipBlockMatchesNodes) info.problems.push(`under the '${profile.name}' profile an ipBlock does not match node addresses: only traffic SNATed on the pod's own node gets in (prefer Cilium DSR or externalTrafficPolicy: Local)`);
    } else if (lbp.kind === 'lb') {
      info.notes.push(`${lbLabel}: the backends see the load balancer's addresses (${lbp.seen.cidrs.join(', ')}), so they admit those: ${lbp.seen.text}`);
    } else if (lbp.seen.kind === 'lb') {
      info.problems.push(`${lbLabel}: the backends see the load balancer's own addresses, but lbSourceCidrs is not set in the cluster settings, so the client ranges are admitted instead`);
    } else {
      info.notes.push(`${lbLabel}: the backends see the client, so they admit the client ranges (${lbp.peers.map((p) => p.ipBlock?.cidr).join(', ')}): ${lbp.seen.text}`);
    }
    const invalid = lbp.peers.flatMap((p) => (p.ipBlock ? [p.ipBlock.cidr, ...(p.ipBlock.except ?? [])] : [])).filter((c) => canonicalCidr(c) === undefined);
    if (invalid.length) { info.problems.push(`${lbLabel}: ${invalid.map((c) => `'${c}'`).join(', ')} is not a valid CIDR; fix the cluster settings or the Service; intent not realised`); return undefined; }
    return { peers: lbp.peers, ref: { kind: 'addresses', set: peerAddresses(lbp.peers), node: lbp.kind === 'node' } };
  };

  /** Intent `lb:<svc>` -> W: W admits the load-balancer path on the target ports it serves. */
  const synthFromLb = (intent: Intent, lb: Extract<IntentEnd, { kind: 'loadbalancer' }>, w: Workload, info: IntentSynthesis, keys: string[]): void => {
    const resolved = backendsOf(lb.service, lb.label, info);
    if (!resolved) return;
    if (!resolved.backends.includes(w.id)) {
      const sel = Object.entries(lb.service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      info.problems.push(`${label(w)} is not a backend of ${lb.label} (its selector ${sel} does not select it): the load balancer never sends traffic to it; intent not realised`);
      return;
    }
    const chosen = lbIntentPorts(lb.service, resolved, intent.ports, w);
    info.problems.push(...chosen.problems);
    const ports = targetPortsOn(chosen.servicePorts, w.id);
    if (ports.length === 0) {
      if (chosen.ok) info.problems.push(`${label(w)} serves none of the intended ports of ${lb.label} (it lacks the named targetPort)`);
      info.problems.push('intent not realised');
      return;
    }
    if (!defaults(w.namespaceId)?.denyIngress) { ingressAt(info, keys, intent.id, w, ANYWHERE, () => undefined, ports); return; }
    const peer = lbPathPeer(lb.service, lb.label, info);
    if (peer) ingressAt(info, keys, intent.id, w, peer.ref, () => peer.peers, ports);
  };

  /**
   * Intent X -> `lb:<svc>`: reach to every backend on the target port it serves each intended
   * Service port on. An external network is admitted as the backends see it (the client, a node
   * or the load balancer, semantics 2.5); a workload is treated as a ClusterIP client of the
   * backends (egress at it + ingress at them, semantics 2.5 "in-cluster clients of the LB IP").
   */
  const synthToLb = (intent: Intent, src: Exclude<IntentEnd, { kind: 'loadbalancer' }>, lb: Extract<IntentEnd, { kind: 'loadbalancer' }>, info: IntentSynthesis, keys: string[]): void => {
    const svc = lb.service;
    const resolved = backendsOf(svc, lb.label, info);
    if (!resolved) return;
    const chosen = lbIntentPorts(svc, resolved, intent.ports);
    info.problems.push(...chosen.problems);
    if (!chosen.ok) { info.problems.push('intent not realised'); return; }
    const served = resolved.backends.map((id) => model.workloads[id] as Workload).map((b) => ({ b, ports: targetPortsOn(chosen.servicePorts, b.id) }));
    for (const { b, ports } of served) if (ports.length === 0) info.problems.push(`${label(b)} serves none of the intended ports of ${lb.label} (it lacks the named targetPort): not an endpoint for them`);
    const targets = served.filter((s) => s.ports.length > 0);

    if (src.kind === 'external') {
      const ext = src.external;
      const own = ipSetOf(ext.cidrs.filter((c) => canonicalCidr(c) !== undefined));
      const ranges = svc.loadBalancerSourceRanges ?? [];
      if (ranges.length > 0 && model.cluster.lbSourceRangesEnforced !== false) {
        const inside = ipIntersect(own, ipSetOf(ranges.filter((c) => canonicalCidr(c) !== undefined)));
        if (inside.length === 0) { info.problems.push(`${ext.name} is outside the loadBalancerSourceRanges of ${lb.label} (${ranges.join(', ')}): the load balancer drops it before any policy; intent not realised`); return; }
        if (!ipSubsetOf(own, inside)) info.problems.push(`only part of ${ext.name} is inside the loadBalancerSourceRanges of ${lb.label} (${ranges.join(', ')}); the load balancer drops the rest`);
      }
      const seen = seenSource(model, svc, 'loadbalancer', ext.cidrs);
      let make: () => PolicyPeer[] | undefined;
      let ref: PeerRef;
      if (seen.kind === 'client') {
        info.notes.push(`${lb.label}: the backends see the client, so they admit ${ext.name}: ${seen.text}`);
        make = externalPeers(info, ext, 'admit');
        ref = { kind: 'addresses', set: own, node: false };
      } else {
        if (seen.kind === 'lb' && seen.cidrs.length === 0) {
          info.problems.push(`${lb.label}: the backends see the load balancer's own addresses, but lbSourceCidrs is not set in the cluster settings; intent not realised`);
          return;
        }
        const peer = lbPathPeer(svc, lb.label, info);
        if (!peer) return;
        make = () => peer.peers;
        ref = peer.ref;
      }
      for (const { b, ports } of targets) ingressAt(info, keys, intent.id, b, ref, make, ports);
      return;
    }

    const a = src.workload;
    info.notes.push(`${label(a)} -> ${lb.label} is realised as in-cluster access to its backends on their target ports (semantics 2.5); under externalTrafficPolicy Cluster kube-proxy may SNAT it, and the backend then sees a node address`);
    for (const { b, ports } of targets) {
      if (b.id === a.id) { info.notes.push(`${label(a)} is itself a backend of ${lb.label}: reaching itself is always allowed`); continue; }
      ingressAt(info, keys, intent.id, b, { kind: 'workload', workload: a }, sourcePodPeers(info, a, b), ports);
      egressAt(info, keys, intent.id, a, { kind: 'workload', workload: b }, b, destPodPeers(info, a, b), ports);
    }
  };

  for (const intent of Object.values(model.intents).sort((a, b) => a.id.localeCompare(b.id))) {
    const info: IntentSynthesis = { policyIds: [], notes: [], problems: [] };
    intents[intent.id] = info;
    const keys: string[] = [];
    keysOfIntent.set(intent.id, keys);
    const from = resolveIntentEnd(model, intent.fromId);
    const to = resolveIntentEnd(model, intent.toId);
    if (typeof from === 'string') { info.problems.push(`source: ${from}`); continue; }
    if (typeof to === 'string') { info.problems.push(`target: ${to}`); continue; }
    if (intent.fromId === intent.toId) { info.notes.push('a pod may always reach itself; no rule needed'); continue; }
    if (from.kind === 'loadbalancer' && to.kind === 'loadbalancer') { info.problems.push(`${from.label} cannot be the source of traffic to ${to.label}`); continue; }
    if (from.kind !== 'workload' && to.kind !== 'workload' && to.kind !== 'loadbalancer') { info.problems.push(`neither ${from.label} nor ${to.label} is a pod: NetworkPolicy cannot express this flow`); continue; }

    if (from.kind === 'loadbalancer' && to.kind === 'workload') synthFromLb(intent, from, to.workload, info, keys);
    else if (to.kind === 'loadbalancer' && from.kind !== 'loadbalancer') synthToLb(intent, from, to, info, keys);
    else {
      const dst = to.kind === 'workload' ? to.workload : undefined;
      const ports = resolveIntentPorts(intent.ports, dst, to.label);
      if (!ports.ok) { info.problems.push(`${ports.problem}; intent not realised`); continue; }
      info.problems.push(...ports.problems);
      if (to.kind === 'workload') {
        const w = to.workload;
        if (from.kind === 'workload') ingressAt(info, keys, intent.id, w, peerRefOf(from), sourcePodPeers(info, from.workload, w), ports.ports);
        else if (from.kind === 'external') ingressAt(info, keys, intent.id, w, peerRefOf(from), externalPeers(info, from.external, 'admit'), ports.ports);
      }
      if (from.kind === 'workload') {
        const w = from.workload;
        if (to.kind === 'workload') egressAt(info, keys, intent.id, w, peerRefOf(to), dst, destPodPeers(info, w, to.workload), ports.ports);
        else if (to.kind === 'external') egressAt(info, keys, intent.id, w, peerRefOf(to), undefined, externalPeers(info, to.external, 'allow'), ports.ports);
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
    // Intents that need the same rule (e.g. several external networks seen as the node
    // addresses of a load balancer) share it.
    const rules = [...new Map(p.rules.map((r) => [JSON.stringify(r.rule), r.rule])).values()];
    if (p.direction === 'Ingress') np.ingress = rules;
    else np.egress = rules;
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
