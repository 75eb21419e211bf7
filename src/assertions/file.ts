// The assertions file for CI (YAML or JSON):
//
//   assertions:
//   - from: shop/web            # namespace/name of a workload
//     to: lb:shop/web           # lb:<ns>/<service>, svc:<ns>/<service>, an external network
//     port: 80/TCP              # name, "Internet", or an IP / CIDR
//     expect: reach             # reach | no-reach
//     note: optional text
//   networks:                   # optional: external networks named above, with their CIDRs
//     office: [198.51.100.0/24]
//
// Public API:
//   parseAssertionsFile(text): { ok: true, entries, networks } | { ok: false, errors }
//   resolveAssertions(model, entries, networks?): { model, assertions, errors }
//     (adds external networks for CIDRs, `networks` entries and "Internet" when the model lacks them)
//   exportAssertionsFile(model): string (YAML)

import { dump, load } from 'js-yaml';
import { ids } from '../model/factory.ts';
import type { Assertion, ExternalNetwork, Model, Protocol } from '../model/types.ts';
import { PROTOCOLS } from '../model/types.ts';
import { canonicalCidr, parseCidr } from '../net/ip.ts';
import { internetCidrs } from '../services/paths.ts';
import { endpointLabel, lbEndpointId } from './check.ts';

export interface AssertionEntry {
  from: string;
  to: string;
  protocol: Protocol;
  port: number;
  expect: 'reach' | 'no-reach';
  note?: string;
}

export type ParsedAssertions = { ok: true; entries: AssertionEntry[]; networks: Record<string, string[]> } | { ok: false; errors: string[] };

const FIELDS = new Set(['from', 'to', 'port', 'expect', 'note']);

function parsePortText(v: unknown): { protocol: Protocol; port: number } | string {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (text === undefined) return 'must be a port like "80/TCP"';
  const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(text);
  if (!m) return `'${text}' is not PORT or PORT/PROTOCOL (e.g. 80/TCP)`;
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return `port ${port} is outside 1-65535`;
  const protocol = (m[2] ?? 'TCP').toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) return `protocol '${m[2]}' must be TCP, UDP or SCTP`;
  return { protocol: protocol as Protocol, port };
}

