// The report formats by name, so the CLI and the UI pick one from a flag or a menu.

import type { Reachability } from '../policy/reachability-types.ts';
import { reachCsvChunks } from './reach-csv.ts';
import { reachDotChunks } from './reach-dot.ts';
import { reachJsonChunks } from './reach-json.ts';
import { reachMarkdownChunks } from './reach-markdown.ts';
import { reachSummaryChunks } from './reach-summary.ts';
import { reachTableChunks } from './reach-table.ts';
import { reachView, type ReachView } from './rows.ts';

export const REACH_FORMATS = ['table', 'json', 'md', 'csv', 'dot', 'summary'] as const;
export type ReachFormat = (typeof REACH_FORMATS)[number];

/** `view` (see filters.ts) narrows the rows; every format keeps its shape. */
export function reachChunks(format: ReachFormat, r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  switch (format) {
    case 'table':
      return reachTableChunks(r, view);
    case 'json':
      return reachJsonChunks(r, view);
    case 'md':
      return reachMarkdownChunks(r, undefined, view);
    case 'csv':
      return reachCsvChunks(r, view);
    case 'dot':
      return reachDotChunks(r, view);
    case 'summary':
      return reachSummaryChunks(r, view);
  }
}
