// Builds the LintContext: sorted policies and per-namespace workload lists, computed once.

import type { Id, Model, NetworkPolicy, Service, Workload } from '../model/types.ts';
import { ingressPolicies } from '../policy/evaluate.ts';
import { serviceBackends, type ServiceBackends } from '../services/backends.ts';
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
  // Backends and selecting policies always share the namespace of the Service / workload, so
  // a model narrowed to that namespace gives the same answers without scanning the cluster.
  const policiesByNs = new Map<Id, NetworkPolicy[]>();
  for (const p of Object.values(model.policies)) {
    const list = policiesByNs.get(p.namespaceId);
    if (list) list.push(p);
    else policiesByNs.set(p.namespaceId, [p]);
  }
  const narrowed = new Map<Id, Model>();
  const inNamespace = (ns: Id): Model => {
    let m = narrowed.get(ns);
    if (!m) {
      const workloads = Object.fromEntries((byNs.get(ns) ?? []).map((w) => [w.id, w]));
      const nsPolicies = Object.fromEntries((policiesByNs.get(ns) ?? []).map((p) => [p.id, p]));
      m = { ...model, workloads, policies: nsPolicies };
      narrowed.set(ns, m);
    }
    return m;
  };
  const backends = new Map<Id, ServiceBackends>();
  const selecting = new Map<Id, NetworkPolicy[]>();
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
    serviceBackends(svc: Service) {
      let b = backends.get(svc.id);
      if (!b) backends.set(svc.id, (b = serviceBackends(inNamespace(svc.namespaceId), svc)));
      return b;
    },
    ingressPolicies(w: Workload) {
      let list = selecting.get(w.id);
      if (!list) selecting.set(w.id, (list = ingressPolicies(inNamespace(w.namespaceId), w)));
      return list;
    },
  };
}
