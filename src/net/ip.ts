// IPv4/IPv6 addresses and CIDRs: parsing with clear errors, canonical text (RFC 5952 for v6).
//
// Public API:
//   parseIp(text)      -> { ok: true, family, value } | { ok: false, error }
//   parseCidr(text)    -> { ok: true, family, base, prefix, hostBitsSet, canonical, first, last } | { ok: false, error }
//                         (a bare address is accepted as /32 or /128)
//   canonicalCidr(text) -> canonical network form (host bits cleared), or undefined when invalid
//   formatIp(family, value), cidrRange(cidr) -> [first, last] in the unified address space
//
// Addresses are BigInt. To keep one sorted key space for both families (ipset.ts), IPv4 lives
// at [0, 2^32) and IPv6 at [2^32, 2^32 + 2^128) in "unified" values (toUnified/fromUnified).

export type IpFamily = 4 | 6;

export type ParsedIp = { ok: true; family: IpFamily; value: bigint } | { ok: false; error: string };

export type ParsedCidr =
  | {
      ok: true;
      family: IpFamily;
      /** Network address (host bits cleared). */
      base: bigint;
      prefix: number;
      /** The text had bits set below the prefix (e.g. 10.1.2.3/24): rejected by strict validation. */
      hostBitsSet: boolean;
      /** Canonical network form, e.g. `10.1.2.0/24`, `2001:db8::/32`. */
      canonical: string;
      /** Unified first and last address (see toUnified). */
      first: bigint;
      last: bigint;
    }
  | { ok: false; error: string };

export const V4_SPACE = 1n << 32n;
const V6_BITS = 128n;

export function bits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export function toUnified(family: IpFamily, value: bigint): bigint {
  return family === 4 ? value : value + V4_SPACE;
}

export function fromUnified(u: bigint): { family: IpFamily; value: bigint } {
  return u < V4_SPACE ? { family: 4, value: u } : { family: 6, value: u - V4_SPACE };
}

function parseV4(text: string): bigint | string {
  const parts = text.split('.');
  if (parts.length !== 4) return 'an IPv4 address has four dot-separated numbers';
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return `'${p}' is not a number 0-255`;
    if (p.length > 1 && p.startsWith('0')) return `'${p}' has a leading zero (ambiguous octal)`;
    const n = Number(p);
    if (n > 255) return `${n} is out of range 0-255`;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(text: string): bigint | string {
  if (text.includes('%')) return 'zone indexes are not allowed';
  let head = text;
  let v4tail: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const t = parseV4(text.slice(lastColon + 1));
    if (typeof t === 'string') return t;
    v4tail = t;
    head = text.slice(0, lastColon + 1) + (text.endsWith('::') ? '' : '0:0');
  }
  const dbl = head.split('::');
  if (dbl.length > 2) return "'::' may appear only once";
  const group = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = group(dbl[0]);
  const right = dbl.length === 2 ? group(dbl[1]) : [];
  const total = left.length + right.length;
  if (dbl.length === 1 && total !== 8) return 'an IPv6 address has eight groups (or uses ::)';
  if (dbl.length === 2 && total > 7) return "too many groups for an address with '::'";
  const groups = [...left, ...Array(8 - total).fill('0'), ...right];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return `'${g}' is not a hex group of 1-4 digits`;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (v4tail !== undefined) v = (v & ~0xffffffffn) | v4tail;
  return v;
}

export function parseIp(text: string): ParsedIp {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'empty address' };
  const family: IpFamily = t.includes(':') ? 6 : 4;
  const r = family === 4 ? parseV4(t) : parseV6(t);
  if (typeof r === 'string') return { ok: false, error: `'${text}' is not a valid IPv${family} address: ${r}` };
  return { ok: true, family, value: r };
}

export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 255n).toString()).join('.');
  }
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on ties.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (a: number[]): string => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

function mask(family: IpFamily, prefix: number): bigint {
  const width = family === 4 ? 32n : V6_BITS;
  const host = width - BigInt(prefix);
  return ((1n << width) - 1n) ^ ((1n << host) - 1n);
}

export function parseCidr(text: string): ParsedCidr {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addrText = slash < 0 ? t : t.slice(0, slash);
  const ip = parseIp(addrText);
  if (!ip.ok) return { ok: false, error: `'${text}' is not a valid CIDR: ${ip.error.replace(/^'[^']*' is not a valid /, 'not a valid ')}` };
  const width = bits(ip.family);
  let prefix = width;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > width || (p.length > 1 && p.startsWith('0'))) {
      return { ok: false, error: `'${text}' is not a valid CIDR: prefix length must be 0-${width}` };
    }
    prefix = Number(p);
  }
  const m = mask(ip.family, prefix);
  const base = ip.value & m;
  const hostSize = (1n << BigInt(width - prefix)) - 1n;
  return {
    ok: true,
    family: ip.family,
    base,
    prefix,
    hostBitsSet: base !== ip.value,
    canonical: `${formatIp(ip.family, base)}/${prefix}`,
    first: toUnified(ip.family, base),
    last: toUnified(ip.family, base + hostSize),
  };
}

/** Canonical network form (`10.1.2.3/24` -> `10.1.2.0/24`); undefined when not a CIDR or address. */
export function canonicalCidr(text: string): string | undefined {
  const c = parseCidr(text);
  return c.ok ? c.canonical : undefined;
}

/** [first, last] unified addresses of a CIDR or bare address; undefined when invalid. */
export function cidrRange(text: string): readonly [bigint, bigint] | undefined {
  const c = parseCidr(text);
  return c.ok ? [c.first, c.last] : undefined;
}
