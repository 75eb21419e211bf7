// Search over the design by name or label (the canvas's "/" / Ctrl+K box): workloads,
// namespaces, policies, external networks and load balancers, best matches first. Each result names the canvas node to jump to.

import type { Id, Model } from '../model/types.ts';
import { endpointNodeId } from './ids.ts';

export type SearchKind = 'workload' | 'namespace' | 'policy' | 'external' | 'loadbalancer';

export interface SearchResult {
  kind: SearchKind;
  id: Id;
  title: string;
  /** Where it is and what matched, for the result list. */
  detail: string;
  /** The canvas node to centre and select (a policy: its namespace). */
  nodeId: Id;
  /** The namespace to open so the node is drawn (none for an external network). */
  namespaceId: Id | null;
}

/** How well `text` matches `q` (both lower case): 0 = not at all, higher = better. */
function score(text: string, q: string): number {
  if (text === q) return 4;
  if (text.startsWith(q)) return 3;
  if (text.includes(q)) return 2;
  return 0;
}

function labelScore(labels: Record<string, string> | undefined, q: string): { s: number; label?: string } {
  let best: { s: number; label?: string } = { s: 0 };
  for (const [k, v] of Object.entries(labels ?? {})) {
    const kv = `${k}=${v}`.toLowerCase();
    const s = Math.max(score(kv, q), score(v.toLowerCase(), q)) * 0.5;
    if (s > best.s) best = { s, label: `${k}=${v}` };
  }
  return best;
}

export function searchDesign(model: Model, query: string, limit = 30): SearchResult[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { r: SearchResult; s: number }[] = [];
  const nsName = (id: Id) => model.namespaces[id]?.name ?? '?';
  for (const w of Object.values(model.workloads)) {
    const byName = score(w.name.toLowerCase(), q);
    const byLabel = labelScore(w.podLabels, q);
    const s = Math.max(byName, byLabel.s);
    if (s > 0) hits.push({ s, r: { kind: 'workload', id: w.id, title: w.name, detail: `${w.kind} in ${nsName(w.namespaceId)}${byName === 0 && byLabel.label ? ` · ${byLabel.label}` : ''}`, nodeId: w.id, namespaceId: w.namespaceId } });
  }
  for (const ns of Object.values(model.namespaces)) {
    const byName = score(ns.name.toLowerCase(), q);
    const byLabel = labelScore(ns.labels, q);
    const s = Math.max(byName, byLabel.s);
    if (s > 0) hits.push({ s: s + 0.1, r: { kind: 'namespace', id: ns.id, title: ns.name, detail: `namespace${byName === 0 && byLabel.label ? ` · ${byLabel.label}` : ''}`, nodeId: ns.id, namespaceId: ns.id } });
  }
  for (const p of Object.values(model.policies)) {
    const byName = score(p.name.toLowerCase(), q);
    const byLabel = labelScore(p.podSelector.matchLabels, q);
    const s = Math.max(byName, byLabel.s) - 0.05;
    if (s > 0) hits.push({ s, r: { kind: 'policy', id: p.id, title: p.name, detail: `NetworkPolicy in ${nsName(p.namespaceId)}${byName === 0 && byLabel.label ? ` · selects ${byLabel.label}` : ''}`, nodeId: p.namespaceId, namespaceId: p.namespaceId } });
  }
  for (const e of Object.values(model.externals)) {
    const byName = score(e.name.toLowerCase(), q);
    const byCidr = e.cidrs.some((c) => c.includes(q)) ? 1 : 0;
    const s = Math.max(byName, byCidr) - 0.05;
    if (s > 0) hits.push({ s, r: { kind: 'external', id: e.id, title: e.name, detail: `external network ${e.cidrs.join(', ')}`, nodeId: e.id, namespaceId: null } });
  }
  for (const svc of Object.values(model.services)) {
    const nodeId = endpointNodeId(model, svc.id);
    if (!nodeId) continue;
    const s = score(svc.name.toLowerCase(), q) - 0.05;
    if (s > 0) hits.push({ s, r: { kind: 'loadbalancer', id: svc.id, title: svc.name, detail: `load balancer in ${nsName(svc.namespaceId)}`, nodeId, namespaceId: svc.namespaceId } });
  }
  hits.sort((a, b) => b.s - a.s || a.r.title.localeCompare(b.r.title) || (a.r.id < b.r.id ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.r);
}
