// Met / blocked state of each intent, for the canvas's intent edges.
//
// TEMPORARY: src/policy/intent-status.ts (intentStatus(model, reach)) is being written
// concurrently; until it lands intents are drawn without a state.

import { useCallback } from 'react';
import type { Id } from '../../src/model/types.ts';
import type { IntentState } from '../flow/build-edges.ts';

export function useIntentStates(): (intentId: Id) => IntentState | undefined {
  return useCallback(() => undefined, []);
}
