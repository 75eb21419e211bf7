// Builds the LintContext: sorted policies and per-namespace workload lists, computed once.

import type { Id, Model, NetworkPolicy, Workload } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import type { LintContext, LintOptions } from './types.ts';

export const DEFAULT_LINT_OPTIONS: Required<LintOptions> = {
  shadowMaxPolicies: 300,
  shadowMaxWorkloads: 2000,
};

export function lintContext(model: Model, reach?: Reachability, options: LintOptions = {}): LintContext {
  const namespaceName = (id: Id) => model.namespaces[id]?.name ?? id.replace(/^ns:/, '');
  const byNs = new Map<Id, Workload[]>();
  for (const w of Object.values(model.workloads)) {
    const list = byNs.get(w.namespaceId);
    if (list) list.push(w);
    else byNs.set(w.namespaceId, [w]);
  }
  const key = (ns: Id, name: string) => `${namespaceName(ns)}/${name}`;
  const policies = Object.values(model.policies).sort((a, b) => {
    const ka = key(a.namespaceId, a.name);
    const kb = key(b.namespaceId, b.name);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return {
    model,
    reach,
    options: { ...DEFAULT_LINT_OPTIONS, ...options },
    policies,
    workloadsIn: (id) => byNs.get(id) ?? [],
    namespaceName,
    policyLabel: (np: NetworkPolicy) => `NetworkPolicy ${key(np.namespaceId, np.name)}`,
    workloadLabel: (w: Workload) => `${w.kind} ${key(w.namespaceId, w.name)}`,
    hasWorkloads: Object.keys(model.workloads).length > 0,
  };
}
