// The inside of one namespace: its workloads in layers along the traffic between them (sources
// on top, what they talk to below), each layer at most `bound` wide, so a namespace stays a
// compact block. A small layered layout of our own (cycle breaking, width-bounded list
// scheduling in the spirit of Coffman-Graham, barycentre ordering): ELK's layered algorithm
// gave the same kind of result but took ~0.5-2 s for 500 workloads, this takes milliseconds.
// Deterministic for a given input (ids in name order, edges sorted).

import type { Id } from '../model/types.ts';

export interface LayeredGrid {
  /** Column and row of each id (columns may be fractional: short layers are centred). */
  at: Map<Id, { col: number; row: number }>;
  cols: number;
  rows: number;
}

/**
 * Layers of `ids` (in the order given, which breaks ties) along `edges` (from -> to -> weight;
 * edges to ids not listed are ignored), at most `bound` per layer.
 */
export function layeredGrid(ids: readonly Id[], edges: ReadonlyMap<Id, ReadonlyMap<Id, number>>, bound: number): LayeredGrid {
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ = ids.map(() => [] as number[]);
  const pred = ids.map(() => [] as number[]);
  ids.forEach((id, i) => {
    for (const to of [...(edges.get(id)?.keys() ?? [])].sort()) {
      const j = index.get(to);
      if (j === undefined || j === i) continue;
      succ[i]!.push(j);
    }
  });

  // Break cycles: edges that close a cycle in a depth-first walk (in id order) are ignored.
  const state = new Uint8Array(ids.length); // 0 new, 1 on stack, 2 done
  const dag = ids.map(() => [] as number[]);
  for (let root = 0; root < ids.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, k] = top;
      if (k < succ[v]!.length) {
        top[1]++;
        const w = succ[v]![k]!;
        if (state[w] === 1) continue; // back edge
        dag[v]!.push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  for (let v = 0; v < ids.length; v++) for (const w of dag[v]!) pred[w]!.push(v);

  // Topological order (Kahn, smallest index first), connected nodes before unconnected ones so
  // the latter fill the gaps instead of pushing traffic down.
  const connected = ids.map((_, i) => dag[i]!.length > 0 || pred[i]!.length > 0);
  const indeg = pred.map((p) => p.length);
  const ready: number[] = [];
  for (let i = 0; i < ids.length; i++) if (indeg[i] === 0 && connected[i]) ready.push(i);
  const order: number[] = [];
  while (ready.length) {
    ready.sort((a, b) => a - b);
    const v = ready.shift()!;
    order.push(v);
    for (const w of dag[v]!) if (--indeg[w]! === 0) ready.push(w);
  }
  for (let i = 0; i < ids.length; i++) if (!connected[i]) order.push(i);

  // Layers: each node in the first layer below its predecessors with room left.
  const width = Math.max(1, bound);
  const layerOf = new Int32Array(ids.length);
  const layers: number[][] = [];
  for (const v of order) {
    let l = 0;
    for (const p of pred[v]!) l = Math.max(l, layerOf[p]! + 1);
    while ((layers[l]?.length ?? 0) >= width) l++;
    (layers[l] ??= []).push(v);
    layerOf[v] = l;
  }

  // Order inside layers: a few barycentre sweeps (down over predecessors, up over successors).
  const pos = new Float64Array(ids.length);
  const place = () => layers.forEach((layer) => layer.forEach((v, i) => { pos[v] = i; }));
  place();
  const sweep = (layer: number[], nbrs: number[][]) => {
    const key = new Map<number, number>();
    for (const v of layer) {
      const ns = nbrs[v]!;
      key.set(v, ns.length ? ns.reduce((s, n) => s + pos[n]!, 0) / ns.length : pos[v]!);
    }
    layer.sort((a, b) => key.get(a)! - key.get(b)! || pos[a]! - pos[b]!);
    layer.forEach((v, i) => { pos[v] = i; });
  };
  for (let round = 0; round < 4; round++) {
    if (round % 2 === 0) for (let l = 1; l < layers.length; l++) sweep(layers[l]!, pred);
    else for (let l = layers.length - 2; l >= 0; l--) sweep(layers[l]!, dag);
  }

  const cols = Math.max(0, ...layers.map((l) => l.length));
  const at = new Map<Id, { col: number; row: number }>();
  layers.forEach((layer, row) => {
    const shift = (cols - layer.length) / 2;
    layer.forEach((v, i) => at.set(ids[v]!, { col: i + shift, row }));
  });
  return { at, cols, rows: layers.length };
}
