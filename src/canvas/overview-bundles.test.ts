import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connOf, union } from '../policy/portset.ts';
import { formatConnSet } from '../report/conn-format.ts';
import { bundleLinks, type BundleOptions, type Link } from './overview-bundles.ts';

const dns = union(connOf('UDP', 53), connOf('TCP', 53));
const link = (src: string, dst: string, flows = 1, extra: Partial<Link> = {}): Link => ({ key: `${src}>${dst}`, src, dst, flows, conn: connOf('TCP', 8080), ...extra });
const opts: BundleOptions = { perNode: 2, maxEdges: 6, hubMin: 5, hubShare: 0.5 };

/** For every node: drawn + more + summarised by a hub = its connections (what the counts promise). */
function accounted(links: readonly Link[], r: ReturnType<typeof bundleLinks>): void {
  const nodes = new Set(links.flatMap((l) => [l.src, l.dst]));
  for (const n of nodes) {
    const mine = links.filter((l) => l.src === n || l.dst === n);
    const drawn = mine.filter((l) => r.drawn.has(l.key)).length;
    const hubbed = mine.filter((l) => r.hubbed.has(l.key)).length;
    const t = r.tails.get(n);
    expect(drawn + (t?.more ?? 0) + hubbed, `node ${n}`).toBe(mine.length);
    // A hub's summaries count exactly the connections it summarises.
    const into = links.filter((l) => l.dst === n && r.hubbed.has(l.key) && !r.drawn.has(l.key));
    if (t?.from) expect(t.from.nodes).toBe(into.filter((l) => r.tails.get(l.dst)?.from).length);
  }
  for (const l of links) expect(r.drawn.has(l.key) && r.hubbed.has(l.key)).toBe(false);
  const summarised = [...r.tails.values()].reduce((s, t) => s + (t.from?.nodes ?? 0) + (t.to?.nodes ?? 0), 0);
  expect(summarised).toBeGreaterThanOrEqual(r.hubbed.size);
  expect(r.hidden).toBe(links.length - r.drawn.size);
}

describe('bundleLinks', () => {
  it('draws every connection of an uncrowded overview', () => {
    const links = [link('a', 'b'), link('b', 'c'), link('c', 'a')];
    const r = bundleLinks(links, opts);
    expect(r.drawn.size).toBe(3);
    expect(r.hidden).toBe(0);
    expect([...r.tails.values()].every((t) => t.more === 0 && !t.from && !t.to)).toBe(true);
  });

  it('summarises a namespace reached from most others (DNS) on the hub, counting every source', () => {
    const srcs = ['a', 'b', 'c', 'd', 'e', 'f'];
    const links = [...srcs.map((s) => link(s, 'dns', 3, { conn: dns })), link('a', 'b')];
    const r = bundleLinks(links, opts);
    expect(r.drawn).toEqual(new Set(['a>b']));
    const hub = r.tails.get('dns')!;
    expect(hub.from).toMatchObject({ nodes: 6, flows: 18 });
    // Which nodes they are, so the card can say how many are external networks.
    expect([...hub.from!.peers].sort()).toEqual(srcs);
    expect(formatConnSet(hub.from!.conn)).toBe(formatConnSet(dns));
    expect(hub.more).toBe(0);
    // The hub lists them; the sources do not count them again.
    expect(r.tails.get('c')?.more ?? 0).toBe(0);
    accounted(links, r);
  });

  it('summarises a node reaching most others (monitoring) the same way', () => {
    const links = ['a', 'b', 'c', 'd', 'e'].map((d) => link('mon', d));
    const r = bundleLinks(links, opts);
    expect(r.drawn.size).toBe(0);
    expect(r.tails.get('mon')!.to!.nodes).toBe(5);
    accounted(links, r);
  });

  it('is no hub below the minimum, nor below half of the other nodes', () => {
    const few = ['a', 'b', 'c', 'd'].map((s) => link(s, 'x'));
    expect(bundleLinks(few, opts).tails.get('x')?.from).toBeUndefined();
    // 5 of 11 other nodes: under half.
    const many = [...['a', 'b', 'c', 'd', 'e'].map((s) => link(s, 'x')), ...['f', 'g', 'h', 'i', 'j', 'k'].map((s, i) => link(s, ['a', 'b', 'c', 'd', 'e', 'f'][i]))];
    expect(bundleLinks(many, { ...opts, maxEdges: 100 }).tails.get('x')?.from).toBeUndefined();
  });

  it('draws the heaviest connections first, at most perNode per node and maxEdges in all, and counts the tail on both ends', () => {
    const links = [
      link('a', 'b', 40), link('a', 'c', 30), link('a', 'd', 20), link('b', 'c', 10),
      link('c', 'd', 5), link('d', 'e', 4), link('e', 'f', 3), link('f', 'g', 2), link('g', 'h', 1),
    ];
    const r = bundleLinks(links, opts);
    expect(r.drawn.size).toBeLessThanOrEqual(opts.maxEdges);
    expect(r.drawn.has('a>b') && r.drawn.has('a>c')).toBe(true);
    expect(r.drawn.has('a>d')).toBe(false); // a has its two
    expect(r.tails.get('a')!.more).toBe(1);
    expect(r.tails.get('d')!.more).toBeGreaterThanOrEqual(1);
    accounted(links, r);
  });

  it('always draws the selection\'s connections, outside hubs and budget', () => {
    const srcs = ['a', 'b', 'c', 'd', 'e', 'f'];
    const links = srcs.map((s) => link(s, 'dns', 1, { pinned: s === 'a' }));
    const r = bundleLinks(links, opts);
    expect(r.drawn.has('a>dns')).toBe(true);
    expect(r.tails.get('dns')!.from!.nodes).toBe(5);
    accounted(links, r);
  });

  it('accounts for every connection of every node (random overviews)', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 50 }), fc.boolean()), { selector: ([s, d]) => `${s}>${d}`, maxLength: 120 }),
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 40 }),
      (raw, perNode, maxEdges) => {
        const links = raw.filter(([s, d]) => s !== d).map(([s, d, f, p]) => link(`n${s}`, `n${d}`, f, { pinned: p && f % 7 === 0 }));
        const o = { ...opts, perNode, maxEdges };
        const r = bundleLinks(links, o);
        accounted(links, r);
        for (const l of links) if (l.pinned) expect(r.drawn.has(l.key)).toBe(true);
        const pinned = links.filter((l) => l.pinned).length;
        expect(r.drawn.size).toBeLessThanOrEqual(Math.max(o.maxEdges, pinned));
      },
    ));
  });
});
