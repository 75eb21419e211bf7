// The canvas's ids, in one place. A canvas node is a namespace, a workload, an external network
// (their model ids) or a load balancer (`lb:<serviceId>`: a LoadBalancer Service drawn as a
// node). A canvas edge id names its kind and ends: `reach:a>b`, `svc:<serviceId>>w`, ...
// Everything that builds or reads these strings goes through formatNodeId / parseNodeId /
// formatEdgeId / parseEdgeId; labels for people come from canvasLabel.

import type { Id, Model } from '../model/types.ts';

const LB_PREFIX = 'lb:';

export type NodeRef =
  | { kind: 'namespace'; id: Id }
  | { kind: 'workload'; id: Id }
  | { kind: 'external'; id: Id }
  | { kind: 'loadbalancer'; serviceId: Id };

export type NodeKind = NodeRef['kind'];

/** Edge kinds: each is one id prefix. `src`/`dst` are canvas node ids. */
export type EdgeRef =
  | { kind: 'reach'; src: Id; dst: Id }
  /** Aggregated reachability between two groups (namespace or other node). */
  | { kind: 'nsreach'; src: Id; dst: Id }
  | { kind: 'deny'; src: Id; dst: Id }
  /** A LoadBalancer Service to one of its backends. */
  | { kind: 'svc'; serviceId: Id; workloadId: Id }
  | { kind: 'intent'; intentId: Id }
  /** An external network admitted by a load balancer. */
  | { kind: 'ext'; externalId: Id; serviceId: Id }
  | { kind: 'assert'; assertionId: Id }
  /** Review mode: a connection the baseline allowed and the design no longer does. */
  | { kind: 'review-removed'; src: Id; dst: Id };

export type EdgeKindPrefix = EdgeRef['kind'];

/** Canvas id of the load balancer node of a LoadBalancer Service. */
export function loadBalancerNodeId(serviceId: Id): Id {
  return `${LB_PREFIX}${serviceId}`;
}

/** The Service id behind a load balancer node id, or undefined for any other id. */
export function serviceIdOfLoadBalancerNode(nodeId: Id): Id | undefined {
  return nodeId.startsWith(LB_PREFIX) ? nodeId.slice(LB_PREFIX.length) : undefined;
}

export function formatNodeId(ref: NodeRef): Id {
  return ref.kind === 'loadbalancer' ? loadBalancerNodeId(ref.serviceId) : ref.id;
}

/** What a canvas node id stands for in `model`, or null when it is not on the canvas. */
export function parseNodeId(model: Model, id: Id): NodeRef | null {
  const svc = serviceIdOfLoadBalancerNode(id);
  if (svc !== undefined) return model.services[svc]?.type === 'LoadBalancer' ? { kind: 'loadbalancer', serviceId: svc } : null;
  if (model.workloads[id]) return { kind: 'workload', id };
  if (model.namespaces[id]) return { kind: 'namespace', id };
  if (model.externals[id]) return { kind: 'external', id };
  return null;
}

/**
 * The canvas node of a model id used as an endpoint (intents, assertions, paths): workloads and
 * externals are their own node, a LoadBalancer Service (bare id or `lb:` id) is its LB node.
 */
export function endpointNodeId(model: Model, id: Id): Id | null {
  if (model.workloads[id] || model.externals[id]) return id;
  const svc = serviceIdOfLoadBalancerNode(id) ?? id;
  return model.services[svc]?.type === 'LoadBalancer' ? loadBalancerNodeId(svc) : null;
}

/** The model id an intent or assertion stores for a canvas node (LB nodes stand for their Service). */
export function endpointModelId(nodeId: Id): Id {
  return serviceIdOfLoadBalancerNode(nodeId) ?? nodeId;
}

export function formatEdgeId(ref: EdgeRef): string {
  switch (ref.kind) {
    case 'intent': return `intent:${ref.intentId}`;
    case 'assert': return `assert:${ref.assertionId}`;
    case 'svc': return `svc:${ref.serviceId}>${ref.workloadId}`;
    case 'ext': return `ext:${ref.externalId}>${ref.serviceId}`;
    default: return `${ref.kind}:${ref.src}>${ref.dst}`;
  }
}

const PAIR_KINDS = new Set(['reach', 'nsreach', 'deny', 'review-removed']);

/** The edge an id names, or null for a string that is no canvas edge id. Model ids never hold '>'. */
export function parseEdgeId(id: string): EdgeRef | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (kind === 'intent') return rest ? { kind, intentId: rest } : null;
  if (kind === 'assert') return rest ? { kind, assertionId: rest } : null;
  const gt = rest.lastIndexOf('>');
  if (gt <= 0 || gt === rest.length - 1) return null;
  const a = rest.slice(0, gt);
  const b = rest.slice(gt + 1);
  if (kind === 'svc') return { kind, serviceId: a, workloadId: b };
  if (kind === 'ext') return { kind, externalId: a, serviceId: b };
  if (PAIR_KINDS.has(kind)) return { kind: kind as 'reach', src: a, dst: b };
  return null;
}

/** Source and target canvas node ids of an edge (intents and assertions need the model). */
export function edgeEnds(model: Model, ref: EdgeRef): { src: Id; dst: Id } | null {
  switch (ref.kind) {
    case 'svc': return { src: loadBalancerNodeId(ref.serviceId), dst: ref.workloadId };
    case 'ext': return { src: ref.externalId, dst: loadBalancerNodeId(ref.serviceId) };
    case 'intent': {
      const it = model.intents[ref.intentId];
      const s = it && endpointNodeId(model, it.fromId);
      const t = it && endpointNodeId(model, it.toId);
      return s && t ? { src: s, dst: t } : null;
    }
    case 'assert': {
      const a = model.assertions?.[ref.assertionId];
      const s = a && endpointNodeId(model, a.fromId);
      const t = a && endpointNodeId(model, a.toId);
      return s && t ? { src: s, dst: t } : null;
    }
    default: return { src: ref.src, dst: ref.dst };
  }
}

/** A person's name for a canvas node: `namespace/name` for namespaced things. */
export function canvasLabel(model: Model, id: Id): string {
  const ref = parseNodeId(model, id);
  if (!ref) return id;
  const nsName = (nsId: Id) => model.namespaces[nsId]?.name ?? '?';
  switch (ref.kind) {
    case 'namespace': return model.namespaces[ref.id].name;
    case 'workload': {
      const w = model.workloads[ref.id];
      return `${nsName(w.namespaceId)}/${w.name}`;
    }
    case 'external': return model.externals[ref.id].name;
    case 'loadbalancer': {
      const s = model.services[ref.serviceId];
      return `${nsName(s.namespaceId)}/${s.name}`;
    }
  }
}
