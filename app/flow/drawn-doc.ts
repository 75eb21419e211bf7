// The design the canvas last committed to the DOM (set in the Canvas's layout effect, so before
// that frame paints). Read by the e2e test API and the UI bench to tell when an edit's edges are
// really on screen, rather than inferring it from the stores.

import type { Doc, Id } from '../../src/model/types.ts';

let drawn: Doc | null = null;
let drawnFocus: ReadonlySet<Id> = new Set();

export function markDrawn(doc: Doc): void {
  drawn = doc;
}

export function lastDrawnDoc(): Doc | null {
  return drawn;
}

/** The selection whose neighbourhood (edges, fading) the canvas last committed. */
export function markDrawnFocus(selection: ReadonlySet<Id>): void {
  drawnFocus = selection;
}

export function lastDrawnFocus(): Id[] {
  return [...drawnFocus];
}
