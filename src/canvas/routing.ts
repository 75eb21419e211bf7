// Edge routing: every canvas edge as a path around the drawn nodes instead of straight through
// them. Pure and deterministic: the canvas (app/flow/edges) draws the path this returns.
//
// The rule:
// - Workloads, external networks, load balancers and compact namespace nodes are obstacles: an
//   edge never passes over one other than its own two ends (it keeps `margin` away from them).
// - Open namespaces are containers: an edge may enter its own ends' namespaces; crossing any
//   other namespace costs extra (CONTAINER_COST per unit of length inside), so a path goes around
//   it when the detour is reasonable and crosses it otherwise.
// - A path is the shortest one in a sparse visibility graph over the corners of the obstacles
//   and containers grown by `margin` (A* with the straight distance as heuristic), drawn as a
//   polyline with rounded corners that starts and ends on the borders of its two nodes.
// - Edges between the same two nodes (both directions, an intent beside a connection) share one
//   route and are drawn side by side `lane` apart, so they never coincide.
//
// Cost: a Router keeps the previous answer and, when the geometry changes (a drag), reroutes only
// the edges whose ends moved or whose path a changed node touches (before or after the change).
// A work budget (segment tests) caps a pass: the edges past it are drawn straight and marked
// `straight` (the caller orders edges by importance, so the dimmed rest degrades first).

import type { Id } from '../model/types.ts';
import type { Rect, XY } from './geometry.ts';

/** Distance (canvas units, times `unit`) a path keeps from obstacles. */
export const ROUTE_MARGIN = 12;
/** Segments must stay this far from obstacles (a little less than the margin, so corner-to-corner runs pass). */
const CLEARANCE = 10;
/** Space between edges drawn side by side. */
export const ROUTE_LANE = 7;
/** Radius of a path's rounded corners. */
const CORNER_RADIUS = 14;
/** An unobstructed edge bows this much (at most) to the left of its direction, so A->B and B->A part. */
const BOW = 5;
/** ... and at most this share of its length. */
const BOW_SHARE = 0.05;
/** Extra cost per unit of length inside a namespace the edge does not belong to. */
const CONTAINER_COST = 2;
/** Extra cost per unit of length across a namespace's header title (any edge: text under a line is hard to read). */
const HEADER_COST = 6;
/** Work (segment tests and links relaxed) one routing pass may spend: a few tens of ms on this machine. */
export const ROUTE_BUDGET = 500_000;

export interface RouteEdge {
  id: string;
  source: Id;
  target: Id;
}

export interface RouteInput {
  edges: readonly RouteEdge[];
  /** Drawn nodes edges must not cross (absolute rectangles), by node id. */
  nodes: ReadonlyMap<Id, Rect>;
  /** Open namespaces (edges may cross their own ends' ones), by namespace id. */
  containers?: ReadonlyMap<Id, Rect>;
  /** The container each node is drawn in (workload -> namespace). */
  parents?: ReadonlyMap<Id, Id>;
  /** Header titles of open namespaces (name, count, badges): every edge avoids crossing them, by namespace id. */
  headers?: ReadonlyMap<Id, Rect>;
  /** Size multiplier for margins and lanes (compact nodes drawn larger when zoomed out). */
  unit?: number;
  /** Segment tests this pass may spend before the remaining edges are drawn straight. */
  budget?: number;
}

export interface Route {
  /** From the source's border to the target's border. */
  points: XY[];
  /** SVG path data (rounded corners). */
  path: string;
  /** Length of the polyline. */
  length: number;
  /** Drawn straight because the pass ran out of budget or no way around was found. */
  straight?: boolean;
  /** A one-segment route is drawn as a gentle quadratic curve with this control point. */
  control?: XY;
}

// ---------------------------------------------------------------- geometry

const inflate = (r: Rect, d: number): Rect => ({ x: r.x - d, y: r.y - d, w: r.w + 2 * d, h: r.h + 2 * d });
const center = (r: Rect): XY => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const inside = (p: XY, r: Rect) => p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h;
const contains = (outer: Rect, r: Rect) => r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;
const dist = (a: XY, b: XY) => Math.hypot(b.x - a.x, b.y - a.y);
const rectKey = (r: Rect | undefined) => (r ? `${r.x},${r.y},${r.w},${r.h}` : '-');

