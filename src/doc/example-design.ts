// The example design `npm start` opens: the three-tier shop's manifests
// (public/samples/example-shop.yaml, also what the CLI tests analyse) plus an "Internet"
// network, with a layout arranged by hand so that every edge label has room at fit
// (public/samples/example-shop.netpol.json; `npm run example:design` rewrites that file from the
// manifests and keeps its layout).

import type { Doc, Layout } from '../model/types.ts';
import { emptyDoc } from '../model/factory.ts';
import { importManifests } from '../k8s/import.ts';
import { addExternal, importIntoDoc } from './commands.ts';

export const EXAMPLE_NAME = 'Example: three-tier shop';
export const EXAMPLE_INTERNET_ID = 'ext:internet';

/** The example design from its manifests, placed by `layout` (what it lacks is filled in). */
export function exampleDesign(manifests: string, layout: Layout): Doc {
  const result = importManifests([{ name: 'example-shop.yaml', text: manifests }]);
  let doc: Doc = { ...emptyDoc(EXAMPLE_NAME), model: result.model };
  doc = addExternal(doc, { id: EXAMPLE_INTERNET_ID, name: 'Internet', cidrs: ['0.0.0.0/0', '::/0'], at: { x: 0, y: 0 } });
  return importIntoDoc({ ...doc, layout: {} }, doc.model, layout);
}
