// After applying a template, the connections a user expects hold and the others do not,
// checked with the real evaluator and the LB path analysis.

import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc, Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { contains, describeConn } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { pathsFromSource } from '../services/paths.ts';
import { addExternal, addPolicy, addWorkload } from '../services/test-model.ts';
import { applyNamespaceIsolation, applyPublicEntry, applyStrictEgress, TEMPLATE_INFOS } from './index.ts';

function docWith(build: (m: Model) => void): Doc {
  const d = emptyDoc('t');
  d.model.cluster.nodeCidrs = ['10.0.0.0/16'];
  build(d.model);
  return d;
}

const can = (m: Model, from: string, to: string, proto: 'TCP' | 'UDP', port: number) => contains(connBetween(evaluate(m), from, to), proto, port);
const INTERNET = { id: 'ext:internet', name: 'internet', cidrs: ['203.0.113.0/24'] };

describe('public entry, private mesh', () => {
  let web = '', db = '', client = '';
  const base = () => docWith((m) => {
    web = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
    db = addWorkload(m, 'shop', 'db', { app: 'db' }, [{ containerPort: 5432 }]);
    client = addWorkload(m, 'other', 'client', { app: 'client' });
    addExternal(m, 'internet', ['203.0.113.0/24']);
  });

  it('under Cluster + kube-proxy: LB path via node addresses; the internet cannot reach pods directly', () => {
    const { doc, created } = applyPublicEntry(base(), { workloadIds: [web] });
    const m = doc.model;
    const svc = m.services['svc:shop/web'];
    expect(svc).toMatchObject({ type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 'http' }] });
    expect(created).toContain('svc:shop/web');
    expect(m.policies['np:shop/web-from-load-balancer'].ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(doc.layout['lb:svc:shop/web']).toBeDefined();

    expect(pathsFromSource(m, INTERNET, svc, ['loadbalancer']).map((p) => p.outcome)).toEqual(['reach']);
    expect(can(m, 'ext:internet', web, 'TCP', 8080)).toBe(false);
    expect(can(m, 'ext:internet', db, 'TCP', 5432)).toBe(false);
    // private mesh: pods keep talking
    expect(can(m, client, db, 'TCP', 5432)).toBe(true);
    expect(can(m, client, web, 'TCP', 8080)).toBe(true);
  });

  it('with no node addresses known, writes no rule (an empty `from` would admit everyone) and says why', () => {
    const d = base();
    d.model.cluster.nodeCidrs = [];
    const { doc, summary } = applyPublicEntry(d, { workloadIds: [web] });
    expect(doc.model.policies['np:shop/web-from-load-balancer']).toBeUndefined();
    expect(summary.some((l) => l.includes('no load-balancer source addresses are known'))).toBe(true);
    expect(can(doc.model, 'ext:internet', web, 'TCP', 8080)).toBe(false);
    expect(can(doc.model, client, db, 'TCP', 5432)).toBe(true);
  });

  it('under Local: admits the client ranges instead of node addresses', () => {
    const { doc } = applyPublicEntry(base(), { workloadIds: [web], externalTrafficPolicy: 'Local', sourceRanges: ['203.0.113.0/24'] });
    const m = doc.model;
    expect(m.policies['np:shop/web-from-load-balancer'].ingress![0].from).toEqual([{ ipBlock: { cidr: '203.0.113.0/24' } }]);
    expect(pathsFromSource(m, INTERNET, m.services['svc:shop/web'], ['loadbalancer'])[0].outcome).toBe('reach');
    expect(pathsFromSource(m, { id: 'x', name: 'x', cidrs: ['198.51.100.0/24'] }, m.services['svc:shop/web'], ['loadbalancer'])[0].outcome).toBe('no-reach');
    expect(can(m, 'ext:internet', db, 'TCP', 5432)).toBe(false);
  });

  it('under a direct-to-pod LB: admits lbSourceCidrs', () => {
    const d = base();
    d.model.cluster.lbDeliveryMode = 'direct-to-pod';
    d.model.cluster.lbSourceCidrs = ['10.1.0.0/24'];
    const { doc } = applyPublicEntry(d, { workloadIds: [web] });
    expect(doc.model.policies['np:shop/web-from-load-balancer'].ingress![0].from).toEqual([{ ipBlock: { cidr: '10.1.0.0/24' } }]);
    expect(pathsFromSource(doc.model, INTERNET, doc.model.services['svc:shop/web'], ['loadbalancer'])[0].outcome).toBe('reach');
  });
});

