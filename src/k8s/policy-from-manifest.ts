// NetworkPolicy spec -> model, keeping absent vs empty exactly as written (semantics.md 1.4)
// and validating per semantics.md 1.10. Invalid parts the model cannot hold are dropped
// "fail closed": an invalid peer or port is removed, and when that would empty a list (which
// would widen the rule to "everything") the whole rule is removed instead.

import { parseCidr } from '../net/ip.ts';
import { validateIanaPortName, validateLabelKey, validateLabelValue } from '../model/labels.ts';
import { PROTOCOLS } from '../model/types.ts';
import type {
  Direction, EgressRule, IngressRule, IPBlock, LabelSelector, LabelSelectorRequirement, NetworkPolicy,
  PolicyPeer, PolicyPort, Protocol, SelectorOperator,
} from '../model/types.ts';
import { describe, isPortNumber, readArray, readStringMap } from './fields.ts';
import type { Report } from './fields.ts';
import { isRecord } from './parse.ts';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export type PolicySpec = Pick<NetworkPolicy, 'podSelector' | 'policyTypes' | 'ingress' | 'egress'>;

/** Returns undefined when the policy as a whole cannot be represented (reported). */
export function readPolicySpec(spec: unknown, report: Report): PolicySpec | undefined {
  if (spec === undefined || spec === null) spec = {};
  if (!isRecord(spec)) {
    report('error', 'spec', `must be an object, found ${describe(spec)}; policy not imported`);
    return undefined;
  }
  // podSelector has no omitempty: missing is the same as {} (all pods).
  const podSelector = spec.podSelector === undefined || spec.podSelector === null
    ? {}
    : readSelector(spec.podSelector, 'spec.podSelector', report);
  if (!podSelector) {
    report('error', 'spec.podSelector', 'the policy cannot be represented with an invalid podSelector; policy not imported');
    return undefined;
  }
  const out: PolicySpec = { podSelector };

  const typesRaw = readArray(spec.policyTypes, 'spec.policyTypes', report);
  if (spec.policyTypes !== undefined && spec.policyTypes !== null && !typesRaw) return undefined;
  if (typesRaw) {
    const types: Direction[] = [];
    let bad = false;
    typesRaw.forEach((t, i) => {
      if (t === 'Ingress' || t === 'Egress') types.push(t);
      else {
        bad = true;
        report('error', `spec.policyTypes[${i}]`, `${describe(t)} is not a policy type (expected "Ingress" or "Egress")`);
      }
    });
    if (typesRaw.length > 2) {
      bad = true;
      report('error', 'spec.policyTypes', `has ${typesRaw.length} entries; at most 2 are allowed`);
    }
    if (bad) {
      report('error', 'spec.policyTypes', 'the API server rejects this policy; policy not imported');
      return undefined;
    }
    out.policyTypes = types;
  }

  let droppedRule = false;
  const ingressRaw = readArray(spec.ingress, 'spec.ingress', report);
  if (ingressRaw) {
    out.ingress = [];
    ingressRaw.forEach((r, i) => {
      const rule = readRule(r, `spec.ingress[${i}]`, 'from', report);
      if (rule) out.ingress!.push(rule as IngressRule);
      else droppedRule = true;
    });
  }
  const egressRaw = readArray(spec.egress, 'spec.egress', report);
  if (egressRaw) {
    out.egress = [];
    egressRaw.forEach((r, i) => {
      const rule = readRule(r, `spec.egress[${i}]`, 'to', report);
      if (rule) out.egress!.push(rule as EgressRule);
      else droppedRule = true;
    });
  }
  // Dropping egress rules can change the defaulted policyTypes (1.3); pin what was meant.
  if (droppedRule && (!out.policyTypes || out.policyTypes.length === 0)) {
    const wantEgress = (egressRaw?.length ?? 0) > 0;
    const haveEgress = (out.egress?.length ?? 0) > 0;
    if (wantEgress !== haveEgress) {
      out.policyTypes = ['Ingress', 'Egress'];
      report('warning', 'spec.policyTypes', 'set to [Ingress, Egress] so that removing invalid rules does not lift egress isolation');
    }
  }
  return out;
}

