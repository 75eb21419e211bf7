// Dense indices (endpoints, classes) grouped by which of a list of sets hold them, plus an
// optional initial key: endpoints into classes in the evaluator, and classes into peer groups:
// the cluster-tier first-match walk treats every class of a group alike, so it walks a few
// dozen groups instead of thousands of classes.
//
// API: groupClasses(classCount, sets, initialKey?) -> ClassGroups; groupsIn(groups, set) -> group ids

import { forEachBit, hasBit, type Bits } from './bitset.ts';

export interface ClassGroups {
  /** Group of each class; groups are numbered densely in order of their lowest class. */
  readonly groupOf: Int32Array;
  /** Lowest class of each group. */
  readonly reps: Int32Array;
  readonly count: number;
}

/**
 * The coarsest partition of 0..classCount-1 in which every set is a union of groups and
 * classes in one group have the same `initialKey`.
 */
export function groupClasses(classCount: number, sets: readonly Bits[], initialKey?: (c: number) => string): ClassGroups {
  const groupOf = new Int32Array(classCount);
  let next = 1;
  if (initialKey) {
    const ids = new Map<string, number>();
    for (let c = 0; c < classCount; c++) {
      const k = initialKey(c);
      let g = ids.get(k);
      if (g === undefined) ids.set(k, (g = ids.size));
      groupOf[c] = g;
    }
    next = ids.size;
  }
  const seen = new Set<Bits>();
  for (const s of sets) {
    if (seen.has(s)) continue;
    seen.add(s);
    const split = new Map<number, number>();
    forEachBit(s, (c) => {
      if (c >= classCount) return;
      const g = groupOf[c];
      let to = split.get(g);
      if (to === undefined) split.set(g, (to = next++));
      groupOf[c] = to;
    });
  }
  // Renumber densely in class order so group ids do not depend on the order of `sets`.
  const dense = new Map<number, number>();
  const reps: number[] = [];
  for (let c = 0; c < classCount; c++) {
    let g = dense.get(groupOf[c]);
    if (g === undefined) {
      dense.set(groupOf[c], (g = dense.size));
      reps.push(c);
    }
    groupOf[c] = g;
  }
  return { groupOf, reps: Int32Array.from(reps), count: reps.length };
}

/** The groups inside `set` (a union of groups by construction), ascending. */
export function groupsIn(groups: ClassGroups, set: Bits): Int32Array {
  const out: number[] = [];
  for (let g = 0; g < groups.count; g++) if (hasBit(set, groups.reps[g])) out.push(g);
  return Int32Array.from(out);
}
