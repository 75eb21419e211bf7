import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Assertion, Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { clusterPolicyProblems } from '../doc/cluster-policy-problems.ts';
import { checkAssertion } from './check.ts';
import { adminDenyFor } from './enforce.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const sample = (): Model => importManifests(readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }))).model;
const wl = (m: Model, name: string) => Object.values(m.workloads).find((w) => `${m.namespaces[w.namespaceId].name}/${w.name}` === name)!.id;
const withPolicy = (m: Model, p: NonNullable<Model['clusterPolicies']>[string]): Model => ({ ...m, clusterPolicies: { ...m.clusterPolicies, [p.id]: p } });

describe('enforce a "must not reach" assertion with an Admin Deny', () => {
  it('monitoring -> db on 9100 is allowed (Admin Pass, then the NetworkPolicy); the Deny makes the assertion hold and nothing else changes', () => {
    const m = sample();
    const a: Assertion = { id: 'as1', fromId: wl(m, 'monitoring/prometheus'), toId: wl(m, 'db/postgres'), protocol: 'TCP', port: 9100, expect: 'no-reach' };
    expect(checkAssertion(m, evaluate(m), a).ok).toBe(false);
    const r = adminDenyFor(m, a);
    if (!r.ok) throw new Error(r.reason);
    // Before sensitive-ns (priority 10), so its Pass does not hand the connection on.
    expect(r.policy).toMatchObject({ tier: 'Admin', priority: 9, name: 'enforce-prometheus-to-postgres-9100' });
    expect(clusterPolicyProblems(m, r.policy)).toEqual([]);
    const after = withPolicy(m, r.policy);
    expect(checkAssertion(after, evaluate(after), a).ok).toBe(true);
    // Only that port: the rest of what monitoring may reach is unchanged.
    const reachBefore = evaluate(m);
    const reachAfter = evaluate(after);
    let changed = 0;
    for (const s of reachBefore.endpoints) for (const d of reachBefore.endpoints) {
      const i = (r: typeof reachBefore, id: string) => r.classOf[r.endpointIndex[id]];
      const b = reachBefore.connSets[reachBefore.matrix[i(reachBefore, s.id) * reachBefore.classCount + i(reachBefore, d.id)]];
      const x = reachAfter.connSets[reachAfter.matrix[i(reachAfter, s.id) * reachAfter.classCount + i(reachAfter, d.id)]];
      if (JSON.stringify(b) !== JSON.stringify(x)) changed++;
    }
    expect(changed).toBe(1);
  });

  it('to an external network: egress at the source with its CIDRs', () => {
    const base = sample();
    const m: Model = { ...base, externals: { 'ext-x': { id: 'ext-x', name: 'partner', cidrs: ['198.51.100.0/24'] } } };
    const a: Assertion = { id: 'as2', fromId: wl(m, 'web/frontend'), toId: 'ext-x', protocol: 'TCP', port: 443, expect: 'no-reach' };
    const r = adminDenyFor(m, a);
    if (!r.ok) throw new Error(r.reason);
    expect(r.policy.egress[0]).toEqual({ name: 'deny-tcp-443', action: 'Deny', peers: [{ networks: ['198.51.100.0/24'] }], ports: [{ protocol: 'TCP', port: 443 }] });
    const after = withPolicy(m, r.policy);
    expect(checkAssertion(after, evaluate(after), a).ok).toBe(true);
  });

  it('not offered from an external network, nor for "must reach"', () => {
    const base = sample();
    const m: Model = { ...base, externals: { 'ext-x': { id: 'ext-x', name: 'partner', cidrs: ['198.51.100.0/24'] } } };
    expect(adminDenyFor(m, { id: 'a', fromId: 'ext-x', toId: wl(m, 'web/frontend'), protocol: 'TCP', port: 80, expect: 'no-reach' }).ok).toBe(false);
    expect(adminDenyFor(m, { id: 'a', fromId: wl(m, 'web/frontend'), toId: wl(m, 'db/postgres'), protocol: 'TCP', port: 80, expect: 'reach' }).ok).toBe(false);
  });
});
