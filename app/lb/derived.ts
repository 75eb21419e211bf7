// Derived data of the load-balancer features, computed by the core and memoised on the model
// (and reachability) reference like useReachability: every component asking for the same model
// shares one result, and moving nodes around never recomputes.

import { useMemo } from 'react';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';
import { externalPaths, type PathResult } from '../../src/services/paths.ts';
import { checkAssertions, type AssertionResult } from '../../src/assertions/check.ts';
import { useEvaluated, useReachability } from '../state/reachability.ts';

const pathCache = new WeakMap<Model, PathResult[] | { error: string }>();

/** Every external network into every LoadBalancer / NodePort Service (core: externalPaths). */
export function pathsOf(model: Model): PathResult[] | { error: string } {
  let hit = pathCache.get(model);
  if (!hit) {
    try {
      hit = externalPaths(model);
    } catch (err) {
      hit = { error: err instanceof Error ? err.message : String(err) };
    }
    pathCache.set(model, hit);
  }
  return hit;
}

const EMPTY_PATHS: PathResult[] = [];

export function pathList(model: Model): PathResult[] {
  const p = pathsOf(model);
  return Array.isArray(p) ? p : EMPTY_PATHS;
}

/** External paths of the model reachability was computed from (ids match the reach result). */
export function useExternalPaths(): { model: Model; paths: PathResult[]; error: string | null } {
  const { model } = useEvaluated();
  return useMemo(() => {
    const p = pathsOf(model);
    return Array.isArray(p) ? { model, paths: p, error: null } : { model, paths: EMPTY_PATHS, error: p.error };
  }, [model]);
}

const assertCache = new WeakMap<Reachability, AssertionResult[]>();
const EMPTY_RESULTS: AssertionResult[] = [];

export function assertionResultsOf(model: Model, reach: Reachability | null): AssertionResult[] {
  if (!reach || Object.keys(model.assertions ?? {}).length === 0) return EMPTY_RESULTS;
  let hit = assertCache.get(reach);
  if (!hit) {
    try {
      hit = checkAssertions(model, reach, pathList(model));
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      hit = Object.values(model.assertions ?? {}).map((a) => ({ id: a.id, ok: false, actual: 'no-reach' as const, message: `cannot check: ${msg}`, details: [] }));
    }
    assertCache.set(reach, hit);
  }
  return hit;
}

/** Assertion results for the latest evaluated design, re-checked after every edit. */
export function useAssertionResults(): { model: Model; results: AssertionResult[]; pending: boolean } {
  const { model, reach, pending } = useReachability();
  return useMemo(() => ({ model, results: assertionResultsOf(model, reach), pending }), [model, reach, pending]);
}
