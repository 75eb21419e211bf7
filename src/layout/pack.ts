// Compact automatic layout for a landscape canvas.
//
//   - Inside a namespace, workloads fill a grid in "flow order": sources of traffic first, then
//     whatever they talk to, so connected workloads sit next to each other in reading order.
//   - Namespaces are ordered so that namespaces that talk to each other are neighbours, then
//     packed into shelves (rows or columns). Several packings are tried (namespace shapes,
//     shelf lengths) and the one that fits a ~16:11 viewport at the largest zoom wins.
//   - Externals and load balancers form one column on the left; each load balancer is aligned
//     with its backends (or its namespace), each external with what it talks to.
//
// Traffic comes from intents, load balancer -> backend selection and the NetworkPolicies'
// peers (cheap selector matching, no reachability analysis). Pure and deterministic.

import type { Doc, Id, Layout, Model, NetworkPolicy, Workload } from '../model/types.ts';
import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';
import {
  COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING,
  NODE_GAP, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';

/** Width / height of the viewport the layout is shaped for (the canvas at 1280x800 is ~770x530). */
export const TARGET_ASPECT = 1.45;
/** Space between namespaces (room for edges between them). */
export const NAMESPACE_GAP = 2 * NODE_GAP;
/** Preferred width/height ratios of a namespace's workload grid; each is tried. */
const NAMESPACE_SHAPES = [0.6, 0.9, 1.3, 1.8, 2.6, 4];
const MAX_GRID_COLUMNS = 8;
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

// ---------------------------------------------------------------- inside a namespace

/** Sources first, then what they talk to; ties keep neighbours together, then by name. */
export function flowOrder(workloads: Workload[], inner: Map<Id, Map<Id, number>>): Workload[] {
  const ids = new Set(workloads.map((w) => w.id));
  const out = new Map<Id, Array<[Id, number]>>();
  const into = new Map<Id, Array<[Id, number]>>();
  for (const w of workloads) {
    for (const [t, n] of inner.get(w.id) ?? []) {
      if (!ids.has(t)) continue;
      out.set(w.id, [...(out.get(w.id) ?? []), [t, n]]);
      into.set(t, [...(into.get(t) ?? []), [w.id, n]]);
    }
  }
  if (out.size === 0) return workloads;
  const pendingIn = new Map(workloads.map((w) => [w.id, (into.get(w.id) ?? []).length]));
  const pull = new Map<Id, number>(); // weight of edges to already placed workloads
  const degree = new Map(workloads.map((w) => [w.id, (out.get(w.id) ?? []).length + (into.get(w.id) ?? []).length]));
  const left = [...workloads];
  const order: Workload[] = [];
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      const a = left[i]!.id;
      const b = left[best]!.id;
      const d = (pendingIn.get(a)! - pendingIn.get(b)!) || ((pull.get(b) ?? 0) - (pull.get(a) ?? 0)) || (degree.get(b)! - degree.get(a)!);
      if (d < 0) best = i;
    }
    const [w] = left.splice(best, 1) as [Workload];
    order.push(w);
    for (const [t, n] of out.get(w.id) ?? []) { pendingIn.set(t, pendingIn.get(t)! - 1); bump(pull, t, n); }
    for (const [f, n] of into.get(w.id) ?? []) bump(pull, f, n);
  }
  return order;
}

interface NsShape {
  w: number;
  h: number;
  cols: number;
}

function gridShape(n: number, cols: number): NsShape {
  const rows = Math.max(1, Math.ceil(n / cols));
  const c = Math.max(1, Math.min(cols, n));
  return {
    cols: c,
    w: Math.max(MIN_NAMESPACE_SIZE.w, 2 * NAMESPACE_PADDING + c * WORKLOAD_SIZE.w + (c - 1) * NODE_GAP),
    h: Math.max(MIN_NAMESPACE_SIZE.h, NAMESPACE_HEADER + 2 * NAMESPACE_PADDING + rows * WORKLOAD_SIZE.h + (rows - 1) * NODE_GAP),
  };
}

