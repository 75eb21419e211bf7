// External traffic through LoadBalancer and NodePort Services, hop by hop (semantics.md
// 2.4-2.8): source-range admission, node port exposure, the source address the backend really
// sees (SNAT / client / LB addresses), the Service-port -> targetPort mapping per backend, and
// the backend's ingress decision on THAT source and port.
//
// Public API:
//   externalPaths(model, sources?): PathResult[]
//   pathsFromSource(model, source, service, vias?): PathResult[]
//   seenSource(model, service, via): SeenSource
//   PathResult, PathHop, PathOutcome, SeenSource, PathSource
//
// Results are plain data (strings, numbers, arrays) so they cross a Web Worker boundary.

import type { Id, Model, Protocol, Service, Workload } from '../model/types.ts';
import { ipDifference, ipSubsetOf, toCidrs, type IpSet } from '../net/ipset.ts';
import { splitByBlocks } from '../policy/endpoints.ts';
import { namespaceOf } from '../policy/np-rules.ts';
import { contains, describeConn } from '../policy/portset.ts';
import { serviceBackends, servicePortLabel, type ResolvedServicePort } from './backends.ts';
import { withSelectionIndex } from '../policy/selection-index.ts';
import { ingressBlocks, ingressFromAddresses, validIpSet } from './ingress-side.ts';

export type HopKind = 'source-range' | 'node-port' | 'delivery' | 'port-map' | 'ingress-policy';
/** pass: traffic continues; block: dropped here; caveat: continues only under a condition; info: a note. */
export type HopVerdict = 'pass' | 'block' | 'caveat' | 'info';

export interface PathHop {
  kind: HopKind;
  verdict: HopVerdict;
  text: string;
}

/** conditional: reaches only in some placements (own-node exception, some nodes) or unknown. */
export type PathOutcome = 'reach' | 'no-reach' | 'conditional';

export type Via = 'loadbalancer' | 'nodeport';

/** The source address the backend's ingress policy sees. */
export interface SeenSource {
  kind: 'client' | 'node' | 'lb';
  /** Empty when the design does not say (e.g. lbSourceCidrs unset). */
  cidrs: string[];
  /** Why, in plain English. */
  text: string;
  /** The cluster setting that would say which addresses these are, when it is not set. */
  unknown?: UnknownSetting;
}

/** Cluster assumptions a path can depend on while they are not set. */
export type UnknownSetting = 'nodeCidrs' | 'lbSourceCidrs';
export const UNKNOWN_SETTING_LABEL: Record<UnknownSetting, string> = { nodeCidrs: 'node CIDRs', lbSourceCidrs: 'load-balancer source CIDRs' };

export interface PathSource {
  /** External network model id (or any caller-chosen id). */
  id: string;
  name: string;
  cidrs: string[];
}

export interface PathResult {
  sourceId: string;
  sourceName: string;
  /** The part of the source this result is about (sources are split where rules differ). */
  cidrs: string[];
  serviceId: Id;
  /** `<namespace>/<name>` */
  serviceName: string;
  via: Via;
  port: { name?: string; protocol: Protocol; port: number; nodePort?: number };
  /** Absent when the Service has no backend for this port. */
  backendId?: Id;
  backendName?: string;
  targetPort?: number;
  seen: SeenSource;
  outcome: PathOutcome;
  hops: PathHop[];
}

const SNAT_PROXIES = new Set(['kube-proxy', 'cilium-snat']);

function serviceName(model: Model, svc: Service): string {
  return `${namespaceOf(model, svc.namespaceId).name}/${svc.name}`;
}

function workloadName(model: Model, w: Workload): string {
  return `${namespaceOf(model, w.namespaceId).name}/${w.name}`;
}

function list(cidrs: readonly string[]): string {
  if (cidrs.length === 0) return '(none)';
  return cidrs.length > 4 ? `${cidrs.slice(0, 4).join(', ')} and ${cidrs.length - 4} more` : cidrs.join(', ');
}

