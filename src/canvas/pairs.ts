// Allowed connections between canvas nodes: the evaluator's endpoint pairs mapped onto the
// nodes that draw them (a split external network is one node), ports merged. Computed once per
// evaluation result, so selecting, expanding or filtering never walks the all-pairs matrix again.

import type { Id, Model } from '../model/types.ts';
import type { ConnSet, Endpoint, Reachability } from '../policy/reachability-types.ts';
import { forEachConnection } from '../policy/reachability.ts';
import { union } from '../policy/portset.ts';
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
