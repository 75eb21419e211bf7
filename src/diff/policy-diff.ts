// Which NetworkPolicies were added, deleted or changed between two designs, by `ns/name`.
// Only the spec fields that decide behaviour are compared (not labels or annotations).

import type { Model, NetworkPolicy } from '../model/types.ts';

export interface PolicyChange {
  name: string;
  /** Spec fields that differ: podSelector, policyTypes, ingress, egress. */
  fields: string[];
}

export interface PolicyDiff {
  added: string[];
  removed: string[];
  changed: PolicyChange[];
}

const FIELDS = ['podSelector', 'policyTypes', 'ingress', 'egress'] as const;

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

function byName(model: Model): Map<string, NetworkPolicy> {
  const out = new Map<string, NetworkPolicy>();
  for (const np of Object.values(model.policies)) {
    const ns = model.namespaces[np.namespaceId]?.name ?? np.namespaceId.replace(/^ns:/, '');
    out.set(`${ns}/${np.name}`, np);
  }
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
    const fields = FIELDS.filter((f) => canonical(a[f]) !== canonical(b[f]));
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
