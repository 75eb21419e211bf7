// Readers over a Reachability result (see reachability-types.ts).
//
// Public API:
//   connBetween(r, srcId, dstId): ConnSet        (self => all; unknown id => throws)
//   forEachConnection(r, cb)                      ordered pairs with a non-empty set, self skipped
//   endpointById(r, id), endpointByName(r, name)
//   endpointIdOf(r, endpointOrModelId)            the endpoint standing for a model object

import { allConn } from './portset.ts';
import type { ConnSet, Endpoint, Reachability } from './reachability-types.ts';

function indexOf(r: Reachability, id: string): number {
  const i = r.endpointIndex[id];
  if (i === undefined) throw new Error(`unknown endpoint '${id}'`);
  return i;
}

export function connBetween(r: Reachability, srcId: string, dstId: string): ConnSet {
  const s = indexOf(r, srcId);
  const d = indexOf(r, dstId);
  if (s === d) return allConn();
  return r.connSets[r.matrix[r.classOf[s] * r.classCount + r.classOf[d]]];
}

export function forEachConnection(r: Reachability, cb: (src: Endpoint, dst: Endpoint, conn: ConnSet) => void): void {
  for (let s = 0; s < r.endpoints.length; s++) {
    const base = r.classOf[s] * r.classCount;
    for (let d = 0; d < r.endpoints.length; d++) {
      if (s === d) continue;
      const id = r.matrix[base + r.classOf[d]];
      if (id !== 0) cb(r.endpoints[s], r.endpoints[d], r.connSets[id]);
    }
  }
}

export function endpointById(r: Reachability, id: string): Endpoint | undefined {
  const i = r.endpointIndex[id];
  return i === undefined ? undefined : r.endpoints[i];
}

export function endpointByName(r: Reachability, name: string): Endpoint | undefined {
  return r.endpoints.find((e) => e.name === name);
}

/**
 * The endpoint standing for `id`: `id` itself when it is an endpoint id, else the first endpoint
 * of that model object (a workload's id, or an external network that ipBlocks split into parts:
 * its first part). Undefined when nothing in `r` stands for it.
 */
export function endpointIdOf(r: Reachability, id: string): string | undefined {
  if (r.endpointIndex[id] !== undefined) return id;
  return r.endpoints.find((e) => e.modelId === id)?.id;
}
