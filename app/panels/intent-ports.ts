// The ports the "Allow traffic" dialog offers for a connection drawn on the canvas: with a load
// balancer (`lb:<serviceId>`) at either end, the Service's ports (port -> targetPort), which is
// what an LB intent stores (src/policy/lb-intents.ts); otherwise the target's container ports.

import type { Id, Model, Protocol } from '../../src/model/types.ts';
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import { serviceBackends, servicePortLabel } from '../../src/services/backends.ts';

export interface OfferedPort {
  protocol: Protocol;
  port: number;
  label: string;
}

export interface Offer {
  /** The radio button's text. */
  title: string;
  /** A load balancer is at one end: ports are Service ports. */
  lb: boolean;
  ports: OfferedPort[];
}

/**
 * What the dialog offers: the Service ports of a load balancer at either end (as the intent
 * stores them), else the container ports of the target workload.
 */
export function offeredPorts(model: Model, fromId: Id, toId: Id): Offer {
  const lbEnd = [toId, fromId].find((id) => serviceIdOfLoadBalancer(id) !== undefined);
  const svc = lbEnd ? model.services[serviceIdOfLoadBalancer(lbEnd)!] : undefined;
  if (svc) {
    // From the LB to a workload: show the port that workload serves each Service port on.
    const backend = lbEnd === fromId ? model.workloads[toId] : undefined;
    const ports = serviceBackends(model, svc).ports.map((sp) => {
      const on = backend ? sp.endpoints.find((e) => e.workloadId === backend.id)?.targetPort : undefined;
      return { protocol: sp.protocol, port: sp.port, label: `${servicePortLabel(sp)} → ${on ?? sp.targetPort}` };
    });
    return { title: `The load balancer's ports (${svc.name}: port → target port)`, lb: true, ports };
  }
  const ports = (model.workloads[toId]?.ports ?? []).map((p) => ({
    protocol: p.protocol ?? 'TCP',
    port: p.containerPort,
    label: `${p.protocol ?? 'TCP'} ${p.containerPort}${p.name ? ` (${p.name})` : ''}`,
  }));
  return { title: "The target's container ports", lb: false, ports };
}
