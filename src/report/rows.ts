// Reads a Reachability as report rows: endpoints grouped by display name, pairs in a stable
// order, streamed one at a time so a 10,000-workload result never becomes one giant array.
// It reads the matrix through the contract in reachability-types.ts directly (not through
// endpoint-id lookups) because reports visit every ordered pair.

import { union } from '../policy/portset.ts';
import type { ConnSet, EndpointKind, Reachability } from '../policy/reachability-types.ts';
import { connIsAll, connIsEmpty } from './conn-format.ts';

export interface ReachRow {
  src: string;
  dst: string;
  srcKind: EndpointKind;
  dstKind: EndpointKind;
  allowed: ConnSet;
}

/** Endpoints by display name. Parts of one split external network share a name and are merged. */
export interface ReachView {
  /** Display names, sorted (plain code-unit order, so the output is locale-independent). */
  names: string[];
  kinds: EndpointKind[];
  /** Endpoint indices (into reach.endpoints) behind each name. */
  members: number[][];
  /** Names of workload endpoints, sorted. */
  workloads: string[];
  /** When set, only pairs of name indices it accepts become rows (report filters). */
  keep?: (src: number, dst: number) => boolean;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function reachView(r: Reachability): ReachView {
  const byName = new Map<string, { kind: EndpointKind; members: number[] }>();
  r.endpoints.forEach((e, i) => {
    const found = byName.get(e.name);
    if (found) found.members.push(i);
    else byName.set(e.name, { kind: e.kind, members: [i] });
  });
  const names = [...byName.keys()].sort(compareText);
  const kinds = names.map((n) => byName.get(n)!.kind);
  const members = names.map((n) => byName.get(n)!.members);
  const workloads = names.filter((_, i) => kinds[i] === 'workload');
  return { names, kinds, members, workloads };
}

/** What endpoint group `from` may open to endpoint group `to` (union over split parts). */
export function connBetweenGroups(r: Reachability, from: number[], to: number[]): ConnSet {
  const cc = r.classCount;
  let acc: ConnSet | undefined;
  for (const i of from) {
    const row = r.classOf[i] * cc;
    for (const j of to) {
      if (i === j) continue;
      const c = r.connSets[r.matrix[row + r.classOf[j]]];
      acc = acc ? union(acc, c) : c;
    }
  }
  return acc ?? r.connSets[0];
}

/**
 * Every ordered pair of distinct names with something allowed and a workload at one end or
 * both, sorted by source then destination. Pairs of two non-workload endpoints (internet to
 * nodes, say) are left out: NetworkPolicy does not govern them (semantics 1.8).
 */
export function* connectionRows(r: Reachability, view: ReachView = reachView(r)): Generator<ReachRow> {
  const { names, kinds, members, keep } = view;
  const cc = r.classCount;
  for (let s = 0; s < names.length; s++) {
    const srcMembers = members[s];
    const single = srcMembers.length === 1 ? srcMembers[0] : -1;
    for (let d = 0; d < names.length; d++) {
      if (d === s || (kinds[s] !== 'workload' && kinds[d] !== 'workload')) continue;
      if (keep && !keep(s, d)) continue;
      const dstMembers = members[d];
      let allowed: ConnSet;
      if (single >= 0 && dstMembers.length === 1) {
        // The common case, kept free of allocation: index 0 is always the empty set.
        const k = r.matrix[r.classOf[single] * cc + r.classOf[dstMembers[0]]];
        if (k === 0) continue;
        allowed = r.connSets[k];
      } else {
        allowed = connBetweenGroups(r, srcMembers, dstMembers);
      }
      if (connIsEmpty(allowed)) continue;
      yield { src: names[s], dst: names[d], srcKind: kinds[s], dstKind: kinds[d], allowed };
    }
  }
}

/** Counters a report prints at the end; filled while rows stream by. */
export class RowTally {
  connections = 0;
  unrestricted = 0;
  add(row: ReachRow): void {
    this.connections++;
    if (connIsAll(row.allowed)) this.unrestricted++;
  }
}

/** Ordered pairs that rows are drawn from: the denominator of "N of M pairs allowed". */
export function pairCount(view: ReachView): number {
  const n = view.names.length;
  if (view.keep) {
    let kept = 0;
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) if (d !== s && (view.kinds[s] === 'workload' || view.kinds[d] === 'workload') && view.keep(s, d)) kept++;
    }
    return kept;
  }
  const others = n - view.workloads.length;
  return n * (n - 1) - others * (others - 1);
}
