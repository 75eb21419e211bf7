import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { ClusterPolicy, Doc } from '../model/types.ts';
import { laneOf, moveClusterPolicy, newClusterPolicy, putClusterPolicy, removeClusterPolicy } from './commands-cluster.ts';
import { clusterPolicyProblems } from './cluster-policy-problems.ts';

const pol = (name: string, priority: number, tier: ClusterPolicy['tier'] = 'Admin'): ClusterPolicy => ({
  id: `cnp:${name}`, name, tier, priority, subject: { namespaces: {} }, ingress: [{ name: 'deny', action: 'Deny', peers: [{ namespaces: {} }] }], egress: [],
});
const withPolicies = (...ps: ClusterPolicy[]): Doc => ps.reduce((d, p) => putClusterPolicy(d, p), emptyDoc());
const order = (d: Doc) => laneOf(d.model, 'Admin').map((p) => `${p.name}:${p.priority}`);

describe('cluster policy commands', () => {
  it('moving a policy up one place gives it a priority between its new neighbours, changing only it', () => {
    const d = withPolicies(pol('a', 10), pol('b', 20), pol('c', 30));
    const m = moveClusterPolicy(d, 'cnp:c', 1);
    expect(order(m)).toEqual(['a:10', 'c:15', 'b:20']);
    expect(m.model.clusterPolicies!['cnp:a']).toBe(d.model.clusterPolicies!['cnp:a']);
  });

  it('moving to the top or bottom goes 10 past the end (within 0..1000)', () => {
    const d = withPolicies(pol('a', 5), pol('b', 20), pol('c', 995));
    expect(order(moveClusterPolicy(d, 'cnp:b', 0))).toEqual(['b:0', 'a:5', 'c:995']);
    expect(order(moveClusterPolicy(d, 'cnp:a', 2))).toEqual(['b:20', 'c:995', 'a:1000']);
  });

  it('without a free number between the neighbours the lane is renumbered in the new order', () => {
    const d = withPolicies(pol('a', 1), pol('b', 2), pol('c', 3));
    expect(order(moveClusterPolicy(d, 'cnp:c', 1))).toEqual(['a:10', 'c:20', 'b:30']);
  });

  it('same-priority policies (applied by name) get an order of their own when one moves', () => {
    const d = withPolicies(pol('a', 10), pol('b', 10));
    expect(order(moveClusterPolicy(d, 'cnp:b', 0))).toEqual(['b:0', 'a:10']);
  });

  it('a move to its own place or of the v1alpha1 Baseline singleton changes nothing', () => {
    const d = withPolicies(pol('a', 10), pol('b', 20), { ...pol('default', 0, 'Baseline'), id: 'banp:default', version: 'v1alpha1' });
    expect(moveClusterPolicy(d, 'cnp:a', 0)).toBe(d);
    expect(moveClusterPolicy(d, 'banp:default', 0)).toBe(d);
  });

  it('new policies get a free name and a priority after the lane; remove drops one', () => {
    const d = withPolicies(pol('admin-policy', 40));
    const p = newClusterPolicy(d.model, 'Admin');
    expect([p.name, p.priority, p.tier]).toEqual(['admin-policy-2', 50, 'Admin']);
    expect(clusterPolicyProblems(d.model, p)).toEqual([]);
    expect(Object.keys(removeClusterPolicy(putClusterPolicy(d, p), p.id).model.clusterPolicies!)).toEqual(['cnp:admin-policy']);
  });
});

describe('clusterPolicyProblems names the field', () => {
  const d = withPolicies(pol('a', 10));
  const probs = (p: ClusterPolicy) => clusterPolicyProblems(d.model, p).map((x) => `${x.field}: ${x.message}`);
  it('priority, name, subject', () => {
    expect(probs({ ...pol('b', 1001) })).toEqual(['spec.priority: priority must be a whole number from 0 to 1000 (lower is applied first)']);
    expect(probs({ ...pol('a', 5), id: 'cnp:other' })[0]).toBe('metadata.name: another cluster policy of this kind is named "a"');
    expect(probs({ ...pol('Bad_Name', 5) })[0]).toMatch(/^metadata\.name: /);
    expect(probs({ ...pol('b', 5), subject: {} })).toEqual(['spec.subject: the subject needs exactly one of namespaces or pods']);
    expect(probs({ ...pol('x', 0, 'Baseline'), version: 'v1alpha1' })).toEqual(['metadata.name: the BaselineAdminNetworkPolicy is a singleton: its name must be "default"']);
  });
  it('rules: peers, actions, ports', () => {
    const r = (over: Partial<ClusterPolicy['egress'][number]>) => ({ ...pol('b', 5), egress: [{ action: 'Deny' as const, peers: [{ namespaces: {} }], ...over }] });
    expect(probs(r({ peers: [] }))).toEqual(['spec.egress[0].to: a rule needs at least one peer']);
    expect(probs(r({ peers: [{ networks: ['10.0.0.0/33'] }] }))[0]).toMatch(/^spec\.egress\[0\]\.to\[0\]\.networks: "10\.0\.0\.0\/33"/);
    expect(probs(r({ peers: [{ domainNames: ['example.com'] }] }))).toEqual(['spec.egress[0].to[0].domainNames: domainNames peers are allowed only in Accept rules (this rule is Deny)']);
    expect(probs(r({ peers: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'http' }] }))).toEqual(['spec.egress[0].protocols[0].namedPort: a named port cannot be combined with networks, nodes or domainNames peers (it is resolved on a destination pod)']);
    expect(probs(r({ ports: [{ protocol: 'TCP' }] }))).toEqual(['spec.egress[0].protocols[0].port: tcp needs a destination port or range']);
    expect(probs(r({ ports: [{ protocol: 'UDP', port: 90, endPort: 80 }] }))).toEqual(['spec.egress[0].protocols[0].endPort: a range needs start < end (90-80)']);
    expect(probs({ ...pol('b', 5), ingress: [{ action: 'Deny', peers: [{ networks: ['10.0.0.0/8'] }] }] })).toEqual(['spec.ingress[0].from[0].networks: networks peers are for egress only (ingress peers are namespaces or pods)']);
    expect(probs({ ...pol('default', 0, 'Baseline'), version: 'v1alpha1', ingress: [{ action: 'Pass', peers: [{ namespaces: {} }] }] })).toEqual(['spec.ingress[0].action: BaselineAdminNetworkPolicy (v1alpha1) has no Pass: use Allow or Deny']);
  });
});
