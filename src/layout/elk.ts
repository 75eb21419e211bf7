// Automatic layout ("Auto layout", imports, the example design). `pack.ts` does the work: a
// layered layout of our own inside each namespace, ELK's rectpacking for the namespaces, the
// externals / load balancers column by hand. (ELK's layered algorithm over the whole design
// put everything in one long row that a landscape canvas could only show zoomed far out.)

import type { Doc, Layout } from '../model/types.ts';
import { gridLayout } from './grid.ts';
import { LayoutCancelled, packedLayout, type LayoutOptions } from './pack.ts';

export { LayoutCancelled, type LayoutOptions };

/**
 * A complete layout: namespaces packed into a block shaped like the viewport (`opts.aspect`)
 * with their workloads laid out along their traffic, externals and load balancers in a column
 * on the left. Falls back to `gridLayout` if ELK fails, so callers always get a usable layout
 * (the error is logged); a cancelled layout rejects with LayoutCancelled.
 */
export async function autoLayout(doc: Doc, opts: LayoutOptions = {}): Promise<Layout> {
  try {
    return await packedLayout(doc, opts);
  } catch (e) {
    if (e instanceof LayoutCancelled) throw e;
    console.warn('automatic layout failed; using the grid layout', e);
    return gridLayout(doc);
  }
}
