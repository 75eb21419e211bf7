import { describe, expect, it } from 'vitest';
import {
  allConn, ConnTable, connFromRanges, connKey, connOf, contains, describeConn, emptyConn, equals, intern,
  intersect, isEmpty, rangesSubtract, subtract, union,
} from './portset.ts';

describe('port sets', () => {
  it('merges overlapping and adjacent ranges into canonical form', () => {
    const c = connFromRanges({ TCP: [[8080, 8090], [80, 80], [81, 85], [8085, 9000]] });
    expect(c.TCP).toEqual([[80, 85], [8080, 9000]]);
  });

  it('union, intersection and difference work on intervals per protocol', () => {
    const a = connFromRanges({ TCP: [[1, 100]], UDP: [[53, 53]] });
    const b = connFromRanges({ TCP: [[50, 200]], SCTP: [[7, 7]] });
    expect(union(a, b)).toEqual({ TCP: [[1, 200]], UDP: [[53, 53]], SCTP: [[7, 7]] });
    expect(intersect(a, b)).toEqual({ TCP: [[50, 100]], UDP: [], SCTP: [] });
    expect(subtract(a, b)).toEqual({ TCP: [[1, 49]], UDP: [[53, 53]], SCTP: [] });
    expect(rangesSubtract([[1, 65535]], [[80, 80], [443, 443]])).toEqual([[1, 79], [81, 442], [444, 65535]]);
  });

  it('connOf: one port, a range, or a whole protocol (port 1 alone is not "all")', () => {
    expect(connOf('TCP', 1).TCP).toEqual([[1, 1]]);
    expect(connOf('UDP').UDP).toEqual([[1, 65535]]);
    expect(connOf('SCTP', 80, 90).SCTP).toEqual([[80, 90]]);
    expect(connOf('TCP', 90, 80)).toBe(emptyConn());
  });

  it('contains answers by binary search over ranges', () => {
    const c = connFromRanges({ TCP: [[80, 80], [8000, 8100]] });
    expect(contains(c, 'TCP', 80)).toBe(true);
    expect(contains(c, 'TCP', 8050)).toBe(true);
    expect(contains(c, 'TCP', 81)).toBe(false);
    expect(contains(c, 'UDP', 80)).toBe(false);
  });

  it('interns equal sets to the same object', () => {
    const a = intern({ TCP: [[80, 80]], UDP: [], SCTP: [] });
    const b = union(connOf('TCP', 80), emptyConn());
    expect(a).toBe(b);
    expect(intersect(allConn(), connOf('TCP', 80))).toBe(a);
    expect(equals(a, { TCP: [[80, 80]], UDP: [], SCTP: [] })).toBe(true);
    expect(connKey(a)).toBe('TCP:80|UDP:|SCTP:');
    expect(isEmpty(subtract(a, a))).toBe(true);
  });

  it('ConnTable keeps 0 = empty and 1 = all and memoises by id', () => {
    const t = new ConnTable();
    const http = t.id(connOf('TCP', 80));
    const dns = t.id(connOf('UDP', 53));
    expect(t.union(0, http)).toBe(http);
    expect(t.union(1, http)).toBe(1);
    const both = t.union(http, dns);
    expect(t.get(both)).toEqual({ TCP: [[80, 80]], UDP: [[53, 53]], SCTP: [] });
    expect(t.union(dns, http)).toBe(both);
    expect(t.intersect(both, http)).toBe(http);
    expect(t.intersect(http, dns)).toBe(0);
  });

  it('describes sets for people', () => {
    expect(describeConn(emptyConn())).toBe('none');
    expect(describeConn(allConn())).toBe('all');
    expect(describeConn(union(connOf('TCP', 80), connOf('UDP')))).toBe('TCP 80; UDP all');
  });
});
