// Checks and small commands the designer's panels need beyond src/doc/commands.ts.

import type { Direction, Doc, EgressRule, Id, IngressRule, Model, NetworkPolicy, PolicyPeer, PolicyPort } from '../model/types.ts';
import { newId } from '../model/factory.ts';
import { adoptGeneratedPolicy } from '../policy/synthesize.ts';

export type NamedKind = 'namespace' | 'workload' | 'service' | 'policy';

/**
 * Message when another object of the same kind already uses `name` (in the same namespace for
 * namespaced kinds), else null. Kubernetes keys objects by kind, namespace and name.
 */
export function nameTakenError(model: Model, kind: NamedKind, name: string, selfId: Id, namespaceId?: Id): string | null {
  const taken = (objects: Record<Id, { id: Id; name: string; namespaceId?: Id }>) =>
    Object.values(objects).some((o) => o.id !== selfId && o.name === name && (namespaceId === undefined || o.namespaceId === namespaceId));
  const exists =
    kind === 'namespace'
      ? taken(model.namespaces)
      : kind === 'service'
        ? taken(model.services)
        : kind === 'policy'
          ? taken(model.policies)
          : Object.values(model.workloads).some(
              (w) => w.id !== selfId && w.name === name && w.namespaceId === namespaceId && w.kind === model.workloads[selfId]?.kind,
            );
  return exists ? `"${name}" is already used in this namespace` : null;
}

/** A name `base`, `base-2`, `base-3`… not yet used by a policy of the namespace. */
export function freePolicyName(model: Model, namespaceId: Id, base: string): string {
  const used = new Set(Object.values(model.policies).filter((p) => p.namespaceId === namespaceId).map((p) => p.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new hand-written policy that selects every pod of the namespace and denies all ingress. */
export function newPolicy(model: Model, namespaceId: Id): NetworkPolicy {
  return {
    id: newId('np'),
    namespaceId,
    name: freePolicyName(model, namespaceId, 'new-policy'),
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [],
  };
}

/** A copy of a policy under a free name, always hand-written (never marked generated). */
export function duplicatePolicyObject(model: Model, policyId: Id): NetworkPolicy | undefined {
  const src = model.policies[policyId];
  if (!src) return undefined;
  const copy: NetworkPolicy = structuredClone(src);
  copy.id = newId('np');
  copy.name = freePolicyName(model, src.namespaceId, `${src.name}-copy`);
  delete copy.generated;
  return copy;
}

// ---------------------------------------------------------------- policy editor edits

type AnyRule = IngressRule | EgressRule;

function rulesOf(np: NetworkPolicy, dir: Direction): AnyRule[] {
  return (dir === 'Ingress' ? np.ingress : np.egress) ?? [];
}

function withRules(np: NetworkPolicy, dir: Direction, rules: AnyRule[]): NetworkPolicy {
  return dir === 'Ingress' ? { ...np, ingress: rules as IngressRule[] } : { ...np, egress: rules as EgressRule[] };
}

/**
 * Appends an empty rule. Like `- {}` it allows every peer on every port; the editor says so
 * plainly, and the user narrows it by adding peers and ports.
 */
export function addRule(np: NetworkPolicy, dir: Direction): NetworkPolicy {
  const next = withRules(np, dir, [...rulesOf(np, dir), {}]);
  // Adding a rule for a direction the written policyTypes leave out would have no effect.
  if (np.policyTypes?.length && !np.policyTypes.includes(dir)) next.policyTypes = [...np.policyTypes, dir];
  return next;
}

export function replaceRule(np: NetworkPolicy, dir: Direction, index: number, rule: AnyRule): NetworkPolicy {
  return withRules(np, dir, rulesOf(np, dir).map((r, i) => (i === index ? rule : r)));
}

export function removeRule(np: NetworkPolicy, dir: Direction, index: number): NetworkPolicy {
  return withRules(np, dir, rulesOf(np, dir).filter((_, i) => i !== index));
}

/** Peers of a rule (`from` for ingress, `to` for egress). */
export function rulePeers(rule: AnyRule, dir: Direction): PolicyPeer[] | undefined {
  return dir === 'Ingress' ? (rule as IngressRule).from : (rule as EgressRule).to;
}

export function withRulePeers(rule: AnyRule, dir: Direction, peers: PolicyPeer[]): AnyRule {
  const { ...copy } = rule as IngressRule & EgressRule;
  if (dir === 'Ingress') {
    if (peers.length) copy.from = peers;
    else delete copy.from;
  } else if (peers.length) copy.to = peers;
  else delete copy.to;
  return copy;
}

export function withRulePorts(rule: AnyRule, ports: PolicyPort[]): AnyRule {
  const { ports: _old, ...rest } = rule;
  return ports.length ? { ...rest, ports } : rest;
}

export type PeerKind = 'pods' | 'namespaces' | 'pods-in-namespaces' | 'ipBlock';

export function peerKind(p: PolicyPeer): PeerKind {
  if (p.ipBlock) return 'ipBlock';
  if (p.podSelector && p.namespaceSelector) return 'pods-in-namespaces';
  if (p.namespaceSelector) return 'namespaces';
  return 'pods';
}

/** The peer reshaped to another kind, keeping the selectors that still apply. */
export function peerAsKind(p: PolicyPeer, kind: PeerKind): PolicyPeer {
  switch (kind) {
    case 'pods':
      return { podSelector: p.podSelector ?? {} };
    case 'namespaces':
      return { namespaceSelector: p.namespaceSelector ?? {} };
    case 'pods-in-namespaces':
      return { podSelector: p.podSelector ?? {}, namespaceSelector: p.namespaceSelector ?? {} };
    case 'ipBlock':
      return { ipBlock: p.ipBlock ?? { cidr: '0.0.0.0/0' } };
  }
}

/** Writes policyTypes explicitly with `dir` switched on or off. */
export function withPolicyType(np: NetworkPolicy, dir: Direction, on: boolean, effective: ReadonlySet<Direction>): NetworkPolicy {
  const set = new Set(effective);
  if (on) set.add(dir);
  else set.delete(dir);
  const policyTypes = (['Ingress', 'Egress'] as const).filter((d) => set.has(d));
  return { ...np, policyTypes };
}

/**
 * Takes over a generated policy (it becomes hand-written and gets a regular id). Returns the
 * new doc and the policy's new id, so the editor can keep it open.
 */
export function takeOverPolicy(doc: Doc, id: Id): { doc: Doc; id: Id } {
  const old = doc.model.policies[id];
  if (!old?.generated) return { doc, id };
  const model = adoptGeneratedPolicy(doc.model, id);
  const newId =
    Object.keys(model.policies).find((k) => {
      const p = model.policies[k];
      return !doc.model.policies[k] && !p.generated && p.namespaceId === old.namespaceId && p.name === old.name;
    }) ?? id;
  return { doc: { ...doc, model }, id: newId };
}
