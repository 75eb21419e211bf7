// A pattern never adds a policy that one already in the design does the same as: same namespace,
// same pod selector, same effective policy types and the same rules (written the same way). The
// duplicate is left out and the summary says which policy already does it.

import type { NetworkPolicy } from '../model/types.ts';
import { effectivePolicyTypes } from '../k8s/export.ts';
import { selectorKey } from '../policy/selectors.ts';
import type { TemplateResult } from './common.ts';

/** Canonical text of what a policy does (names, labels and annotations aside). */
export function policyEffectKey(p: NetworkPolicy): string {
  const types = effectivePolicyTypes(p);
  return JSON.stringify([
    p.namespaceId, selectorKey(p.podSelector), types,
    types.includes('Ingress') ? (p.ingress ?? []) : null,
    types.includes('Egress') ? (p.egress ?? []) : null,
  ]);
}

/** `result` without the created policies that an existing (not created) policy already does the same as. */
export function withoutDuplicatePolicies(before: Record<string, NetworkPolicy>, result: TemplateResult): TemplateResult {
  const created = new Set(result.created);
  const existing = new Map<string, NetworkPolicy>();
  for (const p of Object.values(before)) if (!created.has(p.id)) existing.set(policyEffectKey(p), p);
  const policies = { ...result.doc.model.policies };
  const dropped: string[] = [];
  const notes: string[] = [];
  for (const id of result.created) {
    const p = policies[id];
    if (!p || before[id]) continue;
    const same = existing.get(policyEffectKey(p));
    if (!same) continue;
    delete policies[id];
    dropped.push(id);
    notes.push(`${p.name} was not added: ${same.name} already does the same.`);
  }
  if (dropped.length === 0) return result;
  const gone = new Set(dropped);
  const doc = { ...result.doc, model: { ...result.doc.model, policies } };
  return { doc, summary: [...result.summary, ...notes], created: result.created.filter((id) => !gone.has(id)) };
}