/** Share (0..1) of segment a->b inside the open rectangle r (Liang-Barsky); 0 when it stays out. */
function insideShare(a: XY, b: XY, r: Rect): number {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (let k = 0; k < 4; k++) {
    const p = k === 0 ? -dx : k === 1 ? dx : k === 2 ? -dy : dy;
    const q = k === 0 ? a.x - r.x : k === 1 ? r.x + r.w - a.x : k === 2 ? a.y - r.y : r.y + r.h - a.y;
    if (p === 0) {
      if (q <= 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return 0;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return 0;
      if (t < t1) t1 = t;
    }
  }
  return t1 - t0 > 1e-9 ? t1 - t0 : 0;
}

/** Where the segment from `a` (inside r) to `b` leaves r. */
function exitPoint(a: XY, b: XY, r: Rect): XY {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (r.x + r.w - a.x) / dx);
  if (dx < 0) t = Math.min(t, (r.x - a.x) / dx);
  if (dy > 0) t = Math.min(t, (r.y + r.h - a.y) / dy);
  if (dy < 0) t = Math.min(t, (r.y - a.y) / dy);
  t = Math.max(0, t);
  // Exactly on the border along the axis that stops the ray.
  const x = a.x + dx * t;
  const y = a.y + dy * t;
  return { x: Math.min(r.x + r.w, Math.max(r.x, x)), y: Math.min(r.y + r.h, Math.max(r.y, y)) };
}

function polylineLength(points: readonly XY[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) n += dist(points[i - 1], points[i]);
  return n;
}

