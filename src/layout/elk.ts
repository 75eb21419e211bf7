// Automatic layout with ELK (layered, left to right): external networks, then load balancers,
// then namespaces as group nodes holding their workloads. Namespaces are laid out bottom-up
// (children first, so each namespace's size fits its content); edges that cross a namespace
// border are lifted to the namespace, which is what the top-level ordering needs.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Doc, Id, Layout } from '../model/types.ts';
import { gridLayout } from './grid.ts';
import {
  COLUMN_GAP, EXTERNAL_SIZE, LOAD_BALANCER_SIZE, MIN_NAMESPACE_SIZE, NAMESPACE_HEADER, NAMESPACE_PADDING,
  NODE_GAP, WORKLOAD_SIZE, loadBalancerLayoutId, loadBalancerServices,
} from './sizes.ts';

// Partitions fix the column order whatever the edges say: externals | LBs | namespaces.
const PARTITION = { external: '0', loadbalancer: '1', namespace: '2' } as const;

function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The ELK graph for a doc (exported for tests and debugging). */
export function buildElkGraph(doc: Doc): ElkNode {
  const { model } = doc;
  const topOf = new Map<Id, Id>(); // any layout id -> its top-level node id
  const nsChildren = new Map<Id, ElkNode[]>();
  for (const ns of Object.values(model.namespaces)) { nsChildren.set(ns.id, []); topOf.set(ns.id, ns.id); }
  const sortedWorkloads = Object.values(model.workloads).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  for (const w of sortedWorkloads) {
    const list = nsChildren.get(w.namespaceId);
    if (!list) continue;
    list.push({ id: w.id, width: WORKLOAD_SIZE.w, height: WORKLOAD_SIZE.h });
    topOf.set(w.id, w.namespaceId);
  }

  // Edges: intents, and each load balancer to the workloads its Service selects.
  const pairs: Array<[Id, Id]> = [];
  for (const i of Object.values(model.intents).sort((a, b) => a.id.localeCompare(b.id))) {
    const ends = [i.fromId, i.toId].map((id) => (model.services[id] ? loadBalancerLayoutId(id) : id));
    pairs.push([ends[0] as Id, ends[1] as Id]);
  }
  const lbs = loadBalancerServices(doc);
  for (const s of lbs) {
    const lbId = loadBalancerLayoutId(s.id);
    topOf.set(lbId, lbId);
    if (!s.selector || Object.keys(s.selector).length === 0) continue;
    for (const w of sortedWorkloads) {
      if (w.namespaceId === s.namespaceId && selectorMatches(s.selector, w.podLabels)) pairs.push([lbId, w.id]);
    }
  }
  for (const e of Object.values(model.externals)) topOf.set(e.id, e.id);

  const innerEdges = new Map<Id, ElkExtendedEdge[]>();
  const topEdges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  for (const [a, b] of pairs) {
    const ta = topOf.get(a);
    const tb = topOf.get(b);
    if (!ta || !tb || a === b) continue;
    const inner = ta === tb && model.workloads[a] && model.workloads[b];
    const [s, t] = inner ? [a, b] : [ta, tb];
    const key = `${s}>${t}`;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    const edge = { id: `e${seen.size}`, sources: [s], targets: [t] };
    if (inner) innerEdges.set(ta, [...(innerEdges.get(ta) ?? []), edge]);
    else topEdges.push(edge);
  }

  const padding = `[top=${NAMESPACE_HEADER + NAMESPACE_PADDING},left=${NAMESPACE_PADDING},bottom=${NAMESPACE_PADDING},right=${NAMESPACE_PADDING}]`;
  const children: ElkNode[] = [];
  for (const e of Object.values(model.externals).sort((a, b) => a.name.localeCompare(b.name))) {
    children.push({ id: e.id, width: EXTERNAL_SIZE.w, height: EXTERNAL_SIZE.h, layoutOptions: { 'elk.partitioning.partition': PARTITION.external } });
  }
  for (const s of lbs) {
    children.push({ id: loadBalancerLayoutId(s.id), width: LOAD_BALANCER_SIZE.w, height: LOAD_BALANCER_SIZE.h, layoutOptions: { 'elk.partitioning.partition': PARTITION.loadbalancer } });
  }
  for (const ns of Object.values(model.namespaces).sort((a, b) => a.name.localeCompare(b.name))) {
    const kids = nsChildren.get(ns.id) ?? [];
    const edges = innerEdges.get(ns.id) ?? [];
    children.push({
      id: ns.id,
      children: kids,
      edges,
      layoutOptions: {
        'elk.partitioning.partition': PARTITION.namespace,
        // Connected workloads flow left to right; unconnected ones pack into a compact block.
        'elk.algorithm': edges.length > 0 ? 'layered' : 'rectpacking',
        'elk.direction': 'RIGHT',
        'elk.padding': padding,
        'elk.spacing.nodeNode': String(NODE_GAP),
        'elk.layered.spacing.nodeNodeBetweenLayers': String(NODE_GAP * 2),
        'elk.aspectRatio': '1.6',
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${MIN_NAMESPACE_SIZE.w}, ${MIN_NAMESPACE_SIZE.h})`,
      },
    });
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // Packing components separately would ignore the partitions between them.
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
    },
    children,
    edges: topEdges,
  };
}

/** Reads positions from ELK's result: top-level absolute, workloads relative to their namespace. */
export function layoutFromElk(result: ElkNode): Layout {
  const layout: Layout = {};
  const r = Math.round;
  for (const n of result.children ?? []) {
    const entry = { x: r(n.x ?? 0), y: r(n.y ?? 0) };
    if (n.layoutOptions?.['elk.partitioning.partition'] === PARTITION.namespace) {
      layout[n.id] = { ...entry, w: r(n.width ?? MIN_NAMESPACE_SIZE.w), h: r(n.height ?? MIN_NAMESPACE_SIZE.h) };
      for (const c of n.children ?? []) layout[c.id] = { x: r(c.x ?? 0), y: r(c.y ?? 0) };
    } else layout[n.id] = entry;
  }
  return layout;
}

/**
 * Namespaces rarely have edges between them, so ELK stacks them all in one layer: one very
 * tall column for a real cluster. Re-flow them into several columns, keeping ELK's top-to-bottom
 * order (it reflects edge-crossing minimisation), when the column is much taller than wide.
 */
export function wrapNamespaceColumn(doc: Doc, layout: Layout): Layout {
  const nss = Object.keys(doc.model.namespaces).map((id) => ({ id, l: layout[id] })).filter((n) => n.l !== undefined)
    .map((n) => ({ id: n.id, x: n.l!.x, y: n.l!.y, w: n.l!.w ?? MIN_NAMESPACE_SIZE.w, h: n.l!.h ?? MIN_NAMESPACE_SIZE.h }));
  if (nss.length < 3) return layout;
  const area = nss.reduce((a, n) => a + (n.w + NODE_GAP) * (n.h + NODE_GAP), 0);
  // Externals and load balancers: each column restacked from the top in ELK's order, since
  // they no longer need to line up with one tall namespace column.
  const others = Object.keys(layout).filter((id) => !doc.model.namespaces[id] && !doc.model.workloads[id]);
  const columns = new Map<number, Id[]>();
  for (const id of others) columns.set(layout[id]!.x, [...(columns.get(layout[id]!.x) ?? []), id]);
  const top = Math.min(...nss.map((n) => n.y), ...others.map((id) => layout[id]!.y));
  const restacked: Layout = {};
  let leftHeight = 0;
  for (const ids of columns.values()) {
    let y = top;
    for (const id of ids.sort((a, b) => layout[a]!.y - layout[b]!.y)) {
      restacked[id] = { ...layout[id]!, y };
      y += EXTERNAL_SIZE.h + NODE_GAP;
    }
    leftHeight = Math.max(leftHeight, y - top);
  }
  // Aim for a roughly 16:10 block, never shorter than the externals/LB columns.
  const target = Math.max(leftHeight, Math.sqrt(area / 1.6), ...nss.map((n) => n.h));
  if (nss.reduce((a, n) => a + n.h + NODE_GAP, 0) <= target * 1.5) return layout;
  const out: Layout = { ...layout, ...restacked };
  let x = Math.min(...nss.map((n) => n.x));
  let y = top;
  let colWidth = 0;
  for (const n of [...nss].sort((a, b) => a.y - b.y || a.x - b.x)) {
    if (y > top && y + n.h > top + target) {
      x += colWidth + NODE_GAP * 2;
      y = top;
      colWidth = 0;
    }
    out[n.id] = { x, y, w: n.w, h: n.h };
    y += n.h + NODE_GAP;
    colWidth = Math.max(colWidth, n.w);
  }
  return out;
}

let engine: InstanceType<typeof ELK> | undefined;

/**
 * A complete layout computed by ELK. Falls back to `gridLayout` if ELK fails, so callers always
 * get a usable layout (the error is logged).
 */
export async function autoLayout(doc: Doc): Promise<Layout> {
  engine ??= new ELK();
  try {
    return wrapNamespaceColumn(doc, layoutFromElk(await engine.layout(buildElkGraph(doc))));
  } catch (e) {
    console.warn('ELK layout failed; using the grid layout', e);
    return gridLayout(doc);
  }
}
