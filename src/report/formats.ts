// The report formats by name, so the CLI and the UI pick one from a flag or a menu.

import type { Reachability } from '../policy/reachability-types.ts';
import { reachCsvChunks } from './reach-csv.ts';
import { reachDotChunks } from './reach-dot.ts';
import { reachJsonChunks } from './reach-json.ts';
import { reachMarkdownChunks } from './reach-markdown.ts';
import { reachTableChunks } from './reach-table.ts';

export const REACH_FORMATS = ['table', 'json', 'md', 'csv', 'dot'] as const;
export type ReachFormat = (typeof REACH_FORMATS)[number];

export function reachChunks(format: ReachFormat, r: Reachability): Generator<string> {
  switch (format) {
    case 'table':
      return reachTableChunks(r);
    case 'json':
      return reachJsonChunks(r);
    case 'md':
      return reachMarkdownChunks(r);
    case 'csv':
      return reachCsvChunks(r);
    case 'dot':
      return reachDotChunks(r);
  }
}
