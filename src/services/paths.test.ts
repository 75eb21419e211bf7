// Hand-written expectations from semantics.md 2.4-2.7: who a LoadBalancer / NodePort backend
// sees as the source, and what "allow only from the nodes" really does.

import { describe, expect, it } from 'vitest';
import { PROFILES } from '../model/factory.ts';
import type { Model, Service } from '../model/types.ts';
import { externalPaths, pathsFromSource, type PathResult } from './paths.ts';
import { addExternal, addPolicy, addService, addWorkload, newModel } from './test-model.ts';

const INTERNET = { id: 'ext:internet', name: 'Internet', cidrs: ['203.0.113.0/24'] };
const OFFICE = { id: 'ext:office', name: 'office', cidrs: ['198.51.100.0/24'] };

/** shop/web behind a LoadBalancer on 80 -> http (8080); nodes are 10.0.0.0/16 (default settings). */
function shop(svc: Partial<Service> = {}): { m: Model; web: string; svc: Service } {
  const m = newModel();
  const web = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  const id = addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...svc });
  return { m, web, svc: m.services[id] };
}

function allowFromCidr(m: Model, cidr: string, port = 8080): void {
  addPolicy(m, 'shop', 'web-from', {
    podSelector: { matchLabels: { app: 'web' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr } }], ports: [{ protocol: 'TCP', port }] }],
  });
}

function denyAllIngress(m: Model): void {
  addPolicy(m, 'shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] });
}

const via = (rs: PathResult[], v: 'loadbalancer' | 'nodeport') => rs.filter((r) => r.via === v);

describe('LoadBalancer paths: "allow only from the node IPs" (semantics 2.7)', () => {
  it('works under externalTrafficPolicy Cluster with an SNATing kube-proxy', () => {
    const { m, web, svc } = shop();
    allowFromCidr(m, '10.0.0.0/16');
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb).toMatchObject({ backendId: web, targetPort: 8080, outcome: 'reach', seen: { kind: 'node', cidrs: ['10.0.0.0/16'] } });
    expect(lb.hops.map((h) => [h.kind, h.verdict])).toEqual([
      ['source-range', 'pass'],
      ['delivery', 'info'],
      ['port-map', 'pass'],
      ['ingress-policy', 'pass'],
    ]);
    expect(lb.hops[2].text).toContain('service port 80/TCP (http) -> targetPort 8080');
  });

  it('blocks every real client under externalTrafficPolicy Local, and says why', () => {
    const { m, svc } = shop({ externalTrafficPolicy: 'Local' });
    allowFromCidr(m, '10.0.0.0/16');
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.seen).toMatchObject({ kind: 'client', cidrs: ['203.0.113.0/24'] });
    expect(lb.outcome).toBe('no-reach');
    expect(lb.hops.at(-1)!.text).toContain('ipBlock of node addresses does not help');
  });

  it('admits exactly the client ranges of an ipBlock under Local', () => {
    const { m, svc } = shop({ externalTrafficPolicy: 'Local' });
    allowFromCidr(m, '203.0.113.0/24');
    expect(via(pathsFromSource(m, INTERNET, svc), 'loadbalancer')[0].outcome).toBe('reach');
    expect(via(pathsFromSource(m, OFFICE, svc), 'loadbalancer')[0].outcome).toBe('no-reach');
  });

  it('under Cluster, a backend that denies node addresses is reachable only via its own node', () => {
    const { m, svc } = shop();
    denyAllIngress(m);
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.outcome).toBe('conditional');
    expect(lb.hops.at(-1)).toMatchObject({ kind: 'ingress-policy', verdict: 'caveat' });
    expect(lb.hops.at(-1)!.text).toContain("own node");
  });

  it('a node-IP ipBlock matches nothing on the cilium profile (SNAT) unless node matching is on', () => {
    const { m, svc } = shop();
    m.cluster.profile = { ...PROFILES.cilium };
    allowFromCidr(m, '10.0.0.0/16');
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.seen.kind).toBe('node');
    expect(lb.outcome).toBe('conditional');
    expect(lb.hops.at(-1)!.text).toContain('policy-cidr-match-mode=nodes');
    m.cluster.profile = { ...PROFILES.cilium, ipBlockMatchesNodes: true };
    expect(via(pathsFromSource(m, INTERNET, svc), 'loadbalancer')[0].outcome).toBe('reach');
  });

  it('Cilium DSR keeps the client address even under Cluster', () => {
    const { m, svc } = shop();
    m.cluster.profile = { ...PROFILES.cilium, serviceProxy: 'cilium-dsr' };
    allowFromCidr(m, '203.0.113.0/24');
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb).toMatchObject({ outcome: 'reach', seen: { kind: 'client' } });
  });
});

