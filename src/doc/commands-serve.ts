// Drawing a load balancer to a workload means "this load balancer serves it": the Service's
// selector is changed so that it selects the workload (and keeps selecting the ones it served),
// instead of leaving a selector that matches nothing and an intent that can never be met.
//
// Public API:
//   servePlan(model, serviceId, workloadId): ServePlan
//   applyServePlan(model, plan): Model

import type { Id, Model, Service, ServicePort, Workload } from '../model/types.ts';
import { selectsWorkload, serviceBackends } from '../services/backends.ts';

export type ServePlan =
  | { kind: 'none' }
  /** The workload is served already. */
  | { kind: 'served' }
  | { kind: 'select'; serviceId: Id; selector: Record<string, string>; ports?: ServicePort[]; text: string }
  /** The selector cannot be changed to serve it; `text` says why and what to do. */
  | { kind: 'refused'; text: string };

const labelText = (sel: Record<string, string>) => Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(', ');

/** Labels every one of `ws` carries with the same value. */
function commonLabels(ws: readonly Workload[]): Record<string, string> {
  const [first, ...rest] = ws;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(first?.podLabels ?? {})) if (rest.every((w) => w.podLabels[k] === v)) out[k] = v;
  return out;
}

/** A first backend serving port `sp` on its first container port of that protocol, when it lacks `sp.port`. */
function retarget(ports: readonly ServicePort[], w: Workload): ServicePort[] | undefined {
  let changed = false;
  const out = ports.map((sp) => {
    if (sp.targetPort !== undefined) return sp;
    const proto = sp.protocol ?? 'TCP';
    const mine = w.ports.filter((p) => (p.protocol ?? 'TCP') === proto);
    if (mine.length === 0 || mine.some((p) => p.containerPort === sp.port)) return sp;
    changed = true;
    return { ...sp, targetPort: mine[0].name ?? mine[0].containerPort };
  });
  return changed ? out : undefined;
}

/** What drawing load balancer `serviceId` to workload `workloadId` does to the Service. */
export function servePlan(model: Model, serviceId: Id, workloadId: Id): ServePlan {
  const svc: Service | undefined = model.services[serviceId];
  const w = model.workloads[workloadId];
  if (!svc || svc.type !== 'LoadBalancer' || !w) return { kind: 'none' };
  if (selectsWorkload(svc, w)) return { kind: 'served' };
  const nsName = model.namespaces[svc.namespaceId]?.name ?? svc.namespaceId;
  if (w.namespaceId !== svc.namespaceId) {
    return { kind: 'refused', text: `${svc.name} is a Service in namespace ${nsName}, and a Service selects pods of its own namespace only: it cannot serve ${w.name}. Add a load balancer in ${model.namespaces[w.namespaceId]?.name ?? w.namespaceId}.` };
  }
  const current = serviceBackends(model, svc).backends.map((id) => model.workloads[id]).filter((x): x is Workload => !!x);
  const targets = [...current, w];
  let selector: Record<string, string>;
  if (current.length === 0) selector = w.podLabels.app !== undefined ? { app: w.podLabels.app } : { ...w.podLabels };
  else selector = commonLabels(targets);
  if (Object.keys(selector).length === 0) {
    return {
      kind: 'refused',
      text: current.length === 0
        ? `${w.name} has no pod labels, so ${svc.name} cannot select it: give it a label first.`
        : `${w.name} shares no pod label with ${current.map((x) => x.name).join(', ')}, which ${svc.name} already serves: give them a common label, then set the selector in the Inspector.`,
    };
  }
  const wanted = new Set(targets.map((x) => x.id));
  const extra = Object.values(model.workloads).filter((x) => !wanted.has(x.id) && selectsWorkload({ ...svc, selector }, x));
  if (extra.length > 0) {
    return { kind: 'refused', text: `selecting ${labelText(selector)} would also make ${svc.name} serve ${extra.map((x) => x.name).join(', ')}: set the selector in the Inspector.` };
  }
  const ports = current.length === 0 ? retarget(svc.ports, w) : undefined;
  const portText = ports ? `, target port ${ports.map((p) => p.targetPort ?? p.port).join(', ')}` : '';
  return {
    kind: 'select', serviceId, selector, ...(ports ? { ports } : {}),
    text: `${svc.name} now selects ${labelText(selector)} (serving ${targets.map((x) => x.name).join(', ')}${portText}).`,
  };
}

/** The model with the plan's selector (and ports) on the Service; unchanged for other plans. */
export function applyServePlan(model: Model, plan: ServePlan): Model {
  if (plan.kind !== 'select') return model;
  const svc = model.services[plan.serviceId];
  const next: Service = { ...svc, selector: plan.selector, ...(plan.ports ? { ports: plan.ports } : {}) };
  return { ...model, services: { ...model.services, [svc.id]: next } };
}
