// Geometric sanity checks of a layout: every node placed, children inside their namespace,
// no two nodes overlapping. Used by tests and available to the UI (e.g. after an import).

import type { Doc, Layout } from '../model/types.ts';
import { contains, overlaps, type Rect } from './geometry.ts';
import {
  EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, WORKLOAD_SIZE,
  loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';

/** Human-readable problems; empty when the layout is sound. */
export function layoutProblems(doc: Doc, layout: Layout): string[] {
  const problems: string[] = [];
  const top: Array<[string, Rect]> = [];
  for (const ns of Object.values(doc.model.namespaces)) {
    const l = layout[ns.id];
    if (!l) { problems.push(`namespace ${ns.name} has no position`); continue; }
    top.push([`namespace ${ns.name}`, { x: l.x, y: l.y, w: l.w ?? MIN_NAMESPACE_SIZE.w, h: l.h ?? MIN_NAMESPACE_SIZE.h }]);
  }
  for (const e of Object.values(doc.model.externals)) {
    const l = layout[e.id];
    if (!l) { problems.push(`external ${e.name} has no position`); continue; }
    top.push([`external ${e.name}`, { x: l.x, y: l.y, ...EXTERNAL_SIZE }]);
  }
  for (const s of loadBalancerServices(doc)) {
    const l = layout[loadBalancerLayoutId(s.id)];
    if (!l) { problems.push(`load balancer ${s.name} has no position`); continue; }
    top.push([`load balancer ${s.name}`, { x: l.x, y: l.y, ...LOAD_BALANCER_SIZE }]);
  }
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const [a, ra] = top[i] as [string, Rect];
      const [b, rb] = top[j] as [string, Rect];
      if (overlaps(ra, rb)) problems.push(`${a} overlaps ${b}`);
    }
  }
  const byNs = new Map<string, Array<[string, Rect]>>();
  for (const w of Object.values(doc.model.workloads)) {
    const l = layout[w.id];
    const ns = layout[w.namespaceId];
    if (!l) { problems.push(`workload ${w.name} has no position`); continue; }
    if (!ns) continue;
    const rel = { x: l.x, y: l.y, ...WORKLOAD_SIZE };
    // Children sit below the namespace title bar.
    const inner = { x: 0, y: NAMESPACE_HEADER, w: ns.w ?? MIN_NAMESPACE_SIZE.w, h: (ns.h ?? MIN_NAMESPACE_SIZE.h) - NAMESPACE_HEADER };
    if (!contains(inner, rel)) problems.push(`workload ${w.name} is outside its namespace`);
    const list = byNs.get(w.namespaceId) ?? [];
    for (const [other, r] of list) if (overlaps(r, rel)) problems.push(`workload ${w.name} overlaps ${other}`);
    list.push([w.name, rel]);
    byNs.set(w.namespaceId, list);
  }
  return problems;
}