/** SVG path of a polyline with rounded corners. */
export function roundedPath(points: readonly XY[], radius = CORNER_RADIUS): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  if (points.length === 0) return '';
  let d = `M ${f(points[0].x)},${f(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const c = points[i];
    const b = points[i + 1];
    const la = dist(a, c);
    const lb = dist(c, b);
    const r = Math.min(radius, la / 2, lb / 2);
    if (r < 0.5) {
      d += ` L ${f(c.x)},${f(c.y)}`;
      continue;
    }
    const p = { x: c.x + ((a.x - c.x) / la) * r, y: c.y + ((a.y - c.y) / la) * r };
    const q = { x: c.x + ((b.x - c.x) / lb) * r, y: c.y + ((b.y - c.y) / lb) * r };
    d += ` L ${f(p.x)},${f(p.y)} Q ${f(c.x)},${f(c.y)} ${f(q.x)},${f(q.y)}`;
  }
  const last = points[points.length - 1];
  if (points.length > 1) d += ` L ${f(last.x)},${f(last.y)}`;
  return d;
}

/** The point at `t` (0..1) of the route's length, and the direction of travel there. */
export function pointOnRoute(route: Pick<Route, 'points' | 'length' | 'control'>, t: number): XY {
  const pts = route.points;
  if (pts.length === 0) return { x: 0, y: 0 };
  const c = route.control;
  if (c && pts.length === 2) {
    const u = 1 - t;
    return { x: u * u * pts[0].x + 2 * u * t * c.x + t * t * pts[1].x, y: u * u * pts[0].y + 2 * u * t * c.y + t * t * pts[1].y };
  }
  let left = Math.max(0, Math.min(1, t)) * route.length;
  for (let i = 1; i < pts.length; i++) {
    const l = dist(pts[i - 1], pts[i]);
    if (left <= l || i === pts.length - 1) {
      const k = l > 0 ? Math.min(1, left / l) : 0;
      return { x: pts[i - 1].x + (pts[i].x - pts[i - 1].x) * k, y: pts[i - 1].y + (pts[i].y - pts[i - 1].y) * k };
    }
    left -= l;
  }
  return pts[pts.length - 1];
}

/** The points shifted `d` to the left of the direction of travel (mitred, capped). */
function offsetPolyline(points: readonly XY[], d: number): XY[] {
  if (d === 0 || points.length < 2) return points.slice();
  const normal = (a: XY, b: XY): XY => {
    const l = dist(a, b) || 1;
    return { x: (b.y - a.y) / l, y: -(b.x - a.x) / l };
  };
  return points.map((p, i) => {
    const n0 = i > 0 ? normal(points[i - 1], p) : null;
    const n1 = i < points.length - 1 ? normal(p, points[i + 1]) : null;
    if (!n0 || !n1) {
      const n = (n0 ?? n1)!;
      return { x: p.x + n.x * d, y: p.y + n.y * d };
    }
    const mx = n0.x + n1.x;
    const my = n0.y + n1.y;
    const ml = Math.hypot(mx, my);
    if (ml < 1e-6) return { x: p.x + n1.x * d, y: p.y + n1.y * d };
    // Miter: the bisector, lengthened so both sides keep distance d (at most twice).
    const cos = ml / 2;
    const k = d / Math.max(cos, 0.5);
    return { x: p.x + (mx / ml) * k, y: p.y + (my / ml) * k };
  });
}

// ---------------------------------------------------------------- obstacles

/** A uniform grid over the obstacles, for segment tests that look only at nearby ones. */
class ObstacleGrid {
  private cells = new Map<number, number[]>();
  private stamp: Uint32Array;
  private tick = 0;
  tests = 0;
  constructor(readonly rects: readonly Rect[], private cell: number) {
    this.stamp = new Uint32Array(rects.length);
    rects.forEach((r, i) => {
      for (let x = Math.floor(r.x / cell); x <= Math.floor((r.x + r.w) / cell); x++) {
        for (let y = Math.floor(r.y / cell); y <= Math.floor((r.y + r.h) / cell); y++) {
          const k = x * 100_003 + y;
          const list = this.cells.get(k);
          if (list) list.push(i);
          else this.cells.set(k, [i]);
        }
      }
    });
  }

  /**
   * Whether segment a->b crosses an obstacle (walks the cells it passes, nearest first), leaving
   * out obstacles `skipA` and `skipB` and those inside `within` (an open namespace at an end).
   */
  blocked(a: XY, b: XY, skipA = -1, skipB = -1, within: Rect | null = null, within2: Rect | null = null): boolean {
    const c = this.cell;
    this.tick++;
    let x = Math.floor(a.x / c);
    let y = Math.floor(a.y / c);
    const xe = Math.floor(b.x / c);
    const ye = Math.floor(b.y / c);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const sx = dx > 0 ? 1 : -1;
    const sy = dy > 0 ? 1 : -1;
    const tdx = dx !== 0 ? Math.abs(c / dx) : Infinity;
    const tdy = dy !== 0 ? Math.abs(c / dy) : Infinity;
    let tx = dx !== 0 ? ((dx > 0 ? (x + 1) * c - a.x : a.x - x * c) / Math.abs(dx)) : Infinity;
    let ty = dy !== 0 ? ((dy > 0 ? (y + 1) * c - a.y : a.y - y * c) / Math.abs(dy)) : Infinity;
    for (let steps = 0; steps < 100_000; steps++) {
      const list = this.cells.get(x * 100_003 + y);
      if (list) {
        for (const i of list) {
          if (this.stamp[i] === this.tick) continue;
          this.stamp[i] = this.tick;
          if (i === skipA || i === skipB || (within && contains(within, this.rects[i])) || (within2 && contains(within2, this.rects[i]))) continue;
          this.tests++;
          if (insideShare(a, b, this.rects[i]) > 0) return true;
        }
      }
      if (x === xe && y === ye) break;
      if (tx < ty) {
        if (tx > 1) break;
        tx += tdx;
        x += sx;
      } else {
        if (ty > 1) break;
        ty += tdy;
        y += sy;
      }
    }
    return false;
  }
}

interface Link {
  to: number;
  len: number;
  /** Containers the link crosses and the length inside each. */
  over: { c: number; len: number }[] | null;
}

/** The obstacles of one geometry, with the corner-to-corner visibility found so far (lazily). */
class Scene {
  readonly ids: Id[];
  readonly index = new Map<Id, number>();
  readonly hard: Rect[];
  readonly grid: ObstacleGrid;
  /** Soft obstacles: open namespaces (free for their own edges) and header titles (never free). */
  readonly containers: { id: Id; rect: Rect; cost: number; always: boolean }[];
  /** Corner vertices: positions and the obstacle (or container) each belongs to. */
  readonly corners: XY[] = [];
  readonly owners: Id[] = [];
  private links: (Link[] | undefined)[] = [];
  /** Links relaxed by the searches (with the grid's segment tests: the work of a pass). */
  work = 0;
  private ends = new Map<string, Link[]>();

  constructor(nodes: ReadonlyMap<Id, Rect>, containers: ReadonlyMap<Id, Rect>, unit: number, headers: ReadonlyMap<Id, Rect> = new Map()) {
    const margin = ROUTE_MARGIN * unit;
    const clear = CLEARANCE * unit;
    this.ids = [...nodes.keys()].sort();
    this.ids.forEach((id, i) => this.index.set(id, i));
    const raw = this.ids.map((id) => nodes.get(id)!);
    this.hard = raw.map((r) => inflate(r, clear));
    const size = raw.reduce((m, r) => Math.max(m, r.w, r.h), 100);
    this.grid = new ObstacleGrid(this.hard, size * 1.5);
    this.containers = [...containers.keys()].sort().map((id) => ({ id, rect: containers.get(id)!, cost: CONTAINER_COST, always: false }));
    for (const id of [...headers.keys()].sort()) this.containers.push({ id: `header:${id}`, rect: headers.get(id)!, cost: HEADER_COST, always: true });
    const addCorners = (r: Rect, owner: Id) => {
      const g = inflate(r, margin);
      for (const p of [{ x: g.x, y: g.y }, { x: g.x + g.w, y: g.y }, { x: g.x, y: g.y + g.h }, { x: g.x + g.w, y: g.y + g.h }]) {
        if (this.hard.some((h) => inside(p, h))) continue;
        this.corners.push(p);
        this.owners.push(owner);
      }
    };
    raw.forEach((r, i) => addCorners(r, this.ids[i]));
    for (const c of this.containers) addCorners(c.rect, c.id);
    // Links reach this far: a path is a chain of local hops (shortened afterwards), so a pass
    // costs what the neighbourhoods cost, not the square of the design.
    this.reach = Math.max(320 * unit, size * 2);
    // Long sides (open namespaces) get stops in between, so a path can follow them.
    for (const c of this.containers) {
      if (c.always) continue;
      const g = inflate(c.rect, margin);
      const step = this.reach / 2;
      const sides: [XY, XY][] = [[{ x: g.x, y: g.y }, { x: g.x + g.w, y: g.y }], [{ x: g.x, y: g.y + g.h }, { x: g.x + g.w, y: g.y + g.h }],
        [{ x: g.x, y: g.y }, { x: g.x, y: g.y + g.h }], [{ x: g.x + g.w, y: g.y }, { x: g.x + g.w, y: g.y + g.h }]];
      for (const [p, q] of sides) {
        const n = Math.floor(dist(p, q) / step);
        for (let k = 1; k < n; k++) {
          const m = { x: p.x + ((q.x - p.x) * k) / n, y: p.y + ((q.y - p.y) * k) / n };
          if (this.hard.some((h) => inside(m, h))) continue;
          this.corners.push(m);
          this.owners.push(c.id);
        }
      }
    }
    this.corners.forEach((p, i) => {
      const k = this.cellKey(Math.floor(p.x / this.reach), Math.floor(p.y / this.reach));
      const list = this.buckets.get(k);
      if (list) list.push(i);
      else this.buckets.set(k, [i]);
    });
  }

  readonly reach: number;
  private buckets = new Map<number, number[]>();
  private cellKey(x: number, y: number): number {
    return x * 100_003 + y;
  }

  /** Corners within `radius` of p. */
  private near(p: XY, radius: number): number[] {
    const out: number[] = [];
    const c = this.reach;
    for (let x = Math.floor((p.x - radius) / c); x <= Math.floor((p.x + radius) / c); x++) {
      for (let y = Math.floor((p.y - radius) / c); y <= Math.floor((p.y + radius) / c); y++) {
        for (const i of this.buckets.get(this.cellKey(x, y)) ?? []) if (dist(p, this.corners[i]) <= radius) out.push(i);
      }
    }
    return out;
  }

  /** Whether the segment p->q is clear, leaving out the obstacles of the ends it touches. */
  clear(p: XY, q: XY, skipA: number, skipB: number, withinA: Rect | null, withinB: Rect | null): boolean {
    return !this.grid.blocked(p, q, skipA, skipB, withinA, withinB);
  }

  /** What p->q costs for an edge whose unrelated containers are `penalised`. */
  cost(p: XY, q: XY, penalised: readonly boolean[]): number {
    const l = this.link(p, 0, q);
    let c = l.len;
    if (l.over) for (const o of l.over) if (penalised[o.c]) c += o.len * this.containers[o.c].cost;
    return c;
  }

  private link(from: XY, to: number, p: XY): Link {
    let over: Link['over'] = null;
    const len = dist(from, p);
    this.containers.forEach((c, ci) => {
      const share = insideShare(from, p, c.rect);
      if (share > 0) (over ??= []).push({ c: ci, len: share * len });
    });
    return { to, len, over };
  }

  /** Corners visible from corner u (cached for the pass). */
  linksOf(u: number): Link[] {
    const hit = this.links[u];
    if (hit) return hit;
    const out: Link[] = [];
    const p = this.corners[u];
    for (const v of this.near(p, this.reach)) {
      if (v === u) continue;
      const known = this.links[v];
      if (known) {
        const back = known.find((l) => l.to === u);
        if (back) out.push({ ...back, to: v });
        continue;
      }
      if (!this.grid.blocked(p, this.corners[v])) out.push(this.link(p, v, this.corners[v]));
    }
    this.links[u] = out;
    return out;
  }

  /** Corners visible from the centre of an end node (which the path may leave through its own box). */
  endLinks(id: Id, r: Rect, isContainer: boolean): Link[] {
    const key = `${id}|${rectKey(r)}`;
    const hit = this.ends.get(key);
    if (hit) return hit;
    const c = center(r);
    const own = this.index.get(id) ?? -1;
    const out: Link[] = [];
    for (const v of this.near(c, this.reach + Math.max(r.w, r.h) / 2)) {
      const p = this.corners[v];
      if (inside(p, r) && !isContainer) continue;
      if (!this.grid.blocked(c, p, own, -1, isContainer ? r : null)) out.push(this.link(c, v, p));
    }
    this.ends.set(key, out);
    return out;
  }
}

// ---------------------------------------------------------------- search

class MinHeap {
  private items: { k: number; v: number }[] = [];
  get size() {
    return this.items.length;
  }
  push(v: number, k: number) {
    const a = this.items;
    a.push({ k, v });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].k < a[i].k || (a[p].k === a[i].k && a[p].v <= a[i].v)) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0].v;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l].k < a[m].k || (a[l].k === a[m].k && a[l].v < a[m].v))) m = l;
        if (r < a.length && (a[r].k < a[m].k || (a[r].k === a[m].k && a[r].v < a[m].v))) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

interface PairRoute {
  /** Centre of the source, waypoints, centre of the target. */
  raw: XY[];
  /** Obstacles and containers whose corners the path turns at. */
  owners: Id[];
  straight: boolean;
}

/** An end of an edge: node id, its rectangle, whether it is an open namespace. */
type End = [Id, Rect, boolean];

/**
 * Routes from one node to each of `others` (centre to centre, the caller clips them to the
 * borders): one search for all of them (A* towards a single target, Dijkstra towards many).
 * `related`: the containers the edges may cross freely.
 */
function searchFrom(scene: Scene, hub: End, others: End[], related: ReadonlySet<Id>): (PairRoute | null)[] {
  const [aId, a, aCont] = hub;
  const s = center(a);
  const penalised = scene.containers.map((c) => c.always || !related.has(c.id));
  const cost = (l: Link) => {
    let c = l.len;
    if (l.over) for (const o of l.over) if (penalised[o.c]) c += o.len * scene.containers[o.c].cost;
    return c;
  };
  const ia = scene.index.get(aId) ?? -1;
  const out: (PairRoute | null)[] = others.map(() => null);
  const C = scene.corners.length;
  const START = C;
  // Goals: the other ends a straight run does not reach.
  const goals: number[] = [];
  others.forEach(([bId, b, bCont], k) => {
    const t = center(b);
    const ib = scene.index.get(bId) ?? -1;
    if (scene.clear(s, t, ia, ib, aCont ? a : null, bCont ? b : null) && scene.containers.every((c, ci) => !penalised[ci] || insideShare(s, t, c.rect) === 0)) {
      out[k] = { raw: [s, t], owners: [], straight: false };
    } else goals.push(k);
  });
  if (goals.length === 0) return out;
  const n = C + 1 + goals.length;
  // Corners that see a goal's centre, and what that last step costs.
  const goalsAt = new Map<number, { gi: number; c: number }[]>();
  goals.forEach((k, gi) => {
    const [bId, b, bCont] = others[k];
    for (const l of scene.endLinks(bId, b, bCont)) {
      const list = goalsAt.get(l.to);
      const e = { gi, c: cost(l) };
      if (list) list.push(e);
      else goalsAt.set(l.to, [e]);
    }
  });
  const single = goals.length === 1 ? center(others[goals[0]][1]) : null;
  const h = (p: XY) => (single ? dist(p, single) : 0);
  const g = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap();
  g[START] = 0;
  heap.push(START, h(s));
  let left = goals.length;
  while (heap.size && left > 0) {
    const u = heap.pop();
    if (done[u]) continue;
    done[u] = 1;
    if (u > START) {
      left--;
      continue;
    }
    const links = u === START ? scene.endLinks(aId, a, aCont) : scene.linksOf(u);
    scene.work += links.length;
    for (const l of links) {
      const v = l.to;
      if (done[v]) continue;
      const ng = g[u] + cost(l);
      if (ng >= g[v]) continue;
      g[v] = ng;
      from[v] = u;
      heap.push(v, ng + h(scene.corners[v]));
    }
    if (u === START) continue;
    for (const { gi, c } of goalsAt.get(u) ?? []) {
      const v = START + 1 + gi;
      if (done[v] || g[u] + c >= g[v]) continue;
      g[v] = g[u] + c;
      from[v] = u;
      heap.push(v, g[v]);
    }
  }
  goals.forEach((k, gi) => {
    const goal = START + 1 + gi;
    if (from[goal] < 0) return;
    const [bId, b, bCont] = others[k];
    const raw: XY[] = [center(b)];
    const used: Id[] = [];
    for (let v = from[goal]; v >= 0; v = from[v]) {
      raw.push(v === START ? s : scene.corners[v]);
      if (v < C) used.push(scene.owners[v]);
      if (v === START) break;
    }
    raw.reverse();
    const ib = scene.index.get(bId) ?? -1;
    out[k] = { raw: shorten(scene, raw, [ia, ib], [aCont ? a : null, bCont ? b : null], penalised), owners: used, straight: false };
  });
  return out;
}

/** Drops the stops a straight run can skip (at no extra cost): local hops become long runs. */
function shorten(scene: Scene, raw: XY[], ends: [number, number], within: [Rect | null, Rect | null], penalised: readonly boolean[]): XY[] {
  const last = raw.length - 1;
  const seg: number[] = [];
  for (let i = 0; i < last; i++) seg.push(scene.cost(raw[i], raw[i + 1], penalised));
  const out = [raw[0]];
  let i = 0;
  while (i < last) {
    let j = last;
    let chain = 0;
    for (let k = i; k < last; k++) chain += seg[k];
    for (; j > i + 1; j--) {
      const ok = scene.clear(raw[i], raw[j], i === 0 ? ends[0] : -1, j === last ? ends[1] : -1, i === 0 ? within[0] : null, j === last ? within[1] : null);
      if (ok && scene.cost(raw[i], raw[j], penalised) <= chain + 1e-6) break;
      chain -= seg[j - 1];
    }
    out.push(raw[j]);
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------- the router

const pairKey = (a: Id, b: Id) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

interface CachedPair {
  aKey: string;
  bKey: string;
  route: PairRoute;
}

/** Routes edges, reusing the previous pass's routes the geometry change did not touch. */
export class Router {
  private pairs = new Map<string, CachedPair>();
  private last: { nodes: Map<Id, string>; containers: Map<Id, string>; unit: number } | null = null;
  private routes = new Map<string, { key: string; pair: CachedPair; route: Route }>();
  /** Pairs searched in the last pass (the rest were reused). */
  searched = 0;
  /** Work spent in the last pass (segment tests and links relaxed). */
  tests = 0;

  route(input: RouteInput): Map<string, Route> {
    const unit = input.unit ?? 1;
    const nodes = input.nodes;
    const containers = input.containers ?? new Map<Id, Rect>();
    const headers = input.headers ?? new Map<Id, Rect>();
    const parents = input.parents ?? new Map<Id, Id>();
    const budget = input.budget ?? ROUTE_BUDGET;
    const nodeKeys = new Map<Id, string>();
    for (const [id, r] of nodes) nodeKeys.set(id, rectKey(r));
    const contKeys = new Map<Id, string>();
    for (const [id, r] of containers) contKeys.set(id, rectKey(r));
    for (const [id, r] of headers) contKeys.set(`header:${id}`, rectKey(r));
    // What changed since the last pass: rectangles (old and new) a reused path must not touch.
    const changed: Rect[] = [];
    let changedContainers = false;
    const prev = this.last;
    if (!prev || prev.unit !== unit) {
      this.pairs.clear();
    } else {
      const diff = (now: Map<Id, string>, before: Map<Id, string>, into: Rect[]) => {
        let any = false;
        for (const [id, k] of now) {
          if (before.get(id) !== k) {
            any = true;
            into.push(parseKey(k));
            const old = before.get(id);
            if (old) into.push(parseKey(old));
          }
        }
        for (const [id, k] of before) {
          if (!now.has(id)) {
            any = true;
            into.push(parseKey(k));
          }
        }
        return any;
      };
      diff(nodeKeys, prev.nodes, changed);
      changedContainers = diff(contKeys, prev.containers, []);
      if (changedContainers) this.pairs.clear();
    }
    this.last = { nodes: nodeKeys, containers: contKeys, unit };
    const grown = changed.map((r) => inflate(r, ROUTE_MARGIN * unit));

    let scene: Scene | null = null;
    const sceneOf = () => (scene ??= new Scene(nodes, containers, unit, headers));
    const boxOf = (id: Id) => nodes.get(id) ?? containers.get(id);
    const groups = new Map<string, RouteEdge[]>();
    for (const e of input.edges) {
      const k = pairKey(e.source, e.target);
      const list = groups.get(k);
      if (list) list.push(e);
      else groups.set(k, [e]);
    }
    this.searched = 0;
    let tests = 0;
    const nextPairs = new Map<string, CachedPair>();
    const out = new Map<string, Route>();
    const nextRoutes = new Map<string, { key: string; pair: CachedPair; route: Route }>();
    const ancestors = (id: Id) => {
      const list: Id[] = [];
      for (let p = parents.get(id); p; p = parents.get(p)) list.push(p);
      return list;
    };
    // The pairs whose route must be found again (new, an end moved, or a change touches it).
    interface Dirty { k: string; aId: Id; bId: Id; a: Rect; b: Rect; aKey: string; bKey: string }
    const dirty: Dirty[] = [];
    for (const [k, list] of groups) {
      const first = list[0];
      const [aId, bId] = first.source < first.target ? [first.source, first.target] : [first.target, first.source];
      const a = boxOf(aId);
      const b = boxOf(bId);
      if (!a || !b) continue;
      const aKey = rectKey(a);
      const bKey = rectKey(b);
      const pair = this.pairs.get(k);
      const touched = (p: CachedPair) => grown.some((g) => p.route.raw.some((q, i) => i > 0 && insideShare(p.route.raw[i - 1], q, g) > 0))
        || p.route.owners.some((o) => nodeKeys.get(o) !== prev?.nodes.get(o));
      if (!pair || pair.aKey !== aKey || pair.bKey !== bKey || touched(pair)) dirty.push({ k, aId, bId, a, b, aKey, bKey });
      else nextPairs.set(k, pair);
    }
    // Search them from the node most of them share first (one search serves all its pairs).
    const degree = new Map<Id, number>();
    for (const d of dirty) for (const id of [d.aId, d.bId]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const byHub = new Map<Id, Dirty[]>();
    for (const d of dirty) {
      const da = degree.get(d.aId)!;
      const db = degree.get(d.bId)!;
      const hub = da > db || (da === db && d.aId < d.bId) ? d.aId : d.bId;
      const list = byHub.get(hub);
      if (list) list.push(d);
      else byHub.set(hub, [d]);
    }
    const hubs = [...byHub.keys()].sort((x, y) => byHub.get(y)!.length - byHub.get(x)!.length || (x < y ? -1 : 1));
    for (const hubId of hubs) {
      const list = byHub.get(hubId)!;
      // Partners in the same containers share a search (what they may cross is the same).
      const sets = new Map<string, Dirty[]>();
      for (const d of list) {
        const other = d.aId === hubId ? d.bId : d.aId;
        const key = ancestors(other).join('|');
        const l = sets.get(key);
        if (l) l.push(d);
        else sets.set(key, [d]);
      }
      for (const [, set] of sets) {
        let found: (PairRoute | null)[] = set.map(() => null);
        if (tests < budget) {
          const sc = sceneOf();
          const before = sc.grid.tests + sc.work;
          const hubBox = boxOf(hubId)!;
          const others: End[] = set.map((d) => {
            const o = d.aId === hubId ? d.bId : d.aId;
            return [o, boxOf(o)!, containers.has(o)];
          });
          const related = new Set<Id>([hubId, ...ancestors(hubId), ...others.flatMap(([o]) => [o, ...ancestors(o)])]);
          found = searchFrom(sc, [hubId, hubBox, containers.has(hubId)], others, related);
          tests += sc.grid.tests + sc.work - before;
          this.searched += set.length;
        }
        set.forEach((d, i) => {
          let route = found[i];
          // Routes run from the hub: turn them to run from a to b.
          if (route && d.aId !== hubId) route = { ...route, raw: [...route.raw].reverse() };
          const pair: CachedPair = { aKey: d.aKey, bKey: d.bKey, route: route ?? { raw: [center(d.a), center(d.b)], owners: [], straight: true } };
          nextPairs.set(d.k, pair);
        });
      }
    }
    for (const [k, list] of groups) {
      const pair = nextPairs.get(k);
      if (!pair) continue;
      const first = list[0];
      const [aId, bId] = first.source < first.target ? [first.source, first.target] : [first.target, first.source];
      const a = boxOf(aId)!;
      const b = boxOf(bId)!;
      const { aKey, bKey } = pair;
      // Side by side: lanes centred on the route, in a fixed order; the edges against the route's
      // direction on one side, those along it on the other (each bows away from the other side).
      const along = (e: RouteEdge) => (e.source === aId ? 1 : 0);
      const sorted = [...list].sort((x, y) => along(x) - along(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      sorted.forEach((e, i) => {
        const lane = (i - (sorted.length - 1) / 2) * ROUTE_LANE * unit;
        const forward = e.source === aId;
        const key = `${aKey}|${bKey}|${lane}|${forward}`;
        const hit = this.routes.get(e.id);
        if (hit && hit.key === key && hit.pair === pair) {
          nextRoutes.set(e.id, hit);
          out.set(e.id, hit.route);
          return;
        }
        let pts = offsetPolyline(pair.route.raw, lane);
        if (!forward) pts = pts.reverse();
        const [src, dst] = forward ? [a, b] : [b, a];
        const route = finish(pts, src, dst, pair.route.straight, unit);
        nextRoutes.set(e.id, { key, pair, route });
        out.set(e.id, route);
      });
    }
    this.pairs = nextPairs;
    this.routes = nextRoutes;
    this.tests = tests;
    return out;
  }
}

function parseKey(k: string): Rect {
  const [x, y, w, h] = k.split(',').map(Number);
  return { x, y, w, h };
}

/** Clip a centre-to-centre polyline to the borders of its two nodes. */
function finish(pts: XY[], src: Rect, dst: Rect, straight: boolean, unit: number): Route {
  let i = 0;
  while (i < pts.length - 2 && inside(pts[i + 1], src)) i++;
  let j = pts.length - 1;
  while (j > i + 1 && inside(pts[j - 1], dst)) j--;
  const mid = pts.slice(i + 1, j);
  const start = inside(pts[i], src) ? exitPoint(pts[i], pts[i + 1], src) : pts[i];
  const end = inside(pts[j], dst) ? exitPoint(pts[j], pts[j - 1], dst) : pts[j];
  const points = [start, ...mid, end];
  const length = polylineLength(points);
  const flag = straight ? { straight: true } : {};
  if (points.length === 2 && length > 0) {
    // Bowed to the left of travel: the curve's middle is `bow` off the chord (the control twice that).
    const bow = Math.min(BOW * unit, length * BOW_SHARE);
    const dx = (end.x - start.x) / length;
    const dy = (end.y - start.y) / length;
    const control = { x: (start.x + end.x) / 2 + dy * 2 * bow, y: (start.y + end.y) / 2 - dx * 2 * bow };
    const f = (v: number) => Math.round(v * 10) / 10;
    const path = `M ${f(start.x)},${f(start.y)} Q ${f(control.x)},${f(control.y)} ${f(end.x)},${f(end.y)}`;
    return { points, path, length, control, ...flag };
  }
  return { points, path: roundedPath(points), length, ...flag };
}

/** One pass without a cache (tests, benchmarks). */
export function routeEdges(input: RouteInput): Map<string, Route> {
  return new Router().route(input);
}
