// Synthesised policies follow intents, namespace defaults and labels. Commands that change any
// of those regenerate them in the same step, so the edit and its policies are one undo entry.

import type { Model } from '../model/types.ts';
import { applySynthesis } from '../policy/synthesize.ts';

/** The model with its generated policies brought up to date. */
export function resynthesize(model: Model): Model {
  return applySynthesis(model);
}
