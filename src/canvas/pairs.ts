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

/**
 * Allowed pairs between distinct canvas nodes of `model`, memoised per (reach, model).
 *
 * Walks class pairs, not endpoint pairs: the matrix answers per class, and allowed pairs are
 * few next to all pairs (3,831 of ~4.6 million at 2,000 workloads), so only the members of
 * class pairs that allow something are visited. The result is the same as walking every
 * endpoint pair in order (forEachConnection): pairs in the order of their first endpoint pair,
 * each explained by that first pair (pairs.test.ts checks both against that walk).
 */
export function canvasPairs(reach: Reachability, model: Model): CanvasPair[] {
  const hit = cache.get(reach);
  if (hit && hit.model === model) return hit.pairs;
  const { endpoints, classOf, classCount: C, matrix, connSets } = reach;
  const E = endpoints.length;
  // Canvas node of each endpoint as a small integer (-1: not drawn).
  const nodeIndex = new Map<Id, number>();
  const nodes: Id[] = [];
  const nodeOfEndpoint = new Int32Array(E).fill(-1);
  const fragments = new Set(clusterFragments(endpoints, model));
  const members: number[][] = Array.from({ length: C }, () => []);
  for (let e = 0; e < E; e++) {
    const ep = endpoints[e];
    const node = fragments.has(ep.id) ? null : endpointCanvasId(ep, model);
    if (!node) continue;
    let n = nodeIndex.get(node);
    if (n === undefined) {
      n = nodes.length;
      nodes.push(node);
      nodeIndex.set(node, n);
    }
    nodeOfEndpoint[e] = n;
    members[classOf[e]].push(e);
  }
  const N = nodes.length;
  const found = new Map<number, { a: number; b: number; conn: ConnSet; s: number; d: number }>();
  for (let ci = 0; ci < C; ci++) {
    const from = members[ci];
    if (from.length === 0) continue;
    const base = ci * C;
    for (let cj = 0; cj < C; cj++) {
      const id = matrix[base + cj];
      const to = members[cj];
      if (id === 0 || to.length === 0) continue;
      const conn = connSets[id];
      for (const s of from) {
        const a = nodeOfEndpoint[s];
        for (const d of to) {
          if (s === d) continue;
          const b = nodeOfEndpoint[d];
          if (a === b) continue;
          const key = a * N + b;
          const p = found.get(key);
          if (!p) found.set(key, { a, b, conn, s, d });
          else {
            p.conn = union(p.conn, conn);
            // Explained by the first endpoint pair in endpoint order, as the endpoint walk would.
            if (s < p.s || (s === p.s && d < p.d)) {
              p.s = s;
              p.d = d;
            }
          }
        }
      }
    }
  }
  const pairs = [...found.values()]
    .sort((x, y) => x.s - y.s || x.d - y.d)
    .map((p): CanvasPair => ({ src: nodes[p.a], dst: nodes[p.b], conn: p.conn, explain: { src: endpoints[p.s].id, dst: endpoints[p.d].id } }));
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
