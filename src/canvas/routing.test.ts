import { describe, expect, it } from 'vitest';
import { Router, pointOnRoute, routeEdges, ROUTE_LANE, type Route } from './routing.ts';
import type { Rect, XY } from './geometry.ts';

const box = (x: number, y: number, w = 200, h = 90): Rect => ({ x, y, w, h });
const strictlyInside = (p: XY, r: Rect) => p.x > r.x + 0.5 && p.x < r.x + r.w - 0.5 && p.y > r.y + 0.5 && p.y < r.y + r.h - 0.5;
const onBorder = (p: XY, r: Rect) => {
  const inX = p.x >= r.x - 0.01 && p.x <= r.x + r.w + 0.01;
  const inY = p.y >= r.y - 0.01 && p.y <= r.y + r.h + 0.01;
  const edgeX = Math.abs(p.x - r.x) < 0.01 || Math.abs(p.x - (r.x + r.w)) < 0.01;
  const edgeY = Math.abs(p.y - r.y) < 0.01 || Math.abs(p.y - (r.y + r.h)) < 0.01;
  return inX && inY && (edgeX || edgeY);
};

/** Samples along the drawn polyline (every few units). */
function samples(r: Route): XY[] {
  const out: XY[] = [];
  const n = Math.max(2, Math.ceil(r.length / 3));
  for (let i = 0; i <= n; i++) out.push(pointOnRoute(r, i / n));
  return out;
}

function expectClear(routes: Map<string, Route>, edges: { id: string; source: string; target: string }[], nodes: Map<string, Rect>) {
  for (const e of edges) {
    const r = routes.get(e.id)!;
    expect(r, e.id).toBeDefined();
    for (const p of samples(r)) {
      for (const [id, rect] of nodes) {
        if (id === e.source || id === e.target) continue;
        expect(strictlyInside(p, rect), `${e.id} enters ${id} at ${p.x},${p.y}`).toBe(false);
      }
    }
    expect(onBorder(r.points[0], nodes.get(e.source)!), `${e.id} starts on its source's border`).toBe(true);
    expect(onBorder(r.points[r.points.length - 1], nodes.get(e.target)!), `${e.id} ends on its target's border`).toBe(true);
  }
}

