// Connections a cluster policy denies, told apart from plain isolation on the canvas
// (semantics.md 3.2): the explanation of a denied pair says whether an Admin or Baseline Deny
// decided it, and whether it stops a NetworkPolicy allow (which then never takes effect).
//
// Public API:
//   clusterDenialOf(model, srcEndpointId, dstEndpointId): ClusterDenial | null
//   overriddenPairs(model, reach): pairs a NetworkPolicy allows that an Admin Deny stops (bounded)

import type { Id, Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { clusterPolicyLabel, explain } from '../policy/explain.ts';
import { isEmpty } from '../policy/portset.ts';
import type { ChainStep, Reachability, SideExplanation } from '../policy/reachability-types.ts';
import { connBetween } from '../policy/reachability.ts';
import { canvasPairs, type CanvasPair } from './pairs.ts';

export interface ClusterDenial {
  tier: 'Admin' | 'Baseline';
  clusterPolicyId: Id;
  /** `Admin deny-db (priority 5)`, as explanations name it (without the backquotes). */
  policy: string;
  /** The policy's name. */
  name: string;
  /** A NetworkPolicy allows (some of) the denied connections: the Admin Deny overrides it. */
  overrides: boolean;
}

/** Above this many endpoints the always-on override edges are not searched (the selection still shows its own). */
export const OVERRIDE_SEARCH_LIMIT = 300;
/** At most this many override edges without a selection. */
export const OVERRIDE_LIMIT = 40;

const hasClusterDeny = (model: Model): boolean =>
  Object.values(model.clusterPolicies ?? {}).some((p) => [...p.ingress, ...p.egress].some((r) => r.action === 'Deny'));

function denialOfSide(model: Model, side: SideExplanation): ClusterDenial | null {
  if (!side.chain || !isEmpty(side.allowed)) return null;
  const deny = side.chain.find((st: ChainStep) => st.kind === 'decision' && st.action === 'Deny');
  if (!deny?.clusterPolicyId) return null;
  const p = model.clusterPolicies?.[deny.clusterPolicyId];
  if (!p) return null;
  return { tier: p.tier, clusterPolicyId: p.id, name: p.name, policy: clusterPolicyLabel(p).replace(/`/g, ''), overrides: side.chain.some((st) => st.kind === 'overridden') };
}

/**
 * The cluster policy that denies a pair outright, or null when the pair is (partly) allowed or
 * denied by NetworkPolicy isolation alone. Either side may decide it; the egress side is reported
 * first, as traffic meets it first.
 */
export function clusterDenialOf(model: Model, srcEndpointId: string, dstEndpointId: string): ClusterDenial | null {
  if (!hasClusterDeny(model)) return null;
  let memo = denialCache.get(model);
  if (!memo) denialCache.set(model, (memo = new Map()));
  const key = `${srcEndpointId}>${dstEndpointId}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let out: ClusterDenial | null = null;
  try {
    const ex = explain(model, srcEndpointId, dstEndpointId);
    if (ex.verdict === 'denied') out = denialOfSide(model, ex.egress) ?? denialOfSide(model, ex.ingress);
  } catch {
    out = null; // an endpoint of a lagging result that no longer exists
  }
  memo.set(key, out);
  return out;
}

// Models are immutable: a pair's answer holds for the model it was asked of.
const denialCache = new WeakMap<Model, Map<string, ClusterDenial | null>>();

const npOnlyCache = new WeakMap<Model, Reachability>();

/** Reachability under the NetworkPolicies alone (the cluster tiers removed), memoised per model. */
function networkPolicyOnly(model: Model): Reachability {
  let r = npOnlyCache.get(model);
  if (!r) {
    r = evaluate({ ...model, clusterPolicies: {} });
    npOnlyCache.set(model, r);
  }
  return r;
}

export interface OverriddenPair extends CanvasPair {
  denial: ClusterDenial;
}

/**
 * Canvas pairs whose NetworkPolicies allow something that an Admin Deny stops entirely (the
 * "never takes effect" case of the explanation), at most OVERRIDE_LIMIT, for designs of at most
 * OVERRIDE_SEARCH_LIMIT endpoints. Pairs no NetworkPolicy isolates are not listed: there the
 * Deny replaces the default allow, which the denied-edges view around the selection shows.
 */
export function overriddenPairs(model: Model, reach: Reachability): OverriddenPair[] {
  if (!hasClusterDeny(model) || reach.endpoints.length > OVERRIDE_SEARCH_LIMIT) return [];
  const out: OverriddenPair[] = [];
  for (const p of canvasPairs(networkPolicyOnly(model), model)) {
    if (out.length >= OVERRIDE_LIMIT) break;
    if (reach.endpointIndex[p.explain.src] === undefined || reach.endpointIndex[p.explain.dst] === undefined) continue;
    if (!isEmpty(connBetween(reach, p.explain.src, p.explain.dst))) continue;
    const denial = clusterDenialOf(model, p.explain.src, p.explain.dst);
    if (denial?.overrides) out.push({ ...p, denial });
  }
  return out;
}
