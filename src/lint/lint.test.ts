import { describe, expect, it } from 'vitest';
import { emptyModel, ids } from '../model/factory.ts';
import type { ContainerPort, Model, NetworkPolicy, Service, Workload } from '../model/types.ts';
import { lint } from './lint.ts';
import type { LintFinding } from './types.ts';

// A tiny design: namespaces shop and monitoring, web -> api in shop.
function base(): Model {
  const m = emptyModel();
  m.cluster.nodeCidrs = ['10.0.0.0/16'];
  for (const name of ['shop', 'monitoring']) m.namespaces[ids.namespace(name)] = { id: ids.namespace(name), name, labels: {} };
  addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  addWorkload(m, 'shop', 'api', { app: 'api' }, [{ name: 'grpc', containerPort: 9090 }]);
  addWorkload(m, 'monitoring', 'prometheus', { app: 'prometheus' }, []);
  return m;
}

function addWorkload(m: Model, ns: string, name: string, podLabels: Record<string, string>, ports: ContainerPort[]): Workload {
  const w: Workload = { id: ids.workload(ns, 'Deployment', name), namespaceId: ids.namespace(ns), name, kind: 'Deployment', podLabels, ports };
  m.workloads[w.id] = w;
  return w;
}

function addPolicy(m: Model, ns: string, name: string, spec: Omit<NetworkPolicy, 'id' | 'namespaceId' | 'name'>): NetworkPolicy {
  const np: NetworkPolicy = { id: ids.policy(ns, name), namespaceId: ids.namespace(ns), name, ...spec };
  m.policies[np.id] = np;
  return np;
}

function addService(m: Model, ns: string, name: string, spec: Omit<Service, 'id' | 'namespaceId' | 'name'>): void {
  m.services[ids.service(ns, name)] = { id: ids.service(ns, name), namespaceId: ids.namespace(ns), name, ...spec };
}

function only(findings: LintFinding[], id: string): LintFinding[] {
  return findings.filter((f) => f.id === id);
}

const DNS_EGRESS = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP' as const, port: 53 }, { protocol: 'TCP' as const, port: 53 }],
};

describe('policyTypes (L-PT)', () => {
  it('L-PT-01: egress rules without policyTypes also deny ingress', () => {
    const m = base();
    addPolicy(m, 'shop', 'web-egress', { podSelector: { matchLabels: { app: 'web' } }, egress: [DNS_EGRESS] });
    const f = only(lint(m), 'L-PT-01');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', object: 'NetworkPolicy shop/web-egress', path: 'spec.policyTypes' });
    m.policies[ids.policy('shop', 'web-egress')].policyTypes = ['Egress'];
    expect(only(lint(m), 'L-PT-01')).toEqual([]);
  });

  it('L-PT-02: `egress: []` without policyTypes does not isolate egress', () => {
    const m = base();
    addPolicy(m, 'shop', 'deny-egress', { podSelector: {}, egress: [] });
    expect(only(lint(m), 'L-PT-02').map((f) => f.path)).toEqual(['spec.egress']);
    delete m.policies[ids.policy('shop', 'deny-egress')].egress;
    expect(only(lint(m), 'L-PT-02')).toEqual([]);
  });

  it('L-PT-03: ingress rules ignored when policyTypes lists only Egress', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}], egress: [DNS_EGRESS] });
    expect(only(lint(m), 'L-PT-03').map((f) => f.path)).toEqual(['spec.ingress']);
  });
});

describe('peers (L-PEER-02)', () => {
  it('flags a namespaceSelector item next to a podSelector item (OR), not one item with both (AND)', () => {
    const m = base();
    addPolicy(m, 'shop', 'or', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }, { podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    addPolicy(m, 'shop', 'and', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }],
    });
    const f = only(lint(m), 'L-PEER-02');
    expect(f.map((x) => [x.object, x.path])).toEqual([['NetworkPolicy shop/or', 'spec.ingress[0].from']]);
  });
});

