// Plain-text reachability table for people: aligned SRC / DST / ALLOWED columns, grouped by
// source (the source is printed once per group), then a summary line. Meant to be pasted into
// a code review, so it is stable, sorted and free of colour codes.

import type { Reachability } from '../policy/reachability-types.ts';
import { formatConnSet } from './conn-format.ts';
import { connectionRows, pairCount, reachView, RowTally, type ReachView } from './rows.ts';
import { widest } from './widest.ts';
import { inertText } from './inert.ts';

function pad(s: string, width: number): string {
  return s.length >= width ? `${s}  ` : s + ' '.repeat(width - s.length);
}

/** Columns follow the names, capped so one long external-network name cannot widen every row. */
const MAX_COLUMN = 48;

export function* reachTableChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  // Column widths come from the endpoint names, known before any row is produced.
  const width = Math.min(MAX_COLUMN, widest(view.names, (n) => n.length, 3)) + 2;
  yield `${pad('SRC', width)}${pad('DST', width)}ALLOWED\n`;
  const tally = new RowTally();
  let lastSrc: string | undefined;
  for (const row of connectionRows(r, view)) {
    tally.add(row);
    const src = row.src === lastSrc ? '' : inertText(row.src);
    if (lastSrc !== undefined && row.src !== lastSrc) yield '\n';
    lastSrc = row.src;
    yield `${pad(src, width)}${pad(inertText(row.dst), width)}${formatConnSet(row.allowed)}\n`;
  }
  if (tally.connections === 0) yield '(no connections allowed)\n';
  yield `\n${summaryLine(view.workloads.length, view.names.length - view.workloads.length, tally, pairCount(view))}\n`;
}

export function summaryLine(workloads: number, others: number, tally: RowTally, pairs: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${plural(workloads, 'workload')}, ${plural(others, 'other endpoint')}: ` +
    `${tally.connections} of ${pairs} ordered pairs allowed (${tally.unrestricted} on all ports), ` +
    `${pairs - tally.connections} denied`
  );
}

export function formatReachTable(r: Reachability): string {
  return [...reachTableChunks(r)].join('');
}
