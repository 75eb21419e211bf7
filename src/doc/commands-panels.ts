// Checks and small commands the designer's panels need beyond src/doc/commands.ts.

import type { Id, Model, NetworkPolicy } from '../model/types.ts';
import { newId } from '../model/factory.ts';

export type NamedKind = 'namespace' | 'workload' | 'service' | 'policy';

/**
 * Message when another object of the same kind already uses `name` (in the same namespace for
 * namespaced kinds), else null. Kubernetes keys objects by kind, namespace and name.
 */
export function nameTakenError(model: Model, kind: NamedKind, name: string, selfId: Id, namespaceId?: Id): string | null {
  const taken = (objects: Record<Id, { id: Id; name: string; namespaceId?: Id }>) =>
    Object.values(objects).some((o) => o.id !== selfId && o.name === name && (namespaceId === undefined || o.namespaceId === namespaceId));
  const exists =
    kind === 'namespace'
      ? taken(model.namespaces)
      : kind === 'service'
        ? taken(model.services)
        : kind === 'policy'
          ? taken(model.policies)
          : Object.values(model.workloads).some(
              (w) => w.id !== selfId && w.name === name && w.namespaceId === namespaceId && w.kind === model.workloads[selfId]?.kind,
            );
  return exists ? `"${name}" is already used in this namespace` : null;
}

/** A name `base`, `base-2`, `base-3`… not yet used by a policy of the namespace. */
export function freePolicyName(model: Model, namespaceId: Id, base: string): string {
  const used = new Set(Object.values(model.policies).filter((p) => p.namespaceId === namespaceId).map((p) => p.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new hand-written policy that selects every pod of the namespace and denies all ingress. */
export function newPolicy(model: Model, namespaceId: Id): NetworkPolicy {
  return {
    id: newId('np'),
    namespaceId,
    name: freePolicyName(model, namespaceId, 'new-policy'),
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [],
  };
}

/** A copy of a policy under a free name, always hand-written (never marked generated). */
export function duplicatePolicyObject(model: Model, policyId: Id): NetworkPolicy | undefined {
  const src = model.policies[policyId];
  if (!src) return undefined;
  const copy: NetworkPolicy = structuredClone(src);
  copy.id = newId('np');
  copy.name = freePolicyName(model, src.namespaceId, `${src.name}-copy`);
  delete copy.generated;
  return copy;
}