describe('routeEdges', () => {
  it('draws an unobstructed edge as one gentle curve from border to border, bowing to its left', () => {
    const nodes = new Map([['a', box(0, 0)], ['b', box(400, 0)]]);
    const r = routeEdges({ edges: [{ id: 'e', source: 'a', target: 'b' }], nodes }).get('e')!;
    expect(r.points).toEqual([{ x: 200, y: 45 }, { x: 400, y: 45 }]);
    expect(r.path).toBe('M 200,45 Q 300,35 400,45');
    expect(pointOnRoute(r, 0.5)).toEqual({ x: 300, y: 40 });
  });

  it('goes around a node in the way, never entering it', () => {
    const nodes = new Map([['a', box(0, 0)], ['mid', box(300, 0)], ['b', box(600, 0)]]);
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    const routes = routeEdges({ edges, nodes });
    expect(routes.get('e')!.points.length).toBeGreaterThan(2);
    expectClear(routes, edges, nodes);
  });

  it('finds a way through a crowded grid for every pair', () => {
    const nodes = new Map<string, Rect>();
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) nodes.set(`n${i}${j}`, box(i * 260, j * 130));
    const ids = [...nodes.keys()];
    const edges = ids.flatMap((s, i) => ids.filter((_, j) => (i * 7 + j) % 5 === 0 && j !== i).map((t) => ({ id: `${s}>${t}`, source: s, target: t })));
    const routes = routeEdges({ edges, nodes });
    expectClear(routes, edges, nodes);
    expect([...routes.values()].some((r) => r.straight)).toBe(false);
  });

  it('may cross its own ends namespaces but goes around an unrelated one when the detour is small', () => {
    const nodes = new Map([['a', box(0, 100)], ['b', box(700, 100)], ['w', box(370, 160, 200, 90)]]);
    const containers = new Map([['ns', box(350, 100, 240, 170)]]);
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    const around = routeEdges({ edges, nodes, containers }).get('e')!;
    for (const p of samples(around)) expect(strictlyInside(p, containers.get('ns')!)).toBe(false);
    // The same namespace holding one end: the edge goes in.
    const parents = new Map([['b', 'ns2']]);
    const own = routeEdges({ edges, nodes, containers: new Map([['ns2', box(680, 60, 240, 170)]]), parents }).get('e')!;
    expect(own.points).toHaveLength(2);
  });

  it('keeps off a namespace header title, even into its own namespace', () => {
    // a above the namespace; b inside it right under the title: the straight line crosses the title.
    const nodes = new Map([['a', box(0, -300)], ['b', box(20, 60)]]);
    const containers = new Map([['ns', box(0, 0, 600, 200)]]);
    const headers = new Map([['ns', box(0, 0, 260, 40)]]);
    const parents = new Map([['b', 'ns']]);
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    const free = routeEdges({ edges, nodes, containers, parents }).get('e')!;
    expect(free.points).toHaveLength(2);
    const r = routeEdges({ edges, nodes, containers, parents, headers }).get('e')!;
    for (const p of samples(r)) expect(strictlyInside(p, headers.get('ns')!), `${p.x},${p.y}`).toBe(false);
    expectClear(new Map([['e', r]]), edges, nodes);
  });

  it('draws edges between the same two nodes side by side, both directions apart', () => {
    const nodes = new Map([['a', box(0, 0)], ['b', box(400, 0)]]);
    const edges = [{ id: 'ab', source: 'a', target: 'b' }, { id: 'ba', source: 'b', target: 'a' }];
    const routes = routeEdges({ edges, nodes });
    const ab = routes.get('ab')!;
    const ba = routes.get('ba')!;
    expect(Math.abs(ab.points[0].y - ba.points[ba.points.length - 1].y)).toBeCloseTo(ROUTE_LANE, 5);
    expect(ab.points[0].x).toBe(200);
    expect(ba.points[0].x).toBe(400);
  });

  it('is deterministic whatever the order of nodes and edges', () => {
    const nodes = new Map<string, Rect>();
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) nodes.set(`n${i}${j}`, box(i * 250, j * 140));
    const edges = [{ id: 'x', source: 'n00', target: 'n22' }, { id: 'y', source: 'n20', target: 'n02' }, { id: 'z', source: 'n02', target: 'n20' }];
    const one = routeEdges({ edges, nodes });
    const two = routeEdges({ edges: [...edges].reverse(), nodes: new Map([...nodes].reverse()) });
    for (const e of edges) expect(two.get(e.id)).toEqual(one.get(e.id));
    expectClear(one, edges, nodes);
  });

  it('reroutes only the edges a moved node touches, and gives the same answer as a fresh pass', () => {
    const nodes = new Map([['a', box(0, 0)], ['b', box(600, 0)], ['c', box(0, 400)], ['d', box(600, 400)], ['m', box(300, 600)]]);
    const edges = [{ id: 'ab', source: 'a', target: 'b' }, { id: 'cd', source: 'c', target: 'd' }];
    const router = new Router();
    const first = router.route({ edges, nodes });
    expect(router.searched).toBe(2);
    // Move `m` into the path of c -> d only.
    const moved = new Map(nodes).set('m', box(300, 400));
    const second = router.route({ edges, nodes: moved });
    expect(router.searched).toBe(1);
    expect(second.get('ab')).toBe(first.get('ab'));
    expect(second.get('cd')).toEqual(routeEdges({ edges, nodes: moved }).get('cd'));
    expectClear(second, edges, moved);
    // Nothing changed: nothing searched.
    router.route({ edges, nodes: moved });
    expect(router.searched).toBe(0);
  });

  it('draws the edges past the budget straight and says so', () => {
    const nodes = new Map([['a', box(0, 0)], ['mid', box(300, 0)], ['b', box(600, 0)]]);
    const r = routeEdges({ edges: [{ id: 'e', source: 'a', target: 'b' }], nodes, budget: 0 }).get('e')!;
    expect(r.straight).toBe(true);
    expect(r.points).toHaveLength(2);
  });
});
