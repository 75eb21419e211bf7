import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { clusterPeerMatchIds, clusterPolicyHighlight, clusterSubjectMatchIds } from './cluster-highlight.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const sample = (): Model => importManifests(readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }))).model;
const names = (m: Model, ids: string[]) => ids.map((id) => m.namespaces[id]?.name ?? (m.workloads[id] ? `${m.namespaces[m.workloads[id].namespaceId].name}/${m.workloads[id].name}` : m.externals[id]?.name ?? id)).sort();

describe('clusterPolicyHighlight', () => {
  it('Admin sensitive-ns: subjects are the db namespace and its pods; peers every other pod and namespace', () => {
    const m = sample();
    const p = Object.values(m.clusterPolicies!).find((x) => x.name === 'sensitive-ns')!;
    const h = clusterPolicyHighlight(m, p);
    expect(names(m, h.subjects)).toEqual(['db', 'db/postgres']);
    // deny-all: from namespaces {} = every pod of every namespace (the subjects themselves excluded from the peer list).
    expect(names(m, h.peers)).toEqual(expect.arrayContaining(['monitoring', 'monitoring/prometheus', 'web', 'web/frontend', 'kube-system']));
    expect(h.peers.some((id) => h.subjects.includes(id))).toBe(false);
  });

  it('a pods subject highlights only its pods, not the namespace; an egress networks peer highlights the external network', () => {
    const base = sample();
    const ext = { id: 'ext-api', name: 'payments-api', cidrs: ['203.0.113.0/24'] };
    const m: Model = { ...base, externals: { ...base.externals, [ext.id]: ext } };
    const web = Object.values(m.namespaces).find((n) => n.name === 'web')!;
    const p = {
      id: 'cnp:t', name: 't', tier: 'Admin' as const, priority: 1,
      subject: { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } }, podSelector: {} } },
      ingress: [], egress: [{ action: 'Deny' as const, peers: [{ networks: ['203.0.113.0/24'] }] }],
    };
    const h = clusterPolicyHighlight(m, p);
    expect(h.subjects).not.toContain(web.id);
    expect(names(m, h.subjects)).toEqual(['web/frontend']);
    expect(h.peers).toEqual([ext.id]);
  });
});

describe('clusterPeerMatchIds / clusterSubjectMatchIds', () => {
  it('a namespaces peer matches the namespace and its pods; the subject of sensitive-ns is db', () => {
    const m = sample();
    const p = Object.values(m.clusterPolicies!).find((x) => x.name === 'sensitive-ns')!;
    expect(names(m, clusterPeerMatchIds(m, p.ingress[0].peers[0]))).toEqual(['monitoring', 'monitoring/prometheus']);
    expect(names(m, clusterSubjectMatchIds(m, p))).toEqual(['db', 'db/postgres']);
  });
});
