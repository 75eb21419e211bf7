// The ports the "Allow traffic" dialog offers for a connection drawn on the canvas: with a load
// balancer (`lb:<serviceId>` or its Service's id) at either end, the Service's ports (port -> targetPort), which is
// what an LB intent stores (src/policy/lb-intents.ts); otherwise the target's container ports.

import { protocolOf } from '../../src/model/ports.ts';
import type { Id, Model, Protocol } from '../../src/model/types.ts';
import { resolveIntentEnd, type IntentEnd } from '../../src/policy/synthesize-parts.ts';
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
  // Ends as the core reads them: `lb:<svc>` or the id of a LoadBalancer Service.
  const end = (id: Id): IntentEnd | undefined => {
    const e = resolveIntentEnd(model, id);
    return typeof e === 'string' ? undefined : e;
  };
  const from = end(fromId);
  const to = end(toId);
  const lb = to?.kind === 'loadbalancer' ? to : from?.kind === 'loadbalancer' ? from : undefined;
  if (lb) {
    const svc = lb.service;
    // From the LB to a workload: show the port that workload serves each Service port on.
    const backend = lb === from && to?.kind === 'workload' ? to.workload : undefined;
    const ports = serviceBackends(model, svc).ports.map((sp) => {
      const on = backend ? sp.endpoints.find((e) => e.workloadId === backend.id)?.targetPort : undefined;
      // A named target port: add the number when every backend serves it on the same one.
      const numbers = [...new Set(sp.endpoints.map((e) => e.targetPort))];
      const target = on ?? (typeof sp.targetPort === 'string' && numbers.length === 1 ? `${sp.targetPort} (${numbers[0]})` : sp.targetPort);
      return { protocol: sp.protocol, port: sp.port, label: `${servicePortLabel(sp)} → ${target}` };
    });
    return { title: `The load balancer's ports (${svc.name}: port → target port)`, lb: true, ports };
  }
  const ports = (model.workloads[toId]?.ports ?? []).map((p) => ({
    protocol: protocolOf(p),
    port: p.containerPort,
    label: `${protocolOf(p)} ${p.containerPort}${p.name ? ` (${p.name})` : ''}`,
  }));
  return { title: "The target's container ports", lb: false, ports };
}