describe('strict egress through a gateway', () => {
  it('only the gateway reaches external networks; in-cluster and DNS stay open', () => {
    let gw = '', api = '', db = '', dns = '';
    const d = docWith((m) => {
      gw = addWorkload(m, 'app', 'gw', { app: 'gw' });
      api = addWorkload(m, 'app', 'api', { app: 'api' });
      db = addWorkload(m, 'data', 'db', { app: 'db' }, [{ containerPort: 5432 }]);
      dns = addWorkload(m, 'kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ containerPort: 53, protocol: 'UDP' }]);
      addExternal(m, 'internet', ['203.0.113.0/24']);
    });
    const m = applyStrictEgress(d, { gatewayId: gw }).doc.model;
    expect(can(m, api, 'ext:internet', 'TCP', 443)).toBe(false);
    expect(can(m, db, 'ext:internet', 'TCP', 443)).toBe(false);
    expect(can(m, gw, 'ext:internet', 'TCP', 443)).toBe(true);
    expect(can(m, api, gw, 'TCP', 3128)).toBe(true);
    expect(can(m, api, db, 'TCP', 5432)).toBe(true);
    expect(can(m, api, dns, 'UDP', 53)).toBe(true);
    // kube-system is out of scope by default: untouched
    expect(can(m, dns, 'ext:internet', 'TCP', 443)).toBe(true);
  });
});

describe('namespace isolation', () => {
  let x = '', y = '', z = '', dns = '';
  const base = () => docWith((m) => {
    x = addWorkload(m, 'a', 'x', { app: 'x' });
    y = addWorkload(m, 'a', 'y', { app: 'y' });
    z = addWorkload(m, 'b', 'z', { app: 'z' }, [{ containerPort: 5432 }]);
    dns = addWorkload(m, 'kube-system', 'coredns', { 'k8s-app': 'kube-dns' });
    addExternal(m, 'internet', ['203.0.113.0/24']);
    // z admits only namespace a on 5432
    addPolicy(m, 'b', 'z-in', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } } }], ports: [{ port: 5432 }] }] });
  });

  it('keeps traffic inside the namespace and DNS, cuts everything else', () => {
    const m = applyNamespaceIsolation(base(), { namespaceId: 'ns:a' }).doc.model;
    expect(can(m, x, y, 'TCP', 80)).toBe(true);
    expect(can(m, x, z, 'TCP', 5432)).toBe(false);
    expect(can(m, z, x, 'TCP', 80)).toBe(false);
    expect(can(m, x, dns, 'UDP', 53)).toBe(true);
    expect(can(m, x, dns, 'TCP', 53)).toBe(true);
    expect(can(m, x, dns, 'TCP', 80)).toBe(false);
    expect(can(m, x, 'ext:internet', 'TCP', 443)).toBe(false);
    expect(can(m, 'ext:internet', x, 'TCP', 443)).toBe(false);
  });

  it('optionally keeps today\'s cross-namespace flows as explicit rules with the same ports', () => {
    const before = evaluate(base().model);
    const { doc, summary } = applyNamespaceIsolation(base(), { namespaceId: 'ns:a', preserveCrossNamespace: true });
    const m = doc.model;
    expect(describeConn(connBetween(before, x, z))).toBe('TCP 5432');
    expect(describeConn(connBetween(evaluate(m), x, z))).toBe('TCP 5432');
    expect(can(m, z, x, 'TCP', 80)).toBe(true);
    expect(can(m, x, 'ext:internet', 'TCP', 443)).toBe(false);
    expect(m.policies['np:a/x-cross-namespace'].egress).toContainEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } }, podSelector: { matchLabels: { app: 'z' } } }],
      ports: [{ protocol: 'TCP', port: 5432 }],
    });
    expect(summary).toContain('Kept x -> b/z.');
  });
});

describe('template texts', () => {
  it('each template has a title, a description and assumptions', () => {
    expect(TEMPLATE_INFOS.map((t) => t.id)).toEqual(['public-entry', 'strict-egress', 'namespace-isolation', 'cluster-guardrails']);
    for (const t of TEMPLATE_INFOS) expect(t.title && t.what && t.assumptions.length).toBeTruthy();
  });
});
