// Whether each intent holds in the evaluated design, and if not, why: the side (egress at the
// source, ingress at the target) that blocks it and the policies that isolate that side.

import type { Direction, Id, Model, NetworkPolicy, Workload } from '../model/types.ts';
import { ingressAllowedFrom, policiesSelecting } from './evaluate.ts';
import { explain } from './explain.ts';
import { portEntryConn, ruleConnToward, ruleMatchesPeer, rulesFor } from './np-rules.ts';
import { allConn, describeConn, emptyConn, intersect, isEmpty, subtract, union } from './portset.ts';
import { connBetween } from './reachability.ts';
import type { ConnSet, Reachability, SideExplanation } from './reachability-types.ts';
import { synthesize } from './synthesize.ts';
import { namespaceName, resolveIntentEnd, resolveIntentPorts, type IntentEnd } from './synthesize-parts.ts';

export interface IntentStatus {
  met: boolean;
  /** One line: what is allowed, or which side blocks and why. */
  reason: string;
  /** Intended connections that are not allowed (absent when met). */
  missing?: ConnSet;
}

function policyLabel(model: Model, np: NetworkPolicy): string {
  const how = np.generated?.by === 'intents' ? 'generated' : np.generated?.by === 'template' ? 'from a template' : 'hand-written';
  return `${namespaceName(model, np.namespaceId)}/${np.name} (${how})`;
}

/** Endpoint ids of an intent end in the reachability result (an external network may be split). */
function endpointIds(reach: Reachability, end: IntentEnd): string[] {
  const modelId = end.kind === 'workload' ? end.workload.id : end.kind === 'external' ? end.external.id : end.service.id;
  return reach.endpoints.filter((e) => e.modelId === modelId).map((e) => e.id);
}

function sideReason(model: Model, s: Pick<SideExplanation, 'status' | 'allowed' | 'isolatingPolicies' | 'direction'>, subject: string, peer: string, required: ConnSet): string | undefined {
  if (s.status !== 'isolated' || isEmpty(subtract(required, s.allowed))) return undefined;
  const by = s.isolatingPolicies.map((id) => model.policies[id]).filter((p): p is NetworkPolicy => !!p).map((p) => policyLabel(model, p)).join(', ');
  const verb = s.direction === 'Ingress' ? 'admits' : 'allows traffic to';
  const only = s.direction === 'Ingress' ? `rules admit only ${describeConn(s.allowed)} from ${peer}` : `rules allow only ${describeConn(s.allowed)} to ${peer}`;
  const what = isEmpty(s.allowed) ? `no rule ${verb} ${peer}` : only;
  return `blocked by ${s.direction.toLowerCase()} at ${subject}: isolated by ${by}, ${what}`;
}

/**
 * One side of a pod-to-pod connection, straight from the policies (the same rules explain()
 * applies, without rebuilding the endpoint list per call: status runs for every intent).
 */
function podSide(model: Model, dir: Direction, subject: Workload, peer: Workload, dst: Workload): Pick<SideExplanation, 'status' | 'allowed' | 'isolatingPolicies' | 'direction'> {
  const pols = policiesSelecting(model, subject, dir);
  if (pols.length === 0) return { direction: dir, status: 'not-isolated', allowed: allConn(), isolatingPolicies: [] };
  const profile = model.cluster.profile;
  let allowed = emptyConn();
  for (const np of pols) {
    for (const rule of rulesFor(np, dir)) {
      if (ruleMatchesPeer(model, rule, dir, np.namespaceId, { kind: 'workload', workload: peer })) allowed = union(allowed, ruleConnToward(rule, dst, profile));
    }
  }
  return { direction: dir, status: 'isolated', allowed, isolatingPolicies: pols.map((p) => p.id) };
}

