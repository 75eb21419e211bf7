// `npm run bench:routing`: what routing the canvas's edges around its nodes costs
// (src/canvas/routing.ts), on the UI benchmark's designs (bench/ui-design.ts) as the canvas
// draws them: the overview of 500 and 2,000 workloads (every namespace one compact node, packed for a
// 1600x900 canvas; with many load balancers they are folded onto their namespace's card and take
// no room, as app/flow/use-overview.ts and Canvas.tsx draw them), the 2,000 overview with its DNS
// hub (kube-system) selected (every connection of the hub drawn), and the 500 with one namespace
// opened. Prints, per case, the nodes
// and edges drawn, the CPU ms of a first pass (best of 5), of a pass after one node moved (a drag
// frame) and of a pass with nothing changed (pan, edit), and how many edges were searched and
// drawn straight because the pass ran out of budget.

import { uiDesign } from './ui-design.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { buildCanvasEdges } from '../src/canvas/edges.ts';
import { collapsedNamespaces, foldedLoadBalancers } from '../src/canvas/overview.ts';
import { overviewLayout } from '../src/canvas/overview-layout.ts';
import { namespaceBoxes } from '../src/canvas/geometry.ts';
import { drawnRects } from '../src/canvas/drawn.ts';
import { Router } from '../src/canvas/routing.ts';
import { routeCanvasEdges } from '../src/canvas/edge-routes.ts';
import type { Doc, Id } from '../src/model/types.ts';

const REPEAT = 5;

function cpu(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function one(label: string, doc: Doc, open: Id[], selected: Id[] = []): void {
  const reach = evaluate(doc.model);
  const expanded = new Set(open);
  const collapsed = collapsedNamespaces(doc.model, namespaceBoxes(doc), { mode: 'overview', expanded, collapsed: new Set(), zoom: 0.3, viewport: null });
  const folded = foldedLoadBalancers(doc, collapsed, 'overview');
  const placed = overviewLayout(doc, expanded, 1600 / 900, folded);
  const edges = buildCanvasEdges({
    model: doc.model, reach, reachModel: doc.model, selection: new Set(selected), view: 'allowed', intentState: () => undefined,
    collapsed, folded, paths: [], assertions: [], review: null,
  }).edges;
  // In the overview, compact nodes are drawn at their zoom-1 size (app/flow/use-overview.ts): unit 1.
  const rects = drawnRects(doc, placed, collapsed, 1, {}, placed);
  for (const id of folded) rects.nodes.delete(id);
  const unit = 1;
  let first = Infinity;
  let router = new Router();
  for (let i = 0; i < REPEAT; i++) {
    router = new Router();
    first = Math.min(first, cpu(() => routeCanvasEdges(router, doc, edges, rects, unit)));
  }
  const searched = router.searched;
  const routes = routeCanvasEdges(router, doc, edges, rects, unit);
  const straight = [...routes.values()].filter((r) => r.straight).length;
  const same = cpu(() => routeCanvasEdges(router, doc, edges, rects, unit));
  // A drag frame: one workload (or, in the overview, an external network) moves a little.
  const mover = [...rects.nodes.keys()].find((id) => doc.model.workloads[id]) ?? [...rects.nodes.keys()][0];
  const moved = { nodes: new Map(rects.nodes), containers: rects.containers };
  const r0 = moved.nodes.get(mover)!;
  moved.nodes.set(mover, { ...r0, x: r0.x + 15, y: r0.y + 10 });
  const drag = cpu(() => routeCanvasEdges(router, doc, edges, moved, unit));
  console.log(`| ${label} | ${rects.nodes.size} | ${rects.containers.size} | ${edges.length} | ${first.toFixed(1)} | ${searched} | ${straight} | ${drag.toFixed(1)} (${router.searched} searched) | ${same.toFixed(1)} |`);
}

async function main(): Promise<void> {
  console.log('| design | nodes | open namespaces | edges | first pass CPU ms (best of 5) | pairs searched | drawn straight (over budget) | one node moved CPU ms | nothing changed CPU ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const d500 = (await uiDesign(500, 20, 200)).doc;
  one('500 overview', d500, []);
  const ns = Object.values(d500.model.namespaces).find((n) => n.name !== 'kube-system')!;
  one(`500, ${ns.name} opened`, d500, [ns.id]);
  const d2000 = (await uiDesign(2000, 80, 1000)).doc;
  one('2,000 overview', d2000, []);
  const kube = Object.values(d2000.model.namespaces).find((n) => n.name === 'kube-system')!;
  one('2,000 overview, kube-system selected', d2000, [], [kube.id]);
}

void main();
