// Intents with a load balancer (`lb:<serviceId>`) at one end: which Service ports they mean
// and which target port each backend serves them on (semantics 2.1, 2.2: policy sees only the
// backend and its targetPort, never the Service port).
//
// What an LB intent stores in `ports`: the Service's ports, as clients dial them (the same
// convention as assertions and `netpol check`): a number (or range) is a Service `port`, a
// name is a Service port `name`, no port = every port of the protocol, and an empty list = every
// Service port. For an intent FROM a load balancer to a workload W, a number or name that is
// not a Service port but is what W serves a Service port on (its targetPort, a container port
// number or name) is read as that target port: the canvas dialog offers W's container ports.
//
// Public API:
//   lbIntentPorts(service, backends, intentPorts, backend?): LbIntentPorts
//   targetPortsOn(servicePorts, backendId): PolicyPort[]
//   peerAddresses(peers): IpSet

import type { Id, PolicyPeer, PolicyPort, Protocol, Service, Workload } from '../model/types.ts';
import { ipUnion, type IpSet } from '../net/ipset.ts';
import { servicePortLabel, type ResolvedServicePort, type ServiceBackends } from '../services/backends.ts';
import { ipBlockSet } from './np-rules.ts';

export interface LbIntentPorts {
  /** False when no intended port names a Service port (then `problems` says why). */
  ok: boolean;
  /** The Service ports the intent means, in Service order. */
  servicePorts: ResolvedServicePort[];
  /** Intended ports that match no Service port (each one sentence). */
  problems: string[];
}

function portsText(svc: Service, resolved: ServiceBackends, backend: Workload | undefined): string {
  return resolved.ports.map((sp) => {
    const tp = backend ? sp.endpoints.find((e) => e.workloadId === backend.id)?.targetPort : undefined;
    return `${servicePortLabel(sp)}${tp !== undefined && tp !== sp.port ? ` -> ${tp}` : ''}`;
  }).join(', ') || `none (${svc.name} declares no ports)`;
}

/**
 * The Service ports an LB intent means (see the header for the convention). `backend`: the
 * target workload of an intent from the load balancer, whose target ports are also accepted.
 */
export function lbIntentPorts(svc: Service, resolved: ServiceBackends, intentPorts: readonly PolicyPort[], backend?: Workload): LbIntentPorts {
  if (intentPorts.length === 0) return { ok: resolved.ports.length > 0, servicePorts: [...resolved.ports], problems: resolved.ports.length ? [] : [`${svc.name} declares no ports`] };
  const chosen = new Set<number>();
  const problems: string[] = [];
  const tpOn = (sp: ResolvedServicePort): number | undefined => (backend ? sp.endpoints.find((e) => e.workloadId === backend.id)?.targetPort : undefined);
  for (const p of intentPorts) {
    const protocol: Protocol = p.protocol ?? 'TCP';
    const same = resolved.ports.filter((sp) => sp.protocol === protocol);
    let hits: ResolvedServicePort[];
    if (p.port === undefined) hits = same;
    else if (typeof p.port === 'string') {
      const name = p.port;
      hits = same.filter((sp) => sp.name === name);
      if (hits.length === 0 && backend) {
        const numbers = new Set(backend.ports.filter((cp) => cp.name === name && (cp.protocol ?? 'TCP') === protocol).map((cp) => cp.containerPort));
        hits = same.filter((sp) => numbers.has(tpOn(sp) ?? -1));
      }
    } else {
      const lo = p.port;
      const hi = p.endPort !== undefined && p.endPort > lo ? p.endPort : lo;
      hits = same.filter((sp) => sp.port >= lo && sp.port <= hi);
      if (hits.length === 0 && backend) hits = same.filter((sp) => { const tp = tpOn(sp); return tp !== undefined && tp >= lo && tp <= hi; });
    }
    if (hits.length === 0) {
      const what = p.port === undefined ? `no ${protocol} port` : `port ${p.port}${p.endPort !== undefined && typeof p.port === 'number' && p.endPort > p.port ? `-${p.endPort}` : ''}/${protocol}`;
      problems.push(`${what} is not a port of the load balancer ${svc.name}${backend ? ` (nor a target port ${backend.name} serves it on)` : ''}; its ports: ${portsText(svc, resolved, backend)}`);
    }
    for (const sp of hits) chosen.add(sp.index);
  }
  const servicePorts = resolved.ports.filter((sp) => chosen.has(sp.index));
  return { ok: servicePorts.length > 0, servicePorts, problems };
}

/** The target ports `backendId` serves the chosen Service ports on, as policy ports (sorted, unique). */
export function targetPortsOn(servicePorts: readonly ResolvedServicePort[], backendId: Id): PolicyPort[] {
  const seen = new Set<string>();
  const out: PolicyPort[] = [];
  for (const sp of servicePorts) {
    const tp = sp.endpoints.find((e) => e.workloadId === backendId)?.targetPort;
    if (tp === undefined || seen.has(`${sp.protocol}/${tp}`)) continue;
    seen.add(`${sp.protocol}/${tp}`);
    out.push({ protocol: sp.protocol, port: tp });
  }
  return out.sort((a, b) => (a.protocol as string).localeCompare(b.protocol as string) || (a.port as number) - (b.port as number));
}

/** Addresses covered by ipBlock peers (cidr minus except). */
export function peerAddresses(peers: readonly PolicyPeer[]): IpSet {
  let set: IpSet = [];
  for (const p of peers) if (p.ipBlock) set = ipUnion(set, ipBlockSet(p.ipBlock));
  return set;
}
