// Lint of the cluster-wide tiers: each finding on a small hand-made design, and silence where
// nothing is wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import type { Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { lint } from './lint.ts';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'cluster-tiers');
const sample = (extra = ''): Model => importManifests([
  ...readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') })),
  ...(extra ? [{ name: 'extra.yaml', text: extra }] : []),
]).model;
const tierFindings = (m: Model) => lint(m, evaluate(m)).filter((f) => f.id.startsWith('L-ANP'));

const cnp = (name: string, priority: number, body: string, tier = 'Admin') => `---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: ${name}}
spec:
  tier: ${tier}
  priority: ${priority}
${body}
`;

describe('cluster tier lint', () => {
  it('the sample: the NetworkPolicy allow web-to-db is overridden by the Admin deny (information)', () => {
    const f = tierFindings(sample());
    expect(f.map((x) => [x.id, x.object])).toEqual([['L-ANP-05', 'NetworkPolicy db/web-to-db']]);
    expect(f[0].message).toBe('its allow of TCP 5432 (e.g. web/frontend -> db/postgres) never takes effect: Admin `sensitive-ns` (priority 10) rule `deny-all` denies it first');
    expect(f[0].severity).toBe('info');
  });

  it('same priority with overlapping matches (L-ANP-01), a shadowed rule (L-ANP-04), a policy selecting nothing (L-ANP-06)', () => {
    const m = sample(
      cnp('also-ten', 10, '  subject: {namespaces: {}}\n  ingress:\n  - {name: deny-web, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: web}}}]}')
      + cnp('late', 20, '  subject: {namespaces: {matchLabels: {env: sensitive}}}\n  ingress:\n  - {name: never, action: Accept, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: web}}}]}')
      + cnp('nobody', 30, '  subject: {namespaces: {matchLabels: {env: nowhere}}}\n  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}'),
    );
    const f = tierFindings(m);
    const ids = f.map((x) => `${x.id} ${x.object}${x.path ? ` ${x.path}` : ''}`);
    expect(ids).toContain('L-ANP-01 ClusterNetworkPolicy also-ten');
    expect(ids).toContain('L-ANP-04 ClusterNetworkPolicy late spec.ingress[0]');
    expect(ids).toContain('L-ANP-06 ClusterNetworkPolicy nobody spec.subject');
    expect(f.find((x) => x.id === 'L-ANP-01')!.message).toContain('the API leaves their order undefined');
    // `deny-web` of also-ten decides traffic from web into the other namespaces: not shadowed.
    expect(ids).not.toContain('L-ANP-04 ClusterNetworkPolicy also-ten spec.ingress[0]');
  });

  it('a Baseline egress deny that takes DNS away from pods without egress policies (L-ANP-07), silent once DNS is accepted first', () => {
    const deny = cnp('default-deny', 100, '  subject: {namespaces: {}}\n  egress:\n  - {name: deny-all, action: Deny, to: [{namespaces: {}}]}', 'Baseline');
    const f = tierFindings(sample(deny)).filter((x) => x.id === 'L-ANP-07');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/^rule `deny-all` denies DNS \(UDP 53 to kube-dns\) for 3 pod\(s\) without egress NetworkPolicies \(db\/postgres, monitoring\/prometheus, web\/frontend\)/);
    const withDns = cnp('default-deny', 100, `  subject: {namespaces: {}}
  egress:
  - name: dns
    action: Accept
    to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]
    protocols: [{udp: {destinationPort: {number: 53}}}, {tcp: {destinationPort: {number: 53}}}]
  - {name: deny-all, action: Deny, to: [{namespaces: {}}]}`, 'Baseline');
    expect(tierFindings(sample(withDns)).filter((x) => x.id === 'L-ANP-07')).toEqual([]);
  });

  it('networks that also match pods (L-ANP-02) and experimental fields (L-ANP-03) are information', () => {
    const m = sample(cnp('internet', 50, '  subject: {namespaces: {}}\n  egress:\n  - {action: Deny, to: [{networks: [0.0.0.0/0]}, {nodes: {}}]}'));
    const f = tierFindings(m);
    expect(f.find((x) => x.id === 'L-ANP-02')).toMatchObject({ severity: 'info', path: 'spec.egress[0].to[0].networks' });
    expect(f.find((x) => x.id === 'L-ANP-03')!.message).toContain('experimental fields (nodes)');
  });
});
