// Overview -> detail: which namespaces the canvas draws as one compact node, and what such a
// node says (workload count, default-deny state, exposure, failing assertions).
//
// Two ways to draw a design:
// - 'overview' (how a large design opens): every namespace is one compact node, its connections
//   one edge per namespace pair (edges.ts aggregates them), packed to the viewport by
//   overview-layout.ts; a namespace the user expands shows its workloads and their own edges.
// - 'layout': the document's own layout. On a large design a namespace shows its workloads
//   when the view is zoomed in far enough to read them and the namespace is in view, or when
//   the user expands it; otherwise it is a compact node centred in its own box (so opening and
//   closing never moves anything). On a small design everything is shown unless the user
//   collapses a namespace.

import type { Direction, Doc, Id, Model, NetworkPolicy, Workload } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import type { AssertionResult } from '../assertions/check.ts';
import { effectiveTypes } from '../policy/np-rules.ts';
import { isEmptySelector } from '../policy/selectors.ts';
import { selectsWorkload } from '../services/backends.ts';
import { canvasPairs } from './pairs.ts';
import { loadBalancerNodeId, serviceIdOfLoadBalancerNode } from './ids.ts';
import { loadBalancerServices } from '../layout/sizes.ts';
import type { Rect } from './geometry.ts';

/** A design with more workloads than this opens in the overview. */
export const OVERVIEW_MIN_WORKLOADS = 100;
/** From this zoom on, workloads are readable: namespaces in view show them. */
export const DETAIL_ZOOM = 0.6;

export type CanvasMode = 'overview' | 'layout';

/** How a design is drawn unless the user chose: large designs open in the overview. */
export function defaultMode(model: Model): CanvasMode {
  return isLargeDesign(model) ? 'overview' : 'layout';
}

export interface OverviewView {
  mode: CanvasMode;
  /** Namespaces the user expanded (shown whatever the zoom). */
  expanded: ReadonlySet<Id>;
  /** Namespaces the user collapsed (compact whatever the zoom). */
  collapsed: ReadonlySet<Id>;
  /** The current zoom and the part of the canvas in view (flow coordinates), when known. */
  zoom: number;
  viewport: Rect | null;
}

