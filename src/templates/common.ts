// Shared pieces of the design-pattern templates: the result / info shapes, naming, and the
// policy building blocks (DNS peer, ConnSet -> ports). Templates produce ordinary objects the
// user can edit afterwards; `generated.by = 'template'` only records where they came from.

import { ids, NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { Doc, Id, Model, NetworkPolicy, PolicyPeer, PolicyPort } from '../model/types.ts';
import { PROTOCOLS } from '../model/types.ts';
import { isAll } from '../policy/portset.ts';
import type { ConnSet } from '../policy/reachability-types.ts';

export interface TemplateResult {
  doc: Doc;
  /** Plain-English lines: what was created and what to check. */
  summary: string[];
  /** Ids of created or replaced objects (policies, services). */
  created: Id[];
}

/** Text for the templates panel. */
export interface TemplateInfo {
  id: 'public-entry' | 'strict-egress' | 'namespace-isolation' | 'cluster-guardrails';
  title: string;
  what: string;
  assumptions: string[];
}

export function nsName(model: Model, namespaceId: Id): string {
  return model.namespaces[namespaceId]?.name ?? namespaceId.replace(/^ns:/, '');
}

/** A policy name not yet used in the namespace. */
export function freePolicyName(model: Model, namespaceId: Id, base: string): string {
  const taken = new Set(Object.values(model.policies).filter((p) => p.namespaceId === namespaceId).map((p) => p.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new template policy with an id derived from its Kubernetes identity. */
export function templatePolicy(model: Model, namespaceId: Id, base: string, note: string, spec: Omit<NetworkPolicy, 'id' | 'namespaceId' | 'name' | 'generated'>): NetworkPolicy {
  const name = freePolicyName(model, namespaceId, base);
  return { id: ids.policy(nsName(model, namespaceId), name), namespaceId, name, ...spec, generated: { by: 'template', note } };
}

export function withPolicies(model: Model, policies: NetworkPolicy[]): Model {
  const next = { ...model.policies };
  for (const p of policies) next[p.id] = p;
  return { ...model, policies: next };
}

/** kube-dns in kube-system: the usual DNS peer (semantics 4, L-DNS-01). */
export const DNS_PEER: PolicyPeer = {
  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};

export const DNS_PORTS: PolicyPort[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

export function namespacePeer(model: Model, namespaceId: Id): PolicyPeer {
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: nsName(model, namespaceId) } } };
}

/** Policy ports for a connection set; undefined = all ports of all protocols. */
export function connToPorts(c: ConnSet): PolicyPort[] | undefined {
  if (isAll(c)) return undefined;
  const out: PolicyPort[] = [];
  for (const proto of PROTOCOLS) {
    const ranges = c[proto];
    if (ranges.length === 1 && ranges[0][0] === 1 && ranges[0][1] === 65535) {
      out.push({ protocol: proto });
      continue;
    }
    for (const [lo, hi] of ranges) out.push(lo === hi ? { protocol: proto, port: lo } : { protocol: proto, port: lo, endPort: hi });
  }
  return out;
}
