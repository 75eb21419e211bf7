// L-SVC-*: Services without endpoints, named targetPorts missing on backends, invalid port
// names (semantics.md 2.2).

import { servicePortProblems } from '../model/service-ports.ts';
import type { Service, Workload } from '../model/types.ts';
import { matchesSelector } from '../policy/selectors.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';

function backends(ctx: LintContext, svc: Service): Workload[] {
  const sel = svc.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  return ctx.workloadsIn(svc.namespaceId).filter((w) => matchesSelector({ matchLabels: sel }, w.podLabels));
}

export const serviceRules: LintRuleSet = {
  family: 'services',
  ids: ['L-SVC-01', 'L-SVC-02', 'L-SVC-03'],
  run(ctx) {
    const out: LintFinding[] = [];
    const services = Object.values(ctx.model.services).sort((a, b) => {
      const ka = `${ctx.namespaceName(a.namespaceId)}/${a.name}`;
      const kb = `${ctx.namespaceName(b.namespaceId)}/${b.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    for (const svc of services) {
      const base = { objectId: svc.id, object: `Service ${ctx.namespaceName(svc.namespaceId)}/${svc.name}` };
      for (const problem of servicePortProblems(svc.ports)) {
        const path = `spec.ports[${problem.index}].${problem.field}`;
        const message =
          problem.kind === 'unnamed' ? 'a Service with several ports needs a name on every port; the API server rejects it'
          : problem.kind === 'duplicate-name' ? `duplicate port name \`${svc.ports[problem.index].name}\`; the API server rejects it`
          : `${problem.message}; the API server rejects it`;
        out.push({ ...base, id: 'L-SVC-03', severity: 'error', path, message, ...(problem.kind === 'unnamed' ? { hint: 'name each port, e.g. `http`, `grpc`' } : {}) });
      }
      const hasSelector = svc.selector !== undefined && Object.keys(svc.selector).length > 0;
      if (!hasSelector || !ctx.hasWorkloads) continue;
      const pods = backends(ctx, svc);
      if (pods.length === 0) {
        out.push({
          ...base,
          id: 'L-SVC-01',
          severity: 'warning',
          path: 'spec.selector',
          message: `selector ${Object.entries(svc.selector!).map(([k, v]) => `${k}=${v}`).join(',')} matches no workload in namespace ${ctx.namespaceName(svc.namespaceId)}: the Service has no endpoints`,
          hint: 'compare the selector with the pod template labels',
        });
        continue;
      }
      svc.ports.forEach((p, i) => {
        if (typeof p.targetPort !== 'string') return;
        const proto = p.protocol ?? 'TCP';
        const lacking = pods.filter((w) => !w.ports.some((cp) => cp.name === p.targetPort && (cp.protocol ?? 'TCP') === proto));
        if (lacking.length === 0) return;
        out.push({
          ...base,
          id: 'L-SVC-02',
          severity: 'warning',
          path: `spec.ports[${i}].targetPort`,
          message: `named targetPort \`${p.targetPort}\`/${proto} is missing on ${lacking.map((w) => ctx.workloadLabel(w)).join(', ')}; ${lacking.length === pods.length ? 'no pod is' : 'those pods are not'} an endpoint for this port`,
          hint: 'add a container port with that name and protocol, or use the port number',
        });
      });
    }
    return out;
  },
};
