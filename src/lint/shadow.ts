// L-SHADOW-01: a policy whose removal changes no reachability, because the other policies on
// the same pods already allow everything it allows. Decided with the evaluator (evaluate with
// and without the policy, compare every pair), so it is exact but costs one evaluation per
// policy; it is skipped above the size limits in LintOptions.

import type { Model, NetworkPolicy } from '../model/types.ts';
import { ipSubsetOf, validIpSetOf } from '../net/ipset.ts';
import { evaluate } from '../policy/evaluate.ts';
import { effectiveTypes, isSubject, peerMatches, peersOfRule, rulesFor } from '../policy/np-rules.ts';
import { equals } from '../policy/portset.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';

/**
 * For each endpoint of `fine`, the index of the endpoint of `coarse` it lies in. Removing a
 * policy can only merge external parts (fewer ipBlocks to split on), never split them.
 */
function mapEndpoints(fine: Reachability, coarse: Reachability): number[] | undefined {
  const out: number[] = [];
  for (const e of fine.endpoints) {
    const same = coarse.endpointIndex[e.id];
    if (same !== undefined) {
      out.push(same);
      continue;
    }
    const mine = validIpSetOf(e.cidrs ?? []);
    const k = coarse.endpoints.findIndex((c) => c.modelId === e.modelId && ipSubsetOf(mine, validIpSetOf(c.cidrs ?? [])));
    if (k < 0) return undefined;
    out.push(k);
  }
  return out;
}

/**
 * Compares on class representatives when every class of `withIt` lies inside one class of
 * `without` (removing a policy only coarsens the partition), which makes the check cost
 * classes² instead of endpoints²; otherwise compares every pair.
 */
function sameReachability(withIt: Reachability, without: Reachability): boolean | undefined {
  const map = mapEndpoints(withIt, without);
  if (!map) return undefined;
  const n = withIt.endpoints.length;
  const classTarget = new Array<number>(withIt.classCount).fill(-1);
  const reps: number[][] = Array.from({ length: withIt.classCount }, () => []);
  let coarsens = true;
  for (let i = 0; i < n; i++) {
    const c = withIt.classOf[i];
    const target = without.classOf[map[i]];
    if (classTarget[c] === -1) classTarget[c] = target;
    else if (classTarget[c] !== target) coarsens = false;
    if (reps[c].length < 2) reps[c].push(i);
  }
  const samePair = (i: number, j: number): boolean => {
    if (i === j || map[i] === map[j]) return true;
    const a = withIt.connSets[withIt.matrix[withIt.classOf[i] * withIt.classCount + withIt.classOf[j]]];
    const b = without.connSets[without.matrix[without.classOf[map[i]] * without.classCount + without.classOf[map[j]]]];
    return equals(a, b);
  };
  if (coarsens) {
    for (let ci = 0; ci < withIt.classCount; ci++) {
      for (let cj = 0; cj < withIt.classCount; cj++) {
        const i = reps[ci][0];
        const j = ci === cj ? reps[cj][1] : reps[cj][0];
        if (i === undefined || j === undefined) continue;
        if (!samePair(i, j)) return false;
      }
    }
    return true;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!samePair(i, j)) return false;
  return true;
}

function withoutPolicy(model: Model, id: string): Model {
  const policies = { ...model.policies };
  delete policies[id];
  return { ...model, policies };
}

/** Pure deny policies (no rules in any direction they isolate) are safety nets, not redundancy. */
function hasRules(np: NetworkPolicy): boolean {
  return [...effectiveTypes(np)].some((dir) => rulesFor(np, dir).length > 0);
}

/**
 * Whether some rule can match a peer the design holds. A policy whose rules only reach
 * outside the design (DNS pods in kube-system, say) trivially "changes nothing" here.
 */
function reachesIntoDesign(ctx: LintContext, np: NetworkPolicy): boolean {
  const workloads = Object.values(ctx.model.workloads);
  return [...effectiveTypes(np)].some((dir) =>
    rulesFor(np, dir).some((rule) => {
      const peers = peersOfRule(rule, dir);
      if (!peers || peers.length === 0) return true;
      return peers.some((p) => p.ipBlock !== undefined || workloads.some((w) => peerMatches(ctx.model, p, np.namespaceId, { kind: 'workload', workload: w })));
    }),
  );
}

export const shadowRules: LintRuleSet = {
  family: 'shadow',
  ids: ['L-SHADOW-01'],
  run(ctx: LintContext) {
    const { model, options } = ctx;
    if (ctx.policies.length < 2 || ctx.policies.length > options.shadowMaxPolicies) return [];
    if (Object.keys(model.workloads).length > options.shadowMaxWorkloads) return [];
    const full = ctx.reach ?? evaluate(model);
    const out: LintFinding[] = [];
    for (const np of ctx.policies) {
      if (!hasRules(np) || !reachesIntoDesign(ctx, np)) continue;
      const subjects = ctx.workloadsIn(np.namespaceId).filter((w) => isSubject(model, np, w));
      if (subjects.length === 0) continue;
      if (sameReachability(full, evaluate(withoutPolicy(model, np.id))) !== true) continue;
      const dirs = effectiveTypes(np);
      const others = ctx.policies.filter(
        (o) => o !== np && hasRules(o) && [...effectiveTypes(o)].some((d) => dirs.has(d)) && subjects.some((w) => isSubject(model, o, w)),
      );
      out.push({
        id: 'L-SHADOW-01',
        severity: 'info',
        objectId: np.id,
        object: ctx.policyLabel(np),
        message:
          'is shadowed: every connection it allows is already allowed' +
          (others.length ? ` by ${others.slice(0, 3).map((o) => ctx.policyLabel(o).replace('NetworkPolicy ', '')).join(', ')}${others.length > 3 ? ', …' : ''}` : ' by other policies') +
          '; removing it changes no reachability',
        hint: 'remove it, or narrow the policy that shadows it if this one states the intended access',
      });
    }
    return out;
  },
};
