// Automatic layout ("Auto layout", imports, the example design). ELK does the geometry: the
// layered algorithm inside each namespace, rectpacking for the namespaces; `pack.ts` feeds it
// the traffic ordering and places the externals / load balancers column. (ELK's layered
// algorithm over the whole design put everything in one long row that a landscape canvas
// could only show zoomed far out.)

import type { Doc, Layout } from '../model/types.ts';
import { gridLayout } from './grid.ts';
import { packedLayout } from './pack.ts';

/**
 * A complete layout: namespaces packed into a landscape block with their workloads laid out
 * along their traffic, externals and load balancers in a column on the left. Falls back to
 * `gridLayout` if ELK fails, so callers always get a usable layout (the error is logged).
 */
export async function autoLayout(doc: Doc): Promise<Layout> {
  try {
    return await packedLayout(doc);
  } catch (e) {
    console.warn('automatic layout failed; using the grid layout', e);
    return gridLayout(doc);
  }
}
