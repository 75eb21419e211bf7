import { describe, expect, it } from 'vitest';
import { canonicalCidr, parseCidr, parseIp } from './ip.ts';
import { ipContains, ipDifference, ipIntersect, ipSetOf, ipUnion, toCidrs } from './ipset.ts';

describe('IP parsing', () => {
  it('parses IPv4 and rejects bad octets with a reason', () => {
    expect(parseIp('10.1.2.3')).toEqual({ ok: true, family: 4, value: 0x0a010203n });
    const bad = parseIp('10.1.2.256');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('0-255');
    expect(parseIp('10.1.2').ok).toBe(false);
    expect(parseIp('010.1.2.3').ok).toBe(false);
  });

  it('parses IPv6 including :: and embedded IPv4', () => {
    expect(parseIp('::1')).toEqual({ ok: true, family: 6, value: 1n });
    expect(parseIp('2001:db8::')).toEqual({ ok: true, family: 6, value: 0x20010db8n << 96n });
    expect(parseIp('::ffff:1.2.3.4')).toEqual({ ok: true, family: 6, value: 0xffff01020304n });
    expect(parseIp('1::2::3').ok).toBe(false);
    expect(parseIp('12345::').ok).toBe(false);
  });

  it('validates CIDR prefix length with the message the UI shows', () => {
    expect(parseCidr('10.1.2.3/33')).toEqual({ ok: false, error: "'10.1.2.3/33' is not a valid CIDR: prefix length must be 0-32" });
    const v6 = parseCidr('2001:db8::/129');
    expect(v6.ok).toBe(false);
    if (!v6.ok) expect(v6.error).toContain('0-128');
  });

  it('detects host bits and gives the canonical network form', () => {
    const c = parseCidr('10.1.2.3/24');
    expect(c.ok && c.hostBitsSet).toBe(true);
    expect(c.ok && c.canonical).toBe('10.1.2.0/24');
    const d = parseCidr('10.1.2.0/24');
    expect(d.ok && d.hostBitsSet).toBe(false);
    expect(canonicalCidr('10.0.0.1')).toBe('10.0.0.1/32');
    expect(canonicalCidr('nonsense')).toBeUndefined();
  });

  it('formats IPv6 per RFC 5952 (lowercase, longest zero run compressed, no single-group ::)', () => {
    expect(canonicalCidr('2001:0DB8:0000:0000:0000:0000:0000:0000/32')).toBe('2001:db8::/32');
    expect(canonicalCidr('2001:db8:0:1:1:1:1:1/128')).toBe('2001:db8:0:1:1:1:1:1/128');
    expect(canonicalCidr('2001:0:0:1:0:0:0:1/128')).toBe('2001:0:0:1::1/128');
    expect(canonicalCidr('::/0')).toBe('::/0');
  });
});

describe('IP sets', () => {
  it('computes union, intersection and difference over both families', () => {
    const a = ipSetOf(['10.0.0.0/8', '2001:db8::/32']);
    const b = ipSetOf(['10.1.0.0/16']);
    expect(toCidrs(ipDifference(a, b))).toEqual([
      '10.0.0.0/16', '10.2.0.0/15', '10.4.0.0/14', '10.8.0.0/13', '10.16.0.0/12', '10.32.0.0/11', '10.64.0.0/10', '10.128.0.0/9',
      '2001:db8::/32',
    ]);
    expect(toCidrs(ipIntersect(a, b))).toEqual(['10.1.0.0/16']);
    expect(toCidrs(ipUnion(ipSetOf(['10.0.0.0/25']), ipSetOf(['10.0.0.128/25'])))).toEqual(['10.0.0.0/24']);
  });

  it('contains addresses and keeps IPv4 and IPv6 apart', () => {
    const s = ipSetOf(['0.0.0.0/0']);
    expect(ipContains(s, '192.168.1.1')).toBe(true);
    expect(ipContains(s, '::1')).toBe(false);
    expect(toCidrs(ipSetOf(['0.0.0.0/0', '::/0']))).toEqual(['0.0.0.0/0', '::/0']);
  });
});
