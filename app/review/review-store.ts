// Review mode: the design compared with a baseline (a saved version, a design file or imported
// manifests). The changes, canvas marks and YAML diff are all computed by src/review; this
// store only holds which baseline is chosen. Transient: never saved, never undone.

import { createStore, useStore } from 'zustand';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';
import { reviewChangesFrom, reviewMarks, type ReviewChange, type ReviewMarks } from '../../src/review/changes.ts';
import { manifestDiff, type ManifestDiff } from '../../src/review/manifest-diff.ts';
import { useDocStore } from '../state/doc-store.ts';
import { useEvaluated } from '../state/reachability.ts';

export interface ReviewBaseline {
  model: Model;
  /** What the design is compared with, from src/review/baseline.ts. */
  label: string;
  /** Set when the baseline is a saved version of this design. */
  versionId?: string;
}

export interface ReviewState {
  baseline: ReviewBaseline | null;
  /** The change list entry last clicked (index into the changes), for highlighting. */
  activeChange: number | null;
  baselineDialog: boolean;
  versionsDialog: boolean;
  reportDialog: boolean;
}

export const reviewStore = createStore<ReviewState>()(() => ({
  baseline: null,
  activeChange: null,
  baselineDialog: false,
  versionsDialog: false,
  reportDialog: false,
}));

export function useReviewState<T>(sel: (s: ReviewState) => T): T {
  return useStore(reviewStore, sel);
}

export function setReview(patch: Partial<ReviewState>): void {
  reviewStore.setState(patch);
}

export function setBaseline(baseline: ReviewBaseline | null): void {
  reviewStore.setState({ baseline, activeChange: null });
}

// ---------------------------------------------------------------- derived, cached per (baseline, model)

interface Derived {
  base: ReviewBaseline;
  model: Model;
  changes: ReviewChange[];
  marks: ReviewMarks;
}

let cache: Derived | null = null;

export function changesFor(base: ReviewBaseline, model: Model, newReach?: Reachability): Derived {
  if (cache && cache.base === base && cache.model === model) return cache;
  const changes = reviewChangesFrom({ baseModel: base.model, newModel: model, ...(newReach ? { newReach } : {}) });
  cache = { base, model, changes, marks: reviewMarks(changes) };
  return cache;
}

const NONE: { changes: ReviewChange[]; marks: ReviewMarks } | null = null;

/** The changes against the baseline, most risky first; null outside review mode. */
export function useReviewChanges(): { changes: ReviewChange[]; marks: ReviewMarks } | null {
  const base = useReviewState((s) => s.baseline);
  const model = useDocStore((s) => s.doc.model);
  const { reach, model: reachModel } = useEvaluated();
  if (!base) return NONE;
  return changesFor(base, model, reachModel === model && reach ? reach : undefined);
}

let diffCache: { base: ReviewBaseline; model: Model; diff: ManifestDiff } | null = null;

export function useManifestDiff(): ManifestDiff | null {
  const base = useReviewState((s) => s.baseline);
  const model = useDocStore((s) => s.doc.model);
  if (!base) return null;
  if (!diffCache || diffCache.base !== base || diffCache.model !== model) {
    diffCache = { base, model, diff: manifestDiff(base.model, model) };
  }
  return diffCache.diff;
}
