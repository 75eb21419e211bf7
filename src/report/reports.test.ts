import { describe, expect, it } from 'vitest';
import { allConn, connFromRanges, connOf, emptyConn, union } from '../policy/portset.ts';
import { formatConnSet } from './conn-format.ts';
import { formatReachCsv } from './reach-csv.ts';
import { formatReachDot } from './reach-dot.ts';
import { formatReachJson, reachJsonChunks } from './reach-json.ts';
import { formatReachMarkdown } from './reach-markdown.ts';
import { formatReachTable } from './reach-table.ts';
import { reachFixture } from './reach-fixture.ts';
import type { Reachability } from '../policy/reachability-types.ts';

function sample(): Reachability {
  return reachFixture(
    [
      { name: 'shop/web' },
      { name: 'shop/api' },
      { name: 'data/db' },
      { name: 'internet', kind: 'external', id: 'ext:internet#0' },
      { name: 'internet', kind: 'external', id: 'ext:internet#1' },
    ],
    [
      ['shop/web', 'shop/api', connFromRanges({ TCP: [[80, 80], [8080, 8090]] })],
      ['shop/api', 'data/db', union(connOf('TCP', 5432), connOf('UDP', 53))],
      ['shop/web', 'shop/web', allConn()], // self pairs are never reported
      ['ext:internet#0', 'shop/web', connOf('TCP', 443)],
      ['ext:internet#1', 'shop/web', connOf('TCP', 80)],
      ['data/db', 'shop/api', emptyConn()],
      ['shop/web', 'data/db', allConn()],
    ],
  );
}

describe('formatConnSet', () => {
  it('reads all / none / per-protocol lists', () => {
    expect(formatConnSet(allConn())).toBe('all');
    expect(formatConnSet(emptyConn())).toBe('none');
    expect(formatConnSet(union(connFromRanges({ TCP: [[80, 80], [443, 443]] }), connOf('UDP', 53)))).toBe('TCP 80, 443; UDP 53');
    expect(formatConnSet(union(connOf('TCP'), connOf('SCTP', 9000, 9010)))).toBe('TCP all; SCTP 9000-9010');
  });
});

describe('json contract', () => {
  it('lists workloads only, sorted, and connections with per-protocol ranges', () => {
    const doc = JSON.parse(formatReachJson(sample()));
    expect(Object.keys(doc)).toEqual(['workloads', 'connections']);
    expect(doc.workloads).toEqual(['data/db', 'shop/api', 'shop/web']);
    expect(doc.connections).toEqual([
      { src: 'internet', dst: 'shop/web', allowed: { TCP: [[80, 80], [443, 443]], UDP: [], SCTP: [] } },
      { src: 'shop/api', dst: 'data/db', allowed: { TCP: [[5432, 5432]], UDP: [[53, 53]], SCTP: [] } },
      { src: 'shop/web', dst: 'data/db', allowed: { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] } },
      { src: 'shop/web', dst: 'shop/api', allowed: { TCP: [[80, 80], [8080, 8090]], UDP: [], SCTP: [] } },
    ]);
  });
  it('is valid JSON when nothing is allowed and when there are no endpoints', () => {
    expect(JSON.parse(formatReachJson(reachFixture([{ name: 'a/x' }], [])))).toEqual({ workloads: ['a/x'], connections: [] });
    expect(JSON.parse(formatReachJson(reachFixture([], [])))).toEqual({ workloads: [], connections: [] });
  });
  it('streams in bounded chunks (rows batched to about 64 KB), the same text as one string', () => {
    const names = Array.from({ length: 60 }, (_, i) => `ns/w${String(i).padStart(2, '0')}`);
    const r = reachFixture(names.map((name) => ({ name })), names.flatMap((a) => names.filter((b) => b !== a).map((b): [string, string, ReturnType<typeof allConn>] => [a, b, allConn()])));
    const chunks = [...reachJsonChunks(r)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(65_536 + 200);
    expect(JSON.parse(chunks.join('')).connections).toHaveLength(60 * 59);
  });
});

describe('pairs without a workload', () => {
  it('are not reported: NetworkPolicy does not govern internet <-> nodes', () => {
    const r = reachFixture(
      [{ name: 'a/x' }, { name: 'internet', kind: 'external' }, { name: 'nodes', kind: 'node' }],
      [['internet', 'nodes', allConn()], ['nodes', 'internet', allConn()], ['nodes', 'a/x', allConn()]],
    );
    expect(JSON.parse(formatReachJson(r)).connections.map((c: { src: string; dst: string }) => `${c.src}>${c.dst}`)).toEqual(['nodes>a/x']);
    // 3 endpoints, 6 ordered pairs, 2 of them between non-workloads
    expect(formatReachTable(r)).toContain('1 of 4 ordered pairs allowed');
  });
});

describe('table', () => {
  it('aligns columns, groups by source and ends with a summary', () => {
    expect(formatReachTable(sample())).toBe(
      [
        'SRC       DST       ALLOWED',
        'internet  shop/web  TCP 80, 443',
        '',
        'shop/api  data/db   TCP 5432; UDP 53',
        '',
        'shop/web  data/db   all',
        '          shop/api  TCP 80, 8080-8090',
        '',
        '3 workloads, 1 other endpoint: 4 of 12 ordered pairs allowed (1 on all ports), 8 denied',
        '',
      ].join('\n'),
    );
  });
});

describe('markdown', () => {
  it('has a heading, a table row per connection and counts', () => {
    const md = formatReachMarkdown(sample());
    expect(md.startsWith('## Reachability\n\n3 workloads and 1 other endpoints (external networks, nodes, load balancers).\n\n| Source | Destination | Allowed |\n|---|---|---|\n')).toBe(true);
    expect(md).toContain('| `shop/web` | `shop/api` | TCP 80, 8080-8090 |\n');
    expect(md).toContain('4 of 12 ordered pairs allowed');
  });
});

describe('csv', () => {
  it('writes one line per protocol with numeric ranges', () => {
    expect(formatReachCsv(sample()).split('\n')).toEqual([
      'src,dst,protocol,ports',
      'internet,shop/web,TCP,80;443',
      'shop/api,data/db,TCP,5432',
      'shop/api,data/db,UDP,53',
      'shop/web,data/db,TCP,1-65535',
      'shop/web,data/db,UDP,1-65535',
      'shop/web,data/db,SCTP,1-65535',
      'shop/web,shop/api,TCP,80;8080-8090',
      '',
    ]);
  });
  it('quotes names with commas', () => {
    const r = reachFixture([{ name: 'office, berlin', kind: 'external' }, { name: 'a/b' }], [['office, berlin', 'a/b', connOf('TCP', 22)]]);
    expect(formatReachCsv(r)).toContain('"office, berlin",a/b,TCP,22\n');
  });
});

describe('dot', () => {
  it('draws namespaces as clusters, externals as hexagons and labels edges', () => {
    const dot = formatReachDot(sample());
    expect(dot.startsWith('digraph reachability {')).toBe(true);
    expect(dot).toMatch(/subgraph cluster_\d+ \{\n    label="shop";[\s\S]*"shop\/web" \[label="web"/);
    expect(dot).toContain('"internet" [shape=hexagon');
    expect(dot).toContain('"shop/web" -> "shop/api" [label="TCP 80, 8080-8090"];');
    expect(dot).not.toContain('"data/db" -> "shop/api"');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });
});
