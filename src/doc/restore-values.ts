// Field checkers for restoring untrusted documents. Each takes the raw value and a path used in
// messages (`workloads['wl-1'].ports[0].containerPort`) and returns the clean value or a Problem.
// Structure-level decisions (drop, default, create) are made by restore.ts.

import { PROTOCOLS } from '../model/types.ts';
import { parseCidr } from '../net/ip.ts';
import type {
  IPBlock, LabelSelector, LabelSelectorRequirement, PolicyPeer, PolicyPort, Protocol, SelectorOperator,
} from '../model/types.ts';

export class Problem {
  constructor(readonly path: string, readonly message: string) {}
  toString(): string {
    return `${this.path}: ${this.message}`;
  }
}

export type Checked<T> = T | Problem;
export const isProblem = (v: unknown): v is Problem => v instanceof Problem;

/** Keys that would reach an object's prototype when assigned; never copied from input. */
export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Short, quoted rendering of a bad value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** Path segment for a record key: `workloads['wl-1']`. */
export const keyPath = (base: string, key: string): string => `${base}['${key}']`;

/** True for values JSON can carry unchanged (so unknown fields can be kept as they are). */
export function isPlainJson(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isPlainJson(x, depth + 1));
  if (isRecord(v)) {
    return Object.entries(v).every(([k, x]) => !UNSAFE_KEYS.has(k) && isPlainJson(x, depth + 1));
  }
  return false;
}

export function checkString(v: unknown, path: string): Checked<string> {
  return typeof v === 'string' ? v : new Problem(path, `expected text, got ${show(v)}`);
}

export function checkNonEmptyString(v: unknown, path: string): Checked<string> {
  return typeof v === 'string' && v.length > 0 ? v : new Problem(path, `expected non-empty text, got ${show(v)}`);
}

export function checkBoolean(v: unknown, path: string): Checked<boolean> {
  return typeof v === 'boolean' ? v : new Problem(path, `expected true or false, got ${show(v)}`);
}

export function checkPortNumber(v: unknown, path: string): Checked<number> {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535
    ? v
    : new Problem(path, `expected a number 1-65535, got ${show(v)}`);
}

export function checkCount(v: unknown, path: string): Checked<number> {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0
    ? v
    : new Problem(path, `expected a whole number 0 or more, got ${show(v)}`);
}

/** Protocols are case-sensitive in the API; accept other casings only by normalising them. */
export function checkProtocol(v: unknown, path: string): Checked<Protocol> {
  if (typeof v === 'string') {
    const up = v.toUpperCase();
    if ((PROTOCOLS as readonly string[]).includes(up)) return up as Protocol;
  }
  return new Problem(path, `expected TCP, UDP or SCTP, got ${show(v)}`);
}

export function checkStringList(v: unknown, path: string): Checked<string[]> {
  if (!Array.isArray(v)) return new Problem(path, `expected a list of text, got ${show(v)}`);
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') return new Problem(`${path}[${i}]`, `expected text, got ${show(v[i])}`);
  }
  return [...(v as string[])];
}

export function checkStringMap(v: unknown, path: string): Checked<Record<string, string>> {
  if (!isRecord(v)) return new Problem(path, `expected a map of text to text, got ${show(v)}`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (UNSAFE_KEYS.has(k)) return new Problem(keyPath(path, k), 'reserved key');
    if (typeof x !== 'string') return new Problem(keyPath(path, k), `expected text, got ${show(x)}`);
    out[k] = x;
  }
  return out;
}

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function checkSelector(v: unknown, path: string): Checked<LabelSelector> {
  if (!isRecord(v)) return new Problem(path, `expected a label selector, got ${show(v)}`);
  const out: LabelSelector = {};
  if (v.matchLabels !== undefined) {
    const m = checkStringMap(v.matchLabels, `${path}.matchLabels`);
    if (isProblem(m)) return m;
    out.matchLabels = m;
  }
  if (v.matchExpressions !== undefined) {
    const p = `${path}.matchExpressions`;
    if (!Array.isArray(v.matchExpressions)) return new Problem(p, `expected a list, got ${show(v.matchExpressions)}`);
    const reqs: LabelSelectorRequirement[] = [];
    for (let i = 0; i < v.matchExpressions.length; i++) {
      const r: unknown = v.matchExpressions[i];
      const rp = `${p}[${i}]`;
      if (!isRecord(r)) return new Problem(rp, `expected a requirement, got ${show(r)}`);
      const key = checkNonEmptyString(r.key, `${rp}.key`);
      if (isProblem(key)) return key;
      if (!OPERATORS.includes(r.operator as SelectorOperator)) {
        return new Problem(`${rp}.operator`, `expected In, NotIn, Exists or DoesNotExist, got ${show(r.operator)}`);
      }
      const req: LabelSelectorRequirement = { key, operator: r.operator as SelectorOperator };
      if (r.values !== undefined) {
        const values = checkStringList(r.values, `${rp}.values`);
        if (isProblem(values)) return values;
        req.values = values;
      }
      reqs.push(req);
    }
    out.matchExpressions = reqs;
  }
  return out;
}

