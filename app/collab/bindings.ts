// Binds the app's stores to a live session's Yjs documents, both ways:
//   local: each change of the design store (one user action) becomes one Yjs transaction with
//          LOCAL_ORIGIN, and one step of this person's Y.UndoManager;
//   remote: every other transaction (other people, the server, IndexedDB, undo) is read back
//          into the store without entering anyone's history.
// The review store is bound the same way, without undo (a discussion is not undone by Ctrl+Z).
// Pure of the network: tests bind two stores to two Y.Docs and exchange updates by hand.

import * as Y from 'yjs';
import type { Doc, Review } from '../../src/model/types.ts';
import { designTypes, readDesign, writeDesign } from '../../src/collab/y-design.ts';
import { readReview, writeReview } from '../../src/collab/y-review.ts';
import { applyExternalDoc, type DocStore } from '../state/doc-store.ts';
import type { ReviewDocStore } from '../state/review-doc-store.ts';

/** Origin of this browser's own edits (anything else is someone else's or the undo manager's). */
export const LOCAL_ORIGIN = Symbol('netpol-local');

export interface DesignBinding {
  undo: Y.UndoManager;
  /** Called after each local transaction (pending-change counting). */
  onLocalChange: (() => void) | null;
  destroy(): void;
}

/**
 * Binds `store` to `ydoc`. When `seed` is true the store's design is written into the (empty)
 * Y.Doc first (the person starting a session); otherwise the store takes the Y.Doc's design.
 */
export function bindDesign(ydoc: Y.Doc, store: DocStore, opts: { seed: boolean }): DesignBinding {
  let mirror: Doc | null = null;
  if (opts.seed) {
    const doc = store.getState().doc;
    ydoc.transact(() => writeDesign(ydoc, null, doc), LOCAL_ORIGIN);
    mirror = doc;
  } else {
    mirror = readDesign(ydoc, store.getState().doc);
    applyExternalDoc(mirror, store);
  }
  // Created after seeding: the seed is not an undo step ("undo" must not empty the room).
  const undo = new Y.UndoManager(designTypes(ydoc), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
  let applying = false;
  const binding: DesignBinding = {
    undo,
    onLocalChange: null,
    destroy() {
      unsubscribe();
      ydoc.off('afterTransaction', onTransaction);
      undo.destroy();
    },
  };
  const unsubscribe = store.subscribe((s) => {
    if (applying || s.doc === mirror) return;
    const prev = mirror;
    mirror = s.doc;
    ydoc.transact(() => writeDesign(ydoc, prev, s.doc), LOCAL_ORIGIN);
    // One user action = one undo step, however close together two actions are.
    undo.stopCapturing();
    binding.onLocalChange?.();
  });
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === LOCAL_ORIGIN || tr.changed.size === 0) return;
    const next = readDesign(ydoc, mirror ?? undefined);
    if (next === mirror) return;
    mirror = next;
    applying = true;
    try {
      applyExternalDoc(next, store);
    } finally {
      applying = false;
    }
  };
  ydoc.on('afterTransaction', onTransaction);
  return binding;
}

export interface ReviewBinding {
  onLocalChange: (() => void) | null;
  destroy(): void;
}

export function bindReview(ydoc: Y.Doc, store: ReviewDocStore, opts: { seed: boolean }): ReviewBinding {
  let mirror: Review;
  if (opts.seed) {
    mirror = store.getState().review;
    const seed = mirror;
    ydoc.transact(() => writeReview(ydoc, null, seed), LOCAL_ORIGIN);
  } else {
    mirror = readReview(ydoc, store.getState().review);
    store.setState({ review: mirror });
  }
  let applying = false;
  const binding: ReviewBinding = {
    onLocalChange: null,
    destroy() {
      unsubscribe();
      ydoc.off('afterTransaction', onTransaction);
    },
  };
  const unsubscribe = store.subscribe((s) => {
    if (applying || s.review === mirror) return;
    const prev = mirror;
    mirror = s.review;
    ydoc.transact(() => writeReview(ydoc, prev, s.review), LOCAL_ORIGIN);
    binding.onLocalChange?.();
  });
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === LOCAL_ORIGIN || tr.changed.size === 0) return;
    const next = readReview(ydoc, mirror);
    if (next === mirror) return;
    mirror = next;
    applying = true;
    try {
      store.setState({ review: next });
    } finally {
      applying = false;
    }
  };
  ydoc.on('afterTransaction', onTransaction);
  return binding;
}

