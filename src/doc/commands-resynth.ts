// Synthesised policies follow intents, namespace defaults and labels. Commands that change any
// of those regenerate them in the same step, so the edit and its policies are one undo entry.
//
// TEMPORARY: src/policy/synthesize.ts (applySynthesis) is being written concurrently; until it
// lands this returns the model unchanged, so generated policies are not yet regenerated.

import type { Model } from '../model/types.ts';

/** The model with its generated policies brought up to date. */
export function resynthesize(model: Model): Model {
  return model;
}
