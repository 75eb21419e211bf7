import { describe, expect, it } from 'vitest';
import type { ConnectionRow, NodeConnections } from './connections-of.ts';
import { countText, directionHeading, directionPairs, FIRST_ROWS, insideText, kindTag, moreButton, PAGE_ROWS, rowName, rowPrefix, shownRows } from './connection-list.ts';

const row = (over: Partial<ConnectionRow> = {}): ConnectionRow => ({
  peer: 'ns-1', peerKind: 'namespace', peerName: 'team-1', ports: 'TCP 8080', count: 3, open: { kind: 'explain', src: 'a', dst: 'b' }, ...over,
});

describe('connection list texts', () => {
  it('heads each direction with its number of rows', () => {
    expect(directionHeading('incoming', 12)).toBe('Reached from (12)');
    expect(directionHeading('outgoing', 1500)).toBe('Reaches (1,500)');
  });

  it('says how many flows a namespace\'s rows stand for, and nothing when each row is one pair', () => {
    const c: NodeConnections = { incoming: [row(), row({ peer: 'x', count: 2 })], outgoing: [row({ count: 1 })], pairs: { incoming: 5, outgoing: 1 }, inside: 0 };
    expect(directionPairs(c, 'incoming')).toBe('5 flows');
    expect(directionPairs(c, 'outgoing')).toBeNull();
    expect(insideText(c)).toBeNull();
    expect(insideText({ ...c, inside: 1 })).toMatch(/^Inside the namespace: 1 connection between/);
  });

  it('names a row for a screen reader: direction, kind, peer, ports, count and what activating does', () => {
    expect(rowName(row(), 'incoming')).toBe('From namespace team-1: TCP 8080, 3 flows. Activate to explain why it is allowed.');
    expect(rowName(row({ peerKind: 'workload', peerName: 'shop/api', count: 1 }), 'outgoing')).toBe('To workload shop/api: TCP 8080. Activate to explain why it is allowed.');
    expect(rowName(row({ peerKind: 'loadbalancer', open: { kind: 'paths' }, count: 1 }), 'outgoing')).toMatch(/To load balancer team-1: TCP 8080\. Activate to show the load-balancer paths\./);
    expect(rowPrefix(row({ peerKind: 'external' }), 'incoming')).toBe('From external network');
    expect([kindTag(row()), kindTag(row({ peerKind: 'workload' })), kindTag(row({ peerKind: 'external' }))]).toEqual(['ns', '', 'ext']);
    expect(countText(row({ count: 1 }))).toBeNull();
    expect(countText(row({ count: 1200 }))).toBe('1,200 flows');
  });

  it('shows the first rows of a long list, then all of it, or pages through a very long one', () => {
    expect(shownRows(3)).toBe(3);
    expect(shownRows(50)).toBe(FIRST_ROWS);
    expect(moreButton(FIRST_ROWS, FIRST_ROWS)).toBeNull();
    expect(moreButton(19, FIRST_ROWS)).toEqual({ label: 'Show all 19', next: 19 });
    expect(moreButton(19, 19)).toBeNull();
    const big = 1240;
    const first = moreButton(big, FIRST_ROWS)!;
    expect(first).toEqual({ label: `Show ${PAGE_ROWS} more (1,240 in all)`, next: FIRST_ROWS + PAGE_ROWS });
    // Paging ends at the whole list, never past it.
    let shown = FIRST_ROWS;
    for (let b = moreButton(big, shown); b; b = moreButton(big, shown)) shown = b.next;
    expect(shown).toBe(big);
    expect(shownRows(big, shown)).toBe(big);
  });
});
