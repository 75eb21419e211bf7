import { describe, expect, it } from 'vitest';
import type { PairChange } from '../diff/reachability-diff.ts';
import { allConn, connOf, emptyConn } from '../policy/portset.ts';
import { externalPart, mergeExternalParts } from './external-parts.ts';

const added = (src: string, dst: string, conn = connOf('TCP', 8080)): PairChange => ({
  src, dst, change: 'added', before: emptyConn(), after: conn, added: conn, removed: emptyConn(),
});

describe('parts of a split external network in the review', () => {
  it('reads a part name, and leaves workload and plain network names alone', () => {
    expect(externalPart('Internet [0.0.0.0/5, 8.0.0.0/7]')).toEqual({ network: 'Internet', cidrs: ['0.0.0.0/5', '8.0.0.0/7'] });
    expect(externalPart('shop/web')).toBeUndefined();
    expect(externalPart('Internet')).toBeUndefined();
  });

  it('gives one row per change, not one per part, with every address of the merged parts', () => {
    const rows = mergeExternalParts([
      added('Internet [0.0.0.0/5, 8.0.0.0/7]', 'shop/web'),
      added('shop/api', 'data/db', connOf('TCP', 5432)),
      added('Internet [11.0.0.0/8]', 'shop/web'),
      added('Internet [192.168.0.0/16]', 'shop/web', allConn()),
    ]);
    expect(rows.map((r) => [r.change.src, r.change.dst, r.cidrs])).toEqual([
      ['Internet', 'shop/web', ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8']],
      ['shop/api', 'data/db', undefined],
      // A part whose change differs (all ports, not TCP 8080) stays its own row.
      ['Internet', 'shop/web', ['192.168.0.0/16']],
    ]);
    // explain() is asked about a real part, which it accepts as an address.
    expect(rows[0].explainSrc).toBe('Internet [0.0.0.0/5, 8.0.0.0/7]');
  });

  it('a part that had nothing and a part that had other ports gaining the same ports: one "ports differ" row', () => {
    const other = connOf('TCP', 9000);
    const changed: PairChange = { src: 'Internet [10.0.0.0/8]', dst: 'shop/web', change: 'changed', before: other, after: other, added: connOf('TCP', 8080), removed: emptyConn() };
    const rows = mergeExternalParts([added('Internet [0.0.0.0/5]', 'shop/web'), changed]);
    expect(rows).toHaveLength(1);
    expect(rows[0].change.change).toBe('changed');
    expect(rows[0].cidrs).toEqual(['0.0.0.0/5', '10.0.0.0/8']);
  });

  it('merges destination parts of egress changes the same way', () => {
    const rows = mergeExternalParts([added('shop/api', 'Internet [0.0.0.0/5]'), added('shop/api', 'Internet [16.0.0.0/4]')]);
    expect(rows).toHaveLength(1);
    expect(rows[0].change.dst).toBe('Internet');
    expect(rows[0].cidrs).toEqual(['0.0.0.0/5', '16.0.0.0/4']);
  });
});
