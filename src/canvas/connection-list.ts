// What the Inspector's Connections list says (rows from connections-of.ts): the headings with
// their totals, each row's words and accessible name, and how much of a long list is shown.
// A long list shows its first rows and a "Show all N" button, then pages, so a node with
// thousands of connections never puts thousands of buttons in the panel at once.

import type { ConnectionRow, NodeConnections } from './connections-of.ts';

export type ConnectionDirection = 'incoming' | 'outgoing';

/** Rows shown before the list is expanded. */
export const FIRST_ROWS = 8;
/** Rows added per "Show more" once a list has more than this many. */
export const PAGE_ROWS = 200;

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** "Reached from (12)" / "Reaches (3)". */
export function directionHeading(dir: ConnectionDirection, rows: number): string {
  return `${dir === 'incoming' ? 'Reached from' : 'Reaches'} (${rows.toLocaleString('en-US')})`;
}

/** Below a heading of a namespace: how many workload pairs its rows stand for ("340 flows"), or null when each row is one. */
export function directionPairs(c: NodeConnections, dir: ConnectionDirection): string | null {
  const rows = dir === 'incoming' ? c.incoming : c.outgoing;
  const pairs = c.pairs[dir];
  return rows.some((r) => r.count > 1) ? plural(pairs, 'flow') : null;
}

/** A namespace's connections between its own workloads, or null when it has none. */
export function insideText(c: NodeConnections): string | null {
  return c.inside > 0 ? `Inside the namespace: ${plural(c.inside, 'connection')} between its workloads (on its card, not listed).` : null;
}

const KIND_SHORT: Record<ConnectionRow['peerKind'], string> = { namespace: 'ns', workload: '', external: 'ext', loadbalancer: 'LB' };
const KIND_WORD: Record<ConnectionRow['peerKind'], string> = { namespace: 'namespace', workload: 'workload', external: 'external network', loadbalancer: 'load balancer' };

/** The small tag before the peer's name: `ns`, `ext`, `LB`; none for a workload. */
export function kindTag(row: ConnectionRow): string {
  return KIND_SHORT[row.peerKind];
}

/** The row's count, shown when it stands for several workload pairs: "12 flows". */
export function countText(row: ConnectionRow): string | null {
  return row.count > 1 ? plural(row.count, 'flow') : null;
}

/** Read before the row's visible text (not shown): "From namespace", "To workload". */
export function rowPrefix(row: ConnectionRow, dir: ConnectionDirection): string {
  return `${dir === 'incoming' ? 'From' : 'To'} ${KIND_WORD[row.peerKind]}`;
}

/** The row in words, and what activating it does (its tooltip and description). */
export function rowName(row: ConnectionRow, dir: ConnectionDirection): string {
  const count = countText(row);
  const then = row.open.kind === 'explain' ? 'explain why it is allowed' : 'show the load-balancer paths';
  return `${rowPrefix(row, dir)} ${row.peerName}: ${row.ports}${count ? `, ${count}` : ''}. Activate to ${then}.`;
}

/** How many rows a list shows: the first few, or `shown` once expanded (never more than there are). */
export function shownRows(total: number, shown: number = FIRST_ROWS): number {
  return Math.min(total, Math.max(0, shown));
}

/**
 * The button under a list that is not shown whole, and how many rows it shows: "Show all 19",
 * or for a very long list "Show 200 more (1,240 in all)". Null when every row is shown.
 */
export function moreButton(total: number, shown: number): { label: string; next: number } | null {
  const now = shownRows(total, shown);
  if (now >= total) return null;
  if (total - now <= PAGE_ROWS) return { label: `Show all ${total.toLocaleString('en-US')}`, next: total };
  return { label: `Show ${PAGE_ROWS} more (${total.toLocaleString('en-US')} in all)`, next: now + PAGE_ROWS };
}
