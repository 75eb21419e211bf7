// The chain per side as steps (what the Explain panel renders), in the wording, on the
// samples/cluster-tiers world: an Admin Deny overriding a NetworkPolicy allow, an Admin Pass into
// the NetworkPolicies, and a Baseline Deny for a namespace without NetworkPolicies.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { explain } from './explain.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const sample = (): Model => importManifests(readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }))).model;
const wl = (m: Model, name: string) => Object.values(m.workloads).find((w) => `${m.namespaces[w.namespaceId].name}/${w.name}` === name)!.id;
const cp = (m: Model, name: string) => Object.values(m.clusterPolicies!).find((p) => p.name === name)!.id;
const np = (m: Model, name: string) => Object.values(m.policies).find((p) => p.name === name)!.id;

describe('explain: the cluster tier chain as steps', () => {
  it('an Admin Deny: the NetworkPolicy allow never takes effect, and the steps name both policies', () => {
    const m = sample();
    const e = explain(m, wl(m, 'web/frontend'), wl(m, 'db/postgres'));
    expect(e.verdict).toBe('denied');
    const chain = e.ingress.chain!;
    expect(chain.map((s) => [s.tier, s.kind])).toEqual([['Admin', 'decision'], ['NetworkPolicy', 'overridden'], ['Result', 'result']]);
    expect(chain[0]).toMatchObject({ clusterPolicyId: cp(m, 'sensitive-ns'), action: 'Deny', text: 'Admin `sensitive-ns` (priority 10) rule `deny-all`: Deny all' });
    expect(chain[1]).toMatchObject({ policyIds: [np(m, 'web-to-db')], text: '— the NetworkPolicy allow `db/web-to-db` never takes effect for TCP 5432' });
    expect(chain[2]).toMatchObject({ outcome: 'denied', text: '→ denied' });
    expect(e.ingress.tierNotes).toEqual(chain.map((s) => s.text));
  });

  it('an Admin Pass: the NetworkPolicy that allows is named (not every isolating one), then the result', () => {
    const m = sample();
    const e = explain(m, wl(m, 'monitoring/prometheus'), wl(m, 'db/postgres'));
    expect(e.ingress.chain!.map((s) => s.text)).toEqual([
      'Admin `sensitive-ns` (priority 10) rule `pass-monitoring`: Pass all',
      '→ NetworkPolicy `db/allow-scrape` allows TCP 9100',
      '→ allowed TCP 9100',
    ]);
    expect(e.ingress.chain![1].policyIds).toEqual([np(m, 'allow-scrape')]);
    expect(e.ingress.chain![2].outcome).toBe('partial');
  });

  it('no NetworkPolicy: on to the Baseline tier, whose Deny decides', () => {
    const m = sample();
    const e = explain(m, wl(m, 'web/frontend'), wl(m, 'monitoring/prometheus'));
    expect(e.ingress.chain!.map((s) => [s.tier, s.kind, s.action ?? s.outcome])).toEqual([
      ['NetworkPolicy', 'to-baseline', undefined],
      ['Baseline', 'decision', 'Deny'],
      ['Result', 'result', 'denied'],
    ]);
    expect(e.ingress.chain![1].text).toBe('→ Baseline `default` rule `deny-other-namespaces`: Deny all');
    // Egress at the front end: no cluster policy has egress rules, so no chain on that side.
    expect(e.egress.chain).toBeUndefined();
  });
});
