import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyModel } from '../model/factory.ts';
import type { Model, NetworkPolicy } from '../model/types.ts';
import { exportManifests, exportObject, policyToManifest, effectivePolicyTypes } from './export.ts';
import { importManifests } from './import.ts';
import { needsQuotes } from './yaml-emit.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function shopModel(): Model {
  const m = emptyModel();
  m.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  return m;
}

function addPolicy(m: Model, p: Omit<NetworkPolicy, 'id' | 'namespaceId'>): NetworkPolicy {
  const full = { id: `np:shop/${p.name}`, namespaceId: 'ns:shop', ...p };
  m.policies[full.id] = full;
  return full;
}

// semantics.md 5.2, built by hand (not through the importer).
function canonicalPolicies(): Model {
  const m = shopModel();
  addPolicy(m, { name: 'default-deny-ingress', podSelector: {}, policyTypes: ['Ingress'] });
  addPolicy(m, {
    name: 'api-allow-from-web',
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } },
    ingress: [{
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }],
      ports: [{ port: 8080 }],
    }],
  });
  addPolicy(m, {
    name: 'web-egress',
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      },
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
    ],
  });
  return m;
}

describe('exportManifests: golden output (semantics.md 5.2 / 5.3)', () => {
  it('writes each canonical NetworkPolicy exactly as in the reference', () => {
    const docs = fixture('canonical-policies.yaml').split('---\n');
    const m = canonicalPolicies();
    expect(exportObject(m, 'np:shop/default-deny-ingress')).toBe(docs[0]);
    expect(exportObject(m, 'np:shop/api-allow-from-web')).toBe(docs[1]);
    expect(exportObject(m, 'np:shop/web-egress')).toBe(docs[2]);
  });

  it('writes the canonical LoadBalancer Service exactly as in the reference', () => {
    const m = shopModel();
    m.services['svc:shop/web'] = {
      id: 'svc:shop/web', namespaceId: 'ns:shop', name: 'web', type: 'LoadBalancer',
      selector: { 'app.kubernetes.io/name': 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true,
      loadBalancerSourceRanges: ['203.0.113.0/24'], clusterIP: '10.96.3.4',
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' },
    };
    expect(exportObject(m, 'svc:shop/web')).toBe(fixture('canonical-service.yaml'));
  });

  it('orders the stream Namespaces, Services, NetworkPolicies, sorted by namespace then name', () => {
    const m = canonicalPolicies();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: { team: 'x' } };
    m.services['s2'] = { id: 's2', namespaceId: 'ns:shop', name: 'b', type: 'ClusterIP', ports: [] };
    m.services['s1'] = { id: 's1', namespaceId: 'ns:shop', name: 'a', type: 'ClusterIP', ports: [] };
    m.services['s0'] = { id: 's0', namespaceId: 'ns:a', name: 'z', type: 'ClusterIP', ports: [] };
    const out = exportManifests(m);
    const heads = out.split('---\n').map((d) => {
      const kind = /^kind: (\S+)$/m.exec(d)![1];
      const name = /^ {2}name: (\S+)$/m.exec(d)![1];
      const ns = /^ {2}namespace: (\S+)$/m.exec(d)?.[1];
      return `${kind} ${ns ? `${ns}/` : ''}${name}`;
    });
    expect(heads).toEqual([
      'Namespace a', 'Namespace shop', 'Service a/z', 'Service shop/a', 'Service shop/b',
      'NetworkPolicy shop/api-allow-from-web', 'NetworkPolicy shop/default-deny-ingress', 'NetworkPolicy shop/web-egress',
    ]);
    expect(exportManifests(m, { kinds: ['NetworkPolicy'] }).startsWith('apiVersion: networking.k8s.io/v1\n')).toBe(true);
  });

  it('never exports the implied kubernetes.io/metadata.name label', () => {
    const m = emptyModel();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: { 'kubernetes.io/metadata.name': 'a' } };
    expect(exportManifests(m)).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n');
  });
});

