// Compact automatic layout shaped to the canvas.
//
//   - Inside a namespace, a layered layout of our own (layered.ts) places the workloads top to
//     bottom along the traffic between them (sources first), in layers of bounded width so that
//     the namespace stays a compact block (ELK's layered algorithm did the same in ~0.5-2 s for
//     500 workloads, most of Auto layout's time).
//   - Namespaces are ordered so that namespaces that talk to each other are neighbours (hand-
//     written: ELK's packing keeps the order it is given but has no notion of ties), then ELK's
//     rectpacking packs them, by rows and by columns, for a few aspect ratios; the packing that
//     fits the viewport (its aspect ratio, ~16:11 by default) at the largest zoom wins.
//   - Externals and load balancers form one column on the left; each load balancer is aligned
//     with its backends (or its namespace), each external with what it talks to. Hand-written:
//     ELK cannot align a top-level node with a child of another compound node.
//
// Traffic comes from intents, load balancer -> backend selection and the NetworkPolicies'
// peers (cheap selector matching, no reachability analysis). Deterministic: every input to
// ELK is sorted, and ELK is deterministic for a given graph.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { Doc, Id, Layout, Model, NetworkPolicy, Workload } from '../model/types.ts';
import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';
import {
  COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING,
  NODE_GAP, TARGET_ASPECT, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';
import { layeredGrid } from './layered.ts';
import { LayoutCancelled } from './cancel.ts';

export { LayoutCancelled };

export { TARGET_ASPECT };
/** Space between namespaces (room for edges between them). */
export const NAMESPACE_GAP = 2 * NODE_GAP;
/** Width / height ratios asked of ELK's packing of the namespaces (the side column widens the result). */
const PACKING_ASPECTS = [TARGET_ASPECT, 1.1, 0.8];
/** A rule between more pod pairs than this says little about who talks to whom inside a namespace. */
const MAX_RULE_PAIRS = 64;

const byName = <T extends { name: string; id: Id }>(a: T, b: T): number =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------- traffic

interface Traffic {
  /** Directed workload edges inside one namespace: from -> to -> weight. */
  inner: Map<Id, Map<Id, number>>;
  /** Symmetric namespace weights: "a|b" with a < b. */
  between: Map<string, number>;
  /** Top-level ids (externals, `lb:` ids) -> ids they talk to (workloads, externals, lb ids). */
  outside: Map<Id, Id[]>;
}

const pairKey = (a: Id, b: Id): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function bump<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** Workloads a Service's selector picks (same namespace; an empty or absent selector picks none). */
export function backendsOf(model: Model, byNs: Map<Id, Workload[]>, serviceId: Id): Workload[] {
  const s = model.services[serviceId];
  if (!s?.selector || Object.keys(s.selector).length === 0) return [];
  const sel = s.selector;
  return (byNs.get(s.namespaceId) ?? []).filter((w) => Object.entries(sel).every(([k, v]) => w.podLabels[k] === v));
}

function policyPairs(model: Model, byNs: Map<Id, Workload[]>, p: NetworkPolicy, add: (from: Workload[], to: Workload[]) => void): void {
  const ns = model.namespaces[p.namespaceId];
  if (!ns) return;
  const selected = (byNs.get(ns.id) ?? []).filter((w) => matchesSelector(p.podSelector, w.podLabels));
  if (selected.length === 0) return;
  const rules = [
    ...(p.ingress ?? []).map((r) => ({ peers: r.from, ingress: true })),
    ...(p.egress ?? []).map((r) => ({ peers: r.to, ingress: false })),
  ];
  for (const { peers, ingress } of rules) {
    for (const peer of peers ?? []) {
      if (peer.ipBlock) continue;
      const nss = peer.namespaceSelector
        ? Object.values(model.namespaces).filter((n) => matchesSelector(peer.namespaceSelector!, namespaceLabels(n)))
        : [ns];
      for (const other of nss) {
        const pods = (byNs.get(other.id) ?? []).filter((w) => !peer.podSelector || matchesSelector(peer.podSelector, w.podLabels));
        if (pods.length === 0) continue;
        if (ingress) add(pods, selected);
        else add(selected, pods);
      }
    }
  }
}

function collectTraffic(doc: Doc, byNs: Map<Id, Workload[]>): Traffic {
  const { model } = doc;
  const inner = new Map<Id, Map<Id, number>>();
  const between = new Map<string, number>();
  const outside = new Map<Id, Id[]>();
  const innerEdge = (a: Id, b: Id, by = 1): void => {
    if (a === b) return;
    const m = inner.get(a) ?? new Map<Id, number>();
    bump(m, b, by);
    inner.set(a, m);
  };
  const link = (a: Id, b: Id): void => {
    outside.set(a, [...(outside.get(a) ?? []), b]);
  };

  // Policies: one unit of namespace weight per rule peer; workload edges for narrow rules only.
  for (const p of Object.values(model.policies).sort(byName)) {
    policyPairs(model, byNs, p, (from, to) => {
      const a = from[0]!.namespaceId;
      const b = to[0]!.namespaceId;
      if (a !== b) bump(between, pairKey(a, b));
      else if (from.length * to.length <= MAX_RULE_PAIRS) for (const f of from) for (const t of to) innerEdge(f.id, t.id);
    });
  }

  // Intents: endpoints are workloads, externals or services (drawn as their load balancer).
  const endpoint = (id: Id): Id => (model.services[id] ? loadBalancerLayoutId(id) : id);
  for (const i of Object.values(model.intents).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const a = model.workloads[i.fromId];
    const b = model.workloads[i.toId];
    if (a && b) {
      if (a.namespaceId === b.namespaceId) innerEdge(a.id, b.id, 2);
      else bump(between, pairKey(a.namespaceId, b.namespaceId), 2);
      continue;
    }
    const [f, t] = [endpoint(i.fromId), endpoint(i.toId)];
    if (f === t) continue;
    if (!a) link(f, t);
    if (!b) link(t, f);
  }
  for (const s of loadBalancerServices(doc)) {
    for (const w of backendsOf(model, byNs, s.id)) link(loadBalancerLayoutId(s.id), w.id);
  }
  return { inner, between, outside };
}

// ---------------------------------------------------------------- between namespaces

/** Greedy order: start where the load balancers are, then always the namespace most tied to those placed. */
export function namespaceOrder(ids: Id[], between: Map<string, number>, lbCount: Map<Id, number>): Id[] {
  const total = new Map<Id, number>();
  for (const a of ids) for (const b of ids) if (a !== b) bump(total, a, between.get(pairKey(a, b)) ?? 0);
  const left = [...ids];
  const order: Id[] = [];
  const pull = new Map<Id, number>();
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      const a = left[i]!;
      const b = left[best]!;
      const d = ((pull.get(b) ?? 0) - (pull.get(a) ?? 0)) || ((lbCount.get(b) ?? 0) - (lbCount.get(a) ?? 0))
        || ((total.get(b) ?? 0) - (total.get(a) ?? 0));
      if (d < 0) best = i;
    }
    const [id] = left.splice(best, 1) as [Id];
    order.push(id);
    for (const other of left) bump(pull, other, between.get(pairKey(id, other)) ?? 0);
  }
  return order;
}

