// The "cluster guardrails" pattern on samples/cluster-tiers-like namespaces: each part does what
// its text says (checked through the evaluator), applying twice adds no copies, and what it
// creates exports as YAML the importer reads back without errors.
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import { exportManifests } from '../k8s/export.ts';
import { emptyDoc } from '../model/factory.ts';
import type { Doc, Model, Protocol } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { contains } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { clusterPolicyProblems } from '../doc/cluster-policy-problems.ts';
import { applyTemplate } from '../doc/commands-lb.ts';

const WORLD = ['web', 'db', 'monitoring', 'kube-system', 'shop'].map((ns) => `---
apiVersion: v1
kind: Namespace
metadata: {name: ${ns}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${ns}}}
  template:
    metadata: {labels: {app: ${ns}${ns === 'kube-system' ? ', k8s-app: kube-dns' : ''}}}
    spec:
      containers:
      - name: main
        image: x
        ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
`).join('');

function world(): Doc {
  const r = importManifests([{ name: 'world.yaml', text: WORLD }]);
  return { ...emptyDoc(), model: r.model };
}
const ns = (m: Model, name: string) => Object.values(m.namespaces).find((n) => n.name === name)!.id;
const wl = (m: Model, n: string) => Object.values(m.workloads).find((w) => m.namespaces[w.namespaceId].name === n)!.id;
const can = (m: Model, from: string, to: string, proto: Protocol = 'TCP', port = 80) => contains(connBetween(evaluate(m), wl(m, from), wl(m, to)), proto, port);

const all = (d: Doc) => applyTemplate(d, { id: 'cluster-guardrails', options: {
  baselineDefaultDeny: true, sensitiveNamespaceId: ns(d.model, 'db'), allowedNamespaceIds: [ns(d.model, 'web')], monitoringNamespaceId: ns(d.model, 'monitoring'),
} });

describe('cluster guardrails pattern', () => {
  it('Baseline default deny with DNS; Admin deny into db except web; monitoring passed', () => {
    const before = world().model;
    expect(can(before, 'shop', 'web')).toBe(true);
    const r = all(world());
    const m = r.doc.model;
    expect(r.created).toHaveLength(4);
    // Baseline: cross-namespace pod traffic denied, DNS to kube-system open, system namespaces untouched.
    expect(can(m, 'shop', 'web')).toBe(false);
    expect(can(m, 'shop', 'kube-system', 'UDP', 53)).toBe(true);
    expect(can(m, 'shop', 'kube-system', 'TCP', 80)).toBe(false); // egress of shop: only DNS
    expect(can(m, 'kube-system', 'web')).toBe(false); // web's ingress denies other namespaces
    // Admin: shop is denied into db; web is passed on, and with no NetworkPolicy in db the Baseline denies it too.
    expect(can(m, 'shop', 'db')).toBe(false);
    expect(can(m, 'web', 'db')).toBe(false);
    // Monitoring reaches every namespace: Admin Pass, then the Baseline's accept.
    expect(can(m, 'monitoring', 'db')).toBe(true);
    expect(can(m, 'monitoring', 'shop')).toBe(true);
    for (const id of r.created) expect(clusterPolicyProblems(m, m.clusterPolicies![id])).toEqual([]);
    expect(r.summary.join(' ')).toContain('Admin `protect-db`');
  });

  it('the Admin deny overrides a NetworkPolicy of db that admits shop; web is passed to it', () => {
    const np = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open, namespace: db}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {}}]}]
`;
    const base = world();
    const withNp: Doc = { ...base, model: importManifests([{ name: 'np.yaml', text: np }], base.model).model };
    const m = all(withNp).doc.model;
    expect(can(m, 'shop', 'db')).toBe(false); // Admin Deny beats the NetworkPolicy allow
    // Pass -> the NetworkPolicy admits web at db (web's own egress meets the Baseline default deny).
    const ex = explain(m, wl(m, 'web'), wl(m, 'db'));
    expect(contains(ex.ingress.allowed, 'TCP', 80)).toBe(true);
    expect(ex.ingress.tierNotes?.[0]).toBe('Admin `protect-db` (priority 20) rule `pass-listed-namespaces`: Pass all');
    expect(contains(ex.egress.allowed, 'TCP', 80)).toBe(false);
  });

  it('applying twice replaces its policies: no duplicates, same ids and priorities', () => {
    const once = all(world());
    const twice = all(once.doc);
    expect(Object.keys(twice.doc.model.clusterPolicies!).sort()).toEqual(Object.keys(once.doc.model.clusterPolicies!).sort());
    expect(twice.doc.model.clusterPolicies).toEqual(once.doc.model.clusterPolicies);
    expect(twice.summary.every((l) => l.startsWith('Replaced'))).toBe(true);
  });

  it('avoids the priorities already used in the tier (no same-priority tie)', () => {
    const d = world();
    const taken = applyTemplate(d, { id: 'cluster-guardrails', options: { baselineDefaultDeny: false, monitoringNamespaceId: ns(d.model, 'monitoring') } }).doc;
    const renamed: Doc = { ...taken, model: { ...taken.model, clusterPolicies: Object.fromEntries(Object.values(taken.model.clusterPolicies!).map((p) => [`x-${p.id}`, { ...p, id: `x-${p.id}`, name: 'someone-elses' }])) } };
    const r = applyTemplate(renamed, { id: 'cluster-guardrails', options: { baselineDefaultDeny: false, monitoringNamespaceId: ns(d.model, 'monitoring') } });
    const prios = Object.values(r.doc.model.clusterPolicies!).map((p) => p.priority).sort();
    expect(prios).toEqual([10, 11]);
  });

  it('nothing chosen changes nothing', () => {
    const d = world();
    const r = applyTemplate(d, { id: 'cluster-guardrails', options: { baselineDefaultDeny: false } });
    expect(r.doc).toBe(d);
  });

  it('exports valid YAML that the importer reads back with no errors and the same verdicts', () => {
    const m = all(world()).doc.model;
    const yaml = exportManifests(m);
    expect(yaml).toContain('kind: ClusterNetworkPolicy');
    const back = importManifests([{ name: 'export.yaml', text: yaml }], world().model);
    expect(back.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(Object.keys(back.model.clusterPolicies ?? {})).toHaveLength(4);
    expect(can(back.model, 'shop', 'web')).toBe(false);
    expect(can(back.model, 'monitoring', 'db')).toBe(true);
  });
});
