// Allowed connections between canvas nodes: the evaluator's endpoint pairs mapped onto the
// nodes that draw them (a split external network is one node), ports merged. Computed once per
// evaluation result, so selecting, expanding or filtering never walks the all-pairs matrix again.
//
// A fragment of an external network that lies inside the cluster's own ranges (node, pod or
// Service CIDRs: e.g. the node range inside 0.0.0.0/0) stands for cluster addresses, not for
// that network: what it reaches is not drawn as the network reaching it (an "Internet -> web"
// edge that only SNATed load-balancer traffic uses would mislead; lb-edges.ts draws that path).
// An external network lying wholly inside the cluster ranges was drawn on purpose and is kept.

import type { Id, Model } from '../model/types.ts';
import type { ConnSet, Endpoint, Reachability } from '../policy/reachability-types.ts';
import { forEachConnection } from '../policy/reachability.ts';
import { union } from '../policy/portset.ts';
import { ipSubsetOf } from '../net/ipset.ts';
import { validIpSet } from '../services/ingress-side.ts';
import { endpointNodeId } from './ids.ts';

export interface CanvasPair {
  src: Id;
  dst: Id;
  conn: ConnSet;
  /** The first endpoint pair behind it (explain opens this one). */
  explain: { src: string; dst: string };
}

/** The canvas node of an evaluator endpoint, or null (cluster nodes are not drawn). */
export function endpointCanvasId(ep: Endpoint, model: Model): Id | null {
  if (ep.kind !== 'workload' && ep.kind !== 'external' && ep.kind !== 'loadbalancer') return null;
  return endpointNodeId(model, ep.modelId);
}

const cache = new WeakMap<Reachability, { model: Model; pairs: CanvasPair[] }>();

/** Allowed pairs between distinct canvas nodes of `model`, memoised per (reach, model). */
export function canvasPairs(reach: Reachability, model: Model): CanvasPair[] {
  const hit = cache.get(reach);
  if (hit && hit.model === model) return hit.pairs;
  const nodeOf = new Map<string, Id | null>();
  for (const ep of reach.endpoints) nodeOf.set(ep.id, endpointCanvasId(ep, model));
  for (const id of clusterFragments(reach.endpoints, model)) nodeOf.set(id, null);
  const byKey = new Map<string, CanvasPair>();
  forEachConnection(reach, (s, d, conn) => {
    const a = nodeOf.get(s.id);
    const b = nodeOf.get(d.id);
    if (!a || !b || a === b) return;
    const key = `${a}>${b}`;
    const p = byKey.get(key);
    if (p) p.conn = union(p.conn, conn);
    else byKey.set(key, { src: a, dst: b, conn, explain: { src: s.id, dst: d.id } });
  });
  const pairs = [...byKey.values()];
  cache.set(reach, { model, pairs });
  return pairs;
}

/** Ids of external-network fragments inside the cluster ranges, of networks that also reach outside them. */
export function clusterFragments(endpoints: readonly Endpoint[], model: Model): string[] {
  const c = model.cluster;
  const cluster = validIpSet([...c.nodeCidrs, ...c.podCidrs, ...c.serviceCidrs]);
  const inside = new Map<Id, { ins: string[]; outside: boolean }>();
  for (const ep of endpoints) {
    if (ep.kind !== 'external' || !ep.cidrs?.length) continue;
    const e = inside.get(ep.modelId) ?? { ins: [], outside: false };
    inside.set(ep.modelId, e);
    if (ipSubsetOf(validIpSet(ep.cidrs), cluster)) e.ins.push(ep.id);
    else e.outside = true;
  }
  return [...inside.values()].flatMap((e) => (e.outside ? e.ins : []));
}
