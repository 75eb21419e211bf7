// Sets of IP addresses as sorted, disjoint, non-adjacent inclusive ranges over the unified
// address space of ip.ts (IPv4 below 2^32, IPv6 above), so both families share one set type.
//
// Public API:
//   IpSet (readonly array of [first, last] bigint ranges)
//   ipSetOf(cidrs: string[]) (throws on an invalid CIDR; validate first with parseCidr),
//   validIpSetOf(cidrs: string[]) (skips invalid CIDRs: for data that may hold them),
//   ipUnion(a,b), ipIntersect(a,b), ipDifference(a,b), ipContains(set, addressText),
//   ipIsEmpty(s), ipEquals(a,b), ipSubsetOf(a,b), toCidrs(set): minimal CIDR cover (canonical text)

import { V4_SPACE, fromUnified, formatIp, parseCidr, parseIp, toUnified } from './ip.ts';

export type IpRange = readonly [bigint, bigint];
export type IpSet = ReadonlyArray<IpRange>;

function normalise(ranges: IpRange[]): IpSet {
  const sorted = ranges.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else out.push([lo, hi]);
  }
  return out;
}

/** The addresses of the valid CIDRs among `cidrs` (invalid ones are reported elsewhere). Never throws. */
export function validIpSetOf(cidrs: readonly string[]): IpSet {
  return ipSetOf(cidrs.filter((c) => parseCidr(c).ok));
}

export function ipSetOf(cidrs: readonly string[]): IpSet {
  return normalise(
    cidrs.map((c) => {
      const p = parseCidr(c);
      if (!p.ok) throw new Error(p.error);
      return [p.first, p.last] as const;
    }),
  );
}

export function ipUnion(a: IpSet, b: IpSet): IpSet {
  return normalise([...a, ...b]);
}

export function ipIntersect(a: IpSet, b: IpSet): IpSet {
  const out: IpRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
    const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function ipDifference(a: IpSet, b: IpSet): IpSet {
  const out: IpRange[] = [];
  let j = 0;
  for (const [alo, ahi] of a) {
    let lo = alo;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= ahi && lo <= ahi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1n]);
      if (b[k][1] + 1n > lo) lo = b[k][1] + 1n;
      k++;
    }
    if (lo <= ahi) out.push([lo, ahi]);
  }
  return out;
}

export function ipIsEmpty(s: IpSet): boolean {
  return s.length === 0;
}

export function ipEquals(a: IpSet, b: IpSet): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

export function ipSubsetOf(a: IpSet, b: IpSet): boolean {
  return ipDifference(a, b).length === 0;
}

/** Whether the set holds an address (text), or a unified address value. */
export function ipContains(set: IpSet, address: string | bigint): boolean {
  let u: bigint;
  if (typeof address === 'bigint') u = address;
  else {
    const p = parseIp(address);
    if (!p.ok) return false;
    u = toUnified(p.family, p.value);
  }
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (u < set[mid][0]) hi = mid - 1;
    else if (u > set[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The fewest CIDRs covering exactly the set, in address order (IPv4 first). */
export function toCidrs(set: IpSet): string[] {
  const out: string[] = [];
  for (const [first, last] of set) {
    // Split at the family boundary so no block straddles IPv4 and IPv6.
    if (first < V4_SPACE && last >= V4_SPACE) {
      coverRange(first, V4_SPACE - 1n, out);
      coverRange(V4_SPACE, last, out);
    } else coverRange(first, last, out);
  }
  return out;
}

function coverRange(first: bigint, last: bigint, out: string[]): void {
  const { family, value: lo0 } = fromUnified(first);
  const hiV = fromUnified(last).value;
  const width = family === 4 ? 32 : 128;
  let lo = lo0;
  while (lo <= hiV) {
    // Largest block aligned at lo that does not pass hiV.
    let size = 0;
    while (size < width) {
      const next = 1n << BigInt(size + 1);
      if ((lo & (next - 1n)) !== 0n || lo + next - 1n > hiV) break;
      size++;
    }
    out.push(`${formatIp(family, lo)}/${width - size}`);
    lo += 1n << BigInt(size);
  }
}

/**
 * A short human label for a set: each contiguous range as a CIDR when it is one, else as
 * `first-last`; at most `max` items, then `+N more`. Used for endpoint names, where a full
 * CIDR cover of "the Internet minus the cluster ranges" would run to dozens of blocks.
 */
export function describeIpSet(set: IpSet, max = 2): string {
  const items: string[] = [];
  for (const [first, last] of set) {
    const parts: [bigint, bigint][] =
      first < V4_SPACE && last >= V4_SPACE ? [[first, V4_SPACE - 1n], [V4_SPACE, last]] : [[first, last]];
    for (const [lo, hi] of parts) {
      const cover = toCidrs([[lo, hi]]);
      if (cover.length === 1) items.push(cover[0]);
      else {
        const a = fromUnified(lo);
        const b = fromUnified(hi);
        items.push(`${formatIp(a.family, a.value)}-${formatIp(b.family, b.value)}`);
      }
    }
  }
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} +${items.length - max} more`;
}