export function parseAssertionsFile(text: string): ParsedAssertions {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    return { ok: false, errors: [`not valid YAML or JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  const list = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>).assertions : undefined;
  if (!Array.isArray(list)) return { ok: false, errors: ['the file must be a mapping with a list `assertions:`'] };
  const errors: string[] = [];
  const entries: AssertionEntry[] = [];
  const networks: Record<string, string[]> = {};
  const rawNetworks = (doc as Record<string, unknown>).networks;
  if (rawNetworks !== undefined && (typeof rawNetworks !== 'object' || rawNetworks === null || Array.isArray(rawNetworks))) {
    errors.push('networks: must be a mapping of network name to a list of CIDRs');
  } else if (rawNetworks) {
    for (const [name, cidrs] of Object.entries(rawNetworks as Record<string, unknown>)) {
      if (!Array.isArray(cidrs) || cidrs.length === 0) {
        errors.push(`networks.${name}: must be a non-empty list of CIDRs`);
        continue;
      }
      cidrs.forEach((c, k) => {
        const p = typeof c === 'string' ? parseCidr(c) : undefined;
        if (!p?.ok) errors.push(`networks.${name}[${k}]: '${String(c)}' is not a CIDR`);
      });
      networks[name] = cidrs.map(String);
    }
  }
  list.forEach((raw, i) => {
    const at = `assertions[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push(`${at}: must be a mapping with from, to, port and expect`);
      return;
    }
    const r = raw as Record<string, unknown>;
    const before = errors.length;
    for (const k of Object.keys(r)) if (!FIELDS.has(k)) errors.push(`${at}.${k}: unknown field (allowed: from, to, port, expect, note)`);
    for (const k of ['from', 'to'] as const) {
      if (typeof r[k] !== 'string' || (r[k] as string).trim() === '') errors.push(`${at}.${k}: required, a workload (ns/name), lb:ns/name, svc:ns/name, an external network name or a CIDR`);
    }
    const port = r.port === undefined ? 'required' : parsePortText(r.port);
    if (typeof port === 'string') errors.push(`${at}.port: ${port}`);
    if (r.expect !== 'reach' && r.expect !== 'no-reach') errors.push(`${at}.expect: must be 'reach' or 'no-reach'${r.expect === undefined ? '' : ` (got '${String(r.expect)}')`}`);
    if (r.note !== undefined && typeof r.note !== 'string') errors.push(`${at}.note: must be text`);
    if (errors.length > before || typeof port === 'string') return;
    entries.push({
      from: (r.from as string).trim(),
      to: (r.to as string).trim(),
      ...port,
      expect: r.expect as 'reach' | 'no-reach',
      ...(typeof r.note === 'string' ? { note: r.note } : {}),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries, networks };
}

export interface ResolvedAssertions {
  /** The model plus external networks added for CIDRs / "Internet" that it did not name. */
  model: Model;
  assertions: Assertion[];
  errors: string[];
}

/** Turns file entries into model assertions; CIDR endpoints become external networks. */
export function resolveAssertions(model: Model, entries: AssertionEntry[], networks: Record<string, string[]> = {}): ResolvedAssertions {
  const externals: Record<string, ExternalNetwork> = { ...model.externals };
  const errors: string[] = [];
  const nsName = (id: string) => model.namespaces[id]?.name ?? id.replace(/^ns:/, '');
  const byNsName = <T extends { namespaceId: string; name: string }>(objs: T[], text: string): T[] => objs.filter((o) => `${nsName(o.namespaceId)}/${o.name}` === text);

  const addExternal = (name: string, cidrs: string[]): string => {
    const found = Object.values(externals).find((e) => e.name === name || (e.cidrs.length === cidrs.length && e.cidrs.every((c, i) => canonicalCidr(c) === canonicalCidr(cidrs[i]))));
    if (found) return found.id;
    const id = ids.external(name);
    externals[id] = { id, name, cidrs, description: 'added by the assertions file' };
    return id;
  };

  const resolve = (text: string, where: string): string | undefined => {
    const lower = text.toLowerCase();
    if (lower.startsWith('lb:') || lower.startsWith('svc:')) {
      const lb = lower.startsWith('lb:');
      const rest = text.slice(lb ? 3 : 4);
      const svcs = byNsName(Object.values(model.services), rest);
      if (svcs.length === 0) errors.push(`${where}: no Service named '${rest}'`);
      else if (lb && svcs[0].type !== 'LoadBalancer') errors.push(`${where}: Service '${rest}' is ${svcs[0].type}, not LoadBalancer`);
      else return lb ? lbEndpointId(svcs[0].id) : svcs[0].id;
      return undefined;
    }
    const byName = Object.values(externals).find((e) => e.name === text) ?? Object.values(externals).find((e) => e.name.toLowerCase() === lower);
    if (byName) return byName.id;
    if (networks[text]) return addExternal(text, networks[text]);
    if (lower === 'internet') return addExternal('Internet', internetCidrs(model));
    const cidr = parseCidr(text);
    if (cidr.ok) return addExternal(cidr.canonical, [cidr.canonical]);
    if (text.includes('/')) {
      const ws = byNsName(Object.values(model.workloads), text);
      if (ws.length === 1) return ws[0].id;
      errors.push(ws.length === 0 ? `${where}: no workload named '${text}'` : `${where}: '${text}' names ${ws.length} workloads (${ws.map((w) => w.kind).join(', ')})`);
      return undefined;
    }
    errors.push(`${where}: '${text}' is not a workload (ns/name), lb:ns/name, svc:ns/name, an external network or a CIDR`);
    return undefined;
  };

  const assertions: Assertion[] = [];
  entries.forEach((e, i) => {
    const fromId = resolve(e.from, `assertions[${i}].from`);
    const toId = resolve(e.to, `assertions[${i}].to`);
    if (fromId === undefined || toId === undefined) return;
    assertions.push({
      id: `assert-${String(i + 1).padStart(3, '0')}`,
      fromId,
      toId,
      protocol: e.protocol,
      port: e.port,
      expect: e.expect,
      ...(e.note !== undefined ? { note: e.note } : {}),
    });
  });
  const assertionMap = Object.fromEntries(assertions.map((a) => [a.id, a]));
  return { model: { ...model, externals, assertions: assertionMap }, assertions, errors };
}

/** The design's assertions as a file for `netpol check --assertions`. */
export function exportAssertionsFile(model: Model): string {
  const list = Object.values(model.assertions ?? {})
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => ({
      from: endpointText(model, a.fromId),
      to: endpointText(model, a.toId),
      port: `${a.port}/${a.protocol}`,
      expect: a.expect,
      ...(a.note ? { note: a.note } : {}),
    }));
  // Manifests do not hold external networks, so the file carries the ones it names.
  const used = [...new Set(Object.values(model.assertions ?? {}).flatMap((a) => [a.fromId, a.toId]))]
    .map((id) => model.externals[id])
    .filter((e): e is ExternalNetwork => !!e)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const networks = Object.fromEntries(used.map((e) => [e.name, [...e.cidrs]]));
  return dump(used.length ? { assertions: list, networks } : { assertions: list });
}

function endpointText(model: Model, id: string): string {
  const e = model.externals[id];
  if (e) return e.name;
  return endpointLabel(model, id);
}
