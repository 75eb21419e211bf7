// NetworkPolicy spec -> model, keeping absent vs empty exactly as written (semantics.md 1.4)
// and validating per semantics.md 1.10.
//
// The rule (README "Invalid input never widens access"): an invalid part of a policy never
// makes the analysis allow more than any valid reading of that policy would.
// - an invalid peer (bad selector value, unknown field, ...) matches nothing: it is removed;
// - an invalid port entry admits no port: it is removed;
// - a rule with an unknown field, or left with no valid peer or port, is removed (an emptied
//   list would widen it to "everything");
// - a policy whose podSelector, policyTypes or spec is invalid still isolates every pod it could
//   select, in every direction it could mean, and allows nothing there: its most restrictive
//   reading, said in the diagnostic.

import { parseCidr } from '../net/ip.ts';
import { validateIanaPortName, validateLabelKey, validateLabelValue } from '../model/labels.ts';
import { PROTOCOLS } from '../model/types.ts';
import type {
  Direction, EgressRule, IngressRule, IPBlock, LabelSelector, LabelSelectorRequirement, NetworkPolicy,
  PolicyPeer, PolicyPort, Protocol, SelectorOperator,
} from '../model/types.ts';
import { describe, isPortNumber, notAString, readArray, readStringMapChecked, writtenText } from './fields.ts';
import type { Report } from './fields.ts';
import { isRecord } from './parse.ts';
import type { UnknownField } from './schema.ts';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];

export type PolicySpec = Pick<NetworkPolicy, 'podSelector' | 'policyTypes' | 'ingress' | 'egress'>;

/** Elements made invalid by unknown fields, by path. */
interface Taint {
  elements: Set<string>;
  podSelector: boolean;
  /** An unknown field in spec (or at the top) may hide policyTypes, ingress or egress. */
  directions: boolean;
}

const PEER_PATH = /^spec\.(?:ingress|egress)\[\d+\]\.(?:from|to)\[\d+\]/;
const PORT_PATH = /^spec\.(?:ingress|egress)\[\d+\]\.ports\[\d+\]/;
const RULE_PATH = /^spec\.(?:ingress|egress)\[\d+\]$/;

/** Reports each unknown field of a NetworkPolicy with what it does to the reading. */
function reportUnknown(unknown: readonly UnknownField[], report: Report): Taint {
  const taint: Taint = { elements: new Set(), podSelector: false, directions: false };
  for (const u of unknown) {
    if (u.path === 'metadata' || u.path.startsWith('metadata.')) continue;
    let effect: string;
    let m: RegExpExecArray | null;
    if ((m = PEER_PATH.exec(u.parent))) { taint.elements.add(m[0]); effect = 'peer removed'; }
    else if ((m = PORT_PATH.exec(u.parent))) { taint.elements.add(m[0]); effect = 'port entry removed'; }
    else if (RULE_PATH.test(u.parent)) { taint.elements.add(u.parent); effect = 'rule removed'; }
    else if (u.parent.startsWith('spec.podSelector') || (u.parent === 'spec' && u.suggestion === 'podSelector')) {
      taint.podSelector = true;
      effect = 'podSelector read as invalid';
    } else {
      taint.directions = true;
      effect = 'policyTypes read as invalid';
    }
    const hint = u.suggestion ? ` (did you mean \`${u.suggestion}\`?)` : '';
    report('error', u.path, `unknown field "${u.field}"${hint}; ${effect}`);
  }
  return taint;
}

const rulesKey = (d: Direction): 'ingress' | 'egress' => (d === 'Ingress' ? 'ingress' : 'egress');

/**
 * Reads a NetworkPolicy spec. Always returns a reading (the most restrictive one when the
 * policy as a whole is invalid); `unknown` are the object's unknown fields (schema.ts).
 */