describe('loadBalancerSourceRanges and the NodePort path', () => {
  it('drops sources outside the ranges at the LB, but not on the node port', () => {
    const { m, svc } = shop({ loadBalancerSourceRanges: ['198.51.100.0/24'] });
    allowFromCidr(m, '10.0.0.0/16');
    const internet = pathsFromSource(m, INTERNET, svc);
    expect(via(internet, 'loadbalancer')[0].outcome).toBe('no-reach');
    expect(via(internet, 'loadbalancer')[0].hops[0]).toMatchObject({ kind: 'source-range', verdict: 'block' });
    const np = via(internet, 'nodeport')[0];
    expect(np.outcome).toBe('reach');
    expect(np.hops[0]).toMatchObject({ kind: 'node-port', verdict: 'caveat' });
    expect(np.hops[0].text).toContain('bypasses');
    expect(via(pathsFromSource(m, OFFICE, svc), 'loadbalancer')[0].outcome).toBe('reach');
  });

  it('ignores the ranges when the cluster settings say they are not enforced', () => {
    const { m, svc } = shop({ loadBalancerSourceRanges: ['198.51.100.0/24'] });
    m.cluster.lbSourceRangesEnforced = false;
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.hops[0]).toMatchObject({ verdict: 'info' });
    expect(lb.outcome).toBe('reach');
  });

  it('splits a network that is partly inside the ranges', () => {
    const { m, svc } = shop({ loadBalancerSourceRanges: ['203.0.113.0/25'] });
    const lb = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.map((r) => [r.cidrs, r.outcome])).toEqual([
      [['203.0.113.0/25'], 'reach'],
      [['203.0.113.128/25'], 'no-reach'],
    ]);
  });

  it('has no node port path when allocateLoadBalancerNodePorts is false', () => {
    const { m, svc } = shop({ allocateLoadBalancerNodePorts: false });
    expect(pathsFromSource(m, INTERNET, svc).map((r) => r.via)).toEqual(['loadbalancer']);
  });

  it('a node-port-targeting LB needs node ports', () => {
    const { m, svc } = shop({ allocateLoadBalancerNodePorts: false });
    m.cluster.lbDeliveryMode = 'nodeport-passthrough';
    const [lb] = pathsFromSource(m, INTERNET, svc);
    expect(lb.outcome).toBe('no-reach');
    expect(lb.hops[1]).toMatchObject({ kind: 'node-port', verdict: 'block' });
  });

  it('a hostNetwork backend is not subject to NetworkPolicy', () => {
    const { m, svc } = shop({ externalTrafficPolicy: 'Local', allocateLoadBalancerNodePorts: false });
    m.workloads['wl:shop/Deployment/web'].hostNetwork = true;
    denyAllIngress(m);
    const [lb] = pathsFromSource(m, INTERNET, svc);
    expect(lb.outcome).toBe('reach');
    expect(lb.hops.at(-1)!.text).toContain('host network');
  });

  it('a NodePort Service: Cluster SNATs to nodes, Local keeps the client', () => {
    const { m, svc } = shop({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    allowFromCidr(m, '10.0.0.0/16');
    const [np] = pathsFromSource(m, INTERNET, svc);
    expect(np).toMatchObject({ via: 'nodeport', outcome: 'reach', port: { nodePort: 30080 }, seen: { kind: 'node' } });
    expect(np.hops[0].text).toContain('node port 30080');
    svc.externalTrafficPolicy = 'Local';
    expect(pathsFromSource(m, INTERNET, svc)[0]).toMatchObject({ outcome: 'no-reach', seen: { kind: 'client' } });
  });
});

