// Graphviz digraph of the reachability: one cluster per namespace, external networks, nodes and
// load balancers drawn with their own shapes, edges labelled with the allowed ports.

import type { EndpointKind, Reachability } from '../policy/reachability-types.ts';
import { formatConnSet } from './conn-format.ts';
import { connectionRows, reachView, type ReachView } from './rows.ts';
import { inertText } from './inert.ts';

export function dotId(s: string): string {
  return `"${inertText(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const SHAPES: Record<EndpointKind, string> = {
  workload: 'shape=box, style=rounded',
  external: 'shape=hexagon, style=dashed',
  node: 'shape=box3d',
  loadbalancer: 'shape=invtrapezium',
};

/**
 * With a filter (--focus, --exposure), the nodes of the rows kept and the focused workloads
 * only; without one, every endpoint (so isolated workloads show as isolated).
 */
function drawnNames(r: Reachability, view: ReachView): (name: string, i: number) => boolean {
  if (!view.keep) return () => true;
  const drawn = new Set(view.workloads);
  for (const row of connectionRows(r, view)) {
    drawn.add(row.src);
    drawn.add(row.dst);
  }
  return (name) => drawn.has(name);
}

export function* reachDotChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  yield 'digraph reachability {\n  rankdir=LR;\n  node [fontname="Helvetica"];\n  edge [fontname="Helvetica", fontsize=10];\n';
  const drawn = drawnNames(r, view);
  const byNamespace = new Map<string, string[]>();
  view.names.forEach((name, i) => {
    if (view.kinds[i] !== 'workload' || !drawn(name, i)) return;
    const slash = name.indexOf('/');
    const ns = slash >= 0 ? name.slice(0, slash) : '';
    const list = byNamespace.get(ns);
    if (list) list.push(name);
    else byNamespace.set(ns, [name]);
  });
  let cluster = 0;
  for (const [ns, names] of byNamespace) {
    yield `  subgraph cluster_${cluster++} {\n    label=${dotId(ns)};\n    style=rounded;\n`;
    for (const name of names) {
      yield `    ${dotId(name)} [label=${dotId(name.slice(ns.length + 1))}, ${SHAPES.workload}];\n`;
    }
    yield '  }\n';
  }
  for (let i = 0; i < view.names.length; i++) {
    if (view.kinds[i] !== 'workload' && drawn(view.names[i], i)) yield `  ${dotId(view.names[i])} [${SHAPES[view.kinds[i]]}];\n`;
  }
  for (const row of connectionRows(r, view)) {
    yield `  ${dotId(row.src)} -> ${dotId(row.dst)} [label=${dotId(formatConnSet(row.allowed))}];\n`;
  }
  yield '}\n';
}

export function formatReachDot(r: Reachability): string {
  return [...reachDotChunks(r)].join('');
}
