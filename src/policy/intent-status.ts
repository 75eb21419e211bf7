// Whether each intent holds in the evaluated design, and if not, why: the side (egress at the
// source, ingress at the target) that blocks it and the policies that isolate that side.
// Load-balancer intents are checked on the paths the traffic really takes: external -> LB and
// LB -> backend with the LB path analysis (services/paths.ts: source ranges, the address the
// backend sees, targetPort, ingress), workload -> LB as ClusterIP access to the backends
// (services/reach.ts serviceAccess).

import type { Direction, Id, Intent, Model, NetworkPolicy, Workload } from '../model/types.ts';
import { serviceBackends, servicePortLabel, type ResolvedServicePort } from '../services/backends.ts';
import { internetCidrs, pathsFromSource, type PathResult, type UnknownSetting } from '../services/paths.ts';
import { serviceAccess } from '../services/reach.ts';
import { policiesSelecting } from './evaluate.ts';
import { lbIntentPorts } from './lb-intents.ts';
import { explain } from './explain.ts';
import { portEntryConn, ruleConnToward, ruleMatchesPeer, rulesFor } from './np-rules.ts';
import { allConn, connOf, describeConn, emptyConn, intersect, isEmpty, subtract, union } from './portset.ts';
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
  /**
   * Not met only because a cluster assumption is unknown (e.g. the node CIDRs a SNATed
   * load-balancer path arrives from): the settings to set. The canvas draws it as conditional.
   */
  needs?: UnknownSetting[];
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

type LbEnd = Extract<IntentEnd, { kind: 'loadbalancer' }>;

function sameServicePort(p: PathResult, sp: ResolvedServicePort): boolean {
  return p.port.protocol === sp.protocol && p.port.port === sp.port && p.port.name === sp.name;
}

/** The hop that stops (or conditions) a path, for the reason line. */
function pathReason(p: PathResult): string {
  const hop = p.hops.find((h) => h.verdict === 'block') ?? [...p.hops].reverse().find((h) => h.verdict === 'caveat');
  const to = `${p.backendName ?? '(no backend)'}${p.targetPort !== undefined ? ` (${p.port.port}/${p.port.protocol} -> ${p.targetPort})` : ''}`;
  const how = p.outcome === 'conditional' ? 'reaches only conditionally' : 'blocked';
  return `${how} on the load-balancer path to ${to}: ${hop?.text ?? p.outcome}`;
}

/** Intent status from LB path results (external -> LB, LB -> backend). */
function fromPaths(paths: PathResult[], what: string): IntentStatus {
  if (paths.length === 0) return { met: false, reason: `no backend serves ${what}` };
  const conn = (ps: PathResult[]): ConnSet => ps.reduce((c, p) => (p.targetPort !== undefined ? union(c, connOf(p.port.protocol, p.targetPort)) : c), emptyConn());
  const failing = paths.filter((p) => p.outcome !== 'reach');
  if (failing.length === 0) {
    const backends = [...new Set(paths.map((p) => p.backendName))].join(', ');
    return { met: true, reason: `allowed: ${describeConn(conn(paths))} at ${backends} (through ${what}; the backend sees ${paths[0].seen.kind === 'node' ? 'node addresses' : paths[0].seen.kind === 'lb' ? 'the load balancer addresses' : 'the client'})` };
  }
  const reasons = [...new Set(failing.map(pathReason))];
  const missing = conn(failing);
  const needs = failing.every((p) => p.outcome === 'conditional' && p.seen.unknown) ? [...new Set(failing.map((p) => p.seen.unknown as UnknownSetting))] : [];
  return { met: false, reason: reasons.join('; '), missing: isEmpty(missing) ? allConn() : missing, ...(needs.length ? { needs } : {}) };
}