describe('selectors (L-SEL)', () => {
  it('L-SEL-01: policy podSelector and peers that match nothing; namespaces outside the design are not judged', () => {
    const m = base();
    addPolicy(m, 'shop', 'typo', {
      podSelector: { matchLabels: { app: 'wbe' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] }],
      egress: [DNS_EGRESS],
    });
    const f = only(lint(m), 'L-SEL-01');
    expect(f.map((x) => x.path)).toEqual(['spec.ingress[0].from[0]', 'spec.podSelector']);
    expect(f[0].message).toContain('never reaches other namespaces');
  });

  it('L-SEL-01: a namespaceSelector matching no namespace', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] });
    expect(only(lint(m), 'L-SEL-01').map((x) => x.path)).toEqual(['spec.ingress[0].from[0].namespaceSelector']);
    m.namespaces[ids.namespace('monitoring')].labels.team = 'ops';
    expect(only(lint(m), 'L-SEL-01')).toEqual([]);
  });

  it('L-SEL-02: `name: monitoring` is not a label namespaces carry', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } } }] }] });
    const f = only(lint(m), 'L-SEL-02');
    expect(f).toHaveLength(1);
    expect(f[0].hint).toContain('kubernetes.io/metadata.name: monitoring');
    expect(only(lint(m), 'L-SEL-01')).toEqual([]); // the more specific finding only
    m.namespaces[ids.namespace('monitoring')].labels.name = 'monitoring';
    expect(only(lint(m), 'L-SEL-02')).toEqual([]);
  });

  it('L-SEL-03: controller-generated label keys', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: { matchLabels: { 'pod-template-hash': '5d8f7b' } } });
    addService(m, 'shop', 's', { type: 'ClusterIP', selector: { 'statefulset.kubernetes.io/pod-name': 'db-0' }, ports: [{ port: 80 }] });
    expect(only(lint(m), 'L-SEL-03').map((f) => f.object)).toEqual(['NetworkPolicy shop/p', 'Service shop/s']);
  });

  it('L-SEL-04: NotIn / DoesNotExist also match pods without the key', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] } });
    const f = only(lint(m), 'L-SEL-04');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', path: 'spec.podSelector' });
  });
});

describe('ports (L-PORT)', () => {
  it('L-PORT-01: port 53 without protocol is TCP only', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53 }] }] });
    expect(only(lint(m), 'L-PORT-01').map((f) => f.path)).toEqual(['spec.egress[0].ports[0]']);
    m.policies[ids.policy('shop', 'p')].egress = [{ ports: [{ port: 53 }, { protocol: 'UDP', port: 53 }] }];
    expect(only(lint(m), 'L-PORT-01')).toEqual([]);
  });

  it('L-PORT-03: named port no destination pod defines (with that protocol)', () => {
    const m = base();
    addPolicy(m, 'shop', 'api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 'grpc' }, { port: 'http' }, { protocol: 'UDP', port: 'grpc' }] }] });
    expect(only(lint(m), 'L-PORT-03').map((f) => f.path)).toEqual(['spec.ingress[0].ports[1]', 'spec.ingress[0].ports[2]']);
  });

  it('L-PORT-03: egress named ports resolve on the peer pods', () => {
    const m = base();
    addPolicy(m, 'shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'grpc' }, { port: 'http' }] }, DNS_EGRESS],
    });
    expect(only(lint(m), 'L-PORT-03').map((f) => f.path)).toEqual(['spec.egress[0].ports[1]']);
  });

  it('L-PORT-05: named port toward ipBlock-only peers', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 'https' }] }] });
    expect(only(lint(m), 'L-PORT-05').map((f) => f.path)).toEqual(['spec.egress[0].ports[0]']);
    expect(only(lint(m), 'L-PORT-03')).toEqual([]);
  });
});

