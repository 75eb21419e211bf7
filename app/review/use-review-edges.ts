// Canvas hook: the edges with review marks applied (unchanged outside review mode).

import { useMemo } from 'react';
import type { Model } from '../../src/model/types.ts';
import type { FlowEdge } from '../flow/flow-types.ts';
import { applyReviewMarks } from './review-edges.ts';
import { useReviewChanges } from './review-store.ts';

export function useReviewEdges(edges: FlowEdge[], model: Model): FlowEdge[] {
  const review = useReviewChanges();
  return useMemo(() => (review ? applyReviewMarks(edges, review.changes, review.marks.edges, model) : edges), [edges, review, model]);
}
