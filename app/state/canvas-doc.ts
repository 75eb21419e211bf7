// The document the canvas draws: the last evaluated design. An edit of the model alone (a label,
// a policy rule, a default-deny switch) on a design evaluated in the worker is drawn when its
// evaluation lands, so the canvas renders once per edit, with the new edges, instead of once
// for the document (with the old edges) and again for the result. Anything that moves or adds
// nodes (a layout change) is drawn at once; so is everything on designs evaluated in place.
// Node components still read names and labels from the live document.

import { createStore, useStore } from 'zustand';
import type { Doc, Model } from '../../src/model/types.ts';
import { docStore } from './doc-store.ts';
// Imported first on purpose: its docStore subscription (which marks the evaluation pending or
// evaluates in place) runs before the one below.
import { reachStore } from './reachability.ts';
import { pathsOf } from '../lb/derived.ts';

/**
 * Which document to draw: `prev` (the one drawn now) while `live` differs from it only in a
 * model that is still being evaluated; otherwise `live`.
 */
export function chooseCanvasDoc(prev: Doc | null, live: Doc, evaluated: Model, pending: boolean): Doc {
  if (!prev || live === prev || live.model === evaluated || !pending) return live;
  // Only the model changed, and the drawn design is the evaluated one: wait for the result.
  if (live.layout === prev.layout && prev.model === evaluated) return prev;
  return live;
}

export const canvasDocStore = createStore<{ doc: Doc }>()(() => ({ doc: docStore.getState().doc }));

let warming: ReturnType<typeof setTimeout> | null = null;

function update(): void {
  const prev = canvasDocStore.getState().doc;
  const live = docStore.getState().doc;
  const r = reachStore.getState();
  const next = chooseCanvasDoc(prev, live, r.model, r.pending);
  if (next !== prev) canvasDocStore.setState({ doc: next });
  else if (live !== prev && !warming) {
    // Held back: while the worker evaluates, work out what the drawing will need of the edited
    // model alone (its load-balancer paths), so the render when the result lands is shorter.
    warming = setTimeout(() => {
      warming = null;
      pathsOf(docStore.getState().doc.model);
    }, 0);
  }
}

docStore.subscribe(update);
reachStore.subscribe(update);

/** The design the canvas draws (see chooseCanvasDoc). */
export function useCanvasDoc(): Doc {
  return useStore(canvasDocStore, (s) => s.doc);
}
