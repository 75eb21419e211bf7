// The design document store: the saved, shareable part of the state, with undo history.
// One `commitDoc` call = one user action = one undo step. In-flight gestures (drags) never
// write here; they live in the session store until they settle.

import { createStore, useStore } from 'zustand';
import { temporal } from 'zundo';
import type { Doc } from '../../src/model/types.ts';
import { emptyDoc } from '../../src/model/factory.ts';

export interface DocState {
  doc: Doc;
}

export function createDocStore(initial: Doc = emptyDoc()) {
  return createStore<DocState>()(
    temporal(() => ({ doc: initial }), {
      limit: 200,
      partialize: (s) => ({ doc: s.doc }),
      // The doc is immutable: a reference check is exact and O(1).
      equality: (a, b) => a.doc === b.doc,
    }),
  );
}

export type DocStore = ReturnType<typeof createDocStore>;

/** The app's document store. Tests of store logic may create their own with createDocStore(). */
export const docStore: DocStore = createDocStore();

export function useDocStore<T>(selector: (s: DocState) => T): T {
  return useStore(docStore, selector);
}

/**
 * Read-only gate (a shared link opened for review, app/share/read-only.ts): while `reason` is
 * set, edits of the app's document are refused and `onBlocked` tells the user why. Loading
 * another design (replaceDoc without record) ends read-only mode through `onReplace`.
 */
export const readOnlyGate: { reason: string | null; onBlocked?: (reason: string) => void; onReplace?: () => void } = { reason: null };

function blocked(store: DocStore): boolean {
  if (store !== docStore || !readOnlyGate.reason) return false;
  readOnlyGate.onBlocked?.(readOnlyGate.reason);
  return true;
}

/** Apply a pure Doc -> Doc command as one undoable step. No-op when the command returns the same doc. */
export function commitDoc(command: (doc: Doc) => Doc, store: DocStore = docStore): void {
  if (blocked(store)) return;
  const before = store.getState().doc;
  const after = command(before);
  if (after !== before) store.setState({ doc: after });
}

/**
 * Replace the whole document. `record: true` makes it one undoable step (an import into the
 * current design); `record: false` is for loading a file, a link or the autosave, and clears
 * history so undo cannot step back into a different design.
 */
export function replaceDoc(doc: Doc, opts: { record: boolean }, store: DocStore = docStore): void {
  if (opts.record && blocked(store)) return;
  if (!opts.record && store === docStore && readOnlyGate.reason) readOnlyGate.onReplace?.();
  if (opts.record) {
    store.setState({ doc });
    return;
  }
  const t = store.temporal.getState();
  t.pause();
  store.setState({ doc });
  t.resume();
  t.clear();
}

/**
 * In a live session undo is per person (Y.UndoManager, app/collab/design-binding.ts): snapshot
 * undo would revert other people's edits. While `route` is set, the app's undo/redo go there.
 */
export interface UndoRoute {
  undo(): void;
  redo(): void;
}
export const undoRouteStore = createStore<{ route: UndoRoute | null; canUndo: boolean; canRedo: boolean }>()(() => ({ route: null, canUndo: false, canRedo: false }));

export const history = {
  undo: (store: DocStore = docStore) => {
    if (blocked(store)) return;
    const route = store === docStore ? undoRouteStore.getState().route : null;
    if (route) route.undo();
    else store.temporal.getState().undo();
  },
  redo: (store: DocStore = docStore) => {
    if (blocked(store)) return;
    const route = store === docStore ? undoRouteStore.getState().route : null;
    if (route) route.redo();
    else store.temporal.getState().redo();
  },
  clear: (store: DocStore = docStore) => store.temporal.getState().clear(),
};

/**
 * Sets the document from outside this user's actions (a live session's remote edit): never an
 * undo step of this user, never blocked by the read-only gate.
 */
export function applyExternalDoc(doc: Doc, store: DocStore = docStore): void {
  if (store.getState().doc === doc) return;
  const t = store.temporal.getState();
  const wasTracking = t.isTracking;
  if (wasTracking) t.pause();
  store.setState({ doc });
  if (wasTracking) t.resume();
}

export function useHistoryFlags(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(docStore.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(docStore.temporal, (t) => t.futureStates.length > 0);
  const routed = useStore(undoRouteStore, (s) => s.route !== null);
  const routedUndo = useStore(undoRouteStore, (s) => s.canUndo);
  const routedRedo = useStore(undoRouteStore, (s) => s.canRedo);
  return routed ? { canUndo: routedUndo, canRedo: routedRedo } : { canUndo, canRedo };
}
