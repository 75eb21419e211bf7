// Drawing an intent from the keyboard ("Connect to…"): where it starts (the one selected node)
// and the targets it can go to, filtered by what the user types. The UI only lists them; the
// rules for what can be an end live here and in the core's resolveIntentEnd.

import type { Id, Model } from '../model/types.ts';
import { resolveIntentEnd } from '../policy/synthesize-parts.ts';
import { endpointModelId, endpointNodeId, parseNodeId } from './ids.ts';

export type ConnectSource = { ok: true; fromId: Id; nodeId: Id } | { ok: false; reason: string };

export type ConnectKind = 'workload' | 'external' | 'loadbalancer';

export interface ConnectTarget {
  kind: ConnectKind;
  /** The id the intent stores as its `toId` (a load balancer: its Service id). */
  toId: Id;
  /** The canvas node. */
  nodeId: Id;
  title: string;
  /** Kind and where it is, for the list. */
  detail: string;
  /** An intent from the source to this target that already exists. */
  existing?: Id;
}

const KIND_WORDS: Record<ConnectKind, string> = { workload: 'workload', external: 'external network', loadbalancer: 'load balancer' };

/** Where an intent drawn from the current selection starts, or why it cannot. */
export function connectSource(model: Model, selection: readonly Id[]): ConnectSource {
  if (selection.length === 0) return { ok: false, reason: 'Select one workload, external network or load balancer first, then Connect to…' };
  if (selection.length > 1) return { ok: false, reason: 'Connect to… starts from only one node: select a single workload, external network or load balancer' };
  const nodeId = selection[0];
  const ref = parseNodeId(model, nodeId);
  if (ref?.kind === 'namespace') return { ok: false, reason: 'A namespace cannot be an end of an intent: select one of its workloads' };
  const fromId = endpointModelId(nodeId);
  if (!ref || typeof resolveIntentEnd(model, fromId) === 'string') return { ok: false, reason: 'Select a workload, external network or load balancer to connect from' };
  return { ok: true, fromId, nodeId };
}

interface Candidate {
  target: ConnectTarget;
  namespaceId?: Id;
  /** Lower-case texts a query word can match, name first. */
  name: string;
  others: string[];
}

function candidates(model: Model): Candidate[] {
  const ns = (id: Id) => model.namespaces[id]?.name ?? id;
  const out: Candidate[] = [];
  for (const w of Object.values(model.workloads)) {
    out.push({
      target: { kind: 'workload', toId: w.id, nodeId: w.id, title: w.name, detail: `${w.kind} in ${ns(w.namespaceId)}` },
      namespaceId: w.namespaceId,
      name: w.name.toLowerCase(),
      others: [ns(w.namespaceId), KIND_WORDS.workload, w.kind, ...Object.entries(w.podLabels).map(([k, v]) => `${k}=${v}`)].map((s) => s.toLowerCase()),
    });
  }
  for (const e of Object.values(model.externals)) {
    out.push({
      target: { kind: 'external', toId: e.id, nodeId: e.id, title: e.name, detail: `${KIND_WORDS.external} ${e.cidrs.join(', ')}`.trim() },
      name: e.name.toLowerCase(),
      others: [KIND_WORDS.external, ...e.cidrs, ...(e.domainNames ?? [])].map((s) => s.toLowerCase()),
    });
  }
  for (const s of Object.values(model.services)) {
    const nodeId = endpointNodeId(model, s.id);
    if (!nodeId) continue;
    out.push({
      target: { kind: 'loadbalancer', toId: s.id, nodeId, title: s.name, detail: `${KIND_WORDS.loadbalancer} in ${ns(s.namespaceId)}` },
      namespaceId: s.namespaceId,
      name: s.name.toLowerCase(),
      others: [ns(s.namespaceId), KIND_WORDS.loadbalancer].map((x) => x.toLowerCase()),
    });
  }
  return out;
}

/** How well one query word matches: 0 = not at all. The name counts most. */
function wordScore(c: Candidate, word: string): number {
  if (c.name === word) return 4;
  if (c.name.startsWith(word)) return 3;
  if (c.name.includes(word)) return 2;
  return c.others.some((o) => o.includes(word)) ? 1 : 0;
}

/**
 * The ends an intent from `fromId` can go to, matching every word of `query` (name, namespace,
 * kind, labels, CIDRs): best match first, then the source's own namespace, then by name.
 * Two external networks never pair (no pod at either end, nothing a NetworkPolicy could allow).
 */
export function connectTargets(model: Model, fromId: Id, query: string, limit = 50): ConnectTarget[] {
  const from = resolveIntentEnd(model, fromId);
  if (typeof from === 'string') return [];
  const fromNs = from.kind === 'workload' ? from.workload.namespaceId : from.kind === 'loadbalancer' ? from.service.namespaceId : undefined;
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const existing = new Map<Id, Id>();
  for (const i of Object.values(model.intents)) if (i.fromId === fromId && !existing.has(i.toId)) existing.set(i.toId, i.id);
  const hits: { c: Candidate; s: number }[] = [];
  for (const c of candidates(model)) {
    if (c.target.toId === fromId) continue;
    if (from.kind === 'external' && c.target.kind === 'external') continue;
    let s = 0;
    for (const w of words) {
      const ws = wordScore(c, w);
      if (ws === 0) { s = -1; break; }
      s += ws;
    }
    if (s < 0) continue;
    hits.push({ c, s });
  }
  const near = (c: Candidate) => (fromNs !== undefined && c.namespaceId === fromNs ? 0 : 1);
  hits.sort((a, b) => b.s - a.s || near(a.c) - near(b.c) || a.c.target.title.localeCompare(b.c.target.title) || (a.c.target.toId < b.c.target.toId ? -1 : 1));
  return hits.slice(0, limit).map(({ c }) => {
    const e = existing.get(c.target.toId);
    return e ? { ...c.target, existing: e } : c.target;
  });
}