/** The grid whose width/height is closest to `aspect`. */
function shapeFor(n: number, aspect: number): NsShape {
  let best = gridShape(n, 1);
  for (let c = 2; c <= Math.min(n, MAX_GRID_COLUMNS); c++) {
    const s = gridShape(n, c);
    if (Math.abs(Math.log(s.w / s.h / aspect)) < Math.abs(Math.log(best.w / best.h / aspect))) best = s;
  }
  return best;
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

interface Placed {
  x: number;
  y: number;
}

/** Shelves along one axis: `rows` fills left to right and wraps at `limit` width, else top to bottom at `limit` height. */
function shelfPack(sizes: NsShape[], rows: boolean, limit: number): { at: Placed[]; w: number; h: number } {
  const at: Placed[] = [];
  let main = 0; // position along the shelf
  let cross = 0; // shelf start across
  let depth = 0; // shelf thickness
  let w = 0;
  let h = 0;
  for (const s of sizes) {
    const [len, thick] = rows ? [s.w, s.h] : [s.h, s.w];
    if (main > 0 && main + len > limit) {
      cross += depth + NAMESPACE_GAP;
      main = 0;
      depth = 0;
    }
    const p = rows ? { x: main, y: cross } : { x: cross, y: main };
    at.push(p);
    w = Math.max(w, p.x + s.w);
    h = Math.max(h, p.y + s.h);
    main += len + NAMESPACE_GAP;
    depth = Math.max(depth, thick);
  }
  return { at, w, h };
}

/** Shelf lengths worth trying: every run of consecutive namespaces (few namespaces) or a geometric series. */
function shelfLimits(lengths: number[]): number[] {
  const longest = Math.max(...lengths);
  const out = new Set<number>([longest]);
  if (lengths.length <= 24) {
    for (let i = 0; i < lengths.length; i++) {
      let sum = -NAMESPACE_GAP;
      for (let j = i; j < lengths.length; j++) {
        sum += lengths[j]! + NAMESPACE_GAP;
        if (sum >= longest) out.add(sum);
      }
    }
  } else {
    const all = lengths.reduce((a, b) => a + b + NAMESPACE_GAP, 0);
    for (let v = longest; v < all * 1.05; v *= 1.04) out.add(Math.round(v));
  }
  return [...out].sort((a, b) => a - b);
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

// ---------------------------------------------------------------- the whole layout

/** A complete layout (see the file comment). */
export function packedLayout(doc: Doc): Layout {
  const { model } = doc;
  const byNs = new Map<Id, Workload[]>();
  for (const ns of Object.values(model.namespaces)) byNs.set(ns.id, []);
  for (const w of Object.values(model.workloads).sort(byName)) byNs.get(w.namespaceId)?.push(w);
  const traffic = collectTraffic(doc, byNs);
  const flows = new Map<Id, Workload[]>();
  for (const [id, list] of byNs) flows.set(id, flowOrder(list, traffic.inner));

  const lbs = loadBalancerServices(doc);
  const lbCount = new Map<Id, number>();
  for (const s of lbs) bump(lbCount, s.namespaceId);
  const nsIds = namespaceOrder(Object.values(model.namespaces).sort(byName).map((n) => n.id), traffic.between, lbCount);
  const externals = Object.values(model.externals).sort(byName);
  const hasSide = externals.length + lbs.length > 0;
  const left = hasSide ? Math.max(EXTERNAL_SIZE.w, LOAD_BALANCER_SIZE.w) + COLUMN_GAP : 0;

  const build = (shapes: NsShape[], at: Placed[]): { layout: Layout; w: number; h: number } => {
    const layout: Layout = {};
    const centre = new Map<Id, number>(); // absolute centre y of workloads
    nsIds.forEach((nsId, i) => {
      const s = shapes[i]!;
      const p = at[i]!;
      layout[nsId] = { x: left + p.x, y: p.y, w: s.w, h: s.h };
      (flows.get(nsId) ?? []).forEach((wl, k) => {
        const x = NAMESPACE_PADDING + (k % s.cols) * (WORKLOAD_SIZE.w + NODE_GAP);
        const y = NAMESPACE_HEADER + NAMESPACE_PADDING + Math.floor(k / s.cols) * (WORKLOAD_SIZE.h + NODE_GAP);
        layout[wl.id] = { x, y };
        centre.set(wl.id, p.y + y + WORKLOAD_SIZE.h / 2);
      });
    });
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
    const blockW = Math.max(0, ...shapes.map((s, i) => at[i]!.x + s.w));
    const blockH = Math.max(0, ...shapes.map((s, i) => at[i]!.y + s.h));
    // Items pulled above the namespaces: move everything down so the layout starts at y = 0.
    const top = Math.min(0, sideTop);
    if (top < 0) for (const id of [...nsIds, ...items.map((i) => i.id)]) layout[id] = { ...layout[id]!, y: layout[id]!.y - top };
    return { layout, w: (nsIds.length ? left + blockW : hasSide ? EXTERNAL_SIZE.w : 0), h: Math.max(sideBottom, blockH) - top };
  };

  if (nsIds.length === 0) return build([], []).layout;
  let best: { layout: Layout; score: number } | undefined;
  const tried = new Set<string>();
  for (const aspect of NAMESPACE_SHAPES) {
    const shapes = nsIds.map((id) => shapeFor((byNs.get(id) ?? []).length, aspect));
    const key = shapes.map((s) => s.cols).join(',');
    if (tried.has(key)) continue;
    tried.add(key);
    for (const rows of [false, true]) {
      for (const limit of shelfLimits(shapes.map((s) => (rows ? s.w : s.h)))) {
        const packed = shelfPack(shapes, rows, limit);
        // Cheap bound: the namespaces alone already need this much.
        const bound = Math.max((left + packed.w) / TARGET_ASPECT, packed.h);
        if (best && bound >= best.score) continue;
        const r = build(shapes, packed.at);
        const score = Math.max(r.w / TARGET_ASPECT, r.h);
        if (!best || score < best.score - 0.5) best = { layout: r.layout, score };
      }
    }
  }
  return best!.layout;
}