describe('ports (L-PORT-04, L-PORT-07)', () => {
  it('L-PORT-04: an egress named port that maps to different numbers on different destinations', () => {
    const m = base();
    addWorkload(m, 'shop', 'web-v2', { app: 'web' }, [{ name: 'http', containerPort: 8081 }]);
    addPolicy(m, 'shop', 'api-out', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }, DNS_EGRESS],
    });
    const f = only(lint(m), 'L-PORT-04');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('8080 on Deployment shop/web');
    expect(f[0].message).toContain('8081 on Deployment shop/web-v2');
    delete m.workloads[ids.workload('shop', 'Deployment', 'web-v2')];
    expect(only(lint(m), 'L-PORT-04')).toEqual([]);
  });

  it('L-PORT-07: endPort and SCTP are not supported everywhere', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 8100 }, { protocol: 'SCTP', port: 9 }, { port: 80 }] }] });
    expect(only(lint(m), 'L-PORT-07').map((f) => f.path)).toEqual(['spec.ingress[0].ports[0]', 'spec.ingress[0].ports[1]']);
  });
});

describe('ipBlock aimed at cluster ranges (L-IPB-02/03/05)', () => {
  it('flags blocks inside the Service, node and pod ranges, and blocks covering known pod IPs', () => {
    const m = base(); // default ranges: nodes 10.0.0.0/16, pods 10.244.0.0/16, services 10.96.0.0/12
    m.workloads[ids.workload('shop', 'Deployment', 'api')].podIPs = ['192.168.7.20'];
    addPolicy(m, 'shop', 'p', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [
          { ipBlock: { cidr: '10.96.0.10/32' } },
          { ipBlock: { cidr: '10.0.0.0/24' } },
          { ipBlock: { cidr: '10.244.3.0/24' } },
          { ipBlock: { cidr: '192.168.7.0/24' } },
          { ipBlock: { cidr: '203.0.113.0/24' } },
          { ipBlock: { cidr: '10.0.0.0/8' } },
        ],
      }, DNS_EGRESS],
    });
    const f = lint(m).filter((x) => /^L-IPB-0[235]$/.test(x.id));
    // sorted: warnings before infos, then by id and path; 203.0.113.0/24 and 10.0.0.0/8 are fine
    expect(f.map((x) => [x.id, x.path])).toEqual([
      ['L-IPB-03', 'spec.egress[0].to[0].ipBlock'],
      ['L-IPB-02', 'spec.egress[0].to[2].ipBlock'],
      ['L-IPB-02', 'spec.egress[0].to[3].ipBlock'],
      ['L-IPB-05', 'spec.egress[0].to[1].ipBlock'],
    ]);
  });
});

describe('hostNetwork (L-PEER-04)', () => {
  it('notes policies that select or peer hostNetwork workloads', () => {
    const m = base();
    const agent = addWorkload(m, 'monitoring', 'node-exporter', { app: 'node-exporter' }, [{ name: 'metrics', containerPort: 9100 }]);
    agent.kind = 'DaemonSet';
    agent.hostNetwork = true;
    addPolicy(m, 'monitoring', 'exporter', { podSelector: { matchLabels: { app: 'node-exporter' } }, ingress: [{}] });
    addPolicy(m, 'shop', 'to-exporter', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
    });
    expect(only(lint(m), 'L-PEER-04').map((f) => [f.object, f.path])).toEqual([
      ['NetworkPolicy monitoring/exporter', 'spec.podSelector'],
      ['NetworkPolicy shop/to-exporter', 'spec.ingress[0].from[0]'],
    ]);
  });
});

describe('ipBlock (L-IPB-04)', () => {
  it('0.0.0.0/0 without excepting the pod network', () => {
    const m = base();
    addPolicy(m, 'shop', 'p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] });
    expect(only(lint(m), 'L-IPB-04').map((f) => f.path)).toEqual(['spec.ingress[0].from[0].ipBlock']);
    m.policies[ids.policy('shop', 'p')].ingress = [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }];
    expect(only(lint(m), 'L-IPB-04')).toEqual([]); // 10.0.0.0/8 covers the default pod CIDR 10.244.0.0/16
  });
});

