// Automatic layout ("Auto layout", imports, the example design). The module keeps its historic
// name: it used ELK's layered algorithm, which put externals, load balancers and every namespace
// in one long row that a landscape canvas could only show zoomed far out. The layout is now the
// compact shelf packing of `pack.ts`, shaped for the canvas; see there for the rules.

import type { Doc, Layout } from '../model/types.ts';
import { gridLayout } from './grid.ts';
import { packedLayout } from './pack.ts';

/**
 * A complete layout: namespaces packed into a landscape block with their workloads in grids,
 * externals and load balancers in a column on the left. Falls back to `gridLayout` if the
 * packing fails, so callers always get a usable layout (the error is logged). Async for the
 * callers' sake (it used to run ELK).
 */
export async function autoLayout(doc: Doc): Promise<Layout> {
  try {
    return packedLayout(doc);
  } catch (e) {
    console.warn('automatic layout failed; using the grid layout', e);
    return gridLayout(doc);
  }
}
