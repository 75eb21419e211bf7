// The model once the canvas has answered for it: the live model, taken over only when no
// evaluation is pending and after the next frame has painted. Views that redo heavy work per
// model and are not what the user waits for after an edit (the YAML manifests: an export of
// every manifest and a CodeMirror text replacement, 30-95 ms at 500 workloads) follow this one,
// so their work runs after the new edges are on screen instead of in front of the evaluation's
// reply from the worker.

import { createStore, useStore, type StoreApi } from 'zustand';
import type { Model } from '../../src/model/types.ts';
import { docStore } from './doc-store.ts';
import { reachStore } from './reachability.ts';
import { afterPaint } from './after-paint.ts';

export interface SettledSource {
  /** The live model and whether an evaluation of some model is still pending. */
  read: () => { model: Model; pending: boolean };
  /** Calls `fn` on every change of either; returns the unsubscribe function. */
  subscribe: (fn: () => void) => () => void;
  /** Runs `fn` later (after the next paint). */
  schedule: (fn: () => void) => void;
}

/** A store holding the settled model of `src` (see the file comment). */
export function createSettledModel(src: SettledSource): StoreApi<{ model: Model }> {
  const store = createStore<{ model: Model }>()(() => ({ model: src.read().model }));
  let scheduled = false;
  const check = () => {
    const { model, pending } = src.read();
    if (pending || scheduled || model === store.getState().model) return;
    scheduled = true;
    src.schedule(() => {
      scheduled = false;
      const now = src.read();
      // A newer edit started meanwhile: wait for its evaluation instead.
      if (now.pending) return;
      if (now.model !== store.getState().model) store.setState({ model: now.model });
    });
  };
  src.subscribe(check);
  return store;
}

const settled = createSettledModel({
  read: () => ({ model: docStore.getState().doc.model, pending: reachStore.getState().pending }),
  subscribe: (fn) => {
    const a = docStore.subscribe(fn);
    const b = reachStore.subscribe(fn);
    return () => {
      a();
      b();
    };
  },
  schedule: afterPaint,
});

/** The live model, once its evaluation is shown (a frame or a few after an edit). */
export function useSettledModel(): Model {
  return useStore(settled, (s) => s.model);
}
