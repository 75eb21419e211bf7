import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredGrid } from './layered.ts';

const edges = (list: [string, string][]) => {
  const m = new Map<string, Map<string, number>>();
  for (const [a, b] of list) m.set(a, new Map([...(m.get(a) ?? []), [b, 1]]));
  return m;
};

describe('layeredGrid', () => {
  it('puts sources above what they talk to, unconnected workloads in the gaps', () => {
    const g = layeredGrid(['a', 'b', 'c', 'd'], edges([['d', 'b'], ['b', 'a']]), 2);
    const row = (id: string) => g.at.get(id)!.row;
    expect(row('d')).toBeLessThan(row('b'));
    expect(row('b')).toBeLessThan(row('a'));
    expect(row('c')).toBe(0); // beside the source, not pushing the chain down
    expect(g.rows).toBe(3);
  });

  it('keeps every layer within the bound and breaks cycles', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const g = layeredGrid(ids, edges([['n0', 'n1'], ['n1', 'n2'], ['n2', 'n0'], ['n3', 'n0']]), 3);
    const perRow = new Map<number, number>();
    for (const p of g.at.values()) perRow.set(p.row, (perRow.get(p.row) ?? 0) + 1);
    for (const n of perRow.values()) expect(n).toBeLessThanOrEqual(3);
    expect(g.at.size).toBe(10);
    expect(g.cols).toBe(3);
  });

  it('never puts two workloads in one cell, edges point down unless they close a cycle', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 60 }),
      fc.integer({ min: 1, max: 6 }),
      (n, raw, bound) => {
        const ids = Array.from({ length: n }, (_, i) => `w${String(i).padStart(2, '0')}`);
        const list = raw.map(([a, b]) => [ids[a % n]!, ids[b % n]!] as [string, string]);
        const g = layeredGrid(ids, edges(list), bound);
        const cells = new Set([...g.at.values()].map((p) => `${p.col}:${p.row}`));
        expect(cells.size).toBe(n);
        for (const p of g.at.values()) expect(p.col + 1).toBeLessThanOrEqual(g.cols + 1e-9);
        // Deterministic.
        expect(layeredGrid(ids, edges(list), bound)).toEqual(g);
      },
    ), { numRuns: 200 });
  });
});