// ---------------------------------------------------------------- the left column

interface SideItem {
  id: Id;
  h: number;
  /** Preferred centre y, or undefined when it talks to nothing placed. */
  want: number | undefined;
  /** How strongly it keeps its preferred place when items collide (load balancers more). */
  weight: number;
  name: string;
}

/**
 * One column, no overlaps, each item as close to its preferred centre as the others allow
 * (weighted least squares with the order fixed: pool adjacent violators). Items without a
 * preference stack above the rest, from y = 0 when there is room. Returns [top, bottom].
 */
function placeSide(items: SideItem[], layout: Layout): [number, number] {
  const cmp = (a: SideItem, b: SideItem): number => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const anchored = items.filter((i) => i.want !== undefined).sort((a, b) => a.want! - b.want! || b.weight - a.weight || cmp(a, b));
  const loose = items.filter((i) => i.want === undefined).sort(cmp);
  interface Block { items: SideItem[]; offs: number[]; len: number; wsum: number; acc: number; top: number }
  const blocks: Block[] = [];
  for (const it of anchored) {
    let b: Block = { items: [it], offs: [0], len: it.h, wsum: it.weight, acc: it.weight * (it.want! - it.h / 2), top: 0 };
    b.top = b.acc / b.wsum;
    while (blocks.length > 0) {
      const prev = blocks[blocks.length - 1]!;
      if (prev.top + prev.len + NODE_GAP <= b.top) break;
      blocks.pop();
      const shift = prev.len + NODE_GAP;
      b = {
        items: [...prev.items, ...b.items],
        offs: [...prev.offs, ...b.offs.map((o) => o + shift)],
        len: shift + b.len,
        wsum: prev.wsum + b.wsum,
        acc: prev.acc + b.acc - shift * b.wsum,
        top: 0,
      };
      b.top = b.acc / b.wsum;
    }
    blocks.push(b);
  }
  let top = Infinity;
  let bottom = -Infinity;
  for (const b of blocks) {
    b.items.forEach((it, k) => {
      const y = Math.round(b.top + b.offs[k]!);
      layout[it.id] = { x: 0, y };
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + it.h);
    });
  }
  const stack = loose.reduce((a, it) => a + it.h + NODE_GAP, 0);
  let y = top === Infinity ? 0 : stack <= top ? 0 : top - stack;
  for (const it of loose) {
    layout[it.id] = { x: 0, y };
    top = Math.min(top, y);
    bottom = Math.max(bottom, y + it.h);
    y += it.h + NODE_GAP;
  }
  return top === Infinity ? [0, 0] : [top, bottom];
}

