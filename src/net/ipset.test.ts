import { describe, expect, it } from 'vitest';
import { describeIpSet, ipDifference, ipSetOf } from './ipset.ts';

describe('describeIpSet', () => {
  it('names ranges as CIDRs when they are one, else first-last, and shortens long lists', () => {
    expect(describeIpSet(ipSetOf(['10.0.0.0/8']))).toBe('10.0.0.0/8');
    expect(describeIpSet(ipSetOf(['10.0.0.0/8', '192.168.0.0/16']))).toBe('10.0.0.0/8, 192.168.0.0/16');
    // 0.0.0.0/0 minus 10.244.0.0/16 is two ranges, neither a single CIDR.
    const inet = ipDifference(ipSetOf(['0.0.0.0/0']), ipSetOf(['10.244.0.0/16']));
    expect(describeIpSet(inet)).toBe('0.0.0.0-10.243.255.255, 10.245.0.0-255.255.255.255');
    expect(describeIpSet(ipSetOf(['1.0.0.0/8', '3.0.0.0/8', '5.0.0.0/8', '::/0']))).toBe('1.0.0.0/8, 3.0.0.0/8 +2 more');
  });
});