/** Which source address a backend sees for traffic arriving through `via` (semantics 2.4, 2.5). */
export function seenSource(model: Model, svc: Service, via: Via, clientCidrs: readonly string[]): SeenSource {
  const c = model.cluster;
  const etp = svc.externalTrafficPolicy ?? 'Cluster';
  const proxy = c.profile.serviceProxy;
  const mode = c.lbDeliveryMode ?? 'vip-passthrough';
  if (via === 'loadbalancer' && (mode === 'proxy' || mode === 'direct-to-pod')) {
    const lb = c.lbSourceCidrs ?? [];
    const what = mode === 'proxy' ? 'a proxying load balancer opens its own connection' : 'a direct-to-pod load balancer sends straight to the pod IP, bypassing kube-proxy';
    return {
      kind: 'lb',
      cidrs: [...lb],
      ...(lb.length === 0 ? { unknown: 'lbSourceCidrs' as const } : {}),
      text: lb.length > 0
        ? `${what}: the backend sees the load balancer's addresses (${list(lb)}), not the client`
        : `${what}: the backend sees the load balancer's addresses, but lbSourceCidrs is not set in the cluster settings, so only rules that admit every source can be trusted`,
    };
  }
  if (proxy === 'cilium-dsr') {
    return { kind: 'client', cidrs: [...clientCidrs], text: 'Cilium in DSR mode keeps the client address: the backend sees the client' };
  }
  if (etp === 'Local') {
    return {
      kind: 'client',
      cidrs: [...clientCidrs],
      text: 'externalTrafficPolicy: Local keeps the client address (only nodes running a backend receive traffic): the backend sees the client',
    };
  }
  if (SNAT_PROXIES.has(proxy)) {
    return {
      kind: 'node',
      cidrs: [...c.nodeCidrs],
      ...(c.nodeCidrs.length === 0 ? { unknown: 'nodeCidrs' as const } : {}),
      text: `externalTrafficPolicy: Cluster: the receiving node SNATs the connection (${proxy}), so the backend sees a node address (${list(c.nodeCidrs)}), not the client`,
    };
  }
  return { kind: 'client', cidrs: [...clientCidrs], text: 'the client address is kept' };
}

function sourceRangeHop(model: Model, svc: Service, part: IpSet, partText: string): PathHop {
  const ranges = svc.loadBalancerSourceRanges ?? [];
  if (ranges.length === 0) return { kind: 'source-range', verdict: 'pass', text: 'no loadBalancerSourceRanges: the load balancer accepts every source' };
  if (model.cluster.lbSourceRangesEnforced === false) {
    return { kind: 'source-range', verdict: 'info', text: `loadBalancerSourceRanges (${list(ranges)}) are set, but the cluster settings say this platform does not enforce them: ignored` };
  }
  const set = validIpSet(ranges);
  if (ipSubsetOf(part, set)) return { kind: 'source-range', verdict: 'pass', text: `${partText} is inside loadBalancerSourceRanges (${list(ranges)})` };
  return { kind: 'source-range', verdict: 'block', text: `${partText} is outside loadBalancerSourceRanges (${list(ranges)}): the load balancer drops it` };
}

function nodePortHop(svc: Service, sp: ResolvedServicePort): PathHop {
  const np = sp.nodePort !== undefined ? `node port ${sp.nodePort}` : 'the allocated node port';
  const ranges = svc.loadBalancerSourceRanges ?? [];
  if (svc.type === 'LoadBalancer' && ranges.length > 0) {
    return {
      kind: 'node-port',
      verdict: 'caveat',
      text: `${np} is open on every node to anyone who can route to the nodes; loadBalancerSourceRanges do not apply to node ports, so this path bypasses them`,
    };
  }
  return { kind: 'node-port', verdict: 'pass', text: `${np} is open on every node to anyone who can route to the nodes` };
}

function deliveryHop(seen: SeenSource): PathHop {
  const unknown = seen.kind === 'lb' && seen.cidrs.length === 0;
  const noNodes = seen.kind === 'node' && seen.cidrs.length === 0;
  return {
    kind: 'delivery',
    verdict: unknown || noNodes ? 'caveat' : 'info',
    text: noNodes ? `${seen.text}; nodeCidrs is not set in the cluster settings` : seen.text,
  };
}

interface PolicyDecision {
  hop: PathHop;
  outcome: PathOutcome;
}

