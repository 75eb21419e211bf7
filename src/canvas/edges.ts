// Every edge the canvas shows, from the core's results: LoadBalancer wiring (LB -> backends),
// intents with their met/blocked state, reachability (with aggregation), then the load-balancer
// paths and assertions (lb-edges.ts) and review marks (review-edges.ts).
//
// Aggregation: a workload of a collapsed namespace is drawn by its namespace node, so its
// connections become one edge per pair of drawn nodes, with a count and a port summary. Inside
// a namespace that is shown, connections are drawn one by one up to INNER_LIMIT; past that the
// namespace reports how many it holds (NamespaceFlows) instead of dropping them silently.
// Between namespaces that are both shown, more than CROSS_LIMIT pairs are grouped per namespace
// pair. Pairs touching the selection are always drawn individually.
//
// In a crowded overview the namespace-pair edges are bundled (overview-bundles.ts): a namespace
// reached from most others says so on its node instead of drawing every edge, and past a budget
// the lighter edges are counted on their nodes ("+N more"); selecting a node draws all of its own.

import type { Id, Model, PolicyPort, Service, Workload } from '../model/types.ts';
import { protocolOf } from '../model/ports.ts';
import type { ConnSet, Endpoint, Reachability } from '../policy/reachability-types.ts';
import { connBetween } from '../policy/reachability.ts';
import { union } from '../policy/portset.ts';
import { connIsEmpty, formatConnSet } from '../report/conn-format.ts';
import { serviceBackends, resolveTargetPort } from '../services/backends.ts';
import { withSelectionIndex } from '../policy/selection-index.ts';
import { UNKNOWN_SETTING_LABEL, type PathResult, type UnknownSetting } from '../services/paths.ts';
import type { AssertionResult } from '../assertions/check.ts';
import type { ReviewChange } from '../review/changes.ts';
import { endpointNodeId, formatEdgeId, loadBalancerNodeId, parseEdgeId, parseNodeId, serviceIdOfLoadBalancerNode } from './ids.ts';
import { canvasPairs, endpointCanvasId, type CanvasPair } from './pairs.ts';
import { lbEdges } from './lb-edges.ts';
import { applyReviewMarks } from './review-edges.ts';
import { clusterDenialOf, overriddenPairs, type ClusterDenial } from './cluster-denials.ts';
import { EDGE_COLORS, type CanvasEdge, type CanvasEdgeKind, type IntentState } from './types.ts';
import { bundleLinks, DEFAULT_BUNDLE_OPTIONS, type HubSummary, type Link } from './overview-bundles.ts';

/** Above this many connections inside one shown namespace, they are counted, not drawn. */
export const INNER_LIMIT = 80;
/** Above this many workload pairs between shown namespaces, they are grouped per namespace pair. */
export const CROSS_LIMIT = 120;
/** At most this many denied edges around the selection. */
export const DENY_LIMIT = 40;

export type EdgeView = 'allowed' | 'denied-too' | 'selection';

export interface CanvasEdgeInput {
  model: Model;
  reach: Reachability | null;
  /** The model `reach` was computed from (ids may lag `model` while evaluating). */
  reachModel: Model;
  selection: ReadonlySet<Id>;
  view: EdgeView;
  intentState: (intentId: Id) => IntentState | undefined;
  /** Conditional intents: the unknown cluster settings they wait for. */
  intentNeeds?: (intentId: Id) => readonly UnknownSetting[] | undefined;
  /** Namespaces drawn as one compact node (their workloads are not drawn). */
  collapsed: ReadonlySet<Id>;
  /** Load balancer nodes drawn by their namespace's card (overview.ts foldedLoadBalancers). */
  folded?: ReadonlySet<Id>;
  /** External paths and assertion results of `reachModel` (empty when there are none). */
  paths: readonly PathResult[];
  assertions: readonly AssertionResult[];
  /** Review mode: changes against the baseline and the edge marks keyed `src->dst`. */
  review?: { changes: readonly ReviewChange[]; marks: Record<string, 'added' | 'removed' | 'changed'> } | null;
}

/** Connections inside a shown namespace: how many, and whether they are drawn. */
export interface NamespaceFlows {
  count: number;
  drawn: boolean;
}

