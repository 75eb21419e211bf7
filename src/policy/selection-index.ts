// Per-namespace lists of policies and workloads, for the questions asked once per workload or
// Service ("which policies select this pod", "which pods back this Service"): without an index
// each answer scans every policy or workload of the design.
//
// A model may still be under construction when such a question is asked (a builder adds
// policies between evaluations), so the lists are only kept inside `withSelectionIndex(fn)`, a
// pure computation during which the model does not change. Outside one, every call computes
// its list afresh; the answers are the same either way (sorted by id).

import type { Id, Model, NetworkPolicy, Workload } from '../model/types.ts';

interface Scope {
  policies: WeakMap<object, Map<Id, NetworkPolicy[]>>;
  workloads: WeakMap<object, Map<Id, Workload[]>>;
}

let scope: Scope | null = null;

/** Runs `fn` with the per-namespace lists kept for the records it reads (nested calls share them). */
export function withSelectionIndex<T>(fn: () => T): T {
  if (scope) return fn();
  scope = { policies: new WeakMap(), workloads: new WeakMap() };
  try {
    return fn();
  } finally {
    scope = null;
  }
}

const byId = <T extends { id: Id }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function group<T extends { id: Id; namespaceId: Id }>(record: Record<Id, T>): Map<Id, T[]> {
  const out = new Map<Id, T[]>();
  for (const x of Object.values(record)) {
    const list = out.get(x.namespaceId);
    if (list) list.push(x);
    else out.set(x.namespaceId, [x]);
  }
  for (const list of out.values()) list.sort(byId);
  return out;
}

function listOf<T extends { id: Id; namespaceId: Id }>(cache: WeakMap<object, Map<Id, T[]>> | undefined, record: Record<Id, T>, ns: Id): readonly T[] {
  if (!cache) return Object.values(record).filter((x) => x.namespaceId === ns).sort(byId);
  let m = cache.get(record);
  if (!m) cache.set(record, (m = group(record)));
  return m.get(ns) ?? [];
}

/** The NetworkPolicies of namespace `ns`, sorted by id. */
export function policiesOfNamespace(model: Model, ns: Id): readonly NetworkPolicy[] {
  return listOf(scope?.policies, model.policies, ns);
}

/** The workloads of namespace `ns`, sorted by id. */
export function workloadsOfNamespace(model: Model, ns: Id): readonly Workload[] {
  return listOf(scope?.workloads, model.workloads, ns);
}
