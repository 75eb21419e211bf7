// Canvas edges for connections a cluster policy denies, on samples/cluster-tiers: the NetworkPolicy
// allow web-to-db that the Admin Deny overrides is drawn without a selection; around a selection,
// denied edges say whether a cluster policy or plain isolation denies them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { synthetic } from '../../bench/synthetic.ts';
import { evaluate, evaluateOverrides } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { isEmpty } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { buildCanvasEdges, type CanvasEdgeInput } from './edges.ts';
import { clusterDenialOf, overriddenPairs } from './cluster-denials.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const sample = (): Model => importManifests(readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }))).model;
const wl = (m: Model, name: string) => Object.values(m.workloads).find((w) => `${m.namespaces[w.namespaceId].name}/${w.name}` === name)!.id;
const nsId = (m: Model, name: string) => Object.values(m.namespaces).find((n) => n.name === name)!.id;

function input(model: Model, over: Partial<CanvasEdgeInput> = {}): CanvasEdgeInput {
  return {
    model, reach: evaluate(model), reachModel: model, selection: new Set(), view: 'allowed',
    intentState: () => undefined, collapsed: new Set(), paths: [], assertions: [], ...over,
  };
}

describe('connections denied by a cluster policy on the canvas', () => {
  it('draws the overridden NetworkPolicy allow web -> db as a cluster-deny edge without any selection', () => {
    const m = sample();
    const out = buildCanvasEdges(input(m));
    const e = out.edges.find((x) => x.kind === 'cluster-deny')!;
    expect(e).toBeDefined();
    expect([e.source, e.target]).toEqual([wl(m, 'web/frontend'), wl(m, 'db/postgres')]);
    expect(e.label).toBe('✗ Admin sensitive-ns');
    expect(e.tooltip).toContain('a NetworkPolicy allow here never takes effect');
    expect(e.explain).toEqual({ src: wl(m, 'web/frontend'), dst: wl(m, 'db/postgres') });
    // Only that one: the Baseline denies replace the default allow, they override no NetworkPolicy.
    expect(out.edges.filter((x) => x.kind === 'cluster-deny')).toHaveLength(1);
    expect(out.edges.some((x) => x.kind === 'allow' && x.source === e.source && x.target === e.target)).toBe(false);
  });

  it('without the Admin policy there is no override edge (the NetworkPolicy allow is drawn as allowed)', () => {
    const m = sample();
    const without: Model = { ...m, clusterPolicies: Object.fromEntries(Object.entries(m.clusterPolicies!).filter(([, p]) => p.tier !== 'Admin')) };
    const out = buildCanvasEdges(input(without));
    expect(out.edges.some((x) => x.kind === 'cluster-deny')).toBe(false);
    expect(out.edges.some((x) => x.kind === 'allow' && x.source === wl(m, 'web/frontend') && x.target === wl(m, 'db/postgres'))).toBe(true);
    expect(overriddenPairs(without, evaluate(without))).toEqual([]);
  });

  it('around a selection, Baseline and Admin denies are cluster-deny edges, plain isolation stays deny', () => {
    const m = sample();
    const front = wl(m, 'web/frontend');
    const out = buildCanvasEdges(input(m, { selection: new Set([front]), view: 'denied-too' }));
    const toProm = out.edges.find((x) => x.source === front && x.target === wl(m, 'monitoring/prometheus'))!;
    expect(toProm.kind).toBe('cluster-deny');
    expect(toProm.label).toBe('✗ Baseline default');
    expect(toProm.tooltip).not.toContain('before any NetworkPolicy');
    // db/postgres -> web/frontend: postgres' egress is open, frontend's ingress has no policy, so it is
    // allowed; monitoring -> frontend is denied by the Baseline Deny (other namespace).
    const fromProm = out.edges.find((x) => x.source === wl(m, 'monitoring/prometheus') && x.target === front)!;
    expect(fromProm.kind).toBe('cluster-deny');
    // Plain isolation: the postgres pod of db is isolated by allow-scrape for everyone but monitoring.
    const plain = clusterDenialOf(m, front, wl(m, 'db/postgres'));
    expect(plain).toMatchObject({ tier: 'Admin', name: 'sensitive-ns', overrides: true });
  });

  it('a blocked intent says which cluster policy blocks it', () => {
    const m = sample();
    const withIntent: Model = { ...m, intents: { i1: { id: 'i1', fromId: wl(m, 'web/frontend'), toId: wl(m, 'db/postgres'), ports: [{ protocol: 'TCP', port: 5432 }] } } };
    const out = buildCanvasEdges(input(withIntent, { intentState: () => 'blocked' }));
    const intent = out.edges.find((x) => x.kind === 'intent')!;
    expect(intent.label).toBe('TCP 5432 ✗ blocked by Admin sensitive-ns');
    expect(intent.className).toContain('cluster-blocked');
  });

  it('a collapsed namespace draws its overridden pairs once, ending at the namespace', () => {
    const m = sample();
    const out = buildCanvasEdges(input(m, { collapsed: new Set([nsId(m, 'db')]) }));
    const e = out.edges.find((x) => x.kind === 'cluster-deny')!;
    expect(e.target).toBe(nsId(m, 'db'));
  });
});

