// Connectivity assertions ("this pair must / must not connect on this port"), checked against
// the evaluator's result (workloads, external networks), the external LB paths (`lb:<id>`) and
// Service access on target ports (a Service id as `to`: in-cluster ClusterIP access).
//
// Public API:
//   checkAssertions(model, reach, paths?): AssertionResult[]
//   checkAssertion(model, reach, assertion, paths?): AssertionResult
//   lbEndpointId(serviceId), serviceIdOfLbEndpoint(id)

import { loadBalancerLayoutId, serviceIdOfLoadBalancer } from '../layout/sizes.ts';
import type { Assertion, Id, Model, Protocol } from '../model/types.ts';
import { explain } from '../policy/explain.ts';
import { namespaceOf } from '../policy/np-rules.ts';
import { contains } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { pathsFromSource, type PathResult } from '../services/paths.ts';
import { serviceAccess } from '../services/reach.ts';

/** Load balancers are addressed `lb:<serviceId>`, the same ids the canvas uses (layout/sizes.ts). */
export const lbEndpointId = loadBalancerLayoutId;
export const serviceIdOfLbEndpoint = serviceIdOfLoadBalancer;

export interface AssertionResult {
  id: Id;
  ok: boolean;
  /**
   * What the design does: 'reach' when every part of the source reaches every serving backend,
   * 'no-reach' when none does. When it is mixed (`partial`), actual is the answer that
   * violates the expectation, since either expectation is then broken for someone.
   */
  actual: 'reach' | 'no-reach';
  partial?: boolean;
  /** Set when the question could not be answered (the message says why); never ok. */
  uncheckable?: boolean;
  /** One line: the verdict in plain English. */
  message: string;
  /** Why, for failures (and partial results): explanation lines. */
  details: string[];
}

interface Observation {
  /** Per part / backend: reaches or not, with a reason. */
  cases: { reach: boolean; why: string }[];
  /** A reason when the question cannot be answered (unknown endpoint, bad pair). */
  error?: string;
  notes?: string[];
}

type Kind = 'workload' | 'external' | 'lb' | 'service' | 'unknown';

function kindOf(model: Model, reach: Reachability, id: string): Kind {
  if (model.workloads[id]) return 'workload';
  if (model.externals[id]) return 'external';
  const lb = serviceIdOfLbEndpoint(id);
  if (lb !== undefined && model.services[lb]) return 'lb';
  if (model.services[id]) return 'service';
  if (reach.endpointIndex[id] !== undefined) return 'external';
  return 'unknown';
}

export function endpointLabel(model: Model, id: string): string {
  const w = model.workloads[id];
  if (w) return `${namespaceOf(model, w.namespaceId).name}/${w.name}`;
  const e = model.externals[id];
  if (e) return e.name;
  const svcId = serviceIdOfLbEndpoint(id) ?? id;
  const s = model.services[svcId];
  if (s) return `${svcId === id ? 'svc' : 'lb'}:${namespaceOf(model, s.namespaceId).name}/${s.name}`;
  return id;
}

/** Evaluator endpoints standing for a model object (an external network may be split in parts). */
function endpointsOf(reach: Reachability, id: string): string[] {
  if (reach.endpointIndex[id] !== undefined) return [id];
  return reach.endpoints.filter((e) => e.modelId === id).map((e) => e.id);
}

function shortList(cidrs: readonly string[]): string {
  return cidrs.length > 3 ? `${cidrs.slice(0, 3).join(', ')} and ${cidrs.length - 3} more` : cidrs.join(', ');
}

function explainLines(model: Model, src: string, dst: string, q: { protocol: Protocol; port: number }): string[] {
  try {
    return explain(model, src, dst, q).summary;
  } catch {
    return [];
  }
}

function pairObservation(model: Model, reach: Reachability, from: string, to: string, q: { protocol: Protocol; port: number }): Observation {
  const srcs = endpointsOf(reach, from);
  const dsts = endpointsOf(reach, to);
  if (srcs.length === 0 || dsts.length === 0) return { cases: [], error: 'the endpoint has no addresses in the analysis' };
  const cases: Observation['cases'] = [];
  for (const s of srcs) {
    for (const d of dsts) {
      const ok = contains(connBetween(reach, s, d), q.protocol, q.port);
      const sn = reach.endpoints[reach.endpointIndex[s]].name;
      const dn = reach.endpoints[reach.endpointIndex[d]].name;
      cases.push({ reach: ok, why: [`${sn} -> ${dn}: ${ok ? 'allowed' : 'denied'}`, ...(ok ? [] : explainLines(model, s, d, q).map((l) => `  ${l}`))].join('\n') });
    }
  }
  return { cases };
}

