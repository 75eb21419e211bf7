// Port-interval sets and connection sets (per protocol TCP/UDP/SCTP).
//
// Public API:
//   emptyConn(), allConn(), connOf(proto, lo, hi?), union(a,b), intersect(a,b), subtract(a,b),
//   isEmpty(c), isAll(c), equals(a,b), contains(c, proto, port), connKey(c), intern(c),
//   ConnTable (interned ids with memoised union/intersect, used by the evaluator),
//   range helpers rangesUnion / rangesIntersect / rangesSubtract, ALL_PORTS.
//
// Sets are sorted, disjoint, non-adjacent inclusive intervals: every operation is a merge of
// two sorted lists, never a loop over ports. Interned sets are frozen and shared: equal sets
// are the same object, so equality is identity once interned.

import { PROTOCOLS } from '../model/types.ts';
import type { Protocol } from '../model/types.ts';
import type { ConnSet, PortRanges } from './reachability-types.ts';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
export const ALL_PORTS: PortRanges = Object.freeze([Object.freeze([MIN_PORT, MAX_PORT] as const)]);
const NO_PORTS: PortRanges = Object.freeze([]);

type Range = readonly [number, number];

/** Sorts and merges arbitrary (possibly overlapping) ranges into canonical form. */
export function normaliseRanges(ranges: ReadonlyArray<Range>): PortRanges {
  if (ranges.length === 0) return NO_PORTS;
  const sorted = [...ranges].filter((r) => r[0] <= r[1]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function rangesUnion(a: PortRanges, b: PortRanges): PortRanges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i][0] <= b[j][0]) ? a[i++] : b[j++];
    const last = out[out.length - 1];
    if (last && next[0] <= last[1] + 1) last[1] = Math.max(last[1], next[1]);
    else out.push([next[0], next[1]]);
  }
  return out;
}

export function rangesIntersect(a: PortRanges, b: PortRanges): PortRanges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function rangesSubtract(a: PortRanges, b: PortRanges): PortRanges {
  if (a.length === 0 || b.length === 0) return a;
  const out: [number, number][] = [];
  let j = 0;
  for (const [alo, ahi] of a) {
    let lo = alo;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= ahi && lo <= ahi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1]);
      lo = Math.max(lo, b[k][1] + 1);
      k++;
    }
    if (lo <= ahi) out.push([lo, ahi]);
  }
  return out;
}

function rangesEqual(a: PortRanges, b: PortRanges): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}

function rangesKey(r: PortRanges): string {
  return r.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}

// ---------------------------------------------------------------- interning

const internTable = new Map<string, ConnSet>();
const keyOf = new WeakMap<ConnSet, string>();

/** Canonical text key, e.g. `TCP:80,8080-8090|UDP:|SCTP:`. Equal sets have equal keys. */
export function connKey(c: ConnSet): string {
  const known = keyOf.get(c);
  if (known !== undefined) return known;
  return `TCP:${rangesKey(c.TCP)}|UDP:${rangesKey(c.UDP)}|SCTP:${rangesKey(c.SCTP)}`;
}

function freezeRanges(r: PortRanges): PortRanges {
  if (r.length === 0) return NO_PORTS;
  if (r.length === 1 && r[0][0] === MIN_PORT && r[0][1] === MAX_PORT) return ALL_PORTS;
  return Object.freeze(r.map((x) => Object.freeze([x[0], x[1]] as const)));
}

/** The shared, frozen instance equal to `c`. */
export function intern(c: ConnSet): ConnSet {
  if (keyOf.has(c)) return c;
  const key = connKey(c);
  let found = internTable.get(key);
  if (!found) {
    found = Object.freeze({ TCP: freezeRanges(c.TCP), UDP: freezeRanges(c.UDP), SCTP: freezeRanges(c.SCTP) });
    internTable.set(key, found);
    keyOf.set(found, key);
  }
  return found;
}

const EMPTY = intern({ TCP: NO_PORTS, UDP: NO_PORTS, SCTP: NO_PORTS });
const ALL = intern({ TCP: ALL_PORTS, UDP: ALL_PORTS, SCTP: ALL_PORTS });

export function emptyConn(): ConnSet {
  return EMPTY;
}

/** Every port of every protocol. */
export function allConn(): ConnSet {
  return ALL;
}

/** One protocol, ports lo..hi (default: all ports of that protocol). */
export function connOf(proto: Protocol, lo?: number, hi?: number): ConnSet {
  const from = lo ?? MIN_PORT;
  const to = hi ?? (lo === undefined ? MAX_PORT : lo);
  const r: PortRanges = from <= to ? [[from, to]] : NO_PORTS;
  return intern({ TCP: NO_PORTS, UDP: NO_PORTS, SCTP: NO_PORTS, [proto]: r });
}

