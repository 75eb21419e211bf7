// Markdown reachability table for pull requests: heading, counts, one row per connection.

import type { Reachability } from '../policy/reachability-types.ts';
import { formatConnSet } from './conn-format.ts';
import { connectionRows, pairCount, reachView, RowTally, type ReachView } from './rows.ts';
import { summaryLine } from './reach-table.ts';

import { mdCode, mdInline } from './inert.ts';

/** Inline code that survives `|`, backticks and control characters inside names. */
export { mdCode };

/** A table cell from user text: escaped, one line, no HTML, links or images. */
export const mdCell = mdInline;

export function* reachMarkdownChunks(r: Reachability, heading = 'Reachability', view: ReachView = reachView(r)): Generator<string> {
  const others = view.names.length - view.workloads.length;
  yield `## ${heading}\n\n${view.workloads.length} workloads and ${others} other endpoints (external networks, nodes, load balancers).\n\n`;
  yield '| Source | Destination | Allowed |\n|---|---|---|\n';
  const tally = new RowTally();
  for (const row of connectionRows(r, view)) {
    tally.add(row);
    yield `| ${mdCode(row.src)} | ${mdCode(row.dst)} | ${mdCell(formatConnSet(row.allowed))} |\n`;
  }
  if (tally.connections === 0) yield '| _none_ | | |\n';
  yield `\n${summaryLine(view.workloads.length, view.names.length - view.workloads.length, tally, pairCount(view))}.\n`;
}

export function formatReachMarkdown(r: Reachability, heading?: string): string {
  return [...reachMarkdownChunks(r, heading)].join('');
}
