// The design the canvas last committed to the DOM (set in the Canvas's layout effect, so before
// that frame paints). Read by the e2e test API and the UI bench to tell when an edit's edges are
// really on screen, rather than inferring it from the stores.

import type { Doc } from '../../src/model/types.ts';

let drawn: Doc | null = null;

export function markDrawn(doc: Doc): void {
  drawn = doc;
}

export function lastDrawnDoc(): Doc | null {
  return drawn;
}
