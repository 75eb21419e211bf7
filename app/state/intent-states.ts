// Met / blocked state of each intent, for the canvas's intent edges (from the core's
// intentStatus, computed once per evaluation).
import { useCallback, useMemo } from 'react';
import type { Id } from '../../src/model/types.ts';
import { intentStatus } from '../../src/policy/intent-status.ts';
import type { IntentState } from '../../src/canvas/types.ts';
import { useReachability } from './reachability.ts';

export function useIntentStates(): (intentId: Id) => IntentState | undefined {
  const { reach, model } = useReachability();
  const statuses = useMemo(() => {
    if (!reach || Object.keys(model.intents).length === 0) return {};
    try {
      return intentStatus(model, reach);
    } catch {
      return {};
    }
  }, [reach, model]);
  return useCallback((id: Id) => {
    const s = statuses[id];
    if (!s) return undefined;
    return s.met ? 'met' : 'blocked';
  }, [statuses]);
}
