import { describe, expect, it } from 'vitest';
import { loadBalancerReach, serviceAccess } from './reach.ts';
import { addExternal, addPolicy, addService, addWorkload, newModel } from './test-model.ts';

describe('serviceAccess: in-cluster client -> ClusterIP', () => {
  // The API-server example of semantics 2.1: Service 443 -> endpoints 6443.
  function model(egressPort: number) {
    const m = newModel();
    const client = addWorkload(m, 'app', 'client', { app: 'client' });
    const api = addWorkload(m, 'app', 'api', { app: 'api' }, [{ name: 'https', containerPort: 6443 }]);
    const svc = addService(m, 'app', 'api', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ name: 'https', port: 443, targetPort: 'https' }] });
    addPolicy(m, 'app', 'client-egress', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: egressPort }] }],
    });
    return { m, client, api, svc };
  }

  it('an egress rule for the Service port alone does not allow it', () => {
    const { m, client, api, svc } = model(443);
    const r = serviceAccess(m, client, svc);
    expect(r.ports[0].outcome).toBe('no-reach');
    expect(r.ports[0].backends[0]).toMatchObject({ backendId: api, targetPort: 6443, egressAllows: false, ingressAllows: true });
    expect(r.ports[0].backends[0].text).toContain("client's egress policy");
  });

  it('an egress rule for the targetPort allows it', () => {
    const { m, client, svc } = model(6443);
    expect(serviceAccess(m, client, svc).ports[0]).toMatchObject({ port: 443, outcome: 'reach', backends: [{ targetPort: 6443, allowed: true }] });
  });

  it('checks the backend ingress on each backend own targetPort', () => {
    const m = newModel();
    const client = addWorkload(m, 'app', 'client', { app: 'client' });
    addWorkload(m, 'app', 'api-a', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]);
    addWorkload(m, 'app', 'api-b', { app: 'api' }, [{ name: 'http', containerPort: 9090 }]);
    const svc = addService(m, 'app', 'api', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'http' }] });
    addPolicy(m, 'app', 'api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 8080 }] }] });
    const p = serviceAccess(m, client, svc).ports[0];
    expect(p.outcome).toBe('partial');
    expect(p.backends.map((b) => [b.targetPort, b.allowed])).toEqual([[8080, true], [9090, false]]);
  });
});

describe('loadBalancerReach', () => {
  it('summarises per LB which networks reach which backends and ports', () => {
    const m = newModel();
    const web = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
    const svc = addService(m, 'shop', 'web', {
      type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }],
      externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['198.51.100.0/24'], allocateLoadBalancerNodePorts: false,
    });
    addExternal(m, 'internet', ['203.0.113.0/24']);
    addExternal(m, 'office', ['198.51.100.0/24']);
    const [lb] = loadBalancerReach(m);
    expect(lb.serviceId).toBe(svc);
    expect(lb.rows.map((r) => [r.sourceName, r.port, r.backendId, r.targetPort, r.outcome])).toEqual([
      ['internet', '80/TCP', web, 8080, 'no-reach'],
      ['office', '80/TCP', web, 8080, 'reach'],
    ]);
  });
});
