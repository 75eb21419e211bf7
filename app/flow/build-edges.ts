// Edges shown on the canvas, derived from the core's results: service wiring (LB -> backends),
// intents (with their met/blocked state) and reachability. Reachability is all-pairs, so the
// canvas never draws every pair of a dense design: above EDGE_LIMIT pairs it aggregates per
// namespace pair, and the pairs around the selection are always drawn individually.

import { protocolOf } from '../../src/model/ports.ts';
import { MarkerType } from '@xyflow/react';
import type { Id, Model, PolicyPort } from '../../src/model/types.ts';
import type { ConnSet, Endpoint, Reachability } from '../../src/policy/reachability-types.ts';
import { connBetween, forEachConnection } from '../../src/policy/reachability.ts';
import { union } from '../../src/policy/portset.ts';
import { connIsEmpty, formatConnSet } from '../../src/report/conn-format.ts';
import { serviceBackends, resolveTargetPort } from '../../src/services/backends.ts';
import { loadBalancerLayoutId, serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import type { EdgeView } from '../state/session-store.ts';
import type { EdgeKind, FlowEdge } from './flow-types.ts';

/** Above this many node pairs, reachability is drawn per namespace pair. */
export const EDGE_LIMIT = 60;
/** At most this many denied edges around the selection. */
export const DENY_LIMIT = 40;

export type IntentState = 'met' | 'blocked' | 'partial';

export interface EdgeInput {
  model: Model;
  reach: Reachability | null;
  /** The model `reach` was computed from (ids may lag the doc while evaluating). */
  reachModel: Model;
  selection: ReadonlySet<Id>;
  view: EdgeView;
  intentState: (intentId: Id) => IntentState | undefined;
}

export interface EdgeOutput {
  edges: FlowEdge[];
  /** Nodes around the selection (to dim the rest), or null without a selection. */
  focus: Set<Id> | null;
  /** True when reachability was aggregated per namespace pair. */
  aggregated: boolean;
}

const COLORS: Record<EdgeKind, string> = {
  allow: '#16a34a',
  'ns-allow': '#16a34a',
  deny: '#dc2626',
  intent: '#2563eb',
  service: '#64748b',
};

function edge(id: string, source: Id, target: Id, kind: EdgeKind, label: string, extra: Partial<FlowEdge['data']> = {}): FlowEdge {
  return {
    id,
    source,
    target,
    type: 'floating',
    data: { kind, label, ...extra },
    markerEnd: { type: MarkerType.ArrowClosed, color: COLORS[kind], width: 16, height: 16 },
    deletable: kind === 'intent',
    selectable: true,
  };
}

/** The canvas node standing for an endpoint, or null (nodes of the cluster are not drawn). */
function canvasIdOf(ep: Endpoint, model: Model): Id | null {
  if (ep.kind === 'workload') return model.workloads[ep.modelId] ? ep.modelId : null;
  if (ep.kind === 'external') return model.externals[ep.modelId] ? ep.modelId : null;
  if (ep.kind === 'loadbalancer') return model.services[ep.modelId] ? loadBalancerLayoutId(ep.modelId) : null;
  return null;
}

/** The canvas node of an intent endpoint (workload, external or load balancer Service id). */
export function canvasIdOfModelId(model: Model, id: Id): Id | null {
  if (model.workloads[id] || model.externals[id]) return id;
  if (model.services[id]) return loadBalancerLayoutId(id);
  return null;
}

export function formatIntentPorts(ports: PolicyPort[]): string {
  if (ports.length === 0) return 'all ports';
  return ports.map((p) => {
    const proto = protocolOf(p);
    if (p.port === undefined) return `${proto} all`;
    return p.endPort !== undefined ? `${proto} ${p.port}-${p.endPort}` : `${proto} ${p.port}`;
  }).join(', ');
}

interface Pair {
  src: Id;
  dst: Id;
  conn: ConnSet;
  explain: { src: string; dst: string };
  count: number;
}

export function buildEdges(input: EdgeInput): EdgeOutput {
  const { model, reach, reachModel, selection, view } = input;
  const edges: FlowEdge[] = [];
  const sel = new Set([...selection].filter((id) => canvasIdOfModelId(model, id) !== null || serviceIdOfLoadBalancer(id) !== undefined));
  // A selected namespace focuses on its workloads.
  for (const id of selection) {
    if (model.namespaces[id]) for (const w of Object.values(model.workloads)) if (w.namespaceId === id) sel.add(w.id);
  }
  const touchesSel = (a: Id, b: Id) => sel.has(a) || sel.has(b);

  // Service wiring: every LoadBalancer Service to the workloads behind it.
  for (const svc of Object.values(model.services)) {
    if (svc.type !== 'LoadBalancer') continue;
    const b = serviceBackends(model, svc);
    for (const wid of b.backends) {
      const w = model.workloads[wid];
      const ports = svc.ports.map((sp) => {
        const tp = resolveTargetPort(sp, w);
        return tp === undefined || tp === sp.port ? `${sp.port}` : `${sp.port}→${tp}`;
      }).join(', ');
      edges.push(edge(`svc:${svc.id}>${wid}`, loadBalancerLayoutId(svc.id), wid, 'service', ports));
    }
  }

  // Intents.
  for (const it of Object.values(model.intents)) {
    const s = canvasIdOfModelId(model, it.fromId);
    const t = canvasIdOfModelId(model, it.toId);
    if (!s || !t) continue;
    const state = input.intentState(it.id);
    const mark = state === 'met' ? '✓' : state === 'blocked' ? '✗ blocked' : state === 'partial' ? '◐ partly' : '';
    edges.push(edge(`intent:${it.id}`, s, t, 'intent', `${formatIntentPorts(it.ports)}${mark ? ` ${mark}` : ''}`, {
      intentId: it.id,
      ...(state ? { state } : {}),
      explain: { src: it.fromId, dst: it.toId },
    }));
  }

  if (!reach) return { edges, focus: focusOf(sel, edges, model), aggregated: false };

  // Allowed pairs, merged per canvas node pair (an external may be split into several endpoints).
  const pairs = new Map<string, Pair>();
  forEachConnection(reach, (s, d, conn) => {
    const a = canvasIdOf(s, model);
    const b = canvasIdOf(d, model);
    if (!a || !b || a === b || !reachModel) return;
    const key = `${a}>${b}`;
    const p = pairs.get(key);
    if (p) p.conn = union(p.conn, conn);
    else pairs.set(key, { src: a, dst: b, conn, explain: { src: s.id, dst: d.id }, count: 1 });
  });

  let aggregated = false;
  if (view === 'selection') {
    for (const p of pairs.values()) if (touchesSel(p.src, p.dst)) edges.push(allowEdge(p));
  } else if (pairs.size <= EDGE_LIMIT) {
    for (const p of pairs.values()) edges.push(allowEdge(p));
  } else {
    aggregated = true;
    const group = (id: Id) => model.workloads[id]?.namespaceId ?? id;
    const agg = new Map<string, Pair>();
    for (const p of pairs.values()) {
      if (touchesSel(p.src, p.dst)) {
        edges.push(allowEdge(p));
        continue;
      }
      const ga = group(p.src);
      const gb = group(p.dst);
      if (ga === gb) continue; // inside one namespace: shown when a workload is selected
      const key = `${ga}>${gb}`;
      const q = agg.get(key);
      if (q) {
        q.conn = union(q.conn, p.conn);
        q.count++;
      } else agg.set(key, { ...p, src: ga, dst: gb });
    }
    for (const q of agg.values()) {
      edges.push(edge(`nsreach:${q.src}>${q.dst}`, q.src, q.dst, 'ns-allow', `${q.count} flow${q.count > 1 ? 's' : ''} · ${formatConnSet(q.conn)}`, {
        explain: q.explain,
      }));
    }
  }

  if (view === 'denied-too' && sel.size > 0) {
    let n = 0;
    const endpointsOnCanvas = reach.endpoints
      .map((e) => ({ e, id: canvasIdOf(e, model) }))
      .filter((x): x is { e: Endpoint; id: Id } => x.id !== null);
    for (const a of endpointsOnCanvas) {
      if (!sel.has(a.id)) continue;
      for (const b of endpointsOnCanvas) {
        if (a.id === b.id || n >= DENY_LIMIT) continue;
        for (const [s, d] of [[a, b], [b, a]] as const) {
          if (pairs.has(`${s.id}>${d.id}`) || n >= DENY_LIMIT) continue;
          if (!connIsEmpty(connBetween(reach, s.e.id, d.e.id))) continue;
          const id = `deny:${s.id}>${d.id}`;
          if (edges.some((x) => x.id === id)) continue;
          edges.push(edge(id, s.id, d.id, 'deny', 'denied', { explain: { src: s.e.id, dst: d.e.id } }));
          n++;
        }
      }
    }
  }

  const focus = focusOf(sel, edges, model);
  if (focus) for (const e of edges) e.className = focus.has(e.source) && focus.has(e.target) && touchesSel(e.source, e.target) ? 'is-focus' : 'is-dimmed';
  return { edges, focus, aggregated };
}

function allowEdge(p: Pair): FlowEdge {
  return edge(`reach:${p.src}>${p.dst}`, p.src, p.dst, 'allow', formatConnSet(p.conn), { explain: p.explain });
}

/** The selection, its neighbours through the drawn edges, and the namespaces holding them. */
function focusOf(sel: Set<Id>, edges: FlowEdge[], model: Model): Set<Id> | null {
  if (sel.size === 0) return null;
  const focus = new Set(sel);
  for (const e of edges) {
    if (sel.has(e.source)) focus.add(e.target);
    if (sel.has(e.target)) focus.add(e.source);
  }
  for (const id of [...focus]) {
    const ns = model.workloads[id]?.namespaceId;
    if (ns) focus.add(ns);
  }
  return focus;
}
