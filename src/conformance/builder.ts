// A small builder for test models (no YAML): namespaces, workloads and policies by name.

import { emptyModel, PROFILES } from '../model/factory.ts';
import type { ContainerPort, EgressRule, IngressRule, LabelSelector, Model, NetworkPolicy, Direction, Workload, ClusterProfile } from '../model/types.ts';

export class ModelBuilder {
  readonly model: Model = emptyModel();

  profile(name: keyof typeof PROFILES | ClusterProfile): this {
    this.model.cluster.profile = typeof name === 'string' ? { ...PROFILES[name] } : name;
    return this;
  }

  nodes(...cidrs: string[]): this {
    this.model.cluster.nodeCidrs = cidrs;
    return this;
  }

  ns(name: string, labels: Record<string, string> = {}): this {
    this.model.namespaces[`ns:${name}`] = { id: `ns:${name}`, name, labels };
    return this;
  }

  /** Workload id is `ns/name`. */
  pod(ns: string, name: string, podLabels: Record<string, string>, ports: ContainerPort[] = [], extra: Partial<Workload> = {}): this {
    if (!this.model.namespaces[`ns:${ns}`]) this.ns(ns);
    this.model.workloads[`${ns}/${name}`] = { id: `${ns}/${name}`, namespaceId: `ns:${ns}`, name, kind: 'Pod', podLabels, ports, ...extra };
    return this;
  }

  external(id: string, name: string, cidrs: string[]): this {
    this.model.externals[id] = { id, name, cidrs };
    return this;
  }

  /** Policy id is `ns/name`. */
  policy(ns: string, name: string, spec: { podSelector?: LabelSelector; policyTypes?: Direction[]; ingress?: IngressRule[]; egress?: EgressRule[] }): this {
    const np: NetworkPolicy = { id: `${ns}/${name}`, namespaceId: `ns:${ns}`, name, podSelector: spec.podSelector ?? {}, ...spec };
    if (!this.model.namespaces[`ns:${ns}`]) this.ns(ns);
    this.model.policies[np.id] = np;
    return this;
  }
}

export const build = (): ModelBuilder => new ModelBuilder();

/** Pods serving 80 and 81 on TCP, UDP and SCTP, named like the upstream e2e server ports. */
export const E2E_PORTS: ContainerPort[] = (['TCP', 'UDP', 'SCTP'] as const).flatMap((proto) =>
  [80, 81].map((port) => ({ name: `serve-${port}-${proto.toLowerCase()}`, containerPort: port, protocol: proto })),
);
