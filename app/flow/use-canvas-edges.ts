// The canvas's edges: the core's buildCanvasEdges over the current results, memoised on its
// inputs (moving nodes never rebuilds edges).

import { useMemo } from 'react';
import { buildCanvasEdges, type CanvasEdgeOutput, type EdgeView } from '../../src/canvas/edges.ts';
import type { Id, Model } from '../../src/model/types.ts';
import { useEvaluated } from '../state/reachability.ts';
import { useIntentStates } from '../state/intent-states.ts';
import { assertionResultsOf, pathList } from '../lb/derived.ts';
import { useReviewChanges } from '../review/review-store.ts';

export function useCanvasEdges(model: Model, selection: ReadonlySet<Id>, view: EdgeView, collapsed: ReadonlySet<Id>, folded?: ReadonlySet<Id>): CanvasEdgeOutput {
  const { reach, model: reachModel } = useEvaluated();
  const intents = useIntentStates();
  const review = useReviewChanges();
  return useMemo(() => buildCanvasEdges({
    model, reach, reachModel, selection, view, intentState: intents.state, intentNeeds: intents.needs, collapsed, ...(folded ? { folded } : {}),
    // Paths and assertion results belong to the evaluated model (ids match the reach result).
    paths: pathList(model),
    assertions: assertionResultsOf(reachModel, reach),
    review: review ? { changes: review.changes, marks: review.marks.edges } : null,
  }), [model, reach, reachModel, selection, view, intents, collapsed, folded, review]);
}
