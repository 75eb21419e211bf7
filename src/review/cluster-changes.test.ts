// Review and `netpol diff` with cluster policies: reordering or adding an Admin policy shows as
// changed connections explained by the tier chain, plus a policy change that names them.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { diffPolicies } from '../diff/policy-diff.ts';
import { netpol, repo, tempDir } from '../cli/test-harness.ts';
import { reviewChangesFrom } from './changes.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const files = () => readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }));
const sample = (extra = ''): Model => importManifests([...files(), ...(extra ? [{ name: 'extra.yaml', text: extra }] : [])]).model;

const ACCEPT_WEB = (priority: number) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: accept-web-db}
spec:
  tier: Admin
  priority: ${priority}
  subject: {namespaces: {matchLabels: {env: sensitive}}}
  ingress:
  - name: accept-web
    action: Accept
    from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: web}}}]
`;

describe('review changes from cluster policies', () => {
  it('moving an Admin Accept above the Deny: web -> db becomes reachable, explained by the chain; the priority change names it', () => {
    const base = sample(ACCEPT_WEB(20));
    const next = sample(ACCEPT_WEB(5));
    const d = diffPolicies(base, next);
    expect(d).toEqual({ added: [], removed: [], changed: [{ name: 'ClusterNetworkPolicy/accept-web-db', fields: ['priority'] }] });
    const changes = reviewChangesFrom({ baseModel: base, newModel: next });
    const pair = changes.find((c) => c.src === 'web/frontend' && c.dst === 'db/postgres')!;
    expect(pair.kind).toBe('cross-namespace');
    expect(pair.change).toBe('added');
    expect(pair.explanation.join(' ')).toContain('Admin `accept-web-db` (priority 5) rule `accept-web`: Accept all');
    const pol = changes.find((c) => c.kind === 'policy-changed')!;
    expect(pol.title).toBe('Policy ClusterNetworkPolicy/accept-web-db changed (priority)');
    expect(pol.policyId).toBe('cnp:accept-web-db');
    expect(pol.explanation).toEqual(['Named in the explanations of: web/frontend → db/postgres.']);
  });

  it('deleting the Baseline: the namespaces it closed open up; the v1alpha1 object is named by its kind', () => {
    const base = sample();
    const next: Model = { ...base, clusterPolicies: Object.fromEntries(Object.entries(base.clusterPolicies!).filter(([, p]) => p.tier !== 'Baseline')) };
    const changes = reviewChangesFrom({ baseModel: base, newModel: next });
    expect(changes.find((c) => c.kind === 'policy-deleted')!.title).toBe('Policy BaselineAdminNetworkPolicy/default deleted');
    expect(changes.some((c) => c.src === 'web/frontend' && c.dst === 'monitoring/prometheus' && c.change === 'added')).toBe(true);
  });
});

describe('netpol diff with cluster policies', () => {
  it('reports the changed connection with the chain and the changed policy, and --fail-on added fails', async () => {
    const a = tempDir('netpol-cnp-a-');
    const b = tempDir('netpol-cnp-b-');
    cpSync(join(repo, 'samples', 'cluster-tiers'), a, { recursive: true });
    cpSync(join(repo, 'samples', 'cluster-tiers'), b, { recursive: true });
    writeFileSync(join(a, 'accept.yaml'), ACCEPT_WEB(20));
    writeFileSync(join(b, 'accept.yaml'), ACCEPT_WEB(5));
    const text = await netpol('diff', a, b);
    expect(text.out).toContain('web/frontend');
    expect(text.out).toContain('Admin `accept-web-db` (priority 5) rule `accept-web`: Accept all');
    expect(text.out).toContain('Policy ClusterNetworkPolicy/accept-web-db changed (priority)');
    const json = JSON.parse((await netpol('diff', a, b, '--format', 'json')).out) as { changes: { kind: string; src?: string; dst?: string; explanation: string[] }[] };
    const pair = json.changes.find((c) => c.src === 'web/frontend' && c.dst === 'db/postgres')!;
    expect(pair.explanation.join(' ')).toContain('Accept all');
    const md = (await netpol('diff', a, b, '--format', 'md')).out;
    expect(md).toContain('ClusterNetworkPolicy/accept-web-db');
    expect((await netpol('diff', a, b, '--fail-on', 'added')).code).toBe(1);
    expect((await netpol('diff', a, a, '--fail-on', 'any')).code).toBe(0);
  });
});