/** Status of every intent against an evaluation of the same model. */
export function intentStatus(model: Model, reach: Reachability): Record<Id, IntentStatus> {
  const out: Record<Id, IntentStatus> = {};
  let synthesisProblems: Record<Id, string[]> | undefined;
  const problemsOf = (id: Id): string[] => {
    synthesisProblems ??= Object.fromEntries(Object.entries(synthesize(model).intents).map(([k, v]) => [k, v.problems]));
    return synthesisProblems[id] ?? [];
  };

  for (const intent of Object.values(model.intents)) {
    const from = resolveIntentEnd(model, intent.fromId);
    const to = resolveIntentEnd(model, intent.toId);
    if (typeof from === 'string' || typeof to === 'string') {
      out[intent.id] = { met: false, reason: typeof from === 'string' ? `source: ${from}` : `target: ${to as string}` };
      continue;
    }
    if (to.kind === 'loadbalancer') {
      out[intent.id] = { met: false, reason: `cannot check intents to a load balancer yet (${to.label})` };
      continue;
    }
    const dst = to.kind === 'workload' ? to.workload : undefined;
    const ports = resolveIntentPorts(intent.ports, dst, to.label);
    if (!ports.ok) { out[intent.id] = { met: false, reason: ports.problem }; continue; }
    let required = allConn();
    if (ports.ports) {
      required = emptyConn();
      for (const p of ports.ports) required = union(required, portEntryConn(p, dst, model.cluster.profile));
    }

    let allowed: ConnSet;
    const reasons: string[] = [];
    if (from.kind === 'loadbalancer') {
      // Until load balancers are modelled: traffic from anywhere to the target.
      const w = dst as NonNullable<typeof dst>;
      allowed = ingressAllowedFrom(model, w.id, { kind: 'ip', cidrs: ['0.0.0.0/0', '::/0'] }).allowed;
      if (!isEmpty(subtract(required, allowed))) {
        const by = policiesSelecting(model, w, 'Ingress' as Direction).map((p) => policyLabel(model, p)).join(', ');
        reasons.push(`blocked by ingress at ${to.label}: isolated by ${by}, ${isEmpty(allowed) ? 'no rule admits traffic from anywhere' : `rules admit only ${describeConn(allowed)} from anywhere`}`);
      }
    } else {
      const srcIds = endpointIds(reach, from);
      const dstIds = endpointIds(reach, to);
      if (srcIds.length === 0 || dstIds.length === 0) {
        out[intent.id] = { met: false, reason: `${srcIds.length === 0 ? from.label : to.label} is not in the evaluation (re-evaluate the design)` };
        continue;
      }
      // Every part of a split external network must be allowed for the intent to hold.
      allowed = allConn();
      for (const s of srcIds) for (const d of dstIds) allowed = intersect(allowed, connBetween(reach, s, d));
      if (!isEmpty(subtract(required, allowed)) && from.kind === 'workload' && to.kind === 'workload') {
        const a = from.workload;
        const b = to.workload;
        const e = sideReason(model, podSide(model, 'Egress', a, b, b), from.label, to.label, required);
        const i = sideReason(model, podSide(model, 'Ingress', b, a, b), to.label, from.label, required);
        for (const r of [e, i]) if (r) reasons.push(r);
      } else if (!isEmpty(subtract(required, allowed))) {
        for (const s of srcIds) {
          for (const d of dstIds) {
            const ex = explain(model, s, d);
            const e = sideReason(model, ex.egress, ex.src.name, ex.dst.name, required);
            const i = sideReason(model, ex.ingress, ex.dst.name, ex.src.name, required);
            for (const r of [e, i]) if (r && !reasons.includes(r)) reasons.push(r);
          }
        }
      }
    }

    const missing = subtract(required, allowed);
    if (isEmpty(missing)) {
      out[intent.id] = { met: true, reason: `allowed: ${describeConn(intersect(allowed, required))}` };
      continue;
    }
    const extra = problemsOf(intent.id);
    const because = reasons.length > 0 ? reasons.join('; ') : `${describeConn(missing)} not allowed`;
    out[intent.id] = {
      met: false,
      reason: extra.length > 0 ? `${because} (synthesis: ${extra.join('; ')})` : because,
      missing,
    };
  }
  return out;
}
