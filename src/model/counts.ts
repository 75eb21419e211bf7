// How many workloads each namespace holds, counted once per model: every namespace node reads
// its count from here, so a render of N namespace nodes walks the workloads once, not N times.

import type { Id, Model } from './types.ts';

const cache = new WeakMap<Model, ReadonlyMap<Id, number>>();

/** Workloads per namespace id (namespaces without workloads are absent). Memoised per model. */
export function workloadCountsByNamespace(model: Model): ReadonlyMap<Id, number> {
  const hit = cache.get(model);
  if (hit) return hit;
  const counts = new Map<Id, number>();
  for (const w of Object.values(model.workloads)) counts.set(w.namespaceId, (counts.get(w.namespaceId) ?? 0) + 1);
  cache.set(model, counts);
  return counts;
}
