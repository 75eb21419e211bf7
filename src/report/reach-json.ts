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

/** The JSON document in chunks (one line per workload / connection). */
export function* reachJsonChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  yield '{"workloads": [';
  for (let i = 0; i < view.workloads.length; i++) {
    yield `${i === 0 ? '\n  ' : ',\n  '}${JSON.stringify(view.workloads[i])}`;
  }
  yield view.workloads.length ? '\n],\n"connections": [' : '],\n"connections": [';
  let first = true;
  for (const row of connectionRows(r, view)) {
    yield `${first ? '\n  ' : ',\n  '}{"src": ${JSON.stringify(row.src)}, "dst": ${JSON.stringify(row.dst)}, "allowed": ${connSetJson(row.allowed)}}`;
    first = false;
  }
  yield first ? ']}\n' : '\n]}\n';
}

export function formatReachJson(r: Reachability): string {
  return [...reachJsonChunks(r)].join('');
}
