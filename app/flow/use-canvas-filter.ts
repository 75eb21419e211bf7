// What the canvas filters hide (src/canvas/filters.ts), from the current evaluation results.
// The facts are recomputed per evaluation, the hidden set when the filter or the facts change.

import { useMemo } from 'react';
import type { Model } from '../../src/model/types.ts';
import { applyCanvasFilter, filterFacts, isFilterActive, type FilterResult } from '../../src/canvas/filters.ts';
import { canvasPairs } from '../../src/canvas/pairs.ts';
import { overriddenPairs } from '../../src/canvas/cluster-denials.ts';
import { useLintFindings, useEvaluated } from '../state/reachability.ts';
import { useIntentStates } from '../state/intent-states.ts';
import { assertionResultsOf } from '../lb/derived.ts';
import { useSessionStore } from '../state/session-store.ts';

export function useCanvasFilter(model: Model): FilterResult {
  const filter = useSessionStore((s) => s.filter);
  const active = isFilterActive(filter);
  const { reach, model: reachModel } = useEvaluated();
  const intents = useIntentStates();
  const findings = useLintFindings();
  // Facts are only worked out while a filter is on (lint and pairs are cheap to read, the cluster-deny search is not).
  const facts = useMemo(() => (active ? filterFacts({
    model: reachModel,
    pairs: reach ? canvasPairs(reach, reachModel) : [],
    intentState: intents.state,
    clusterDenied: reach ? overriddenPairs(reachModel, reach) : [],
    assertions: assertionResultsOf(reachModel, reach),
    findings,
  }) : null), [active, reach, reachModel, intents, findings]);
  return useMemo(() => applyCanvasFilter(model, filter, facts ?? EMPTY_FACTS), [model, filter, facts]);
}

const EMPTY_FACTS = { exposed: new Set<string>(), denied: new Set<string>(), violations: new Set<string>(), links: new Map() };
