// Intents with a load balancer at one end, against hand-written expectations, checked with the
// evaluator (pod-level connections) and the LB path analysis (external -> LB -> backend).

import { describe, expect, it } from 'vitest';
import { PROFILES } from '../model/factory.ts';
import type { Model } from '../model/types.ts';
import { pathsFromSource } from '../services/paths.ts';
import { serviceAccess } from '../services/reach.ts';
import { addExternal, addPolicy, addService, addWorkload, newModel } from '../services/test-model.ts';
import { evaluate, ingressAllowedFrom } from './evaluate.ts';
import { intentStatus } from './intent-status.ts';
import { contains } from './portset.ts';
import { connBetween } from './reachability.ts';
import { applySynthesis, synthesize } from './synthesize.ts';

const INTERNET = { id: 'x', name: 'internet', cidrs: ['203.0.113.0/24'] };
const NS = 'kubernetes.io/metadata.name';

interface Design { m: Model; web: string; api: string; client: string; svc: string; lb: string; internet: string }

/**
 * shop (default deny ingress): web serves 'http' = 8080, api serves 9000; LoadBalancer front
 * 443 -> targetPort 'http' selects web. client (default deny egress) holds client. Default
 * cluster: nodes 10.0.0.0/16, pods 10.244.0.0/16, services 10.96.0.0/12, upstream + kube-proxy.
 */
function design(etp?: 'Cluster' | 'Local', sourceRanges?: string[]): Design {
  const m = newModel();
  const web = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  const api = addWorkload(m, 'shop', 'api', { app: 'api' }, [{ containerPort: 9000 }]);
  const client = addWorkload(m, 'client', 'client', { app: 'client' });
  const svc = addService(m, 'shop', 'front', {
    type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'https', port: 443, targetPort: 'http' }],
    ...(etp ? { externalTrafficPolicy: etp } : {}), ...(sourceRanges ? { loadBalancerSourceRanges: sourceRanges } : {}),
  });
  const internet = addExternal(m, 'internet', ['203.0.113.0/24']);
  m.namespaceDefaults['ns:shop'] = { denyIngress: true, denyEgress: false, allowDns: false };
  m.namespaceDefaults['ns:client'] = { denyIngress: false, denyEgress: true, allowDns: false };
  return { m, web, api, client, svc, lb: `lb:${svc}`, internet };
}

const lbPaths = (m: Model, svc: string, src = INTERNET) => pathsFromSource(m, src, m.services[svc], ['loadbalancer']);
const can = (m: Model, from: string, to: string, port: number): boolean => contains(connBetween(evaluate(m), from, to), 'TCP', port);