/** A hub's summarised connections: how many nodes, workload pairs, and on which ports. */
export interface TailSummary {
  nodes: number;
  /** How many of those nodes are external networks (the rest are namespaces). */
  networks: number;
  flows: number;
  ports: string;
}

/** What a node of a crowded overview says about its connections that are not drawn. */
export interface NodeTailInfo {
  /** Not drawn and not in its own summaries (select the node to draw them). */
  more: number;
  /** Reached from `nodes` namespaces (a hub: DNS, monitoring). */
  from?: TailSummary;
  /** Reaches `nodes` namespaces. */
  to?: TailSummary;
  /** An external network: its paths to load balancers drawn on their namespace's card (not drawn). */
  viaLoadBalancers?: number;
}

export interface CanvasEdgeOutput {
  edges: CanvasEdge[];
  /** Nodes around the selection (to dim the rest), or null without a selection. */
  focus: Set<Id> | null;
  /** True when some reachability edges stand for several node pairs. */
  aggregated: boolean;
  /** Per shown namespace with connections inside it. */
  inner: Record<Id, NamespaceFlows>;
  /** Crowded overview: per node, the connections not drawn (exact counts); empty otherwise. */
  tails: Record<Id, NodeTailInfo>;
  /** Namespace-pair connections not drawn (each counted on its nodes' tails). */
  bundled: number;
}

export function makeEdge(id: string, source: Id, target: Id, kind: CanvasEdgeKind, label: string, extra: Partial<CanvasEdge> = {}): CanvasEdge {
  return { id, source, target, kind, label, color: EDGE_COLORS[kind], ...extra };
}

export function formatIntentPorts(ports: readonly PolicyPort[]): string {
  if (ports.length === 0) return 'all ports';
  return ports.map((p) => {
    const proto = protocolOf(p);
    if (p.port === undefined) return `${proto} all`;
    return p.endPort !== undefined ? `${proto} ${p.port}-${p.endPort}` : `${proto} ${p.port}`;
  }).join(', ');
}

