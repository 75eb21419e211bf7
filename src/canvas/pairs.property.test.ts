// canvasPairs walks class pairs for speed; what it returns must be what walking every ordered
// endpoint pair gives (the definition): the same canvas node pairs, in the order of their first
// endpoint pair, with the same merged connections and the same pair to explain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario, toModel } from '../conformance/scenario.ts';
import { evaluate } from '../policy/evaluate.ts';
import { forEachConnection } from '../policy/reachability.ts';
import { connKey, union } from '../policy/portset.ts';
import type { Model } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { canvasPairs, clusterFragments, endpointCanvasId } from './pairs.ts';

/** The definition: every ordered endpoint pair, in endpoint order. */
function pairsByEndpointWalk(reach: Reachability, model: Model) {
  const fragments = new Set(clusterFragments(reach.endpoints, model));
  const byKey = new Map<string, { src: string; dst: string; conn: ReturnType<typeof union>; explain: { src: string; dst: string } }>();
  forEachConnection(reach, (s, d, conn) => {
    const a = fragments.has(s.id) ? null : endpointCanvasId(s, model);
    const b = fragments.has(d.id) ? null : endpointCanvasId(d, model);
    if (!a || !b || a === b) return;
    const p = byKey.get(`${a}>${b}`);
    if (p) p.conn = union(p.conn, conn);
    else byKey.set(`${a}>${b}`, { src: a, dst: b, conn, explain: { src: s.id, dst: d.id } });
  });
  return [...byKey.values()];
}

const comparable = (ps: { src: string; dst: string; conn: Parameters<typeof connKey>[0]; explain: { src: string; dst: string } }[]) =>
  ps.map((p) => ({ src: p.src, dst: p.dst, conn: connKey(p.conn), explain: p.explain }));

describe('canvasPairs', () => {
  it('equals the walk over every endpoint pair on random designs (split externals and cluster ranges included)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const model = toModel(s);
        const reach = evaluate(model);
        expect(comparable(canvasPairs(reach, model))).toEqual(comparable(pairsByEndpointWalk(reach, model)));
      }),
      { numRuns: 300 },
    );
  });

  it('is computed once per result and model', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const model = toModel(s);
        const reach = evaluate(model);
        expect(canvasPairs(reach, model)).toBe(canvasPairs(reach, model));
      }),
      { numRuns: 5 },
    );
  });
});