type AnyRule = { from?: PolicyPeer[]; to?: PolicyPeer[]; ports?: PolicyPort[] };

function readRule(v: unknown, path: string, peersKey: 'from' | 'to', report: Report): AnyRule | undefined {
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
      const peer = readPeer(p, `${path}.${peersKey}[${i}]`, report);
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
      const port = readPolicyPort(p, `${path}.ports[${i}]`, report);
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
    const s = readSelector(v.podSelector, `${path}.podSelector`, report);
    if (!s) { report('error', path, 'peer removed'); return undefined; }
    peer.podSelector = s;
  }
  if (has('namespaceSelector')) {
    const s = readSelector(v.namespaceSelector, `${path}.namespaceSelector`, report);
    if (!s) { report('error', path, 'peer removed'); return undefined; }
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

/** A metav1.LabelSelector. Undefined when it uses something the model cannot hold (unknown operator). */
export function readSelector(v: unknown, path: string, report: Report): LabelSelector | undefined {
  if (!isRecord(v)) {
    report('error', path, `a label selector must be an object, found ${describe(v)}`);
    return undefined;
  }
  const out: LabelSelector = {};
  if (v.matchLabels !== undefined && v.matchLabels !== null) {
    const m = readStringMap(v.matchLabels, `${path}.matchLabels`, report, 'selector');
    if (!m) return undefined;
    out.matchLabels = m;
  }
  const exprs = readArray(v.matchExpressions, `${path}.matchExpressions`, report);
  if (v.matchExpressions !== undefined && v.matchExpressions !== null && !exprs) return undefined;
  if (exprs) {
    const list: LabelSelectorRequirement[] = [];
    for (let i = 0; i < exprs.length; i++) {
      const e = exprs[i];
      const p = `${path}.matchExpressions[${i}]`;
      if (!isRecord(e)) {
        report('error', p, `must be an object with key and operator, found ${describe(e)}`);
        return undefined;
      }
      if (typeof e.key !== 'string') {
        report('error', `${p}.key`, 'key is required');
        return undefined;
      }
      const keyError = validateLabelKey(e.key);
      if (keyError) report('error', `${p}.key`, keyError);
      if (typeof e.operator !== 'string' || !(OPERATORS as readonly string[]).includes(e.operator)) {
        report('error', `${p}.operator`, `unknown selector operator ${describe(e.operator)} (expected In, NotIn, Exists or DoesNotExist)`);
        return undefined;
      }
      const op = e.operator as SelectorOperator;
      const req: LabelSelectorRequirement = { key: e.key, operator: op };
      const valuesRaw = readArray(e.values, `${p}.values`, report);
      if (valuesRaw) {
        const values: string[] = [];
        valuesRaw.forEach((x, j) => {
          if (typeof x === 'string') values.push(x);
          else if (typeof x === 'number' || typeof x === 'boolean') {
            values.push(String(x));
            report('error', `${p}.values[${j}]`, `value ${String(x)} is read by YAML as a ${typeof x}, not a string; quote it`);
          } else report('error', `${p}.values[${j}]`, `value must be a string, found ${describe(x)}`);
        });
        for (const [j, x] of values.entries()) {
          const err = validateLabelValue(x);
          if (err) report('error', `${p}.values[${j}]`, err);
        }
        req.values = values;
      }
      const n = req.values?.length ?? 0;
      if ((op === 'In' || op === 'NotIn') && n === 0) report('error', `${p}.values`, `operator ${op} requires at least one value`);
      if ((op === 'Exists' || op === 'DoesNotExist') && n > 0) report('error', `${p}.values`, `operator ${op} must not have values`);
      list.push(req);
    }
    out.matchExpressions = list;
  }
  return out;
}