function policyHop(model: Model, backend: Workload, seen: SeenSource, proto: Protocol, port: number): PolicyDecision {
  const name = workloadName(model, backend);
  const target = `${proto} ${port}`;
  const side = ingressFromAddresses(model, backend, seen.cidrs, seen.kind === 'node');
  if (side.status === 'not-a-pod') return { outcome: 'reach', hop: { kind: 'ingress-policy', verdict: 'pass', text: `${name} runs in the host network: NetworkPolicy does not apply to it` } };
  if (side.status === 'not-isolated') return { outcome: 'reach', hop: { kind: 'ingress-policy', verdict: 'pass', text: `no NetworkPolicy isolates ${name} for ingress: ${target} is admitted` } };
  const ok = side.parts.filter((p) => contains(p.allowed, proto, port));
  const who = seen.kind === 'node' ? 'node addresses' : seen.kind === 'lb' ? 'the load balancer addresses' : 'the client';
  if (ok.length === side.parts.length) {
    return { outcome: 'reach', hop: { kind: 'ingress-policy', verdict: 'pass', text: `the ingress policy of ${name} admits ${target} from ${who}${seen.cidrs.length ? ` (${list(seen.cidrs)})` : ''}` } };
  }
  const nodeHint = seen.kind === 'node' && side.hasNodeIpBlock && !model.cluster.profile.ipBlockMatchesNodes
    ? ` The ipBlock of node addresses matches nothing under the '${model.cluster.profile.name}' profile (Cilium: needs policy-cidr-match-mode=nodes).`
    : '';
  const clientHint = seen.kind !== 'node' && side.hasNodeIpBlock
    ? ' Its ipBlock of node addresses does not help: on this path the pod does not see node addresses (semantics 2.7).'
    : '';
  if (seen.kind === 'node') {
    const some = ok.length > 0 ? ` It admits only some nodes (${list(ok.flatMap((p) => p.cidrs))}), so it depends on which node receives the connection.` : '';
    return {
      outcome: 'conditional',
      hop: {
        kind: 'ingress-policy',
        verdict: 'caveat',
        text: `the ingress policy of ${name} does not admit ${target} from ${ok.length > 0 ? 'all ' : ''}node addresses.${some} Traffic SNATed by the pod's own node is always admitted (semantics 1.9), so it works only when the connection lands on the node running that pod.${nodeHint}`,
      },
    };
  }
  if (seen.kind === 'lb' && seen.cidrs.length === 0) {
    return { outcome: 'conditional', hop: { kind: 'ingress-policy', verdict: 'caveat', text: `the ingress policy of ${name} admits ${target} only from specific sources, and the load balancer's addresses are unknown (set lbSourceCidrs)` } };
  }
  if (ok.length > 0) {
    return {
      outcome: 'conditional',
      hop: { kind: 'ingress-policy', verdict: 'caveat', text: `the ingress policy of ${name} admits ${target} only from part of ${who}: ${list(ok.flatMap((p) => p.cidrs))}` },
    };
  }
  const allowedText = describeConn(side.parts[0]?.allowed ?? { TCP: [], UDP: [], SCTP: [] });
  return {
    outcome: 'no-reach',
    hop: { kind: 'ingress-policy', verdict: 'block', text: `the ingress policy of ${name} does not admit ${target} from ${who}${seen.cidrs.length ? ` (${list(seen.cidrs)})` : ''} (admits: ${allowedText}).${clientHint}` },
  };
}

// Delivery caveats (unknown LB / node addresses) matter only through the policy decision,
// which already answers "conditional" when it cannot tell; an unisolated backend reaches.
function combine(hops: PathHop[], policy?: PolicyDecision): PathOutcome {
  if (hops.some((h) => h.verdict === 'block')) return 'no-reach';
  return policy ? policy.outcome : 'no-reach';
}

export function vias(svc: Service): Via[] {
  if (svc.type === 'LoadBalancer') return svc.allocateLoadBalancerNodePorts === false ? ['loadbalancer'] : ['loadbalancer', 'nodeport'];
  if (svc.type === 'NodePort') return ['nodeport'];
  return [];
}

/** Address boundaries that make results differ inside one source (ranges and backend ipBlocks). */
function boundaries(model: Model, svc: Service, backends: Workload[]): IpSet[] {
  const out: IpSet[] = [];
  if (svc.loadBalancerSourceRanges?.length) out.push(validIpSet(svc.loadBalancerSourceRanges));
  for (const w of backends) out.push(...ingressBlocks(model, w));
  return out;
}