export function isLargeDesign(model: Model): boolean {
  return Object.keys(model.workloads).length > OVERVIEW_MIN_WORKLOADS;
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Namespaces drawn as one compact node. `boxes` are the namespaces' rectangles (absolute), used
 * to tell which are in view when zoomed in.
 */
export function collapsedNamespaces(model: Model, boxes: ReadonlyMap<Id, Rect>, view: OverviewView): Set<Id> {
  const out = new Set<Id>();
  if (view.mode === 'overview') {
    for (const id of Object.keys(model.namespaces)) if (!view.expanded.has(id) || view.collapsed.has(id)) out.add(id);
    return out;
  }
  const large = isLargeDesign(model);
  const detail = view.zoom >= DETAIL_ZOOM;
  for (const id of Object.keys(model.namespaces)) {
    if (view.collapsed.has(id)) {
      out.add(id);
      continue;
    }
    if (!large || view.expanded.has(id)) continue;
    const box = boxes.get(id);
    const inView = detail && box !== undefined && (view.viewport === null || intersects(box, view.viewport));
    if (!inView) out.add(id);
  }
  return out;
}

/** An overview with more load balancers than this draws them on their namespace's card ("LB n"). */
export const LB_FOLD_MIN = 12;

/**
 * Load balancer nodes the overview does not draw on their own: with many of them (a column of
 * 50 nodes and an edge each), a load balancer in front of a compact namespace is drawn by that
 * namespace's card (its "LB n" badge); its edges end at the card. Canvas node ids.
 */
export function foldedLoadBalancers(doc: Doc, collapsed: ReadonlySet<Id>, mode: CanvasMode): Set<Id> {
  const out = new Set<Id>();
  if (mode !== 'overview') return out;
  const lbs = loadBalancerServices(doc);
  if (lbs.length <= LB_FOLD_MIN) return out;
  for (const s of lbs) if (collapsed.has(s.namespaceId)) out.add(loadBalancerNodeId(s.id));
  return out;
}

export interface NamespaceSummary {
  id: Id;
  name: string;
  workloads: number;
  /** Every pod of the namespace is isolated with nothing allowed, per direction. */
  deny: { ingress: boolean; egress: boolean };
  /** Names of external networks that reach some workload of the namespace. */
  fromExternals: string[];
  /** Load balancers (canvas node ids) in front of workloads of the namespace. */
  loadBalancers: Id[];
  /** Assertions about workloads of the namespace that the design breaks. */
  failingAssertions: number;
}

/** A policy selecting every pod of its namespace with no rules for `dir`: default deny. */
function deniesAll(p: NetworkPolicy, dir: Direction): boolean {
  if (!isEmptySelector(p.podSelector) || !effectiveTypes(p).has(dir)) return false;
  return ((dir === 'Ingress' ? p.ingress : p.egress) ?? []).length === 0;
}

export interface SummaryInput {
  model: Model;
  reach: Reachability | null;
  /** The model `reach` was computed from (it may lag `model` while a newer one is evaluated). */
  reachModel?: Model;
  assertions: readonly AssertionResult[];
}

/** What each namespace's compact node says, keyed by namespace id. */
export function namespaceSummaries({ model, reach, reachModel = model, assertions }: SummaryInput): Record<Id, NamespaceSummary> {
  const out: Record<Id, NamespaceSummary> = {};
  for (const ns of Object.values(model.namespaces)) {
    const d = model.namespaceDefaults[ns.id];
    out[ns.id] = {
      id: ns.id, name: ns.name, workloads: 0,
      deny: { ingress: !!d?.denyIngress, egress: !!d?.denyEgress },
      fromExternals: [], loadBalancers: [], failingAssertions: 0,
    };
  }
  const byNamespace = new Map<Id, Workload[]>();
  for (const w of Object.values(model.workloads)) {
    const s = out[w.namespaceId];
    if (s) s.workloads++;
    const list = byNamespace.get(w.namespaceId);
    if (list) list.push(w);
    else byNamespace.set(w.namespaceId, [w]);
  }
  for (const p of Object.values(model.policies)) {
    const s = out[p.namespaceId];
    if (!s) continue;
    if (deniesAll(p, 'Ingress')) s.deny.ingress = true;
    if (deniesAll(p, 'Egress')) s.deny.egress = true;
  }
  if (reach) {
    const ext = new Map<Id, Set<string>>();
    for (const p of canvasPairs(reach, reachModel)) {
      const e = reachModel.externals[p.src];
      const ns = reachModel.workloads[p.dst]?.namespaceId;
      if (!e || !ns) continue;
      const set = ext.get(ns) ?? new Set<string>();
      set.add(e.name);
      ext.set(ns, set);
    }
    for (const [ns, names] of ext) if (out[ns]) out[ns].fromExternals = [...names].sort();
  }
  for (const svc of Object.values(model.services)) {
    if (svc.type !== 'LoadBalancer') continue;
    const lb = loadBalancerNodeId(svc.id);
    // Backends are in the Service's own namespace.
    if ((byNamespace.get(svc.namespaceId) ?? []).some((w) => selectsWorkload(svc, w))) out[svc.namespaceId]?.loadBalancers.push(lb);
  }
  for (const r of assertions) {
    if (r.ok) continue;
    const a = reachModel.assertions?.[r.id];
    if (!a) continue;
    const nsOf = (id: Id) => model.workloads[id]?.namespaceId ?? model.services[serviceIdOfLoadBalancerNode(id) ?? '']?.namespaceId;
    const nss = new Set([a.fromId, a.toId].map(nsOf).filter((x): x is Id => !!x));
    for (const ns of nss) if (out[ns]) out[ns].failingAssertions++;
  }
  return out;
}

/** Screen size of a compact namespace node (app/flow/nodes/NamespaceNode.tsx draws it at this size). */
export const CARD_SIZE = { w: 200, h: 84 } as const;
/**
 * With more namespaces than this, cards are dense: a larger title on a smaller card (name, one
 * line of counts and badges, one of connections not drawn), so that some 80 namespaces stay
 * readable at fit on a laptop screen with the panels open.
 */
export const DENSE_MIN_NAMESPACES = 40;
export const DENSE_CARD_SIZE = { w: 200, h: 62 } as const;

export function isDenseOverview(model: Model): boolean {
  return Object.keys(model.namespaces).length > DENSE_MIN_NAMESPACES;
}

/** The size of a compact namespace node of this design. */
export function cardSizeOf(model: Model): { readonly w: number; readonly h: number } {
  return isDenseOverview(model) ? DENSE_CARD_SIZE : CARD_SIZE;
}

/**
 * Where a compact namespace node is drawn: centred in the namespace's box, at its screen size
 * whatever the zoom (so it stays readable at fit), never larger than the box. `scale` is how
 * much the card is enlarged in canvas units.
 */
export function compactCard(box: Rect, zoom: number, size: { readonly w: number; readonly h: number } = CARD_SIZE): Rect & { scale: number } {
  const want = zoom > 0 ? Math.max(1, 1 / zoom) : 1;
  const scale = Math.min(want, box.w / size.w, box.h / size.h);
  const w = Math.min(box.w, size.w * scale);
  const h = Math.min(box.h, size.h * scale);
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, scale };
}