// ---------------------------------------------------------------- ELK

let engine: InstanceType<typeof ELK> | undefined;

/**
 * The inside of a namespace (layered.ts): workloads top to bottom along their traffic, at most
 * ~sqrt(n/3) of them side by side (a namespace with little traffic becomes a portrait grid that
 * packs well, not one long row). Returns its size and the workloads' positions relative to it.
 */
function namespaceInside(workloads: Workload[], inner: Map<Id, Map<Id, number>>): { w: number; h: number; at: Layout } {
  const stepX = WORKLOAD_SIZE.w + NODE_GAP;
  const stepY = WORKLOAD_SIZE.h + NODE_GAP;
  const bound = Math.max(1, Math.ceil(Math.sqrt(workloads.length / 3)));
  const grid = layeredGrid(workloads.map((w) => w.id), inner, bound);
  const at: Layout = {};
  for (const [id, p] of grid.at) {
    at[id] = { x: Math.round(NAMESPACE_PADDING + p.col * stepX), y: NAMESPACE_HEADER + NAMESPACE_PADDING + p.row * stepY };
  }
  const w = Math.max(MIN_NAMESPACE_SIZE.w, 2 * NAMESPACE_PADDING + grid.cols * stepX - NODE_GAP);
  const h = Math.max(MIN_NAMESPACE_SIZE.h, NAMESPACE_HEADER + 2 * NAMESPACE_PADDING + grid.rows * stepY - NODE_GAP);
  return { w, h, at };
}

interface Box { id: Id; w: number; h: number }

/**
 * ELK's rectpacking in the given order. It fills rows only; `columns` packs the transposed
 * boxes and transposes the result back, which gives the column packing rectpacking lacks.
 */
async function pack(boxes: Box[], aspect: number, columns: boolean): Promise<Map<Id, { x: number; y: number }>> {
  engine ??= new ELK();
  const result = await engine.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.aspectRatio': String(columns ? 1 / aspect : aspect),
      'elk.rectpacking.widthApproximation.optimizationGoal': 'ASPECT_RATIO_DRIVEN',
      'elk.spacing.nodeNode': String(NAMESPACE_GAP),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: boxes.map((b) => ({ id: b.id, width: columns ? b.h : b.w, height: columns ? b.w : b.h })),
  });
  return new Map((result.children ?? []).map((c) => {
    const [x, y] = [Math.round(c.x ?? 0), Math.round(c.y ?? 0)];
    return [c.id, columns ? { x: y, y: x } : { x, y }];
  }));
}

// ---------------------------------------------------------------- the whole layout

export interface LayoutOptions {
  /** Width / height of the viewport to shape the layout for (default TARGET_ASPECT). */
  aspect?: number;
  /** Called as the work advances: `done` of `total` steps. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between steps when `aborted` (the promise rejects with LayoutCancelled); an AbortSignal fits. */
  signal?: { readonly aborted: boolean };
}

