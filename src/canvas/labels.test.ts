import { describe, expect, it } from 'vitest';
import { labelScale, labelSize, placeLabels, type LabelPlacement } from './labels.ts';
import { pointOnRoute, routeEdges } from './routing.ts';
import { edgeCurve, pointAt } from './edge-geometry.ts';
import { makeEdge } from './edges.ts';
import type { Rect } from './geometry.ts';

const box = (x: number, y: number, w = 100, h = 50): Rect => ({ x, y, w, h });
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeLabels', () => {
  it('puts a label in the middle of an edge with room around it', () => {
    const nodes = new Map([['a', box(0, 0)], ['b', box(600, 0)]]);
    const out = placeLabels({ edges: [makeEdge('reach:a>b', 'a', 'b', 'allow', 'TCP 8080')], nodes, scale: 1 });
    expect(out.get('reach:a>b')).toMatchObject({ mode: 'label', t: 0.5 });
    expect(out.get('reach:a>b')?.dx).toBeUndefined();
    // The box it takes is centred on the edge's middle.
    const b = out.get('reach:a>b')!.box!;
    const size = labelSize('TCP 8080', 1);
    const mid = pointAt(edgeCurve(nodes.get('a')!, nodes.get('b')!), 0.5);
    expect(b).toMatchObject({ w: size.w, h: size.h });
    expect(b.x + b.w / 2).toBeCloseTo(mid.x, 3);
    expect(b.y + b.h / 2).toBeCloseTo(mid.y, 3);
  });

  it('never lets two labels or a label and a node overlap: crowded labels become badges or are left off', () => {
    // A fan of parallel edges between two columns of nodes, close together.
    const nodes = new Map<string, Rect>();
    const edges = [];
    for (let i = 0; i < 12; i++) {
      nodes.set(`l${i}`, box(0, i * 30, 100, 24));
      nodes.set(`r${i}`, box(260, i * 30, 100, 24));
      edges.push(makeEdge(`reach:l${i}>r${i}`, `l${i}`, `r${i}`, 'ns-allow', `${i + 2} flows · TCP 80, 443, 8080-8090`, { count: i + 2 }));
    }
    const out = placeLabels({ edges, nodes, scale: 1 });
    const rects: Rect[] = [];
    for (const e of edges) {
      const p = out.get(e.id)!;
      if (p.mode === 'hidden') continue;
      const on = pointAt(edgeCurve(nodes.get(e.source)!, nodes.get(e.target)!), p.t);
      const c = { x: on.x + (p.dx ?? 0), y: on.y + (p.dy ?? 0) };
      const size = p.mode === 'label' ? labelSize(e.label, 1) : { w: Math.max(16, p.badge!.length * 6.1 + 8), h: 16 };
      rects.push({ x: c.x - size.w / 2, y: c.y - size.h / 2, w: size.w, h: size.h });
    }
    for (let i = 0; i < rects.length; i++) {
      for (const n of nodes.values()) expect(overlap(rects[i], n)).toBe(false);
      for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j])).toBe(false);
    }
    const modes = [...out.values()].map((p) => p.mode);
    expect(modes).toContain('badge');
    // The badge of an aggregated edge says how many connections it stands for.
    const badge = [...out.values()].find((p) => p.mode === 'badge')!;
    expect(Number(badge.badge)).toBeGreaterThan(1);
  });

  it('gives a crowded single-pair edge a "…" badge, never an empty one', () => {
    const nodes = new Map<string, Rect>();
    const edges = [];
    for (let i = 0; i < 12; i++) {
      nodes.set(`l${i}`, box(0, i * 30, 100, 24));
      nodes.set(`r${i}`, box(260, i * 30, 100, 24));
      edges.push(makeEdge(`reach:l${i}>r${i}`, `l${i}`, `r${i}`, 'allow', 'TCP 80, 443, 8080-8090, 9090'));
    }
    const badges = [...placeLabels({ edges, nodes, scale: 1 }).values()].filter((p) => p.mode === 'badge');
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) expect(b.badge).toBe('…');
  });

  it('places the selection and intents first', () => {
    const nodes = new Map([['a', box(0, 0)], ['b', box(300, 0)]]);
    const edges = [
      makeEdge('reach:a>b', 'a', 'b', 'allow', 'TCP 8080'),
      makeEdge('intent:i', 'a', 'b', 'intent', 'TCP 8080 ✓', { intentId: 'i' }),
    ];
    const out = placeLabels({ edges, nodes, scale: 1 });
    expect(out.get('intent:i')!.mode).toBe('label');
    expect(out.get('intent:i')!.t).toBe(0.5);
  });

  it('labels are larger in canvas units when zoomed out', () => {
    expect(labelScale(0.25)).toBe(4);
    expect(labelScale(1.5)).toBe(1);
    expect(labelSize('abc', 2).h).toBe(2 * labelSize('abc', 1).h);
  });
});

describe('placeLabels frame', () => {
  it('keeps labels inside the drawing, so a fitted view shows them whole', () => {
    // A short vertical edge at the left edge of the drawing: a long label centred on it would stick out.
    const nodes = new Map([['a', box(0, 0, 100, 40)], ['b', box(0, 80, 100, 40)], ['c', box(600, 0)]]);
    const long = makeEdge('reach:a>b', 'a', 'b', 'allow', '8080/TCP, 9000/TCP, 9090/TCP, 9443/TCP');
    const p = placeLabels({ edges: [long], nodes, scale: 1 }).get('reach:a>b')!;
    expect(p.mode).toBe('label');
    // Not centred on the edge (it would stick out on the left): moved beside it, inside the frame.
    const c = pointAt(edgeCurve(nodes.get('a')!, nodes.get('b')!), p.t);
    const left = c.x + (p.dx ?? 0) - labelSize(long.label, 1).w / 2;
    expect(p.dx ?? 0).toBeGreaterThan(0);
    expect(left).toBeGreaterThanOrEqual(-30);
  });
});

describe('placeLabels on routed edges', () => {
  it('puts labels on the routed path and never on an open namespace header band', () => {
    // a (drawn in namespace ns) -> b runs straight through ns's header band.
    const nodes = new Map([['a', box(0, 0, 100, 40)], ['b', box(700, 0, 100, 40)]]);
    const containers = new Map([['ns', box(120, 0, 360, 200)]]);
    const parents = new Map([['a', 'ns']]);
    const edges = [makeEdge('reach:a>b', 'a', 'b', 'allow', 'TCP 8080')];
    const routes = routeEdges({ edges, nodes, containers, parents });
    expect(routes.get('reach:a>b')!.points).toHaveLength(2);
    const rectOf = (p: LabelPlacement) => {
      const on = pointOnRoute(routes.get('reach:a>b')!, p.t);
      const size = p.mode === 'label' ? labelSize('TCP 8080', 1) : { w: 16, h: 16 };
      return { x: on.x + (p.dx ?? 0) - size.w / 2, y: on.y + (p.dy ?? 0) - size.h / 2, w: size.w, h: size.h };
    };
    // Without the namespace, the label sits in the middle (over where the header would be).
    const free = placeLabels({ edges, nodes, scale: 1, routes }).get('reach:a>b')!;
    expect(overlap(rectOf(free), { x: 120, y: 0, w: 360, h: 40 })).toBe(true);
    const p = placeLabels({ edges, nodes, containers, scale: 1, routes }).get('reach:a>b')!;
    expect(p.mode).toBe('label');
    expect(overlap(rectOf(p), { x: 120, y: 0, w: 360, h: 40 })).toBe(false);
  });
});