/** Builds an interned set from ranges per protocol (ranges may overlap or be unsorted). */
export function connFromRanges(parts: Partial<Record<Protocol, ReadonlyArray<Range>>>): ConnSet {
  return intern({
    TCP: normaliseRanges(parts.TCP ?? []),
    UDP: normaliseRanges(parts.UDP ?? []),
    SCTP: normaliseRanges(parts.SCTP ?? []),
  });
}

export function union(a: ConnSet, b: ConnSet): ConnSet {
  if (a === b || isEmpty(b)) return intern(a);
  if (isEmpty(a)) return intern(b);
  return intern({ TCP: rangesUnion(a.TCP, b.TCP), UDP: rangesUnion(a.UDP, b.UDP), SCTP: rangesUnion(a.SCTP, b.SCTP) });
}

export function intersect(a: ConnSet, b: ConnSet): ConnSet {
  if (a === b) return intern(a);
  return intern({
    TCP: rangesIntersect(a.TCP, b.TCP),
    UDP: rangesIntersect(a.UDP, b.UDP),
    SCTP: rangesIntersect(a.SCTP, b.SCTP),
  });
}

/** a minus b. */
export function subtract(a: ConnSet, b: ConnSet): ConnSet {
  return intern({
    TCP: rangesSubtract(a.TCP, b.TCP),
    UDP: rangesSubtract(a.UDP, b.UDP),
    SCTP: rangesSubtract(a.SCTP, b.SCTP),
  });
}

export function isEmpty(c: ConnSet): boolean {
  return c.TCP.length === 0 && c.UDP.length === 0 && c.SCTP.length === 0;
}

export function isAll(c: ConnSet): boolean {
  return equals(c, ALL);
}

export function equals(a: ConnSet, b: ConnSet): boolean {
  return a === b || (rangesEqual(a.TCP, b.TCP) && rangesEqual(a.UDP, b.UDP) && rangesEqual(a.SCTP, b.SCTP));
}

export function contains(c: ConnSet, proto: Protocol, port: number): boolean {
  const r = c[proto];
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (port < r[mid][0]) hi = mid - 1;
    else if (port > r[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Human text, e.g. `TCP 80, 8080-8090; UDP 53` or `all` / `none`. */
export function describeConn(c: ConnSet): string {
  if (isEmpty(c)) return 'none';
  if (equals(c, ALL)) return 'all';
  return PROTOCOLS.filter((p) => c[p].length > 0)
    .map((p) => `${p} ${equals({ ...EMPTY, [p]: c[p] } as ConnSet, connOf(p)) ? 'all' : rangesKey(c[p]).replace(/,/g, ', ')}`)
    .join('; ');
}

// ---------------------------------------------------------------- id table with memoised algebra

/**
 * Dense ids for interned sets, with memoised union/intersection of ids. Id 0 is always the
 * empty set and id 1 the full set, so the hot paths short-circuit without hashing.
 */
export class ConnTable {
  readonly sets: ConnSet[] = [EMPTY, ALL];
  private readonly idOf = new Map<ConnSet, number>([[EMPTY, 0], [ALL, 1]]);
  private readonly unionMemo = new Map<number, number>();
  private readonly interMemo = new Map<number, number>();
  private readonly subMemo = new Map<number, number>();

  static readonly EMPTY = 0;
  static readonly ALL = 1;

  id(c: ConnSet): number {
    const s = intern(c);
    let i = this.idOf.get(s);
    if (i === undefined) {
      i = this.sets.length;
      this.sets.push(s);
      this.idOf.set(s, i);
    }
    return i;
  }

  get(i: number): ConnSet {
    return this.sets[i];
  }

  union(a: number, b: number): number {
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    if (a === 1 || b === 1) return 1;
    const key = a < b ? a * 0x200000 + b : b * 0x200000 + a;
    let r = this.unionMemo.get(key);
    if (r === undefined) {
      r = this.id(union(this.sets[a], this.sets[b]));
      this.unionMemo.set(key, r);
    }
    return r;
  }

  intersect(a: number, b: number): number {
    if (a === b || b === 1) return a;
    if (a === 1) return b;
    if (a === 0 || b === 0) return 0;
    const key = a < b ? a * 0x200000 + b : b * 0x200000 + a;
    let r = this.interMemo.get(key);
    if (r === undefined) {
      r = this.id(intersect(this.sets[a], this.sets[b]));
      this.interMemo.set(key, r);
    }
    return r;
  }

  /** a minus b. */
  subtract(a: number, b: number): number {
    if (a === 0 || b === 0) return a;
    if (a === b || b === 1) return 0;
    const key = a * 0x200000 + b;
    let r = this.subMemo.get(key);
    if (r === undefined) {
      r = this.id(subtract(this.sets[a], this.sets[b]));
      this.subMemo.set(key, r);
    }
    return r;
  }
}