describe('DNS (L-DNS-01)', () => {
  it('egress-isolated pods need UDP and TCP 53 to the DNS pods', () => {
    const m = base();
    addPolicy(m, 'shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
    });
    addPolicy(m, 'shop', 'api-out', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: DNS_EGRESS.to, ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    const f = only(lint(m), 'L-DNS-01');
    expect(f.map((x) => x.object)).toEqual(['Deployment shop/api', 'Deployment shop/web']);
    expect(f[0].message).toContain('TCP 53');
    expect(f[0].message).not.toContain('UDP 53');
    expect(f[1].message).toContain('UDP 53 and TCP 53');
  });

  it('is satisfied by a rule to kube-dns on both protocols, and ignores pods not isolated for egress', () => {
    const m = base();
    addPolicy(m, 'shop', 'web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [DNS_EGRESS] });
    addPolicy(m, 'shop', 'api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{}] });
    expect(only(lint(m), 'L-DNS-01')).toEqual([]);
  });

  it('a DNS rule aimed at the wrong namespace does not count', () => {
    const m = base();
    addPolicy(m, 'shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: DNS_EGRESS.ports }],
    });
    expect(only(lint(m), 'L-DNS-01').map((f) => f.object)).toEqual(['Deployment shop/web']);
  });
});

describe('services (L-SVC)', () => {
  it('L-SVC-01: selector matching no pod', () => {
    const m = base();
    addService(m, 'shop', 'web', { type: 'ClusterIP', selector: { app: 'frontend' }, ports: [{ port: 80, targetPort: 8080 }] });
    expect(only(lint(m), 'L-SVC-01').map((f) => f.object)).toEqual(['Service shop/web']);
  });

  it('L-SVC-02: named targetPort missing on selected pods', () => {
    const m = base();
    addWorkload(m, 'shop', 'web-canary', { app: 'web' }, [{ name: 'web', containerPort: 8080 }]);
    addService(m, 'shop', 'web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    const f = only(lint(m), 'L-SVC-02');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('Deployment shop/web-canary');
    expect(f[0].message).not.toContain('Deployment shop/web,');
  });

  it('L-SVC-03: multi-port Service with unnamed or duplicate port names is rejected', () => {
    const m = base();
    addService(m, 'shop', 'api', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }, { port: 82 }] });
    const f = only(lint(m), 'L-SVC-03');
    expect(f.map((x) => [x.severity, x.path])).toEqual([
      ['error', 'spec.ports[1].name'],
      ['error', 'spec.ports[2].name'],
    ]);
    addService(m, 'shop', 'one', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 80 }] });
    expect(only(lint(m), 'L-SVC-03').filter((x) => x.object === 'Service shop/one')).toEqual([]);
  });
});

describe('shadowed policies (L-SHADOW-01)', () => {
  it('flags a policy whose connections another policy already allows, not the wider one or a deny-all', () => {
    const m = base();
    addPolicy(m, 'shop', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    addPolicy(m, 'shop', 'api-from-web-8080', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 9090 }] }],
    });
    addPolicy(m, 'shop', 'api-from-web', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    const f = only(lint(m), 'L-SHADOW-01');
    expect(f.map((x) => x.object)).toEqual(['NetworkPolicy shop/api-from-web-8080']);
    expect(f[0].message).toContain('shop/api-from-web');
  });

  it('does not flag policies that add access', () => {
    const m = base();
    addPolicy(m, 'shop', 'api-from-web', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 9090 }] }] });
    addPolicy(m, 'shop', 'api-from-prom', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: 9090 }] }],
    });
    expect(only(lint(m), 'L-SHADOW-01')).toEqual([]);
  });

  it('does not flag a policy whose rules only reach outside the design (DNS in kube-system)', () => {
    const m = base();
    addPolicy(m, 'shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    addPolicy(m, 'shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_EGRESS] });
    expect(only(lint(m), 'L-SHADOW-01')).toEqual([]);
  });
});