describe('exportManifests: NetworkPolicy conventions', () => {
  it('emits the effective policyTypes (semantics.md 1.3 table)', () => {
    expect(effectivePolicyTypes({})).toEqual(['Ingress']);
    expect(effectivePolicyTypes({ policyTypes: [], egress: [] })).toEqual(['Ingress']);
    expect(effectivePolicyTypes({ egress: [{}] })).toEqual(['Ingress', 'Egress']);
    expect(effectivePolicyTypes({ policyTypes: ['Egress', 'Ingress'] })).toEqual(['Ingress', 'Egress']);
    expect(effectivePolicyTypes({ policyTypes: ['Egress'], egress: [] })).toEqual(['Egress']);
  });

  it('omits empty defaults, writes allow-all as ingress: [{}] and never from: [{}]', () => {
    const m = shopModel();
    const p = addPolicy(m, {
      name: 'p', podSelector: {}, policyTypes: [],
      ingress: [{ from: [], ports: [] }, { from: [{ ipBlock: { cidr: '10.1.2.3/8', except: [] } }] }],
      egress: [],
    });
    expect(exportObject(m, p.id)).toBe(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  ingress:
  - {}
  - from:
    - ipBlock:
        cidr: 10.0.0.0/8
`);
  });

  it('writes protocol on every port, drops endPort equal to port, canonicalises IPv6', () => {
    const m = shopModel();
    const p = addPolicy(m, {
      name: 'p', podSelector: {}, policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '2001:DB8:0:0::1/32', except: ['2001:db8:0:0:1::/80'] } }], ports: [{}, { port: 53, endPort: 53 }, { protocol: 'UDP', port: 1000, endPort: 2000 }, { port: 'dns' }] }],
    });
    expect(policyToManifest(m, p).spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:0:0:1::/80'] } }],
        ports: [{ protocol: 'TCP' }, { protocol: 'TCP', port: 53 }, { protocol: 'UDP', port: 1000, endPort: 2000 }, { protocol: 'TCP', port: 'dns' }],
      }],
    });
  });

  it('uses matchExpressions (sorted by key) when any requirement is not an equality', () => {
    const m = shopModel();
    const p = addPolicy(m, {
      name: 'p', podSelector: { matchLabels: { tier: 'db' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }, { key: 'app', operator: 'Exists' }] },
      policyTypes: ['Ingress'],
    });
    expect(policyToManifest(m, p).spec!).toMatchObject({
      podSelector: { matchExpressions: [
        { key: 'app', operator: 'Exists' },
        { key: 'env', operator: 'NotIn', values: ['dev', 'prod'] },
        { key: 'tier', operator: 'In', values: ['db'] },
      ] },
    });
    // a single-value In is an equality and collapses into matchLabels
    const q = addPolicy(m, { name: 'q', podSelector: { matchExpressions: [{ key: 'b', operator: 'In', values: ['1'] }], matchLabels: { a: 'x' } }, policyTypes: ['Ingress'] });
    expect(exportObject(m, q.id)).toContain('  podSelector:\n    matchLabels:\n      a: x\n      b: "1"\n');
  });

  it('keeps meaning: a policy with defaulted types re-imports to the same effective types and rules', () => {
    const m = shopModel();
    addPolicy(m, { name: 'egress-only', podSelector: {}, egress: [{ ports: [{ port: 443 }] }] });
    const back = importManifests([{ name: 'x.yaml', text: exportManifests(m) }]).model.policies['np:shop/egress-only'];
    expect(back.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(back.egress).toEqual([{ ports: [{ protocol: 'TCP', port: 443 }] }]);
    expect(back.ingress).toBeUndefined();
  });
});

describe('YAML quoting', () => {
  it('quotes values YAML 1.1 would read as booleans, nulls or numbers', () => {
    for (const s of ['true', 'False', 'yes', 'NO', 'on', 'Off', 'y', 'n', 'null', '~', '', '1', '1.0', '0x1F', '1e3', '.5', '2001-12-14', '-x', 'a: b', 'a #b', '*x', '&x', '!x', "'x", '"x', '%x', '@x', '`x', '{x}', '[x]', 'a,b', '|', '>', '?x', '1_000', '+1'])
      expect(needsQuotes(s), s).toBe(true);
    for (const s of ['web', 'app.kubernetes.io/name', 'k8s-app', 'v1.2', 'my_value', '10.0.0.0/8'])
      expect(needsQuotes(s), s).toBe(false);
  });

  it('writes quoted label values that survive a round trip through the importer as strings', () => {
    const m = emptyModel();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: { enabled: 'true', version: '1.0', mode: 'on', n: '123', empty: '' } };
    const text = exportManifests(m);
    expect(text).toContain('    enabled: "true"\n');
    expect(text).toContain('    empty: ""\n');
    const back = importManifests([{ name: 'a.yaml', text }]);
    expect(back.diagnostics).toEqual([]);
    expect(back.model.namespaces['ns:a'].labels).toEqual(m.namespaces['ns:a'].labels);
  });
});

describe('exportManifests: workloads (opt-in)', () => {
  it('are left out by default and exported as their own kind with template labels and ports', () => {
    const m = shopModel();
    m.workloads['w'] = { id: 'w', namespaceId: 'ns:shop', name: 'web', kind: 'Deployment', podLabels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }], replicas: 2 };
    m.workloads['c'] = { id: 'c', namespaceId: 'ns:shop', name: 'nightly', kind: 'CronJob', podLabels: { app: 'n' }, ports: [] };
    expect(exportManifests(m)).not.toContain('Deployment');
    const text = exportManifests(m, { kinds: ['Workload'] });
    const back = importManifests([{ name: 'w.yaml', text }]);
    expect(back.diagnostics).toEqual([]);
    expect(back.model.workloads['wl:shop/Deployment/web']).toMatchObject({ kind: 'Deployment', podLabels: { app: 'web' }, replicas: 2, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
    expect(back.model.workloads['wl:shop/CronJob/nightly']).toMatchObject({ kind: 'CronJob', podLabels: { app: 'n' } });
  });
});
