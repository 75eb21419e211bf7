// Which pods serve a Service, and on which container port each of them serves each Service
// port (semantics.md 2.2). Policy never sees the Service port, only the backend's targetPort,
// so everything that reasons about Services goes through this module.
//
// Public API:
//   serviceBackends(model, service): ServiceBackends
//   resolveTargetPort(servicePort, workload): number | undefined
//   servicePortLabel(servicePort): string

import type { Id, Model, Protocol, Service, ServicePort, Workload } from '../model/types.ts';
import { workloadsOfNamespace } from '../policy/selection-index.ts';

/** One backend serving one Service port. */
export interface PortEndpoint {
  workloadId: Id;
  /** The container port the backend's ingress policy sees. */
  targetPort: number;
}

export interface ResolvedServicePort {
  /** Index in `service.ports`. */
  index: number;
  name?: string;
  protocol: Protocol;
  port: number;
  /** As written (defaulted to `port`). */
  targetPort: number | string;
  nodePort?: number;
  /** Backends that serve this port, each with its own resolved number. */
  endpoints: PortEndpoint[];
  /** Backends lacking the named targetPort (with that protocol): not endpoints for this port. */
  missingName: Id[];
}

export interface ServiceBackends {
  serviceId: Id;
  /**
   * False for a Service without selector (or an empty one): its endpoints are managed outside
   * the pod model, so no backend is reported rather than guessed.
   */
  hasSelector: boolean;
  /** Workloads selected by the Service (own namespace only), sorted by id. */
  backends: Id[];
  ports: ResolvedServicePort[];
}

/** The number a backend serves a Service port on, or undefined when it lacks the named port. */
export function resolveTargetPort(sp: ServicePort, w: Workload): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  // A numeric string is how some manifests spell a number; the API treats it as a name only
  // when it is not all digits (IntOrString).
  if (/^\d+$/.test(target)) return Number(target);
  const proto = sp.protocol ?? 'TCP';
  const cp = w.ports.find((p) => p.name === target && (p.protocol ?? 'TCP') === proto);
  return cp?.containerPort;
}

export function selectsWorkload(svc: Service, w: Workload): boolean {
  if (!svc.selector || Object.keys(svc.selector).length === 0) return false;
  if (w.namespaceId !== svc.namespaceId) return false;
  return Object.entries(svc.selector).every(([k, v]) => w.podLabels[k] === v);
}

export function serviceBackends(model: Model, svc: Service): ServiceBackends {
  const hasSelector = !!svc.selector && Object.keys(svc.selector).length > 0;
  const backends = hasSelector
    ? workloadsOfNamespace(model, svc.namespaceId).filter((w) => selectsWorkload(svc, w)) // sorted by id
    : [];
  const ports = svc.ports.map((sp, index): ResolvedServicePort => {
    const endpoints: PortEndpoint[] = [];
    const missingName: Id[] = [];
    for (const w of backends) {
      const tp = resolveTargetPort(sp, w);
      if (tp === undefined) missingName.push(w.id);
      else endpoints.push({ workloadId: w.id, targetPort: tp });
    }
    return {
      index,
      ...(sp.name !== undefined ? { name: sp.name } : {}),
      protocol: sp.protocol ?? 'TCP',
      port: sp.port,
      targetPort: sp.targetPort ?? sp.port,
      ...(sp.nodePort !== undefined ? { nodePort: sp.nodePort } : {}),
      endpoints,
      missingName,
    };
  });
  return { serviceId: svc.id, hasSelector, backends: backends.map((w) => w.id), ports };
}

/** `80/TCP (http)` style label of a Service port. */
export function servicePortLabel(sp: { name?: string; protocol?: Protocol; port: number }): string {
  return `${sp.port}/${sp.protocol ?? 'TCP'}${sp.name ? ` (${sp.name})` : ''}`;
}
