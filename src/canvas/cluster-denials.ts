// Connections a cluster policy denies, told apart from plain isolation on the canvas
// (semantics.md 3.2): the explanation of a denied pair says whether an Admin or Baseline Deny
// decided it, and whether it stops a NetworkPolicy allow (which then never takes effect).
//
// Public API:
//   clusterDenialOf(model, srcEndpointId, dstEndpointId): ClusterDenial | null
//   overriddenPairs(model, reach): pairs a NetworkPolicy allows that an Admin Deny stops (bounded)

import type { Id, Model } from '../model/types.ts';
import { evaluateOverrides } from '../policy/evaluate.ts';
import { clusterPolicyLabel, explain } from '../policy/explain.ts';
import { isEmpty } from '../policy/portset.ts';
import type { ChainStep, Reachability, SideExplanation } from '../policy/reachability-types.ts';
import { clusterFragments, endpointCanvasId, type CanvasPair } from './pairs.ts';

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

/**
 * Above this many endpoints the always-on override edges are not searched (the selection still
 * shows its own): the search is one more evaluation on the main thread, memoised per model.
 */
export const OVERRIDE_SEARCH_LIMIT = 1000;
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

const overridesCache = new WeakMap<Model, ReturnType<typeof evaluateOverrides>>();

/** The model's evaluation with its overridden class pairs, memoised per model. */
function overridesOf(model: Model): ReturnType<typeof evaluateOverrides> {
  let r = overridesCache.get(model);
  if (!r) overridesCache.set(model, (r = evaluateOverrides(model)));
  return r;
}

export interface OverriddenPair extends CanvasPair {
  denial: ClusterDenial;
}

/**
 * Canvas pairs whose NetworkPolicies allow something that an Admin Deny stops entirely (the
 * "never takes effect" case of the explanation), at most OVERRIDE_LIMIT, for designs of at most
 * OVERRIDE_SEARCH_LIMIT endpoints; a canvas pair explains its first such endpoint pair. Pairs no
 * NetworkPolicy isolates are not listed: there the Deny replaces the default allow, which the
 * denied-edges view around the selection shows. The evaluator marks the pairs (one evaluation,
 * memoised per model); only the drawn ones are explained, for the policy that denies them.
 */
export function overriddenPairs(model: Model, reach: Reachability): OverriddenPair[] {
  if (!hasClusterDeny(model) || reach.endpoints.length > OVERRIDE_SEARCH_LIMIT) return [];
  const { reach: own, overrides } = overridesOf(model);
  if (!overrides) return [];
  const nodeOf = own.endpoints.map((ep) => endpointCanvasId(ep, model));
  const fragments = new Set(clusterFragments(own.endpoints, model));
  own.endpoints.forEach((ep, i) => { if (fragments.has(ep.id)) nodeOf[i] = null; });
  const out: OverriddenPair[] = [];
  const seen = new Set<string>();
  const n = own.endpoints.length;
  for (let s = 0; s < n && out.length < OVERRIDE_LIMIT; s++) {
    const a = nodeOf[s];
    if (!a) continue;
    const base = own.classOf[s] * own.classCount;
    for (let d = 0; d < n && out.length < OVERRIDE_LIMIT; d++) {
      const np = overrides[base + own.classOf[d]];
      const b = nodeOf[d];
      if (np === 0 || s === d || !b || a === b) continue;
      const key = `${a}>${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const explainIt = { src: own.endpoints[s].id, dst: own.endpoints[d].id };
      if (reach.endpointIndex[explainIt.src] === undefined || reach.endpointIndex[explainIt.dst] === undefined) continue;
      const denial = clusterDenialOf(model, explainIt.src, explainIt.dst);
      if (denial?.overrides) out.push({ src: a, dst: b, conn: own.connSets[np], explain: explainIt, denial });
    }
  }
  return out;
}