describe('proxy and direct-to-pod load balancers', () => {
  it('the backend sees lbSourceCidrs, not nodes', () => {
    const { m, svc } = shop();
    m.cluster.lbDeliveryMode = 'direct-to-pod';
    m.cluster.lbSourceCidrs = ['10.1.0.0/24'];
    allowFromCidr(m, '10.0.0.0/16');
    expect(via(pathsFromSource(m, INTERNET, svc), 'loadbalancer')[0]).toMatchObject({ outcome: 'no-reach', seen: { kind: 'lb', cidrs: ['10.1.0.0/24'] } });
    allowFromCidr(m, '10.1.0.0/24');
    expect(via(pathsFromSource(m, INTERNET, svc), 'loadbalancer')[0].outcome).toBe('reach');
  });

  it('unknown LB addresses do not matter when the backend is not isolated', () => {
    const { m, svc } = shop();
    m.cluster.lbDeliveryMode = 'proxy';
    const [lb] = via(pathsFromSource(m, INTERNET, svc), 'loadbalancer');
    expect(lb.outcome).toBe('reach');
    expect(lb.hops[1]).toMatchObject({ kind: 'delivery', verdict: 'caveat' });
  });

  it('is conditional when the LB addresses are unknown and the backend is isolated', () => {
    const { m, svc } = shop();
    m.cluster.lbDeliveryMode = 'proxy';
    allowFromCidr(m, '10.1.0.0/24');
    expect(via(pathsFromSource(m, INTERNET, svc), 'loadbalancer')[0].outcome).toBe('conditional');
  });
});

describe('per-backend targetPort resolution on the path', () => {
  it('a named targetPort maps to different numbers, and policy is checked on each', () => {
    const m = newModel();
    const v1 = addWorkload(m, 'shop', 'web-v1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
    const v2 = addWorkload(m, 'shop', 'web-v2', { app: 'web' }, [{ name: 'http', containerPort: 9090 }]);
    const v3 = addWorkload(m, 'shop', 'web-v3', { app: 'web' }, [{ name: 'metrics', containerPort: 9100 }]);
    const id = addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], allocateLoadBalancerNodePorts: false, externalTrafficPolicy: 'Local' });
    addPolicy(m, 'shop', 'web', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080 }] }] });
    const rs = pathsFromSource(m, INTERNET, m.services[id]);
    expect(rs.map((r) => [r.backendId, r.targetPort, r.outcome])).toEqual([
      [v1, 8080, 'reach'],
      [v2, 9090, 'no-reach'],
      [v3, undefined, 'no-reach'],
    ]);
    expect(rs[2].hops.at(-1)!.text).toContain("no TCP container port named 'http'");
  });

  it('reports a Service without selector instead of guessing', () => {
    const m = newModel();
    const id = addService(m, 'shop', 'ext', { type: 'LoadBalancer', ports: [{ port: 80 }], allocateLoadBalancerNodePorts: false });
    const [r] = pathsFromSource(m, INTERNET, m.services[id]);
    expect(r.outcome).toBe('no-reach');
    expect(r.hops.at(-1)!.text).toContain('no selector');
  });
});

describe('externalPaths', () => {
  it('covers every external network and every NodePort / LoadBalancer Service', () => {
    const { m } = shop({ allocateLoadBalancerNodePorts: false });
    addExternal(m, 'internet', ['203.0.113.0/24']);
    addExternal(m, 'office', ['198.51.100.0/24']);
    addService(m, 'shop', 'internal', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const rs = externalPaths(m);
    expect(rs.map((r) => `${r.sourceName}->${r.serviceName}/${r.via}`)).toEqual(['internet->shop/web/loadbalancer', 'office->shop/web/loadbalancer']);
    // plain data: survives a JSON round trip unchanged (crosses the Worker boundary)
    expect(JSON.parse(JSON.stringify(rs))).toEqual(rs);
  });
});