describe('override search (the evaluator marks the pairs, explain names the policy)', () => {
  // Synthetic clusters with per-team Admin denies, Pass/Accept exceptions, Baseline denies and
  // (openShare) namespaces without NetworkPolicies, where Baseline and Admin denies replace the
  // default allow instead of overriding anything.
  const models = (): [string, Model][] => [
    ['samples/cluster-tiers', sample()],
    ...[1, 2, 3].map((seed): [string, Model] => [`synthetic seed ${seed}`, synthetic(120 + seed * 20, 40 + seed * 10, seed, { clusterPolicies: 20 + seed * 10, openShare: seed === 2 ? 0 : 0.3 }).model]),
  ];

  it('marks exactly the pairs whose explanation says a NetworkPolicy allow never takes effect', () => {
    for (const [name, m] of models()) {
      const { reach, overrides } = evaluateOverrides(m);
      const npOnly = evaluate({ ...m, clusterPolicies: {} });
      let marked = 0;
      let denied = 0;
      for (const s of reach.endpoints) {
        for (const d of reach.endpoints) {
          if (s.id === d.id || npOnly.endpointIndex[s.id] === undefined || npOnly.endpointIndex[d.id] === undefined) continue;
          const mark = overrides![reach.classOf[reach.endpointIndex[s.id]] * reach.classCount + reach.classOf[reach.endpointIndex[d.id]]];
          const np = connBetween(npOnly, s.id, d.id);
          const expected = isEmpty(connBetween(reach, s.id, d.id)) && !isEmpty(np) && clusterDenialOf(m, s.id, d.id)?.overrides === true;
          if (isEmpty(connBetween(reach, s.id, d.id))) denied++;
          expect({ name, pair: `${s.name} -> ${d.name}`, marked: mark !== 0 }).toEqual({ name, pair: `${s.name} -> ${d.name}`, marked: expected });
          if (mark !== 0) {
            marked++;
            expect(reach.connSets[mark]).toEqual(np); // what the NetworkPolicies allowed
          }
        }
      }
      expect(marked, name).toBeGreaterThan(0);
      expect(denied, name).toBeGreaterThan(marked);
    }
  });

  it('no cluster policy: nothing to mark', () => {
    const m = synthetic(60, 20, 5).model;
    expect(evaluateOverrides(m).overrides).toBeNull();
    expect(evaluateOverrides(m).reach.matrix).toEqual(evaluate(m).matrix);
  });

  it('the 500-workload / 200-policy design with 200 cluster policies draws its override edges without a selection', () => {
    const m = synthetic(500, 200, 42, { clusterPolicies: 200 }).model;
    const reach = evaluate(m);
    expect(reach.endpoints.length).toBeGreaterThan(300); // above the old search limit
    const pairs = overriddenPairs(m, reach);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(isEmpty(connBetween(reach, p.explain.src, p.explain.dst))).toBe(true);
      expect(p.denial).toMatchObject({ tier: 'Admin', overrides: true });
      expect(explain(m, p.explain.src, p.explain.dst).egress.chain?.some((st) => st.kind === 'overridden')
        || explain(m, p.explain.src, p.explain.dst).ingress.chain?.some((st) => st.kind === 'overridden')).toBe(true);
    }
    const edges = buildCanvasEdges(input(m)).edges.filter((e) => e.kind === 'cluster-deny');
    expect(edges.length).toBeGreaterThan(0);
  });
});