/** Status of an intent with a load balancer at one end (see lb-intents.ts for its ports). */
function lbIntentStatus(model: Model, intent: Intent, from: IntentEnd, to: IntentEnd): IntentStatus {
  const lb = (to.kind === 'loadbalancer' ? to : from) as LbEnd;
  if (from.kind === 'loadbalancer' && to.kind === 'loadbalancer') return { met: false, reason: `${from.label} cannot be the source of traffic to ${to.label}` };
  if (from.kind === 'loadbalancer' && to.kind !== 'workload') return { met: false, reason: `${to.label} is not a pod: ${from.label} delivers only to its backends` };
  const svc = lb.service;
  const resolved = serviceBackends(model, svc);
  if (!resolved.hasSelector) return { met: false, reason: `${lb.label} has no selector: its endpoints are outside the design` };
  if (resolved.backends.length === 0) return { met: false, reason: `the selector of ${lb.label} matches no workload: it has no backends` };
  const backend = from.kind === 'loadbalancer' && to.kind === 'workload' ? to.workload : undefined;
  if (backend && !resolved.backends.includes(backend.id)) {
    return { met: false, reason: `${to.label} is not a backend of ${lb.label}: the load balancer never sends traffic to it` };
  }
  const chosen = lbIntentPorts(svc, resolved, intent.ports, backend);
  if (!chosen.ok) return { met: false, reason: chosen.problems.join('; ') };
  const wanted = (p: PathResult): boolean => chosen.servicePorts.some((sp) => sameServicePort(p, sp));
  const what = `${lb.label} ${chosen.servicePorts.map((sp) => servicePortLabel(sp)).join(', ')}`;

  if (backend) {
    // Every client the load balancer accepts: its enforced source ranges, else the Internet.
    const ranges = svc.loadBalancerSourceRanges ?? [];
    const clients = ranges.length > 0 && model.cluster.lbSourceRangesEnforced !== false ? ranges : internetCidrs(model);
    const paths = pathsFromSource(model, { id: intent.fromId, name: `clients of ${lb.label}`, cidrs: clients }, svc, ['loadbalancer'])
      .filter((p) => wanted(p) && p.backendId === backend.id && p.targetPort !== undefined);
    return fromPaths(paths, what);
  }
  if (from.kind === 'external') {
    const e = from.external;
    const paths = pathsFromSource(model, { id: e.id, name: e.name, cidrs: e.cidrs }, svc, ['loadbalancer'])
      // Backends lacking a named targetPort are not endpoints: the LB never sends to them.
      .filter((p) => wanted(p) && (p.targetPort !== undefined || p.backendId === undefined));
    return fromPaths(paths, what);
  }
  // In-cluster client of the LB IP: ClusterIP access to the backends (semantics 2.5).
  const a = (from as Extract<IntentEnd, { kind: 'workload' }>).workload;
  const acc = serviceAccess(model, a.id, svc.id);
  const rows = acc.ports.filter((p) => chosen.servicePorts.some((sp) => sp.protocol === p.protocol && sp.port === p.port && sp.name === p.name))
    .flatMap((p) => p.backends.filter((b) => b.targetPort !== undefined).map((b) => ({ p, b })));
  if (rows.length === 0) return { met: false, reason: `no backend serves ${what}` };
  let allowed = emptyConn();
  let missing = emptyConn();
  const reasons: string[] = [];
  for (const { p, b } of rows) {
    const c = connOf(p.protocol, b.targetPort as number);
    if (b.allowed) { allowed = union(allowed, c); continue; }
    missing = union(missing, c);
    const w = model.workloads[b.backendId] as Workload;
    const e = sideReason(model, podSide(model, 'Egress', a, w, w), from.label, b.backendName, c);
    const i = sideReason(model, podSide(model, 'Ingress', w, a, w), b.backendName, from.label, c);
    const side = [e, i].filter((r): r is string => !!r);
    for (const r of side.length ? side : [b.text]) if (!reasons.includes(r)) reasons.push(r);
  }
  if (isEmpty(missing)) {
    const backends = [...new Set(rows.map((r) => r.b.backendName))].join(', ');
    return { met: true, reason: `allowed: ${describeConn(allowed)} at ${backends} (through ${what}, as in-cluster access to its backends)` };
  }
  return { met: false, reason: reasons.join('; '), missing };
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
    if (to.kind === 'loadbalancer' || from.kind === 'loadbalancer') {
      const st = lbIntentStatus(model, intent, from, to);
      const extra = st.met ? [] : problemsOf(intent.id);
      out[intent.id] = extra.length > 0 ? { ...st, reason: `${st.reason} (synthesis: ${extra.join('; ')})` } : st;
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

    const reasons: string[] = [];
    const srcIds = endpointIds(reach, from);
    const dstIds = endpointIds(reach, to);
    if (srcIds.length === 0 || dstIds.length === 0) {
      out[intent.id] = { met: false, reason: `${srcIds.length === 0 ? from.label : to.label} is not in the evaluation (re-evaluate the design)` };
      continue;
    }
    // Every part of a split external network must be allowed for the intent to hold.
    let allowed = allConn();
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