/** A load balancer's ports at one backend, as its edge says: `80→8080, 443`. */
export function servicePortsText(svc: Service, w: Workload): string {
  return svc.ports.map((sp) => {
    const tp = resolveTargetPort(sp, w);
    return tp === undefined || tp === sp.port ? `${sp.port}` : `${sp.port}→${tp}`;
  }).join(', ');
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const NONE: ReadonlySet<Id> = new Set();

/**
 * The node drawing a canvas node: a workload of a collapsed namespace is drawn by its namespace,
 * and so is a folded load balancer.
 */
export function drawnNodeOf(model: Model, collapsed: ReadonlySet<Id>, id: Id, folded: ReadonlySet<Id> = NONE): Id {
  const ns = model.workloads[id]?.namespaceId ?? (folded.has(id) ? model.services[serviceIdOfLoadBalancerNode(id) ?? '']?.namespaceId : undefined);
  return ns !== undefined && collapsed.has(ns) ? ns : id;
}

/** The selection as canvas node ids, a selected namespace standing for its workloads. */
function selectedNodes(model: Model, selection: ReadonlySet<Id>): Set<Id> {
  const sel = new Set<Id>();
  for (const id of selection) {
    if (parseNodeId(model, id)) sel.add(id);
    if (model.namespaces[id]) for (const w of Object.values(model.workloads)) if (w.namespaceId === id) sel.add(w.id);
  }
  return sel;
}

export function buildCanvasEdges(input: CanvasEdgeInput): CanvasEdgeOutput {
  // Backends of every LoadBalancer, intents' policies: per-namespace lists, built once.
  return withSelectionIndex(() => buildEdges(input));
}

function buildEdges(input: CanvasEdgeInput): CanvasEdgeOutput {
  const { model, reach, reachModel, selection, view, collapsed } = input;
  const folded = input.folded ?? NONE;
  const edges: CanvasEdge[] = [];
  const sel = selectedNodes(model, selection);
  const drawn = (id: Id) => drawnNodeOf(model, collapsed, id, folded);
  const touchesSel = (a: Id, b: Id) => sel.has(a) || sel.has(b);

  // Service wiring: every LoadBalancer Service to the (drawn) workloads behind it.
  for (const svc of Object.values(model.services)) {
    if (svc.type !== 'LoadBalancer') continue;
    const lb = loadBalancerNodeId(svc.id);
    // Drawn by its namespace's card, which counts it ("LB n").
    if (folded.has(lb)) continue;
    const grouped = new Map<Id, number>();
    for (const wid of serviceBackends(model, svc).backends) {
      const at = drawn(wid);
      if (at !== wid) {
        grouped.set(at, (grouped.get(at) ?? 0) + 1);
        continue;
      }
      edges.push(makeEdge(formatEdgeId({ kind: 'svc', serviceId: svc.id, workloadId: wid }), lb, wid, 'service', servicePortsText(svc, model.workloads[wid])));
    }
    for (const [ns, n] of grouped) {
      edges.push(makeEdge(formatEdgeId({ kind: 'nsreach', src: lb, dst: ns }), lb, ns, 'service', `${plural(n, 'backend')} · ${svc.ports.map((p) => p.port).join(', ')}`, { count: n }));
    }
  }

  // Intents (between drawn nodes: an intent into a collapsed namespace ends at the namespace).
  for (const it of Object.values(model.intents)) {
    const s = endpointNodeId(model, it.fromId);
    const t = endpointNodeId(model, it.toId);
    if (!s || !t) continue;
    const state = input.intentState(it.id);
    // A blocked intent says when a cluster policy, not the NetworkPolicies, blocks it.
    const denial = state === 'blocked' ? clusterDenialOf(model, it.fromId, it.toId) : null;
    const needs = state === 'conditional' ? (input.intentNeeds?.(it.id) ?? []).map((n) => UNKNOWN_SETTING_LABEL[n]) : [];
    const mark = state === 'met' ? '✓' : state === 'blocked' ? `✗ blocked${denial ? ` by ${denial.tier} ${denial.name}` : ''}` : state === 'partial' ? '◐ partly'
      : state === 'conditional' ? `◐ if ${needs.length ? `${needs.join(', ')} set` : 'cluster settings allow'}` : '';
    edges.push(makeEdge(formatEdgeId({ kind: 'intent', intentId: it.id }), drawn(s), drawn(t), 'intent', `${formatIntentPorts(it.ports)}${mark ? ` ${mark}` : ''}`, {
      intentId: it.id,
      ...(state ? { state } : {}),
      ...(needs.length ? { needs } : {}),
      ...(denial ? { clusterPolicyId: denial.clusterPolicyId, className: 'cluster-blocked' } : {}),
      explain: { src: it.fromId, dst: it.toId },
    }));
  }

  const inner: Record<Id, NamespaceFlows> = {};
  const tails: Record<Id, NodeTailInfo> = {};
  let aggregated = false;
  let bundled = 0;
  if (reach) ({ aggregated, bundled } = reachEdges(input, reach, sel, edges, inner, tails));

  if (reach) overrideEdges(input, reach, sel, edges);
  if (reach && view === 'denied-too' && sel.size > 0) deniedEdges(reachModel, model, reach, sel, collapsed, edges, folded);

  let out: CanvasEdgeOutput = { edges, focus: focusOf(sel, edges, model), aggregated, inner, tails, bundled };
  if (out.focus) {
    const f = out.focus;
    for (const e of edges) {
      const emphasis = f.has(e.source) && f.has(e.target) && touchesSel(e.source, e.target) ? 'is-focus' : 'is-dimmed';
      e.className = e.className ? `${e.className} ${emphasis}` : emphasis;
    }
  }
  out = lbEdges({ base: out, model, reach, paths: input.paths, results: input.assertions, selection, drawn });
  if (folded.size) out = foldLoadBalancerPaths(out, folded, selection);
  if (input.review) out = { ...out, edges: applyReviewMarks(out.edges, input.review.changes, input.review.marks, model) };
  return out;
}

/**
 * External network -> folded load balancer paths (drawn by the namespace card, "LB n"): counted
 * on the external network's node instead of one edge per load balancer, unless selected.
 */
function foldLoadBalancerPaths(out: CanvasEdgeOutput, folded: ReadonlySet<Id>, selection: ReadonlySet<Id>): CanvasEdgeOutput {
  const tails = { ...out.tails };
  let bundled = out.bundled;
  const edges = out.edges.filter((e) => {
    const ref = parseEdgeId(e.id);
    if (ref?.kind !== 'ext' || !folded.has(loadBalancerNodeId(ref.serviceId))) return true;
    if (selection.has(e.source) || selection.has(e.target)) return true;
    const t = tails[e.source] ?? { more: 0 };
    tails[e.source] = { ...t, viaLoadBalancers: (t.viaLoadBalancers ?? 0) + 1 };
    bundled++;
    return false;
  });
  return { ...out, edges, tails, bundled };
}

interface Group {
  src: Id;
  dst: Id;
  conn: ConnSet;
  explain: { src: string; dst: string };
  count: number;
}

/** Bundling starts once this many namespaces are compact nodes. */
const BUNDLE_MIN_COLLAPSED = 2;

/**
 * Above this many workloads of one open namespace connected to the same compact namespace (in one
 * direction), their edges are drawn as one, from the open namespace's frame, with the count.
 */
export const FAN_LIMIT = 4;

/**
 * Workload <-> compact namespace groups of an open namespace, merged per (open namespace, compact
 * node, direction) when more than FAN_LIMIT workloads share them: twenty "1 flow · TCP 53" lines
 * into kube-system become one "20 flows" edge from the namespace. A selected workload keeps its own.
 */
function mergeFans(model: Model, collapsed: ReadonlySet<Id>, sel: ReadonlySet<Id>, groups: Map<string, Group>): void {
  const openNsOf = (id: Id): Id | undefined => {
    const ns = model.workloads[id]?.namespaceId;
    return ns !== undefined && !collapsed.has(ns) ? ns : undefined;
  };
  const compact = (id: Id) => collapsed.has(id) && !!model.namespaces[id];
  const fans = new Map<string, { src: Id; dst: Id; keys: string[] }>();
  for (const [key, g] of groups) {
    const fromNs = compact(g.dst) && !sel.has(g.src) ? openNsOf(g.src) : undefined;
    const toNs = compact(g.src) && !sel.has(g.dst) ? openNsOf(g.dst) : undefined;
    if (fromNs === undefined && toNs === undefined) continue;
    const src = fromNs ?? g.src;
    const dst = toNs ?? g.dst;
    const fkey = `${src}>${dst}`;
    const fan = fans.get(fkey) ?? { src, dst, keys: [] };
    fan.keys.push(key);
    fans.set(fkey, fan);
  }
  for (const [fkey, fan] of fans) {
    if (fan.keys.length <= FAN_LIMIT) continue;
    const parts = fan.keys.map((k) => groups.get(k)!);
    for (const k of fan.keys) groups.delete(k);
    groups.set(fkey, {
      src: fan.src, dst: fan.dst, explain: parts[0].explain,
      conn: parts.slice(1).reduce((c, g) => union(c, g.conn), parts[0].conn),
      count: parts.reduce((n, g) => n + g.count, 0),
    });
  }
}

const tailSummary = (model: Model, h: HubSummary | undefined): TailSummary | undefined => h && {
  nodes: h.nodes, networks: h.peers.filter((id) => !!model.externals[id]).length, flows: h.flows, ports: formatConnSet(h.conn),
};

/** A hub's peers on a card, short: "19 ns", "19 ns + 5 ext". */
export function hubPeersShort(t: TailSummary): string {
  const ns = t.nodes - t.networks;
  if (t.networks === 0) return `${ns} ns`;
  return ns === 0 ? `${t.networks} ext` : `${ns} ns + ${t.networks} ext`;
}

/** A hub's peers in words: "19 namespaces and 5 external networks". */
export function hubPeersLong(t: TailSummary): string {
  const ns = t.nodes - t.networks;
  const parts = [ns ? plural(ns, 'namespace') : '', t.networks ? plural(t.networks, 'external network') : ''].filter(Boolean);
  return parts.join(' and ');
}

/** Reachability edges into `edges`; returns whether some edge stands for several pairs, and how many were bundled away. */
function reachEdges(input: CanvasEdgeInput, reach: Reachability, sel: Set<Id>, edges: CanvasEdge[], inner: Record<Id, NamespaceFlows>, tails: Record<Id, NodeTailInfo>): { aggregated: boolean; bundled: number } {
  const { model, view, collapsed } = input;
  const pairs = canvasPairs(reach, model);
  const drawn = (id: Id) => drawnNodeOf(model, collapsed, id, input.folded);
  const nsOf = (id: Id) => model.workloads[id]?.namespaceId ?? id;
  const touchesSel = (p: CanvasPair) => sel.has(p.src) || sel.has(p.dst);

  const single: CanvasPair[] = [];
  const innerPairs = new Map<Id, CanvasPair[]>();
  const groups = new Map<string, Group>();
  const addGroup = (a: Id, b: Id, p: CanvasPair) => {
    const key = `${a}>${b}`;
    const g = groups.get(key);
    if (g) {
      g.conn = union(g.conn, p.conn);
      g.count++;
    } else groups.set(key, { src: a, dst: b, conn: p.conn, explain: p.explain, count: 1 });
  };
  for (const p of pairs) {
    if (view === 'selection' && !touchesSel(p)) continue;
    const a = drawn(p.src);
    const b = drawn(p.dst);
    if (a === b) {
      // Inside a collapsed namespace: counted on the namespace node.
      const f = inner[a] ?? (inner[a] = { count: 0, drawn: false });
      f.count++;
      continue;
    }
    if (a !== p.src || b !== p.dst) {
      addGroup(a, b, p);
      continue;
    }
    const na = nsOf(p.src);
    if (na === nsOf(p.dst) && model.namespaces[na]) {
      const list = innerPairs.get(na) ?? [];
      list.push(p);
      innerPairs.set(na, list);
    } else single.push(p);
  }
  mergeFans(model, collapsed, sel, groups);
  for (const [ns, list] of innerPairs) {
    const show = list.length <= INNER_LIMIT;
    inner[ns] = { count: list.length, drawn: show };
    for (const p of list) if (show || touchesSel(p)) edges.push(allowEdge(p.src, p.dst, p.conn, p.explain));
  }
  const crowded = single.filter((p) => !touchesSel(p)).length > CROSS_LIMIT;
  for (const p of single) {
    if (crowded && !touchesSel(p)) addGroup(nsOf(p.src), nsOf(p.dst), p);
    else edges.push(allowEdge(p.src, p.dst, p.conn, p.explain));
  }
  let aggregated = false;
  // Between compact namespaces of a crowded overview: hubs and a ranked budget (overview-bundles.ts).
  // Between compact namespaces, or a compact namespace and an external network.
  const compactNs = (id: Id) => collapsed.has(id) && !!model.namespaces[id];
  const nsPair = (g: Group) => (compactNs(g.src) || !!model.externals[g.src]) && (compactNs(g.dst) || !!model.externals[g.dst]) && (compactNs(g.src) || compactNs(g.dst));
  let keep: Set<string> | null = null;
  let bundled = 0;
  if (collapsed.size >= BUNDLE_MIN_COLLAPSED) {
    const links: Link[] = [];
    for (const [key, g] of groups) {
      if (nsPair(g)) links.push({ key, src: g.src, dst: g.dst, flows: g.count, conn: g.conn, pinned: sel.has(g.src) || sel.has(g.dst) });
    }
    const r = bundleLinks(links, DEFAULT_BUNDLE_OPTIONS);
    keep = r.drawn;
    bundled = r.hidden;
    for (const [id, t] of r.tails) {
      if (t.more === 0 && !t.from && !t.to) continue;
      const from = tailSummary(model, t.from);
      const to = tailSummary(model, t.to);
      tails[id] = { more: t.more, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    }
    if (bundled > 0) aggregated = true;
  }
  for (const [key, g] of groups) {
    if (keep && nsPair(g) && !keep.has(key)) continue;
    if (g.count === 1 && !model.namespaces[g.src] && !model.namespaces[g.dst]) {
      edges.push(allowEdge(g.src, g.dst, g.conn, g.explain));
      continue;
    }
    aggregated = true;
    edges.push(makeEdge(formatEdgeId({ kind: 'nsreach', src: g.src, dst: g.dst }), g.src, g.dst, 'ns-allow', `${plural(g.count, 'flow')} · ${formatConnSet(g.conn)}`, {
      explain: g.explain, count: g.count,
    }));
  }
  return { aggregated, bundled };
}

function allowEdge(src: Id, dst: Id, conn: ConnSet, explain: { src: string; dst: string }): CanvasEdge {
  return makeEdge(formatEdgeId({ kind: 'reach', src, dst }), src, dst, 'allow', formatConnSet(conn), { explain });
}

/** The look of a pair a cluster policy denies: `✗ Admin deny-db`, explained on click. */
function clusterDenyEdge(src: Id, dst: Id, denial: ClusterDenial, explain: { src: string; dst: string }, count?: number): CanvasEdge {
  return makeEdge(formatEdgeId({ kind: 'deny', src, dst }), src, dst, 'cluster-deny', `✗ ${denial.tier} ${denial.name}${count && count > 1 ? ` · ${plural(count, 'flow')}` : ''}`, {
    explain, clusterPolicyId: denial.clusterPolicyId, ...(count && count > 1 ? { count } : {}),
    tooltip: `Denied by the cluster policy ${denial.policy}${denial.tier === 'Admin' ? ', before any NetworkPolicy' : ''}${denial.overrides ? ': a NetworkPolicy allow here never takes effect' : ''}. Click to see the chain.`,
  });
}

/**
 * Always drawn (small designs): pairs whose NetworkPolicies allow something an Admin Deny stops,
 * between drawn nodes (a collapsed namespace draws its workloads' pairs once, with a count).
 */
function overrideEdges(input: CanvasEdgeInput, reach: Reachability, sel: Set<Id>, edges: CanvasEdge[]): void {
  const { model, reachModel, view, collapsed } = input;
  const drawnAt = new Map<string, { a: Id; b: Id; first: ReturnType<typeof overriddenPairs>[number]; count: number }>();
  for (const p of overriddenPairs(reachModel, reach)) {
    if (!model.workloads[p.src] && !model.externals[p.src]) continue; // gone from the current model
    if (!model.workloads[p.dst] && !model.externals[p.dst]) continue;
    if (view === 'selection' && !sel.has(p.src) && !sel.has(p.dst)) continue;
    const a = drawnNodeOf(model, collapsed, p.src, input.folded);
    const b = drawnNodeOf(model, collapsed, p.dst, input.folded);
    if (a === b) continue;
    const key = `${a}>${b}`;
    const g = drawnAt.get(key);
    if (g) g.count++;
    else drawnAt.set(key, { a, b, first: p, count: 1 });
  }
  for (const g of drawnAt.values()) edges.push(clusterDenyEdge(g.a, g.b, g.first.denial, g.first.explain, g.count));
}

/** Denied edges between the selection and the other drawn endpoints (at most DENY_LIMIT). */
function deniedEdges(reachModel: Model, model: Model, reach: Reachability, sel: Set<Id>, collapsed: ReadonlySet<Id>, edges: CanvasEdge[], folded: ReadonlySet<Id>): void {
  const allowed = new Set(edges.filter((e) => e.kind === 'allow' || e.kind === 'cluster-deny').map((e) => `${e.source}>${e.target}`));
  const onCanvas = reach.endpoints
    .map((e) => ({ e, id: endpointCanvasId(e, model) }))
    .filter((x): x is { e: Endpoint; id: Id } => x.id !== null && drawnNodeOf(model, collapsed, x.id, folded) === x.id);
  let n = 0;
  const seen = new Set<string>();
  for (const a of onCanvas) {
    if (!sel.has(a.id)) continue;
    for (const b of onCanvas) {
      if (a.id === b.id || n >= DENY_LIMIT) continue;
      for (const [s, d] of [[a, b], [b, a]] as const) {
        const key = `${s.id}>${d.id}`;
        if (allowed.has(key) || seen.has(key) || n >= DENY_LIMIT) continue;
        if (!connIsEmpty(connBetween(reach, s.e.id, d.e.id))) continue;
        seen.add(key);
        const explainIt = { src: s.e.id, dst: d.e.id };
        const denial = clusterDenialOf(reachModel, s.e.id, d.e.id);
        edges.push(denial ? clusterDenyEdge(s.id, d.id, denial, explainIt)
          : makeEdge(formatEdgeId({ kind: 'deny', src: s.id, dst: d.id }), s.id, d.id, 'deny', 'denied', { explain: explainIt }));
        n++;
      }
    }
  }
}

/** The selection, its neighbours through the drawn edges, and the namespaces holding them. */
function focusOf(sel: Set<Id>, edges: CanvasEdge[], model: Model): Set<Id> | null {
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
