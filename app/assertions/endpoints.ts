// Assertion endpoints on the canvas: workloads, external networks and load balancers (the LB
// node id `lb:<serviceId>` is also the assertion endpoint id the core reads).
import { protocolOf } from '../../src/model/ports.ts';
import type { Model, Protocol } from '../../src/model/types.ts';
import { serviceIdOfLbEndpoint } from '../../src/assertions/check.ts';

export function isAssertEndpoint(model: Model, id: string): boolean {
  if (model.workloads[id] || model.externals[id]) return true;
  const svc = serviceIdOfLbEndpoint(id);
  return svc !== undefined && model.services[svc]?.type === 'LoadBalancer';
}

export function isLb(id: string): boolean {
  return serviceIdOfLbEndpoint(id) !== undefined;
}

/** Short name for buttons and lists: `ns/name`, the external's name, `LB ns/name`. */
export function shortName(model: Model, id: string): string {
  const w = model.workloads[id];
  if (w) return `${model.namespaces[w.namespaceId]?.name ?? '?'}/${w.name}`;
  const e = model.externals[id];
  if (e) return e.name;
  const svc = model.services[serviceIdOfLbEndpoint(id) ?? ''];
  if (svc) return `LB ${model.namespaces[svc.namespaceId]?.name ?? '?'}/${svc.name}`;
  return id;
}

/** Ports a user most likely means: the target's container ports or the LB's ports. */
export function suggestedPorts(model: Model, toId: string): { protocol: Protocol; port: number; label: string }[] {
  const w = model.workloads[toId];
  if (w) return w.ports.map((p) => ({ protocol: protocolOf(p), port: p.containerPort, label: `${p.containerPort}/${protocolOf(p)}${p.name ? ` (${p.name})` : ''}` }));
  const svc = model.services[serviceIdOfLbEndpoint(toId) ?? ''];
  if (svc) return svc.ports.map((p) => ({ protocol: protocolOf(p), port: p.port, label: `${p.port}/${protocolOf(p)}${p.name ? ` (${p.name})` : ''}` }));
  return [];
}
