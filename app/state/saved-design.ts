// Loading a saved design (file, link, autosave, backup) replaces both saved scopes: the design
// (doc store) and its review (review store). When the load is an undoable step of the design
// (opening a file), the review follows that step: Undo brings back the previous design AND its
// comments and versions, Redo the opened ones.

import type { Doc, Review, SavedDesign } from '../../src/model/types.ts';
import { docStore, replaceDoc } from './doc-store.ts';
import { replaceReview, reviewDocStore } from './review-doc-store.ts';

let unpair: (() => void) | null = null;

/** Keeps `reviewBefore` / `reviewAfter` in step with the design going back to `before` / forward to `after`. */
function pairReviewWithStep(before: Doc, reviewBefore: Review, after: Doc, reviewAfter: Review): void {
  unpair = docStore.subscribe((s) => {
    const review = reviewDocStore.getState().review;
    if (s.doc === before && review === reviewAfter) replaceReview(reviewBefore);
    else if (s.doc === after && review === reviewBefore) replaceReview(reviewAfter);
  });
}

/** Returns false when the design store refused the load (read-only shared design). */
export function loadSavedDesign(saved: SavedDesign, opts: { record: boolean }): boolean {
  unpair?.();
  unpair = null;
  const before = docStore.getState().doc;
  const reviewBefore = reviewDocStore.getState().review;
  replaceDoc(saved.doc, opts);
  if (docStore.getState().doc !== saved.doc) return false;
  replaceReview(saved.review);
  if (opts.record) pairReviewWithStep(before, reviewBefore, saved.doc, saved.review);
  return true;
}

/** The open design with its review, as files and links carry them. */
export function currentSavedDesign(): SavedDesign {
  return { doc: docStore.getState().doc, review: reviewDocStore.getState().review };
}
