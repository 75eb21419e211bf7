// Canvas edges for connections a cluster policy denies, on samples/cluster-tiers: the NetworkPolicy
// allow web-to-db that the Admin Deny overrides is drawn without a selection; around a selection,
// denied edges say whether a cluster policy or plain isolation denies them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
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