/** All paths from one address source into one NodePort / LoadBalancer Service. */
export function pathsFromSource(model: Model, source: PathSource, svc: Service, only?: Via[]): PathResult[] {
  const out: PathResult[] = [];
  const resolved = serviceBackends(model, svc);
  const backends = resolved.backends.map((id) => model.workloads[id]);
  const set = validIpSet(source.cidrs);
  const parts = splitByBlocks(set, boundaries(model, svc, backends));
  const sName = serviceName(model, svc);
  for (const part of parts) {
    const cidrs = toCidrs(part);
    const partText = parts.length > 1 ? `${source.name} [${list(cidrs)}]` : source.name;
    for (const via of vias(svc).filter((v) => !only || only.includes(v))) {
      const seen = seenSource(model, svc, via, cidrs);
      for (const sp of resolved.ports) {
        const entry = via === 'loadbalancer' ? sourceRangeHop(model, svc, part, partText) : nodePortHop(svc, sp);
        const lbNeedsNodePorts = via === 'loadbalancer' && model.cluster.lbDeliveryMode === 'nodeport-passthrough' && svc.allocateLoadBalancerNodePorts === false;
        const entryHops: PathHop[] = lbNeedsNodePorts
          ? [entry, { kind: 'node-port', verdict: 'block', text: 'this load balancer forwards to node ports, but allocateLoadBalancerNodePorts: false leaves the Service without them' }]
          : [entry];
        const base = {
          sourceId: source.id,
          sourceName: source.name,
          cidrs,
          serviceId: svc.id,
          serviceName: sName,
          via,
          port: { ...(sp.name !== undefined ? { name: sp.name } : {}), protocol: sp.protocol, port: sp.port, ...(sp.nodePort !== undefined ? { nodePort: sp.nodePort } : {}) },
          seen,
        };
        if (!resolved.hasSelector || resolved.backends.length === 0) {
          const text = resolved.hasSelector ? `the selector of ${sName} matches no workload: no endpoints` : `${sName} has no selector: its endpoints are managed outside the design`;
          const hops: PathHop[] = [...entryHops, { kind: 'port-map', verdict: 'block', text }];
          out.push({ ...base, outcome: 'no-reach', hops });
          continue;
        }
        const endpointOf = new Map(sp.endpoints.map((e) => [e.workloadId, e.targetPort]));
        for (const w of backends) {
          const tp = endpointOf.get(w.id);
          const wName = workloadName(model, w);
          const hops: PathHop[] = [...entryHops, deliveryHop(seen)];
          if (tp === undefined) {
            hops.push({ kind: 'port-map', verdict: 'block', text: `${wName} has no ${sp.protocol} container port named '${sp.targetPort}': not an endpoint for ${servicePortLabel(sp)}` });
            out.push({ ...base, backendId: w.id, backendName: wName, outcome: 'no-reach', hops });
            continue;
          }
          const front = via === 'nodeport' ? `${sp.nodePort !== undefined ? `node port ${sp.nodePort}` : 'node port'} -> ` : '';
          hops.push({ kind: 'port-map', verdict: 'pass', text: `${front}service port ${servicePortLabel(sp)} -> targetPort ${tp} on ${wName}` });
          let decision: PolicyDecision | undefined;
          if (!hops.some((h) => h.verdict === 'block')) {
            decision = policyHop(model, w, seen, sp.protocol, tp);
            hops.push(decision.hop);
          }
          out.push({ ...base, backendId: w.id, backendName: wName, targetPort: tp, outcome: combine(hops, decision), hops });
        }
      }
    }
  }
  return out;
}

/** Model external networks as path sources. */
export function externalSources(model: Model): PathSource[] {
  return Object.values(model.externals)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => ({ id: e.id, name: e.name, cidrs: e.cidrs }));
}

/** Every external network (split into parts where it matters) into every NodePort / LoadBalancer Service. */
export function externalPaths(model: Model, sources: PathSource[] = externalSources(model)): PathResult[] {
  const services = Object.values(model.services)
    .filter((s) => s.type === 'LoadBalancer' || s.type === 'NodePort')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Every backend's policies are looked up per source part, via and port: index them once.
  return withSelectionIndex(() => services.flatMap((svc) => sources.flatMap((src) => pathsFromSource(model, src, svc))));
}

/** Addresses not in the cluster's own ranges: the default "Internet" (semantics 2.8). */
export function internetCidrs(model: Model): string[] {
  const c = model.cluster;
  const all = validIpSet(['0.0.0.0/0', '::/0']);
  return toCidrs(ipDifference(all, validIpSet([...c.podCidrs, ...c.serviceCidrs, ...c.nodeCidrs])));
}
