// The REVIEW scope store: comments, versions and decisions of the open design. Saved (its own
// autosave key) and synced in live sessions like the design, but a separate store: nothing that
// reads the design (evaluation, lint, the canvas) subscribes here, so a comment never
// re-evaluates anything. Not part of the design's undo history: a discussion is not undone by
// Ctrl+Z on the canvas (deleting a thread asks first).

import { createStore, useStore } from 'zustand';
import type { Review } from '../../src/model/types.ts';
import { emptyReview } from '../../src/model/factory.ts';

export interface ReviewDocState {
  review: Review;
}

export function createReviewDocStore(initial: Review = emptyReview()) {
  return createStore<ReviewDocState>()(() => ({ review: initial }));
}

export type ReviewDocStore = ReturnType<typeof createReviewDocStore>;

export const reviewDocStore: ReviewDocStore = createReviewDocStore();

export function useReviewDoc<T>(selector: (s: ReviewDocState) => T): T {
  return useStore(reviewDocStore, selector);
}

/** Applies a pure Review -> Review command. No-op when the command returns the same review. */
export function commitReview(command: (review: Review) => Review, store: ReviewDocStore = reviewDocStore): void {
  const before = store.getState().review;
  const after = command(before);
  if (after === before) return;
  store.setState({ review: after });
}

/** Replaces the review (loading a file, a link, an autosave or a session). */
export function replaceReview(review: Review, store: ReviewDocStore = reviewDocStore): void {
  store.setState({ review });
}
