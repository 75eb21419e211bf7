// Which NetworkPolicies were added, deleted or changed between two designs, by `ns/name`, and
// which cluster policies, by `Kind/name` (ClusterNetworkPolicy/…, AdminNetworkPolicy/…,
// BaselineAdminNetworkPolicy/default: a namespace name has no capitals, so the two never clash).
// Only the spec fields that decide behaviour are compared (not labels or annotations).

import type { ClusterPolicy, Model } from '../model/types.ts';
import { clusterPolicyKind } from '../k8s/cluster-policy-from-manifest.ts';

export interface PolicyChange {
  name: string;
  /** Spec fields that differ: podSelector, policyTypes, ingress, egress (cluster policies: tier, priority, subject, ingress, egress). */
  fields: string[];
}

export interface PolicyDiff {
  added: string[];
  removed: string[];
  changed: PolicyChange[];
}

const FIELDS = ['podSelector', 'policyTypes', 'ingress', 'egress'] as const;
const CLUSTER_FIELDS = ['tier', 'priority', 'subject', 'ingress', 'egress'] as const;

/** `ClusterNetworkPolicy/name`: how diffs, reviews and reports name a cluster policy. */
export const clusterPolicyDiffName = (p: ClusterPolicy): string => `${clusterPolicyKind(p.version ?? 'v1alpha2', p.tier)}/${p.name}`;

/** Whether a diff name is a cluster policy's (`Kind/name`) rather than a NetworkPolicy's (`ns/name`). */
export const isClusterPolicyDiffName = (name: string): boolean => /^(ClusterNetworkPolicy|AdminNetworkPolicy|BaselineAdminNetworkPolicy)\//.test(name);

/** JSON with object keys sorted, so equal specs written in another key order compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return v === undefined ? 'null' : JSON.stringify(v);
}

type Compared = { fields: readonly string[]; spec: Record<string, unknown> };

function byName(model: Model): Map<string, Compared> {
  const out = new Map<string, Compared>();
  for (const np of Object.values(model.policies)) {
    const ns = model.namespaces[np.namespaceId]?.name ?? np.namespaceId.replace(/^ns:/, '');
    out.set(`${ns}/${np.name}`, { fields: FIELDS, spec: np as unknown as Record<string, unknown> });
  }
  for (const cp of Object.values(model.clusterPolicies ?? {})) out.set(clusterPolicyDiffName(cp), { fields: CLUSTER_FIELDS, spec: cp as unknown as Record<string, unknown> });
  return out;
}

export function diffPolicies(baseModel: Model, newModel: Model): PolicyDiff {
  const before = byName(baseModel);
  const after = byName(newModel);
  const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const changed: PolicyChange[] = [];
  for (const name of sorted(after.keys())) {
    const a = before.get(name);
    const b = after.get(name)!;
    if (!a) continue;
    const fields = b.fields.filter((f) => canonical(a.spec[f]) !== canonical(b.spec[f]));
    if (fields.length > 0) changed.push({ name, fields });
  }
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
    changed,
  };
}

export function policyDiffIsEmpty(d: PolicyDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}
