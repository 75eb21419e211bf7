// Small builders for hand-written test designs (used by the services, templates and
// assertions tests). Ids follow factory.ids so tests read like imported manifests.

import { emptyModel, ids } from '../model/factory.ts';
import type { ContainerPort, Model, NetworkPolicy, Service, Workload } from '../model/types.ts';

export function addNamespace(m: Model, name: string, labels: Record<string, string> = {}): string {
  const id = ids.namespace(name);
  m.namespaces[id] = { id, name, labels };
  return id;
}

export function addWorkload(
  m: Model,
  ns: string,
  name: string,
  podLabels: Record<string, string>,
  ports: ContainerPort[] = [],
  extra: Partial<Workload> = {},
): string {
  const nsId = m.namespaces[ids.namespace(ns)] ? ids.namespace(ns) : addNamespace(m, ns);
  const id = ids.workload(ns, 'Deployment', name);
  m.workloads[id] = { id, namespaceId: nsId, name, kind: 'Deployment', podLabels, ports, ...extra };
  return id;
}

export function addService(m: Model, ns: string, name: string, spec: Omit<Service, 'id' | 'namespaceId' | 'name'>): string {
  const id = ids.service(ns, name);
  m.services[id] = { id, namespaceId: ids.namespace(ns), name, ...spec };
  return id;
}

export function addPolicy(m: Model, ns: string, name: string, spec: Omit<NetworkPolicy, 'id' | 'namespaceId' | 'name'>): string {
  const id = ids.policy(ns, name);
  m.policies[id] = { id, namespaceId: ids.namespace(ns), name, ...spec };
  return id;
}

export function addExternal(m: Model, name: string, cidrs: string[]): string {
  const id = ids.external(name);
  m.externals[id] = { id, name, cidrs };
  return id;
}

/** An empty model whose cluster has known node addresses (10.0.0.0/16), as most LB tests need. */
export function newModel(): Model {
  const m = emptyModel();
  m.cluster.nodeCidrs = ['10.0.0.0/16'];
  return m;
}
