import { describe, expect, it } from 'vitest';
import { emptyModel, ids } from '../model/factory.ts';
import type { Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { allConn, connFromRanges, connOf, emptyConn, subtract } from '../policy/portset.ts';
import { formatDiffJson, formatDiffMarkdown, formatDiffTable } from '../report/diff-format.ts';
import { reachFixture } from '../report/reach-fixture.ts';
import { diffPolicies } from './policy-diff.ts';
import { diffAddsAccess, diffReachability, diffRemovesAccess } from './reachability-diff.ts';

const eps = [{ name: 'shop/web' }, { name: 'shop/api' }, { name: 'shop/db' }];

describe('diffReachability', () => {
  it('reports added, removed and changed pairs with the exact port sets', () => {
    const m = emptyModel();
    const before = reachFixture(eps, [
      ['shop/web', 'shop/api', connOf('TCP', 8080)],
      ['shop/api', 'shop/db', allConn()],
    ]);
    const after = reachFixture(eps, [
      ['shop/web', 'shop/api', connFromRanges({ TCP: [[8080, 8081]] })],
      ['shop/web', 'shop/db', connOf('TCP', 5432)],
    ]);
    const d = diffReachability(m, before, m, after);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(d.changes.map((c) => [c.change, c.src, c.dst])).toEqual([
      ['removed', 'shop/api', 'shop/db'],
      ['changed', 'shop/web', 'shop/api'],
      ['added', 'shop/web', 'shop/db'],
    ]);
    expect(d.changes[1].added).toEqual(connOf('TCP', 8081));
    expect(d.changes[1].removed).toEqual(emptyConn());
    expect(d.changes[0].removed).toEqual(allConn());
    expect(diffAddsAccess(d)).toBe(true);
    expect(diffRemovesAccess(d)).toBe(true);
  });

  it('matches endpoints by name, not id, and lists new endpoints', () => {
    const m = emptyModel();
    const before = reachFixture([{ name: 'a/x', id: 'id1' }, { name: 'a/y', id: 'id2' }], [['id1', 'id2', connOf('TCP', 80)]]);
    const after = reachFixture(
      [{ name: 'a/y', id: 'other2' }, { name: 'a/x', id: 'other1' }, { name: 'a/z' }],
      [['other1', 'other2', connOf('TCP', 80)]],
    );
    const d = diffReachability(m, before, m, after);
    expect(d.changes).toEqual([]);
    expect(d.endpointsAdded).toEqual(['a/z']);
    expect(diffAddsAccess(d)).toBe(false);
  });

  it('compares external networks part by part when the ipBlocks split them differently', () => {
    const build = (withPolicy: boolean): Model => {
      const m = emptyModel();
      m.namespaces[ids.namespace('a')] = { id: ids.namespace('a'), name: 'a', labels: {} };
      const w = ids.workload('a', 'Deployment', 'web');
      m.workloads[w] = { id: w, namespaceId: ids.namespace('a'), name: 'web', kind: 'Deployment', podLabels: { app: 'web' }, ports: [] };
      m.externals['ext:internet'] = { id: 'ext:internet', name: 'internet', cidrs: ['0.0.0.0/0'] };
      if (withPolicy) {
        m.policies['np'] = {
          id: 'np', namespaceId: ids.namespace('a'), name: 'office-only', podSelector: {},
          ingress: [{ from: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ port: 443 }] }],
        };
      }
      return m;
    };
    const open = build(false);
    const locked = build(true);
    const d = diffReachability(open, evaluate(open), locked, evaluate(locked));
    const fromOffice = d.changes.find((c) => c.src === 'internet [198.51.100.0/24]' && c.dst === 'a/web');
    expect(fromOffice?.change).toBe('changed');
    expect(fromOffice?.after).toEqual(connOf('TCP', 443));
    expect(fromOffice?.removed).toEqual(subtract(allConn(), connOf('TCP', 443)));
    const rest = d.changes.filter((c) => c.src.startsWith('internet [') && c.src !== 'internet [198.51.100.0/24]' && c.dst === 'a/web');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((c) => c.change === 'removed')).toBe(true);
    // egress of the web pods is unrestricted in both designs
    expect(d.changes.filter((c) => c.src === 'a/web')).toEqual([]);
  });
});

describe('diffPolicies', () => {
  it('finds added, deleted and changed policies by ns/name, ignoring key order', () => {
    const a = emptyModel();
    const b = emptyModel();
    for (const m of [a, b]) m.namespaces['n1'] = { id: 'n1', name: 'shop', labels: {} };
    a.policies['1'] = { id: '1', namespaceId: 'n1', name: 'keep', podSelector: { matchLabels: { app: 'x', tier: 'y' } } };
    b.policies['9'] = { id: '9', namespaceId: 'n1', name: 'keep', podSelector: { matchLabels: { tier: 'y', app: 'x' } } };
    a.policies['2'] = { id: '2', namespaceId: 'n1', name: 'edit', podSelector: {}, ingress: [{}] };
    b.policies['2'] = { id: '2', namespaceId: 'n1', name: 'edit', podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] };
    a.policies['3'] = { id: '3', namespaceId: 'n1', name: 'gone', podSelector: {} };
    b.policies['4'] = { id: '4', namespaceId: 'n1', name: 'new', podSelector: {} };
    expect(diffPolicies(a, b)).toEqual({ added: ['shop/new'], removed: ['shop/gone'], changed: [{ name: 'shop/edit', fields: ['ingress'] }] });
  });
});

describe('diff formats', () => {
  const m = emptyModel();
  const d = diffReachability(
    m,
    reachFixture(eps, [['shop/web', 'shop/api', connOf('TCP', 8080)]]),
    m,
    reachFixture(eps, [['shop/web', 'shop/api', connFromRanges({ TCP: [[8080, 8080], [9090, 9090]] })], ['shop/api', 'shop/db', connOf('TCP', 5432)]]),
  );
  it('table marks each change and shows before/after', () => {
    expect(formatDiffTable(d)).toBe(
      [
        'Reachability: 1 connection added, 0 removed, 1 changed',
        '  SRC       DST       BEFORE    AFTER',
        '+ shop/api  shop/db   none      TCP 5432',
        '~ shop/web  shop/api  TCP 8080  TCP 8080, 9090 (+TCP 9090)',
        '',
      ].join('\n'),
    );
  });
  it('json lists the changes with connection sets in the contract shape', () => {
    const doc = JSON.parse(formatDiffJson(d));
    expect(doc.counts).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(doc.connections[1]).toMatchObject({ src: 'shop/web', dst: 'shop/api', change: 'changed', added: { TCP: [[9090, 9090]], UDP: [], SCTP: [] } });
  });
  it('markdown has a heading and a table row per change', () => {
    const md = formatDiffMarkdown(d);
    expect(md).toContain('## Reachability changes');
    expect(md).toContain('| added | `shop/api` | `shop/db` | none | TCP 5432 |');
  });
});
