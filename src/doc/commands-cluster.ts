// Document commands for the cluster-wide tiers (semantics.md 3): put, remove and reorder
// ClusterNetworkPolicies / AdminNetworkPolicies / the BaselineAdminNetworkPolicy. Each returns a
// new Doc, so a caller commits it as one undo step.
//
// Public API: putClusterPolicy, removeClusterPolicy, moveClusterPolicy, laneOf, newClusterPolicy.

import { ids } from '../model/factory.ts';
import type { ClusterPolicy, ClusterTier, Doc, Id, Model } from '../model/types.ts';
import { tierPolicies } from '../policy/cluster-rules.ts';
import { clusterPolicyKind, MAX_PRIORITY } from '../k8s/cluster-policy-from-manifest.ts';

const withClusterPolicies = (doc: Doc, clusterPolicies: Record<Id, ClusterPolicy>): Doc => ({ ...doc, model: { ...doc.model, clusterPolicies } });

/** Add or replace one cluster policy (by id). */
export function putClusterPolicy(doc: Doc, p: ClusterPolicy): Doc {
  return withClusterPolicies(doc, { ...(doc.model.clusterPolicies ?? {}), [p.id]: p });
}

export function removeClusterPolicy(doc: Doc, id: Id): Doc {
  const all = doc.model.clusterPolicies ?? {};
  if (!all[id]) return doc;
  const { [id]: _gone, ...rest } = all;
  void _gone;
  return withClusterPolicies(doc, rest);
}

/** A lane: the policies of one tier in evaluation order (priority, then name, as the evaluator applies them). */
export const laneOf = (model: Model, tier: ClusterTier): ClusterPolicy[] => tierPolicies(model, tier);

/** Whether a policy has a priority to change: the v1alpha1 Baseline singleton has none. */
export const hasPriority = (p: ClusterPolicy): boolean => !(p.version === 'v1alpha1' && p.tier === 'Baseline');

/**
 * Move a policy to position `toIndex` of its lane by changing priorities. The moved policy gets a
 * priority strictly between its new neighbours; when there is no free number between them, the
 * lane is renumbered 10, 20, 30… in the new order (still one command). Priorities stay in 0..1000.
 */
export function moveClusterPolicy(doc: Doc, id: Id, toIndex: number): Doc {
  const p = doc.model.clusterPolicies?.[id];
  if (!p || !hasPriority(p)) return doc;
  const lane = laneOf(doc.model, p.tier).filter(hasPriority);
  const from = lane.findIndex((x) => x.id === id);
  const to = Math.max(0, Math.min(lane.length - 1, toIndex));
  if (from < 0 || from === to) return doc;
  const order = lane.filter((x) => x.id !== id);
  order.splice(to, 0, p);
  const before = order[to - 1];
  const after = order[to + 1];
  const lo = before ? before.priority + 1 : 0;
  const hi = after ? after.priority - 1 : MAX_PRIORITY;
  const next = { ...(doc.model.clusterPolicies ?? {}) };
  if (lo <= hi) {
    // Closest free number to the neighbour we moved next to, so a one-step move changes one number.
    const priority = !before ? Math.max(0, Math.min(hi, after!.priority - 10)) : !after ? Math.min(MAX_PRIORITY, Math.max(lo, before.priority + 10)) : Math.floor((lo + hi) / 2);
    next[id] = { ...p, priority };
  } else {
    const step = Math.max(1, Math.min(10, Math.floor(MAX_PRIORITY / (order.length + 1))));
    order.forEach((x, i) => {
      const priority = (i + 1) * step;
      if (x.priority !== priority) next[x.id] = { ...x, priority };
    });
  }
  return withClusterPolicies(doc, next);
}

/** A fresh v1alpha2 policy of a tier, with a free name and a priority after the lane's last. */
export function newClusterPolicy(model: Model, tier: ClusterTier): ClusterPolicy {
  const taken = new Set(Object.values(model.clusterPolicies ?? {}).map((p) => p.name));
  const base = tier === 'Admin' ? 'admin-policy' : 'baseline-policy';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  const lane = laneOf(model, tier).filter(hasPriority);
  const last = lane.length ? lane[lane.length - 1].priority : 0;
  return {
    id: ids.clusterPolicy(clusterPolicyKind('v1alpha2', tier), name), name, tier, priority: Math.min(MAX_PRIORITY, last + 10),
    subject: { namespaces: {} }, ingress: [], egress: [],
  };
}