export function readPolicySpec(spec: unknown, report: Report, unknown: readonly UnknownField[] = []): PolicySpec | undefined {
  const taint = reportUnknown(unknown, report);
  if (spec === undefined || spec === null) spec = {};
  if (!isRecord(spec)) {
    report('error', 'spec', `must be an object, found ${describe(spec)}; read as its most restrictive form: every pod of the namespace is isolated for Ingress and Egress and this policy allows nothing`);
    return { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] };
  }
  // podSelector has no omitempty: missing is the same as {} (all pods).
  let podSelector: LabelSelector = {};
  let podSelectorInvalid = taint.podSelector;
  if (spec.podSelector !== undefined && spec.podSelector !== null) {
    const read = readSelectorParts(spec.podSelector, 'spec.podSelector', report, 'pod');
    if (read.selector && !podSelectorInvalid) podSelector = read.selector;
    else { podSelector = read.loose; podSelectorInvalid = true; }
  }

  // policyTypes: the valid entries are surely meant; an invalid entry may mean either direction.
  let declared: Direction[] | undefined;
  let typesInvalid = taint.directions;
  if (spec.policyTypes !== undefined && spec.policyTypes !== null) {
    declared = [];
    if (!Array.isArray(spec.policyTypes)) {
      report('error', 'spec.policyTypes', `must be a list, found ${describe(spec.policyTypes)}`);
      typesInvalid = true;
    } else {
      const raw: unknown[] = spec.policyTypes;
      raw.forEach((t, i) => {
        if (t === 'Ingress' || t === 'Egress') { if (!declared!.includes(t)) declared!.push(t); }
        else {
          typesInvalid = true;
          report('error', `spec.policyTypes[${i}]`, `${describe(t)} is not a policy type (expected "Ingress" or "Egress")`);
        }
      });
      if (raw.length > 2) {
        typesInvalid = true;
        report('error', 'spec.policyTypes', `has ${raw.length} entries; at most 2 are allowed`);
      }
    }
  }

  const out: PolicySpec = { podSelector };
  if (Array.isArray(spec.policyTypes) && !typesInvalid) out.policyTypes = (spec.policyTypes as Direction[]).slice();
  const uncertain = new Set<Direction>();
  let droppedRule = false;
  const written: Record<Direction, number> = { Ingress: 0, Egress: 0 };
  for (const d of DIRECTIONS) {
    const key = rulesKey(d);
    const raw = spec[key];
    if (raw === undefined || raw === null) continue;
    if (!Array.isArray(raw)) {
      report('error', `spec.${key}`, `must be a list, found ${describe(raw)}; read as no ${key} rules, with ${d} isolated`);
      uncertain.add(d);
      continue;
    }
    written[d] = raw.length;
    const rules: AnyRule[] = [];
    raw.forEach((r: unknown, i: number) => {
      const path = `spec.${key}[${i}]`;
      const rule = taint.elements.has(path) ? undefined : readRule(r, path, d === 'Ingress' ? 'from' : 'to', report, taint);
      if (rule) rules.push(rule);
      else droppedRule = true;
    });
    if (d === 'Ingress') out.ingress = rules as IngressRule[];
    else out.egress = rules as EgressRule[];
  }

  // The directions the policy surely isolates, as written (defaulting per semantics.md 1.3).
  const sure = new Set<Direction>(declared && declared.length > 0 ? declared : ['Ingress']);
  if (!declared || declared.length === 0) { if (written.Egress > 0) sure.add('Egress'); }
  if (typesInvalid) for (const d of DIRECTIONS) if (!sure.has(d)) uncertain.add(d);

  if (podSelectorInvalid || uncertain.size > 0 || typesInvalid) {
    const types = DIRECTIONS.filter((d) => sure.has(d) || uncertain.has(d));
    out.policyTypes = types;
    const emptied = podSelectorInvalid ? types : types.filter((d) => uncertain.has(d) && !sure.has(d));
    for (const d of emptied) out[rulesKey(d)] = [];
    if (podSelectorInvalid) {
      report('error', 'spec.podSelector', `invalid podSelector; read as its most restrictive form: ${describeSelection(podSelector)} isolated for ${types.join(' and ')} and this policy allows nothing until podSelector is fixed`);
    } else if (typesInvalid) {
      const lost = emptied.length ? `, with no ${emptied.map((d) => rulesKey(d)).join(' or ')} rules (this policy allows no ${emptied.map((d) => rulesKey(d)).join(' or ')})` : '';
      report('error', 'spec.policyTypes', `the API server rejects this policy; read as its most restrictive form: policyTypes [${types.join(', ')}]${lost} until policyTypes is fixed`);
    }
    return out;
  }

  // Dropping egress rules can change the defaulted policyTypes (1.3); pin what was meant.
  if (droppedRule && !out.policyTypes) {
    const haveEgress = (out.egress?.length ?? 0) > 0;
    if (written.Egress > 0 && !haveEgress) {
      out.policyTypes = ['Ingress', 'Egress'];
      report('warning', 'spec.policyTypes', 'set to [Ingress, Egress] so that removing invalid rules does not lift egress isolation');
    }
  }
  return out;
}

