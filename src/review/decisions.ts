// Per-participant verdicts on the changes of a review ("approved" / "needs work"). They live in
// the review scope, keyed by change and participant, so two reviewers deciding at once never
// overwrite each other, and a re-decision by the same person replaces their own verdict.

import type { ChangeDecision, Review, Verdict } from '../model/types.ts';
import type { ReviewChange } from './changes.ts';

/**
 * A stable key for a change: what changed and between which objects, not its position in the
 * list (which moves as other changes appear), nor its ports (a reviewer decides on the pair).
 */
export function changeKey(c: Pick<ReviewChange, 'kind' | 'srcId' | 'dstId' | 'policyId' | 'serviceId' | 'src' | 'dst'>): string {
  return [c.kind, c.srcId ?? c.src ?? '', c.dstId ?? c.dst ?? '', c.policyId ?? '', c.serviceId ?? ''].join('|');
}

export function decisionKey(changeKeyValue: string, by: string): string {
  return `${changeKeyValue}#${by}`;
}

export interface DecisionInput {
  change: ReviewChange;
  by: string;
  /** null clears the participant's verdict. */
  verdict: Verdict | null;
  at: string;
}

export type DecisionResult = { ok: true; review: Review } | { ok: false; error: string };

export function setDecision(review: Review, input: DecisionInput): DecisionResult {
  const by = input.by.trim();
  if (!by) return { ok: false, error: 'A name is required to decide on a change.' };
  const ck = changeKey(input.change);
  const key = decisionKey(ck, by);
  const { [key]: previous, ...rest } = review.decisions;
  if (input.verdict === null) return { ok: true, review: previous ? { ...review, decisions: rest } : review };
  if (previous && previous.verdict === input.verdict) return { ok: true, review };
  const decision: ChangeDecision = { changeKey: ck, changeTitle: input.change.title, by, verdict: input.verdict, at: input.at };
  return { ok: true, review: { ...review, decisions: { ...rest, [key]: decision } } };
}

/** Decisions on one change, by participant name. */
export function decisionsFor(review: Review, change: ReviewChange): ChangeDecision[] {
  const ck = changeKey(change);
  return Object.values(review.decisions).filter((d) => d.changeKey === ck).sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
}
