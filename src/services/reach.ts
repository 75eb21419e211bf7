// Summaries over the path results: per LoadBalancer, which backends / ports each external
// network reaches; and in-cluster client -> ClusterIP access per Service port and backend.
//
// Public API:
//   loadBalancerReach(model, paths?): LbReach[]
//   serviceAccess(model, srcWorkloadId, serviceId): ServiceAccess
//   aggregateOutcome(outcomes): ReachSummary

import type { Id, Model, Protocol } from '../model/types.ts';
import { explain } from '../policy/explain.ts';
import { namespaceOf } from '../policy/np-rules.ts';
import { contains } from '../policy/portset.ts';
import { serviceBackends, servicePortLabel } from './backends.ts';
import { externalPaths, type PathOutcome, type PathResult, type Via } from './paths.ts';

/** 'partial': some parts of the source (or some backends) reach and others do not. */
export type ReachSummary = PathOutcome | 'partial';

export function aggregateOutcome(outcomes: readonly PathOutcome[]): ReachSummary {
  if (outcomes.length === 0) return 'no-reach';
  const first = outcomes[0];
  return outcomes.every((o) => o === first) ? first : 'partial';
}

export interface LbReachRow {
  sourceId: string;
  sourceName: string;
  via: Via;
  /** `80/TCP (http)` */
  port: string;
  protocol: Protocol;
  servicePort: number;
  backendId?: Id;
  backendName?: string;
  targetPort?: number;
  outcome: ReachSummary;
  /** Parts of the source that reach (outcome 'reach'). */
  reachingCidrs: string[];
}

export interface LbReach {
  serviceId: Id;
  serviceName: string;
  rows: LbReachRow[];
}

/** Per LoadBalancer Service: which backends and target ports each external network reaches. */
export function loadBalancerReach(model: Model, paths: PathResult[] = externalPaths(model)): LbReach[] {
  const bySvc = new Map<Id, Map<string, PathResult[]>>();
  for (const p of paths) {
    if (model.services[p.serviceId]?.type !== 'LoadBalancer') continue;
    const key = [p.sourceId, p.via, p.port.protocol, p.port.port, p.backendId ?? ''].join('|');
    const rows = bySvc.get(p.serviceId) ?? new Map<string, PathResult[]>();
    bySvc.set(p.serviceId, rows);
    rows.set(key, [...(rows.get(key) ?? []), p]);
  }
  return [...bySvc.entries()].map(([serviceId, rows]) => ({
    serviceId,
    serviceName: [...rows.values()][0][0].serviceName,
    rows: [...rows.values()].map((group): LbReachRow => {
      const p = group[0];
      return {
        sourceId: p.sourceId,
        sourceName: p.sourceName,
        via: p.via,
        port: servicePortLabel(p.port),
        protocol: p.port.protocol,
        servicePort: p.port.port,
        ...(p.backendId !== undefined ? { backendId: p.backendId, backendName: p.backendName } : {}),
        ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
        outcome: aggregateOutcome(group.map((g) => g.outcome)),
        reachingCidrs: group.filter((g) => g.outcome === 'reach').flatMap((g) => g.cidrs),
      };
    }),
  }));
}

export interface BackendAccess {
  backendId: Id;
  backendName: string;
  /** Absent when the backend lacks the named targetPort. */
  targetPort?: number;
  egressAllows: boolean;
  ingressAllows: boolean;
  allowed: boolean;
  /** Plain-English reason. */
  text: string;
}

export interface ServicePortAccess {
  name?: string;
  protocol: Protocol;
  port: number;
  backends: BackendAccess[];
  /** 'reach' when every backend admits it, 'partial' when some do. */
  outcome: ReachSummary;
}

export interface ServiceAccess {
  srcId: Id;
  serviceId: Id;
  hasSelector: boolean;
  ports: ServicePortAccess[];
}

/**
 * In-cluster client -> ClusterIP (semantics 2.1): per Service port and backend, what egress(src)
 * and ingress(backend) allow on the backend's targetPort; policy never sees the Service port.
 */
export function serviceAccess(model: Model, srcWorkloadId: Id, serviceId: Id): ServiceAccess {
  const svc = model.services[serviceId];
  if (!svc) throw new Error(`unknown service '${serviceId}'`);
  if (!model.workloads[srcWorkloadId]) throw new Error(`unknown workload '${srcWorkloadId}'`);
  const resolved = serviceBackends(model, svc);
  const ports = resolved.ports.map((sp): ServicePortAccess => {
    const tpOf = new Map(sp.endpoints.map((e) => [e.workloadId, e.targetPort]));
    const backends = resolved.backends.map((bid): BackendAccess => {
      const w = model.workloads[bid];
      const backendName = `${namespaceOf(model, w.namespaceId).name}/${w.name}`;
      const tp = tpOf.get(bid);
      if (tp === undefined) {
        return { backendId: bid, backendName, egressAllows: false, ingressAllows: false, allowed: false, text: `${backendName} has no ${sp.protocol} container port named '${sp.targetPort}': not an endpoint` };
      }
      if (bid === srcWorkloadId) {
        return { backendId: bid, backendName, targetPort: tp, egressAllows: true, ingressAllows: true, allowed: true, text: `${backendName} is the client itself (hairpin): always allowed` };
      }
      const ex = explain(model, srcWorkloadId, bid, { protocol: sp.protocol, port: tp });
      const egressAllows = contains(ex.egress.allowed, sp.protocol, tp);
      const ingressAllows = contains(ex.ingress.allowed, sp.protocol, tp);
      const allowed = egressAllows && ingressAllows;
      const target = `${sp.protocol} ${tp} (targetPort of ${servicePortLabel(sp)})`;
      const text = allowed
        ? `allowed to ${backendName} on ${target}`
        : `denied to ${backendName} on ${target}: ${[!egressAllows ? 'the client\'s egress policy does not allow it' : '', !ingressAllows ? 'the backend\'s ingress policy does not admit it' : ''].filter(Boolean).join(' and ')}`;
      return { backendId: bid, backendName, targetPort: tp, egressAllows, ingressAllows, allowed, text };
    });
    const outcome = backends.length === 0 ? 'no-reach' : aggregateOutcome(backends.map((b) => (b.allowed ? 'reach' : 'no-reach')));
    return { ...(sp.name !== undefined ? { name: sp.name } : {}), protocol: sp.protocol, port: sp.port, backends, outcome };
  });
  return { srcId: srcWorkloadId, serviceId, hasSelector: resolved.hasSelector, ports };
}