export function checkPolicyPort(v: unknown, path: string): Checked<PolicyPort> {
  if (!isRecord(v)) return new Problem(path, `expected a port entry, got ${show(v)}`);
  const out: PolicyPort = {};
  if (v.protocol !== undefined) {
    const p = checkProtocol(v.protocol, `${path}.protocol`);
    if (isProblem(p)) return p;
    out.protocol = p;
  }
  if (v.port !== undefined) {
    if (typeof v.port === 'string') {
      if (v.port.length === 0) return new Problem(`${path}.port`, 'expected a port number or name, got empty text');
      out.port = v.port;
    } else {
      const n = checkPortNumber(v.port, `${path}.port`);
      if (isProblem(n)) return n;
      out.port = n;
    }
  }
  if (v.endPort !== undefined) {
    const e = checkPortNumber(v.endPort, `${path}.endPort`);
    if (isProblem(e)) return e;
    out.endPort = e;
  }
  return out;
}

export function checkIpBlock(v: unknown, path: string): Checked<IPBlock> {
  if (!isRecord(v)) return new Problem(path, `expected {cidr, except}, got ${show(v)}`);
  const cidr = checkNonEmptyString(v.cidr, `${path}.cidr`);
  if (isProblem(cidr)) return cidr;
  const out: IPBlock = { cidr };
  if (v.except !== undefined) {
    const ex = checkStringList(v.except, `${path}.except`);
    if (isProblem(ex)) return ex;
    out.except = ex;
  }
  return out;
}

export function checkPeer(v: unknown, path: string): Checked<PolicyPeer> {
  if (!isRecord(v)) return new Problem(path, `expected a peer, got ${show(v)}`);
  const out: PolicyPeer = {};
  for (const k of ['podSelector', 'namespaceSelector'] as const) {
    if (v[k] === undefined) continue;
    const s = checkSelector(v[k], `${path}.${k}`);
    if (isProblem(s)) return s;
    out[k] = s;
  }
  if (v.ipBlock !== undefined) {
    const b = checkIpBlock(v.ipBlock, `${path}.ipBlock`);
    if (isProblem(b)) return b;
    out.ipBlock = b;
  }
  // An empty peer or ipBlock mixed with selectors is invalid in the API, but it is still a
  // well-typed design; validation/lint report it, restore keeps what the user wrote.
  return out;
}

/** A list whose every element must pass; the first bad element fails the whole list. */
export function checkList<T>(v: unknown, path: string, each: (x: unknown, p: string) => Checked<T>): Checked<T[]> {
  if (!Array.isArray(v)) return new Problem(path, `expected a list, got ${show(v)}`);
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const x = each(v[i], `${path}[${i}]`);
    if (isProblem(x)) return x;
    out.push(x);
  }
  return out;
}

/** Why `text` is not a CIDR the evaluator and lint can use (the importer's rule), or undefined. Host bits are allowed. */
export function cidrProblem(text: string): string | undefined {
  if (text !== text.trim()) return `'${text}' has whitespace around it`;
  if (!text.includes('/')) return `'${text}' is not a CIDR (missing /prefix)`;
  const p = parseCidr(text);
  return p.ok ? undefined : p.error;
}

/** Why `text` is not an IP address, or undefined. */
export function addressProblem(text: string): string | undefined {
  if (text !== text.trim() || text.includes('/') || !parseCidr(text).ok) return `'${text}' is not an IP address`;
  return undefined;
}