describe('intent from a load balancer to its backend', () => {
  it('externalTrafficPolicy Cluster + kube-proxy: web admits the node CIDRs on the target port, and the LB path reaches', () => {
    const d = design();
    d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(lbPaths(m, d.svc).map((p) => [p.backendId, p.targetPort, p.seen.kind, p.outcome])).toEqual([[d.web, 8080, 'node', 'reach']]);
    // The rule admits node addresses, not the Internet directly.
    expect(can(m, d.internet, d.web, 8080)).toBe(false);
    const st = intentStatus(m, evaluate(m)).i!;
    expect(st.met).toBe(true);
    expect(st.reason).toContain('allowed: TCP 8080 at shop/web');
  });

  it('externalTrafficPolicy Local: web admits the client ranges (everything outside the cluster ranges)', () => {
    const d = design('Local');
    d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [{ port: 443 }] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{
      from: [
        { ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.0/16', '10.96.0.0/12', '10.0.0.0/16'] } },
        { ipBlock: { cidr: '::/0' } },
      ],
      ports: [{ protocol: 'TCP', port: 8080 }],
    }]);
    expect(lbPaths(m, d.svc).map((p) => [p.seen.kind, p.outcome])).toEqual([['client', 'reach']]);
    expect(can(m, d.internet, d.web, 8080)).toBe(true);
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: true });
  });

  it('externalTrafficPolicy Local with loadBalancerSourceRanges: web admits exactly those ranges', () => {
    const d = design('Local', ['203.0.113.0/24']);
    d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress![0]!.from).toEqual([{ ipBlock: { cidr: '203.0.113.0/24' } }]);
    expect(lbPaths(m, d.svc)[0]!.outcome).toBe('reach');
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: true });
  });

  it('Cilium DSR keeps the client; a direct-to-pod LB is admitted by lbSourceCidrs', () => {
    const dsr = design();
    dsr.m.cluster.profile = { ...PROFILES.upstream, serviceProxy: 'cilium-dsr' };
    dsr.m.intents.i = { id: 'i', fromId: dsr.lb, toId: dsr.web, ports: [] };
    expect(applySynthesis(dsr.m).policies['gen:shop/allow-ingress-web']!.ingress![0]!.from![0]).toEqual({ ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.0/16', '10.96.0.0/12', '10.0.0.0/16'] } });

    const nlb = design();
    nlb.m.cluster.lbDeliveryMode = 'direct-to-pod';
    nlb.m.cluster.lbSourceCidrs = ['10.1.0.0/24'];
    nlb.m.intents.i = { id: 'i', fromId: nlb.lb, toId: nlb.web, ports: [] };
    const m = applySynthesis(nlb.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress![0]!.from).toEqual([{ ipBlock: { cidr: '10.1.0.0/24' } }]);
    expect(lbPaths(m, nlb.svc)[0]!.outcome).toBe('reach');
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: true });
  });

  it('reads intent ports as Service ports (a target port of the backend is accepted too) and rejects others', () => {
    for (const port of [443, 8080, 'https', 'http']) {
      const d = design();
      d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [{ port }] };
      expect(applySynthesis(d.m).policies['gen:shop/allow-ingress-web']!.ingress![0]!.ports, String(port)).toEqual([{ protocol: 'TCP', port: 8080 }]);
    }
    const d = design();
    d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [{ port: 80 }] };
    const r = synthesize(d.m);
    expect(r.policies.some((p) => p.name === 'allow-ingress-web')).toBe(false);
    expect(r.intents.i!.problems).toEqual([
      'port 80/TCP is not a port of the load balancer front (nor a target port web serves it on); its ports: 443/TCP (https) -> 8080',
      'intent not realised',
    ]);
  });

  it('reports a target that is not a backend, in synthesis and in status', () => {
    const d = design();
    d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.api, ports: [] };
    const r = synthesize(d.m);
    expect(r.intents.i!.problems).toEqual(['shop/api is not a backend of load balancer shop/front (its selector app=web does not select it): the load balancer never sends traffic to it; intent not realised']);
    expect(r.policies.some((p) => p.name === 'allow-ingress-api')).toBe(false);
    const m = applySynthesis(d.m);
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: false });
    expect(intentStatus(m, evaluate(m)).i!.reason).toMatch(/^shop\/api is not a backend of load balancer shop\/front/);
  });

  it('is blocked, with the hop that blocks it, when a hand-written policy isolates the backend and no rule is generated', () => {
    for (const etp of ['Cluster', 'Local'] as const) {
      const d = design(etp);
      delete d.m.namespaceDefaults['ns:shop']; // not isolated by default: synthesis adds nothing
      addPolicy(d.m, 'shop', 'office-only', {
        podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'],
        ingress: [{ from: [{ ipBlock: { cidr: '192.0.2.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      });
      d.m.intents.i = { id: 'i', fromId: d.lb, toId: d.web, ports: [] };
      const m = applySynthesis(d.m);
      const st = intentStatus(m, evaluate(m)).i!;
      expect(st.met, etp).toBe(false);
      expect(st.missing).toEqual({ TCP: [[8080, 8080]], UDP: [], SCTP: [] });
      expect(st.reason).toContain(etp === 'Cluster'
        ? 'reaches only conditionally on the load-balancer path to shop/web (443/TCP -> 8080): the ingress policy of shop/web does not admit TCP 8080 from node addresses.'
        : 'blocked on the load-balancer path to shop/web (443/TCP -> 8080): the ingress policy of shop/web does not admit TCP 8080 from the client');
    }
  });
});

describe('intent from an external network to a load balancer', () => {
  it('under Cluster the backends admit the node CIDRs on the target port; status met', () => {
    const d = design();
    d.m.intents.i = { id: 'i', fromId: d.internet, toId: d.lb, ports: [{ port: 443 }] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(lbPaths(m, d.svc)[0]!.outcome).toBe('reach');
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: true });
  });

  it('under Local the backends admit the external network itself, and nobody else', () => {
    const d = design('Local');
    d.m.intents.i = { id: 'i', fromId: d.internet, toId: d.lb, ports: [] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(lbPaths(m, d.svc)[0]!.outcome).toBe('reach');
    expect(lbPaths(m, d.svc, { id: 'y', name: 'other', cidrs: ['198.51.100.0/24'] })[0]!.outcome).toBe('no-reach');
    expect(intentStatus(m, evaluate(m)).i).toMatchObject({ met: true });
  });

  it('an external network outside enforced loadBalancerSourceRanges: nothing generated, status blocked at the LB', () => {
    const d = design('Local', ['198.51.100.0/24']);
    d.m.intents.i = { id: 'i', fromId: d.internet, toId: d.lb, ports: [] };
    const r = synthesize(d.m);
    expect(r.policies.some((p) => p.name === 'allow-ingress-web')).toBe(false);
    expect(r.intents.i!.problems[0]).toMatch(/^internet is outside the loadBalancerSourceRanges of load balancer shop\/front/);
    const m = applySynthesis(d.m);
    const st = intentStatus(m, evaluate(m)).i!;
    expect(st.met).toBe(false);
    expect(st.reason).toContain('internet is outside loadBalancerSourceRanges (198.51.100.0/24): the load balancer drops it');
  });
});

describe('intent from a workload to a load balancer (in-cluster client of the LB IP)', () => {
  it('yields egress at the client and ingress at the backend on the target port, not the Service port', () => {
    const d = design();
    d.m.intents.i = { id: 'i', fromId: d.client, toId: d.lb, ports: [{ port: 443 }] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:client/allow-egress-client']!.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { [NS]: 'shop' } }, podSelector: { matchLabels: { app: 'web' } } }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    }]);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { [NS]: 'client' } }, podSelector: { matchLabels: { app: 'client' } } }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    }]);
    expect(can(m, d.client, d.web, 8080)).toBe(true);
    expect(can(m, d.client, d.web, 443)).toBe(false);
    expect(serviceAccess(m, d.client, d.svc).ports[0]!.outcome).toBe('reach');
    const st = intentStatus(m, evaluate(m)).i!;
    expect(st.met).toBe(true);
    expect(st.reason).toContain('allowed: TCP 8080 at shop/web');
  });

  it('is blocked, naming the hand-written policy, when the backend does not admit the client', () => {
    const d = design();
    delete d.m.namespaceDefaults['ns:shop'];
    addPolicy(d.m, 'shop', 'office-only', {
      podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '192.0.2.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
    d.m.intents.i = { id: 'i', fromId: d.client, toId: d.lb, ports: [] };
    const m = applySynthesis(d.m);
    expect(m.policies['gen:client/allow-egress-client']).toBeDefined();
    const st = intentStatus(m, evaluate(m)).i!;
    expect(st).toMatchObject({ met: false, missing: { TCP: [[8080, 8080]], UDP: [], SCTP: [] } });
    expect(st.reason).toBe('blocked by ingress at shop/web: isolated by shop/office-only (hand-written), no rule admits client/client');
  });
});

describe('ingressAllowedFrom with node addresses', () => {
  it('matches an ipBlock on node addresses only when the profile says ipBlock matches nodes', () => {
    const d = design();
    addPolicy(d.m, 'shop', 'nodes', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }] }] });
    const q = { kind: 'ip' as const, cidrs: ['10.0.0.0/16'], node: true };
    expect(contains(ingressAllowedFrom(d.m, d.web, q).allowed, 'TCP', 8080)).toBe(true);
    d.m.cluster.profile = { ...PROFILES.cilium };
    expect(contains(ingressAllowedFrom(d.m, d.web, q).allowed, 'TCP', 8080)).toBe(false);
    // an unknown source (no addresses) gets only what every source gets
    expect(ingressAllowedFrom(d.m, d.web, { kind: 'ip', cidrs: [] }).parts).toEqual([{ cidrs: [], allowed: { TCP: [], UDP: [], SCTP: [] } }]);
  });
});

describe('several LB intents needing the same rule', () => {
  it('share one rule in the backend policy', () => {
    const d = design();
    const office = addExternal(d.m, 'office', ['192.0.2.0/24']);
    d.m.intents = {
      a: { id: 'a', fromId: d.internet, toId: d.lb, ports: [] },
      b: { id: 'b', fromId: office, toId: d.lb, ports: [] },
      c: { id: 'c', fromId: d.lb, toId: d.web, ports: [] },
    };
    const m = applySynthesis(d.m);
    const np = m.policies['gen:shop/allow-ingress-web']!;
    expect(np.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(np.generated?.note).toBe('realises a, b, c');
    const st = intentStatus(m, evaluate(m));
    expect([st.a!.met, st.b!.met, st.c!.met]).toEqual([true, true, true]);
  });
});
