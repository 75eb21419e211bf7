// Synthesised policies follow intents, namespace defaults and labels. Commands that change any
// of those regenerate them in the same step, so the edit and its policies are one undo entry.
// A loaded design (file, autosave, link) gets them regenerated too: they are derived data, and
// a stored copy may be stale, edited by hand or forged.

import type { Model } from '../model/types.ts';
import { applySynthesis } from '../policy/synthesize.ts';

/** The model with its generated policies brought up to date. */
export function resynthesize(model: Model): Model {
  return applySynthesis(model);
}

/**
 * Regenerates the generated policies of a loaded model and says what differed from the stored
 * ones (nothing when they matched). If synthesis fails, the stored generated policies are
 * dropped rather than trusted.
 */
export function resynthesizeLoaded(model: Model): { model: Model; note?: string } {
  const stored = Object.values(model.policies).filter((p) => p.generated?.by === 'intents');
  let next: Model;
  try {
    next = applySynthesis(model);
  } catch (err) {
    const policies = Object.fromEntries(Object.entries(model.policies).filter(([, p]) => p.generated?.by !== 'intents'));
    return {
      model: { ...model, policies },
      note: `model.policies: the generated policies could not be re-derived from the intents (${err instanceof Error ? err.message : String(err)}); ${stored.length} stored generated polic${stored.length === 1 ? 'y' : 'ies'} dropped`,
    };
  }
  if (next === model) return { model };
  const fresh = Object.values(next.policies).filter((p) => p.generated?.by === 'intents');
  const same = new Set(fresh.filter((p) => model.policies[p.id] && canonical(p) === canonical(model.policies[p.id])).map((p) => p.id));
  const changed = stored.filter((p) => !same.has(p.id)).length + fresh.filter((p) => !model.policies[p.id]).length;
  // Only the order of keys differed: keep the stored objects (same content).
  if (changed === 0) return { model };
  return {
    model: next,
    note: `model.policies: ${changed} generated polic${changed === 1 ? 'y' : 'ies'} did not match the design's intents and ${changed === 1 ? 'was' : 'were'} re-derived (generated policies are never taken from storage)`,
  };
}

/** JSON with object keys sorted, so equal policies compare equal whatever order they were read in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : x));
}