function lbObservation(model: Model, from: string, serviceId: Id, q: { protocol: Protocol; port: number }, paths?: PathResult[]): Observation {
  const svc = model.services[serviceId];
  if (svc.type !== 'LoadBalancer') return { cases: [], error: `${endpointLabel(model, serviceId)} is not a LoadBalancer Service` };
  if (!svc.ports.some((p) => (p.protocol ?? 'TCP') === q.protocol && p.port === q.port)) {
    return { cases: [], error: `${endpointLabel(model, lbEndpointId(serviceId))} has no port ${q.port}/${q.protocol}` };
  }
  if (model.workloads[from]) {
    // In-cluster client of the LB IP: treated as ClusterIP access to the backends (semantics 2.5).
    const obs = serviceObservation(model, from, serviceId, q);
    return { ...obs, notes: ['an in-cluster client of the load balancer IP is analysed as ClusterIP access to the backends; with externalTrafficPolicy Cluster the backend may see a node address instead (semantics 2.5)'] };
  }
  const ext = model.externals[from];
  if (!ext) return { cases: [], error: 'a load balancer is reached from an external network or a workload' };
  const all = paths?.filter((p) => p.sourceId === from && p.serviceId === serviceId) ?? pathsFromSource(model, { id: ext.id, name: ext.name, cidrs: ext.cidrs }, svc, ['loadbalancer']);
  const relevant = all.filter((p) => p.via === 'loadbalancer' && p.port.protocol === q.protocol && p.port.port === q.port);
  // Backends lacking a named targetPort are not endpoints: the LB never sends to them.
  const serving = relevant.filter((p) => p.targetPort !== undefined || p.backendId === undefined);
  return {
    cases: serving.map((p) => ({
      reach: p.outcome === 'reach',
      why: [`${p.sourceName}${p.cidrs.length ? ` [${shortList(p.cidrs)}]` : ''} -> ${p.serviceName} -> ${p.backendName ?? '(no backend)'}: ${p.outcome}`, ...p.hops.map((h) => `  ${h.verdict.toUpperCase()}: ${h.text}`)].join('\n'),
    })),
  };
}

function serviceObservation(model: Model, from: string, serviceId: Id, q: { protocol: Protocol; port: number }): Observation {
  if (!model.workloads[from]) return { cases: [], error: 'a Service is reached from a workload (use lb:<ns>/<name> for external clients)' };
  const acc = serviceAccess(model, from, serviceId);
  const port = acc.ports.find((p) => p.protocol === q.protocol && p.port === q.port);
  if (!port) return { cases: [], error: `${endpointLabel(model, serviceId)} has no port ${q.port}/${q.protocol}` };
  if (!acc.hasSelector) return { cases: [], error: `${endpointLabel(model, serviceId)} has no selector: its endpoints are outside the design` };
  return { cases: port.backends.filter((b) => b.targetPort !== undefined).map((b) => ({ reach: b.allowed, why: b.text })) };
}

export function checkAssertion(model: Model, reach: Reachability, a: Assertion, paths?: PathResult[]): AssertionResult {
  const q = { protocol: a.protocol, port: a.port };
  const fromKind = kindOf(model, reach, a.fromId);
  const toKind = kindOf(model, reach, a.toId);
  const title = `${endpointLabel(model, a.fromId)} -> ${endpointLabel(model, a.toId)} ${a.port}/${a.protocol}`;
  let obs: Observation;
  if (fromKind === 'unknown' || toKind === 'unknown') obs = { cases: [], error: `unknown endpoint '${fromKind === 'unknown' ? a.fromId : a.toId}'` };
  else if (fromKind === 'lb' || fromKind === 'service') obs = { cases: [], error: 'a load balancer or Service cannot be the source' };
  else if (toKind === 'lb') obs = lbObservation(model, a.fromId, serviceIdOfLbEndpoint(a.toId)!, q, paths);
  else if (toKind === 'service') obs = serviceObservation(model, a.fromId, a.toId, q);
  else if (fromKind === 'external' && toKind === 'external') obs = { cases: [], error: 'traffic between two external networks is outside NetworkPolicy' };
  else obs = pairObservation(model, reach, a.fromId, a.toId, q);

  if (obs.error) {
    return { id: a.id, ok: false, actual: 'no-reach', uncheckable: true, message: `${title}: cannot check: ${obs.error}`, details: [] };
  }
  const reached = obs.cases.filter((c) => c.reach).length;
  const partial = reached > 0 && reached < obs.cases.length;
  const actual: 'reach' | 'no-reach' = partial ? (a.expect === 'reach' ? 'no-reach' : 'reach') : reached > 0 ? 'reach' : 'no-reach';
  const ok = !partial && actual === a.expect;
  const observed = obs.cases.length === 0 ? 'no backend serves it' : partial ? `only ${reached} of ${obs.cases.length} paths reach` : actual === 'reach' ? 'reaches' : 'does not reach';
  const message = `${title}: expected ${a.expect}, ${observed}${a.note ? ` (${a.note})` : ''}`;
  const details = ok ? [] : [...(obs.notes ?? []), ...obs.cases.filter((c) => (a.expect === 'reach' ? !c.reach : c.reach)).map((c) => c.why)];
  return { id: a.id, ok, actual, ...(partial ? { partial } : {}), message, details };
}

export function checkAssertions(model: Model, reach: Reachability, paths?: PathResult[]): AssertionResult[] {
  return Object.values(model.assertions ?? {})
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => checkAssertion(model, reach, a, paths));
}
