// The machine-readable reachability contract (documented in the README; keep it stable):
// {"workloads": ["ns/name", ...], "connections": [{"src", "dst", "allowed": {"TCP": [[lo,hi]...],
// "UDP": [...], "SCTP": [...]}}]}. Workloads only in `workloads`; connections may also name
// external networks, nodes and load balancers; self pairs omitted; everything sorted.

import type { ConnSet, Reachability } from '../policy/reachability-types.ts';
import { connectionRows, reachView, type ReachView } from './rows.ts';

function rangesJson(r: ConnSet['TCP']): string {
  return `[${r.map(([lo, hi]) => `[${lo}, ${hi}]`).join(', ')}]`;
}

export function connSetJson(c: ConnSet): string {
  return `{"TCP": ${rangesJson(c.TCP)}, "UDP": ${rangesJson(c.UDP)}, "SCTP": ${rangesJson(c.SCTP)}}`;
}

/** Chunks of about this many characters: one per row would cost more than writing it. */
const CHUNK = 1 << 16;

/**
 * The JSON document in chunks (one line per workload / connection). Names and connection sets
 * are encoded once each: the sets are interned, so a dense cluster's millions of rows share a
 * few hundred of them.
 */
export function* reachJsonChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  yield '{"workloads": [';
  for (let i = 0; i < view.workloads.length; i++) {
    yield `${i === 0 ? '\n  ' : ',\n  '}${JSON.stringify(view.workloads[i])}`;
  }
  yield view.workloads.length ? '\n],\n"connections": [' : '],\n"connections": [';
  const names = new Map<string, string>();
  const nameJson = (n: string): string => {
    let j = names.get(n);
    if (j === undefined) names.set(n, (j = JSON.stringify(n)));
    return j;
  };
  const sets = new Map<ConnSet, string>();
  let first = true;
  let buf = '';
  for (const row of connectionRows(r, view)) {
    let allowed = sets.get(row.allowed);
    if (allowed === undefined) sets.set(row.allowed, (allowed = connSetJson(row.allowed)));
    buf += `${first ? '\n  ' : ',\n  '}{"src": ${nameJson(row.src)}, "dst": ${nameJson(row.dst)}, "allowed": ${allowed}}`;
    first = false;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
  yield first ? ']}\n' : '\n]}\n';
}

export function formatReachJson(r: Reachability): string {
  return [...reachJsonChunks(r)].join('');
}
