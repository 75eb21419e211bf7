import { describe, expect, it } from 'vitest';
import { PROFILES } from '../model/factory.ts';
import type { Model, Service } from '../model/types.ts';
import { addPolicy, addService, addWorkload, newModel } from '../services/test-model.ts';
import { lintContext } from './context.ts';
import { serviceLbRules } from './services-lb.ts';

const run = (m: Model) => serviceLbRules.run(lintContext(m));
const ids = (m: Model) => run(m).map((f) => f.id);

function lbModel(svc: Partial<Service> = {}): Model {
  const m = newModel();
  addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...svc });
  return m;
}

function allowFrom(m: Model, cidr: string): void {
  addPolicy(m, 'shop', 'web-in', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr } }], ports: [{ port: 8080 }] }] });
}

describe('L-PORT-06: Service port instead of targetPort', () => {
  function model(port: number) {
    const m = newModel();
    addWorkload(m, 'app', 'client', { app: 'client' });
    addWorkload(m, 'app', 'api', { app: 'api' }, [{ name: 'https', containerPort: 6443 }]);
    addService(m, 'app', 'api', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 443, targetPort: 'https' }] });
    addPolicy(m, 'app', 'client-out', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port }] }],
    });
    return m;
  }
  it('flags an egress rule on the Service port', () => {
    const f = run(model(443));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'L-PORT-06', objectId: 'np:app/client-out', path: 'spec.egress[0].ports' });
    expect(f[0].message).toContain('listens on 6443');
  });
  it('is quiet for the targetPort', () => {
    expect(ids(model(6443))).toEqual([]);
  });
  it('flags an ingress rule on the Service port of its own backend', () => {
    const m = lbModel({ type: 'ClusterIP' });
    addPolicy(m, 'shop', 'web-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] });
    expect(ids(m)).toEqual(['L-PORT-06']);
  });
});

describe('L-LB-01 / L-LB-05: ipBlocks versus the source the backend sees', () => {
  it('node CIDR under Cluster + kube-proxy is the working pattern: no finding', () => {
    const m = lbModel();
    allowFrom(m, '10.0.0.0/16');
    expect(ids(m)).toEqual([]);
  });
  it('node CIDR under externalTrafficPolicy Local: L-LB-01 (and nothing gets in: L-LB-06)', () => {
    const m = lbModel({ externalTrafficPolicy: 'Local' });
    allowFrom(m, '10.0.0.0/16');
    expect(ids(m).sort()).toEqual(['L-LB-01', 'L-LB-06']);
  });
  it('node CIDR with a direct-to-pod LB: L-LB-01 and L-LB-04', () => {
    const m = lbModel();
    m.cluster.lbDeliveryMode = 'direct-to-pod';
    m.cluster.lbSourceCidrs = ['10.1.0.0/24'];
    allowFrom(m, '10.0.0.0/16');
    expect(ids(m).sort()).toEqual(['L-LB-01', 'L-LB-04']);
  });
  it('client CIDR under Cluster SNAT: L-LB-05', () => {
    const m = lbModel();
    allowFrom(m, '203.0.113.0/24');
    const f = run(m).filter((x) => x.id === 'L-LB-05');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', objectId: 'np:shop/web-in', path: 'spec.ingress[0].from[0].ipBlock' });
  });
  it('client CIDR under Local: no finding', () => {
    const m = lbModel({ externalTrafficPolicy: 'Local' });
    allowFrom(m, '203.0.113.0/24');
    expect(ids(m)).toEqual([]);
  });
});

describe('L-LB-06: backends admit nothing from the LB path', () => {
  it('default deny without an LB rule under Local', () => {
    const m = lbModel({ externalTrafficPolicy: 'Local' });
    addPolicy(m, 'shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(ids(m)).toEqual(['L-LB-06']);
  });
  it('Cilium SNAT with a node-CIDR ipBlock that Cilium ignores', () => {
    const m = lbModel();
    m.cluster.profile = { ...PROFILES.cilium };
    allowFrom(m, '10.0.0.0/16');
    // own-node traffic still gets in, so this is conditional, not "admits nothing"
    expect(ids(m)).toEqual([]);
  });
});

describe('L-LB-03: relying on loadBalancerSourceRanges', () => {
  it('no policy: the node ports let everyone in', () => {
    const f = run(lbModel({ loadBalancerSourceRanges: ['198.51.100.0/24'] }));
    expect(f.map((x) => [x.id, x.severity])).toEqual([['L-LB-03', 'info']]);
    expect(f[0].message).toContain('through the node ports');
  });
  it('node-IP rule under Cluster SNAT: node port traffic arrives from nodes, so it is admitted too', () => {
    const m = lbModel({ loadBalancerSourceRanges: ['198.51.100.0/24'] });
    allowFrom(m, '10.0.0.0/16');
    expect(ids(m)).toEqual(['L-LB-03']);
  });
  it('quiet when the pods themselves admit only the ranges (Local keeps the client)', () => {
    const m = lbModel({ loadBalancerSourceRanges: ['198.51.100.0/24'], externalTrafficPolicy: 'Local' });
    allowFrom(m, '198.51.100.0/24');
    expect(ids(m)).toEqual([]);
  });
  it('quiet without node ports; a warning when the platform does not enforce the ranges', () => {
    const m = lbModel({ loadBalancerSourceRanges: ['198.51.100.0/24'], allocateLoadBalancerNodePorts: false });
    expect(ids(m)).toEqual([]);
    m.cluster.lbSourceRangesEnforced = false;
    const f = run(m);
    expect(f.map((x) => [x.id, x.severity])).toEqual([['L-LB-03', 'warning']]);
    expect(f[0].message).toContain('does not enforce');
    expect(f[0].message).not.toContain('node ports');
  });
});

describe('L-LB-07: egress ipBlock to an in-cluster LB IP', () => {
  it('flags an ipBlock covering the LB status IP', () => {
    const m = lbModel({ status: { loadBalancerIPs: ['192.0.2.10'] } });
    addWorkload(m, 'app', 'client', { app: 'client' });
    addPolicy(m, 'app', 'out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '192.0.2.10/32' } }], ports: [{ port: 80 }] }] });
    const f = run(m);
    expect(f.map((x) => [x.id, x.path])).toEqual([['L-LB-07', 'spec.egress[0].to[0].ipBlock']]);
  });
});
