// Narrowing a reachability report: `--focus NS/NAME` / `NS/*` (pairs touching them) and
// `--exposure` (connections from external networks, and into workloads that every namespace
// can reach). Filters only remove rows: every format keeps its shape and contract.

import type { Reachability } from '../policy/reachability-types.ts';
import { connectionRows, reachView, type ReachView } from './rows.ts';

export interface ReachFilter {
  /** `ns/name` (a workload), `ns/*` (every workload of a namespace) or an external network / `nodes` name. */
  focus?: readonly string[];
  /** Only exposure: from external networks, or to workloads reachable from all namespaces. */
  exposure?: boolean;
  /**
   * With `exposure`: workloads that clients outside reach through a LoadBalancer or NodePort
   * Service that delivers with a node's address as the source (SNAT). Those clients show in the
   * reachability as `nodes`, so the rows from nodes into these workloads are exposure too.
   */
  lbDelivered?: readonly string[];
}

export function filterIsEmpty(f: ReachFilter): boolean {
  return !f.exposure && (f.focus === undefined || f.focus.length === 0);
}

/** Does the endpoint name match one focus pattern? Split external parts (`Internet [...]`) match their network. */
export function matchesFocus(name: string, pattern: string): boolean {
  if (pattern.endsWith('/*')) return name.startsWith(pattern.slice(0, -1)) && !name.includes(' [');
  return name === pattern || name.startsWith(`${pattern} [`);
}

/** Focus patterns that match no endpoint of the view (to report as a usage error). */
export function unmatchedFocus(view: ReachView, focus: readonly string[]): string[] {
  return focus.filter((p) => !view.names.some((n) => matchesFocus(n, p)));
}

/**
 * Per name index: a workload that at least one workload of every namespace with workloads
 * can open a connection to (its own namespace counts when it has other workloads). Computed
 * on classes: per namespace, the set of classes its workloads fall in.
 */
export function reachableFromAllNamespaces(r: Reachability, view: ReachView): boolean[] {
  const cc = r.classCount;
  const nsOf = (name: string) => name.slice(0, name.indexOf('/'));
  // Per namespace: how many of its workloads fall in each class.
  const classesByNs = new Map<string, Map<number, number>>();
  view.names.forEach((name, i) => {
    if (view.kinds[i] !== 'workload') return;
    const ns = nsOf(name);
    let counts = classesByNs.get(ns);
    if (!counts) classesByNs.set(ns, (counts = new Map()));
    const c = r.classOf[view.members[i][0]];
    counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  const out = new Array<boolean>(view.names.length).fill(false);
  if (classesByNs.size < 2) return out; // "every namespace" means nothing with one namespace
  // Some workload of `ns` other than the destination reaches class dc.
  const reachesFrom = (ns: string, dc: number, own: boolean): boolean => {
    for (const [c, count] of classesByNs.get(ns)!) {
      if (r.matrix[c * cc + dc] === 0) continue;
      if (!own || c !== dc || count >= 2) return true;
    }
    return false;
  };
  const memo = new Map<string, boolean>();
  view.names.forEach((name, d) => {
    if (view.kinds[d] !== 'workload') return;
    const dc = r.classOf[view.members[d][0]];
    const own = nsOf(name);
    const key = `${dc} ${own}`;
    let all = memo.get(key);
    if (all === undefined) {
      all = true;
      for (const ns of classesByNs.keys()) {
        const isOwn = ns === own;
        // A namespace whose only workload is the destination has nobody else to send.
        if (isOwn && [...classesByNs.get(ns)!.values()].reduce((a, b) => a + b, 0) < 2) continue;
        if (!reachesFrom(ns, dc, isOwn)) {
          all = false;
          break;
        }
      }
      memo.set(key, all);
    }
    out[d] = all;
  });
  return out;
}

/** A view whose rows are only those the filter keeps; `workloads` lists the workloads left in it. */
export function filteredView(r: Reachability, filter: ReachFilter, base: ReachView = reachView(r)): ReachView {
  if (filterIsEmpty(filter)) return base;
  const n = base.names.length;
  const focused = filter.focus?.length ? base.names.map((name) => filter.focus!.some((p) => matchesFocus(name, p))) : undefined;
  const open = filter.exposure ? reachableFromAllNamespaces(r, base) : undefined;
  const viaLb = new Set(filter.lbDelivered ?? []);
  const keep = (s: number, d: number): boolean =>
    (!focused || focused[s] || focused[d]) &&
    (!open || base.kinds[s] === 'external' || open[d] || (base.kinds[s] === 'node' && viaLb.has(base.names[d])));
  const view: ReachView = { ...base, keep };
  // Workloads left: focused ones, and those at either end of a kept row.
  const left = new Array<boolean>(n).fill(false);
  if (focused) focused.forEach((f, i) => (left[i] = f));
  const index = new Map(base.names.map((name, i) => [name, i]));
  for (const row of connectionRows(r, view)) {
    left[index.get(row.src)!] = true;
    left[index.get(row.dst)!] = true;
  }
  view.workloads = base.names.filter((_, i) => left[i] && base.kinds[i] === 'workload');
  return view;
}