function describeSelection(sel: LabelSelector): string {
  const parts = [
    ...Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(sel.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values ? ` (${e.values.join(', ')})` : ''}`),
  ];
  return parts.length === 0 ? 'every pod of the namespace is' : `the pods matching ${parts.join(', ')} are`;
}

type AnyRule = { from?: PolicyPeer[]; to?: PolicyPeer[]; ports?: PolicyPort[] };

function readRule(v: unknown, path: string, peersKey: 'from' | 'to', report: Report, taint: Taint): AnyRule | undefined {
  if (v === null) v = {};
  if (!isRecord(v)) {
    report('error', path, `a rule must be an object, found ${describe(v)}; rule removed`);
    return undefined;
  }
  const rule: AnyRule = {};
  const peersRaw = readArray(v[peersKey], `${path}.${peersKey}`, report);
  if (v[peersKey] !== undefined && v[peersKey] !== null && !peersRaw) {
    report('error', path, 'rule removed');
    return undefined;
  }
  if (peersRaw) {
    const peers: PolicyPeer[] = [];
    peersRaw.forEach((p, i) => {
      const at = `${path}.${peersKey}[${i}]`;
      const peer = taint.elements.has(at) ? undefined : readPeer(p, at, report);
      if (peer) peers.push(peer);
    });
    if (peersRaw.length > 0 && peers.length === 0) {
      report('error', `${path}.${peersKey}`, `no valid peer is left; the rule is removed rather than widened to all ${peersKey === 'from' ? 'sources' : 'destinations'}`);
      return undefined;
    }
    rule[peersKey] = peers;
  }
  const portsRaw = readArray(v.ports, `${path}.ports`, report);
  if (v.ports !== undefined && v.ports !== null && !portsRaw) {
    report('error', path, 'rule removed');
    return undefined;
  }
  if (portsRaw) {
    const ports: PolicyPort[] = [];
    portsRaw.forEach((p, i) => {
      const at = `${path}.ports[${i}]`;
      const port = taint.elements.has(at) ? undefined : readPolicyPort(p, at, report);
      if (port) ports.push(port);
    });
    if (portsRaw.length > 0 && ports.length === 0) {
      report('error', `${path}.ports`, 'no valid port is left; the rule is removed rather than widened to all ports');
      return undefined;
    }
    rule.ports = ports;
  }
  return rule;
}

function readPeer(v: unknown, path: string, report: Report): PolicyPeer | undefined {
  if (!isRecord(v)) {
    report('error', path, `a peer must be an object, found ${describe(v)}; peer removed`);
    return undefined;
  }
  const has = (k: string): boolean => v[k] !== undefined && v[k] !== null;
  if (!has('podSelector') && !has('namespaceSelector') && !has('ipBlock')) {
    report('error', path, 'a peer must set podSelector, namespaceSelector or ipBlock (an empty peer is rejected by the API server); peer removed');
    return undefined;
  }
  if (has('ipBlock') && (has('podSelector') || has('namespaceSelector'))) {
    report('error', path, 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer; peer removed');
    return undefined;
  }
  if (has('ipBlock')) {
    const ipBlock = readIpBlock(v.ipBlock, `${path}.ipBlock`, report);
    return ipBlock ? { ipBlock } : undefined;
  }
  const peer: PolicyPeer = {};
  if (has('podSelector')) {
    const s = readSelector(v.podSelector, `${path}.podSelector`, report, 'pod');
    if (!s) { report('error', path, 'peer removed: an invalid selector matches nothing'); return undefined; }
    peer.podSelector = s;
  }
  if (has('namespaceSelector')) {
    const s = readSelector(v.namespaceSelector, `${path}.namespaceSelector`, report, 'namespace');
    if (!s) { report('error', path, 'peer removed: an invalid selector matches nothing'); return undefined; }
    peer.namespaceSelector = s;
  }
  return peer;
}

function readIpBlock(v: unknown, path: string, report: Report): IPBlock | undefined {
  if (!isRecord(v)) {
    report('error', path, `must be an object with cidr, found ${describe(v)}; peer removed`);
    return undefined;
  }
  if (typeof v.cidr !== 'string' || v.cidr === '') {
    report('error', `${path}.cidr`, 'cidr is required; peer removed');
    return undefined;
  }
  const cidrError = checkCidr(v.cidr);
  if (cidrError) {
    report('error', `${path}.cidr`, `${cidrError}; peer removed`);
    return undefined;
  }
  const block: IPBlock = { cidr: v.cidr };
  const exceptRaw = readArray(v.except, `${path}.except`, report);
  if (v.except !== undefined && v.except !== null && !exceptRaw) return undefined;
  if (exceptRaw) {
    const outer = parseCidr(v.cidr);
    const except: string[] = [];
    for (let i = 0; i < exceptRaw.length; i++) {
      const e = exceptRaw[i];
      const p = `${path}.except[${i}]`;
      const err = typeof e !== 'string' ? `must be a CIDR string, found ${describe(e)}` : checkCidr(e);
      if (err) {
        report('error', p, `${err}; peer removed (dropping only the exception would widen it)`);
        return undefined;
      }
      const inner = parseCidr(e as string);
      const strictSubset = outer.ok && inner.ok && inner.family === outer.family
        && inner.prefix > outer.prefix && inner.first >= outer.first && inner.last <= outer.last;
      if (!strictSubset) {
        report('error', p, `${e as string} is not a strict subset of cidr ${v.cidr}; peer removed`);
        return undefined;
      }
      except.push(e as string);
    }
    block.except = except;
  }
  return block;
}

/** Error text for an invalid ipBlock CIDR, or null. Host bits set is an error under strict validation. */
export function checkCidr(text: string): string | null {
  if (text !== text.trim()) return `"${text}" has whitespace around it, which the API server rejects; write "${text.trim()}"`;
  if (!text.includes('/')) return `"${text}" is not a CIDR (missing /prefix)`;
  const p = parseCidr(text);
  if (!p.ok) return p.error;
  if (p.hostBitsSet) return `"${text}" has host bits set; did you mean ${p.canonical}?`;
  return null;
}

function readPolicyPort(v: unknown, path: string, report: Report): PolicyPort | undefined {
  if (v === null) v = {};
  if (!isRecord(v)) {
    report('error', path, `a port entry must be an object, found ${describe(v)}; port entry removed`);
    return undefined;
  }
  const out: PolicyPort = {};
  let ok = true;
  const bad = (p: string, m: string): void => { ok = false; report('error', p, m); };
  if (v.protocol !== undefined && v.protocol !== null) {
    if (typeof v.protocol === 'string' && (PROTOCOLS as readonly string[]).includes(v.protocol)) out.protocol = v.protocol as Protocol;
    else bad(`${path}.protocol`, `unknown protocol ${describe(v.protocol)} (expected TCP, UDP or SCTP)`);
  }
  const port = v.port;
  if (port !== undefined && port !== null) {
    if (typeof port === 'number') {
      if (isPortNumber(port)) out.port = port;
      else bad(`${path}.port`, `port ${port} is out of range (1-65535)`);
    } else if (typeof port === 'string') {
      if (/^\d+$/.test(port)) bad(`${path}.port`, `port "${port}" is a quoted number, which the API reads as a port name; write it without quotes`);
      else {
        const err = validateIanaPortName(port);
        if (err) bad(`${path}.port`, `invalid named port: ${err}`);
        else out.port = port;
      }
    } else bad(`${path}.port`, `port must be a number or a port name, found ${describe(port)}`);
  }
  if (v.endPort !== undefined && v.endPort !== null) {
    const end = v.endPort;
    if (typeof end !== 'number' || !Number.isInteger(end)) bad(`${path}.endPort`, `endPort must be a number, found ${describe(end)}`);
    else if (!isPortNumber(end)) bad(`${path}.endPort`, `endPort ${end} is out of range (1-65535)`);
    else if (port === undefined || port === null) bad(`${path}.endPort`, 'endPort requires a numeric port');
    else if (typeof port === 'string') bad(`${path}.endPort`, `endPort cannot be used with a named port ("${port}")`);
    else if (typeof port === 'number' && end < port) bad(`${path}.endPort`, `endPort ${end} is less than port ${port}`);
    else out.endPort = end;
  }
  if (!ok) {
    report('error', path, 'port entry removed');
    return undefined;
  }
  return out;
}

/** A metav1.LabelSelector; undefined when any part of it is invalid (reported). */
export function readSelector(v: unknown, path: string, report: Report, of: 'pod' | 'namespace' = 'pod'): LabelSelector | undefined {
  return readSelectorParts(v, path, report, of).selector;
}

export interface SelectorRead {
  /** The selector, when every part of it is valid. */
  selector?: LabelSelector;
  /** Only the valid requirements: it selects at least what any valid reading could select. */
  loose: LabelSelector;
}

/**
 * Reads a metav1.LabelSelector. Any invalid part (a non-string or invalid label value, an
 * unknown operator, In/NotIn without values, Exists with values) makes the whole selector
 * invalid: dropping just that requirement would select more, never less.
 */
export function readSelectorParts(v: unknown, path: string, report: Report, of: 'pod' | 'namespace'): SelectorRead {
  if (!isRecord(v)) {
    report('error', path, `a label selector must be an object, found ${describe(v)}`);
    return { loose: {} };
  }
  let valid = true;
  const loose: LabelSelector = {};
  const out: LabelSelector = {};
  if (v.matchLabels === null && (v.matchExpressions === undefined || v.matchExpressions === null)) {
    report('warning', `${path}.matchLabels`, `matchLabels: null is the same as no matchLabels: this selector matches every ${of}${of === 'pod' ? ' of the namespace' : ''}; write {} if that is meant`);
  }
  if (v.matchLabels !== undefined && v.matchLabels !== null) {
    const m = readStringMapChecked(v.matchLabels, `${path}.matchLabels`, report, 'selector');
    if (!m) valid = false;
    else {
      if (m.invalid) valid = false;
      out.matchLabels = m.map;
      const ok = Object.entries(m.map).filter(([k, x]) => typeof (v.matchLabels as Record<string, unknown>)[k] === 'string' && !validateLabelKey(k) && !validateLabelValue(x));
      if (ok.length) loose.matchLabels = Object.fromEntries(ok);
    }
  }
  const exprs = v.matchExpressions;
  if (exprs !== undefined && exprs !== null && !Array.isArray(exprs)) {
    report('error', `${path}.matchExpressions`, `must be a list, found ${describe(exprs)}`);
    valid = false;
  } else if (Array.isArray(exprs)) {
    const list: LabelSelectorRequirement[] = [];
    exprs.forEach((e: unknown, i: number) => {
      const req = readRequirement(e, `${path}.matchExpressions[${i}]`, report);
      if (req) list.push(req);
      else valid = false;
    });
    out.matchExpressions = list;
    if (list.length) loose.matchExpressions = list;
  }
  return valid ? { selector: out, loose } : { loose };
}

function readRequirement(e: unknown, p: string, report: Report): LabelSelectorRequirement | undefined {
  if (!isRecord(e)) {
    report('error', p, `must be an object with key and operator, found ${describe(e)}`);
    return undefined;
  }
  if (typeof e.key !== 'string') {
    report('error', `${p}.key`, e.key === undefined || e.key === null ? 'key is required' : notAString(e.key, `${p}.key`, report));
    return undefined;
  }
  let ok = true;
  const keyError = validateLabelKey(e.key);
  if (keyError) { ok = false; report('error', `${p}.key`, keyError); }
  if (typeof e.operator !== 'string' || !(OPERATORS as readonly string[]).includes(e.operator)) {
    report('error', `${p}.operator`, `unknown selector operator ${describe(e.operator)} (expected In, NotIn, Exists or DoesNotExist)`);
    return undefined;
  }
  const op = e.operator as SelectorOperator;
  const req: LabelSelectorRequirement = { key: e.key, operator: op };
  if (e.values !== undefined && e.values !== null) {
    if (!Array.isArray(e.values)) {
      report('error', `${p}.values`, `must be a list, found ${describe(e.values)}`);
      return undefined;
    }
    const values: string[] = [];
    (e.values as unknown[]).forEach((x, j) => {
      const at = `${p}.values[${j}]`;
      if (typeof x === 'string') {
        const err = validateLabelValue(x);
        if (err) { ok = false; report('error', at, err); }
        values.push(x);
        return;
      }
      ok = false;
      report('error', at, notAString(x, at, report));
      const text = x === null ? undefined : writtenText(x, at, report);
      if (text !== undefined) values.push(text);
    });
    req.values = values;
  }
  const n = req.values?.length ?? 0;
  if ((op === 'In' || op === 'NotIn') && n === 0) { ok = false; report('error', `${p}.values`, `operator ${op} requires at least one value`); }
  if ((op === 'Exists' || op === 'DoesNotExist') && n > 0) { ok = false; report('error', `${p}.values`, `operator ${op} must not have values`); }
  return ok ? req : undefined;
}