/** A complete layout (see the file comment). */
export async function packedLayout(doc: Doc, opts: LayoutOptions = {}): Promise<Layout> {
  const aspect = opts.aspect && Number.isFinite(opts.aspect) && opts.aspect > 0 ? opts.aspect : TARGET_ASPECT;
  const check = () => {
    if (opts.signal?.aborted) throw new LayoutCancelled();
  };
  const { model } = doc;
  const byNs = new Map<Id, Workload[]>();
  for (const ns of Object.values(model.namespaces)) byNs.set(ns.id, []);
  for (const w of Object.values(model.workloads).sort(byName)) byNs.get(w.namespaceId)?.push(w);
  const traffic = collectTraffic(doc, byNs);

  const lbs = loadBalancerServices(doc);
  const lbCount = new Map<Id, number>();
  for (const s of lbs) bump(lbCount, s.namespaceId);
  const nsIds = namespaceOrder(Object.values(model.namespaces).sort(byName).map((n) => n.id), traffic.between, lbCount);
  const externals = Object.values(model.externals).sort(byName);
  const hasSide = externals.length + lbs.length > 0;
  const left = hasSide ? Math.max(EXTERNAL_SIZE.w, LOAD_BALANCER_SIZE.w) + COLUMN_GAP : 0;

  // 1. The inside of every namespace, which also sizes it (placing them is step 3).
  const packings = [false, true].flatMap((columns) => PACKING_ASPECTS.map((a) => ({ columns, a })));
  const total = 1 + packings.length;
  let done = 0;
  const progress = () => opts.onProgress?.(++done, total);
  check();
  const boxes: Box[] = [];
  const children: Layout = {};
  for (const id of nsIds) {
    const inside = namespaceInside(byNs.get(id) ?? [], traffic.inner);
    boxes.push({ id, w: inside.w, h: inside.h });
    Object.assign(children, inside.at);
  }
  progress();
  const size = new Map(boxes.map((b) => [b.id, b]));

  // 2. The side column, given where the namespaces are. ELK cannot align a node with another
  //    compound's child, so this stays hand-written (see placeSide).
  const build = (at: Map<Id, { x: number; y: number }>): { layout: Layout; w: number; h: number } => {
    const layout: Layout = { ...children };
    const centre = new Map<Id, number>(); // absolute centre y of workloads
    let w = hasSide ? EXTERNAL_SIZE.w : 0;
    let h = 0;
    for (const id of nsIds) {
      const p = at.get(id)!;
      const s = size.get(id)!;
      layout[id] = { x: left + p.x, y: p.y, w: s.w, h: s.h };
      w = Math.max(w, left + p.x + s.w);
      h = Math.max(h, p.y + s.h);
      for (const wl of byNs.get(id) ?? []) centre.set(wl.id, p.y + children[wl.id]!.y + WORKLOAD_SIZE.h / 2);
    }
    const mean = (ys: number[]): number | undefined => (ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : undefined);
    const lbWant = new Map<Id, number | undefined>();
    for (const s of lbs) {
      const id = loadBalancerLayoutId(s.id);
      const ns = layout[s.namespaceId];
      const ys = (traffic.outside.get(id) ?? []).map((t) => centre.get(t)).filter((y): y is number => y !== undefined);
      lbWant.set(id, mean(ys) ?? (ns ? ns.y + NAMESPACE_HEADER + NAMESPACE_PADDING + WORKLOAD_SIZE.h / 2 : undefined));
    }
    const items: SideItem[] = [
      ...externals.map((e) => ({
        id: e.id, h: EXTERNAL_SIZE.h, weight: 1, name: e.name,
        want: mean((traffic.outside.get(e.id) ?? []).map((t) => centre.get(t) ?? lbWant.get(t)).filter((y): y is number => y !== undefined)),
      })),
      ...lbs.map((s) => ({ id: loadBalancerLayoutId(s.id), h: LOAD_BALANCER_SIZE.h, weight: 10, name: s.name, want: lbWant.get(loadBalancerLayoutId(s.id)) })),
    ];
    const [sideTop, sideBottom] = placeSide(items, layout);
    // Items pulled above the namespaces: move everything down so the layout starts at y = 0.
    const top = Math.min(0, sideTop);
    if (top < 0) for (const id of [...nsIds, ...items.map((i) => i.id)]) layout[id] = { ...layout[id]!, y: layout[id]!.y - top };
    return { layout, w, h: Math.max(h, sideBottom) - top };
  };

  // 3. ELK packs the namespaces, in traffic order, by rows and by columns; the packing that
  //    shows the whole layout (side column included) at the largest zoom in the target
  //    viewport wins. Each try is one cheap rectpacking run over fixed boxes.
  let best: { layout: Layout; score: number } | undefined;
  for (const { columns, a } of packings) {
    check();
    const built = build(await pack(boxes, a * (aspect / TARGET_ASPECT), columns));
    const score = Math.max(built.w / aspect, built.h);
    if (!best || score < best.score - 0.5) best = { layout: built.layout, score };
    progress();
  }
  return best!.layout;
}
