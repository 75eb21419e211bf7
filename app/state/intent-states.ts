// Met / blocked state of each intent, for the canvas's intent edges (from the core's
// intentStatus, computed once per evaluation).
import { useCallback, useMemo } from 'react';
import type { Id } from '../../src/model/types.ts';
import { intentStatus } from '../../src/policy/intent-status.ts';
import type { IntentState } from '../../src/canvas/types.ts';
import type { UnknownSetting } from '../../src/services/paths.ts';
import { useEvaluated } from './reachability.ts';

export function useIntentStates(): { state: (intentId: Id) => IntentState | undefined; needs: (intentId: Id) => readonly UnknownSetting[] | undefined } {
  const { reach, model } = useEvaluated();
  const statuses = useMemo(() => {
    if (!reach || Object.keys(model.intents).length === 0) return {};
    try {
      return intentStatus(model, reach);
    } catch {
      return {};
    }
  }, [reach, model]);
  const state = useCallback((id: Id): IntentState | undefined => {
    const s = statuses[id];
    if (!s) return undefined;
    return s.met ? 'met' : s.needs?.length ? 'conditional' : 'blocked';
  }, [statuses]);
  const needs = useCallback((id: Id) => statuses[id]?.needs, [statuses]);
  return useMemo(() => ({ state, needs }), [state, needs]);
}
