import { describe, it, expect } from 'vitest';
import { importManifests } from './import.ts';
import { formatDiagnostic } from './diagnostics.ts';
import type { Diagnostic } from './diagnostics.ts';
import { emptyModel, ids } from '../model/factory.ts';

const imp = (text: string, name = 'f.yaml') => importManifests([{ name, text }]);

/** A NetworkPolicy in namespace shop with the given spec (YAML, indented under `spec:`). */
const np = (spec: string, name = 'x') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n${spec}`;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe('importManifests: kinds', () => {
  it('imports namespaces, workloads of every kind, services and policies with derived ids', () => {
    const text = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: a, kubernetes.io/metadata.name: shop}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {owner: x}}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        ports: [{containerPort: 8080, name: http}, {containerPort: 9090, protocol: UDP}]
      initContainers:
      - name: sidecar
        restartPolicy: Always
        ports: [{containerPort: 15001, name: proxy}]
      - name: init
        ports: [{containerPort: 1234}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: nightly}}
        spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-abc
  namespace: shop
  labels: {app: web}
  ownerReferences: [{kind: ReplicaSet, name: web-123}]
spec:
  nodeName: node-1
  hostNetwork: true
  containers: [{name: c}]
status:
  podIP: 10.244.1.7
  podIPs: [{ip: 10.244.1.7}, {ip: "fd00::7"}]
  hostIP: 10.0.0.5
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  clusterIP: 10.96.0.10
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
  externalTrafficPolicy: Local
  loadBalancerSourceRanges: [203.0.113.0/24]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: shop}
`;
    const r = imp(text);
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.counts).toEqual({ Namespace: 1, Deployment: 1, CronJob: 1, Pod: 1, Service: 1 });
    expect(r.skipped).toEqual({ ConfigMap: 1 });
    const m = r.model;
    expect(m.namespaces['ns:shop']).toEqual({ id: 'ns:shop', name: 'shop', labels: { team: 'a' } });
    const web = m.workloads[ids.workload('shop', 'Deployment', 'web')];
    expect(web).toMatchObject({ kind: 'Deployment', name: 'web', namespaceId: 'ns:shop', podLabels: { app: 'web' }, replicas: 3, labels: { owner: 'x' } });
    // regular containers + restartable init containers (sidecars), not ordinary init containers
    expect(web.ports).toEqual([
      { containerPort: 8080, name: 'http' },
      { containerPort: 9090, protocol: 'UDP' },
      { containerPort: 15001, name: 'proxy' },
    ]);
    expect(m.workloads[ids.workload('shop', 'CronJob', 'nightly')].podLabels).toEqual({ app: 'nightly' });
    const pod = m.workloads[ids.workload('shop', 'Pod', 'web-abc')];
    expect(pod).toMatchObject({ kind: 'Pod', podLabels: { app: 'web' }, podIPs: ['10.244.1.7', 'fd00::7'], hostIP: '10.0.0.5', hostNetwork: true, nodeName: 'node-1' });
    const svc = m.services['svc:shop/web'];
    expect(svc).toEqual({
      id: 'svc:shop/web', namespaceId: 'ns:shop', name: 'web', type: 'LoadBalancer', selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }], externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['203.0.113.0/24'],
    });
  });

  it('creates namespaces implicitly and puts objects without a namespace into default', () => {
    const r = imp('apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: other}\nspec: {selector: {x: y}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n');
    expect(Object.keys(r.model.namespaces).sort()).toEqual(['ns:default', 'ns:other']);
    expect(r.model.workloads['wl:default/Pod/p'].namespaceId).toBe('ns:default');
    expect(r.model.services['svc:other/a'].type).toBe('ClusterIP');
  });

  it('merges into a copy of the base design: same id is replaced, base is untouched', () => {
    const base = emptyModel();
    base.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: { old: 'yes' } };
    base.workloads['wl-1'] = { id: 'wl-1', namespaceId: 'ns:shop', name: 'mine', kind: 'Deployment', podLabels: {}, ports: [] };
    const r = importManifests([{ name: 'f.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {new: x}}\n' }], base);
    expect(r.model.namespaces['ns:shop'].labels).toEqual({ new: 'x' });
    expect(r.model.workloads['wl-1'].name).toBe('mine');
    expect(base.namespaces['ns:shop'].labels).toEqual({ old: 'yes' });
  });

  it('keeps absent vs empty in NetworkPolicy exactly as written', () => {
    const r = imp(np('  podSelector: {}\n  policyTypes: []\n  ingress:\n  - {}\n  - from: []\n    ports: []\n  - from:\n    - podSelector: {}\n  egress: []\n'));
    const p = r.model.policies['np:shop/x'];
    expect(errors(r.diagnostics)).toEqual([]);
    expect(p.podSelector).toEqual({});
    expect(p.policyTypes).toEqual([]);
    expect(p.ingress).toEqual([{}, { from: [], ports: [] }, { from: [{ podSelector: {} }] }]);
    expect(p.egress).toEqual([]);
    const r2 = imp(np('  podSelector:\n    matchLabels: {app: api}\n'));
    const p2 = r2.model.policies['np:shop/x'];
    expect('policyTypes' in p2).toBe(false);
    expect('ingress' in p2).toBe(false);
    expect('egress' in p2).toBe(false);
  });

  it('treats a missing podSelector as {} (no omitempty)', () => {
    expect(imp(np('  policyTypes: [Ingress]\n')).model.policies['np:shop/x'].podSelector).toEqual({});
  });

  it('ignores server-populated fields and the last-applied annotation', () => {
    const r = imp('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  uid: 123\n  resourceVersion: "5"\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "{}"\n    note: hi\nstatus: {phase: Active}\n');
    expect(r.model.namespaces['ns:a']).toEqual({ id: 'ns:a', name: 'a', labels: {}, annotations: { note: 'hi' } });
  });

  it('warns when one import defines the same object twice', () => {
    const r = imp('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    expect(r.diagnostics.map((d) => [d.severity, d.doc, d.message])).toEqual([['warning', 2, 'defined more than once in this import; the later definition wins']]);
  });

  it('skips ExternalName services with an info note', () => {
    const r = imp('apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: example.com}\n');
    expect(r.model.services).toEqual({});
    expect(r.diagnostics[0].severity).toBe('info');
  });
});

describe('importManifests: NetworkPolicy validation (semantics.md 1.10)', () => {
  const one = (spec: string) => {
    const r = imp(np(spec));
    return { r, p: r.model.policies['np:shop/x'], e: errors(r.diagnostics) };
  };

  it('formats a port-range error with file, line, object and path', () => {
    const { e, p } = one('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n    - port: 80\n');
    expect(formatDiagnostic(e[0])).toBe('f.yaml:10: NetworkPolicy shop/x: spec.ingress[0].ports[0].port: port 70000 is out of range (1-65535)');
    expect(p.ingress).toEqual([{ ports: [{ port: 80 }] }]);
  });

  it('removes the whole rule (fail closed) when its only port is invalid, instead of widening to all ports', () => {
    const { e, p } = one('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - ports:\n    - port: 0\n');
    expect(p.ingress).toEqual([]);
    expect(e.map((d) => d.path)).toEqual(['spec.ingress[0].ports[0].port', 'spec.ingress[0].ports[0]', 'spec.ingress[0].ports']);
    expect(e[2].message).toMatch(/rule is removed rather than widened/);
  });

  it('pins policyTypes when removing the only egress rule would lift egress isolation', () => {
    const { r, p } = one('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: not-a-cidr}\n');
    expect(p.egress).toEqual([]);
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.path === 'spec.policyTypes')).toBe(true);
  });

  it('rejects an invalid CIDR, host bits set, and except that is not a strict subset', () => {
    const { e, p } = one(`  podSelector: {}
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.0/33}
    - ipBlock: {cidr: 10.1.2.3/24}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}
    - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    - ipBlock: {cidr: 10.0.0.0}
`);
    expect(e.map((d) => d.path)).toEqual([
      'spec.ingress[0].from[0].ipBlock.cidr', 'spec.ingress[0].from[1].ipBlock.cidr', 'spec.ingress[0].from[2].ipBlock.except[0]',
      'spec.ingress[0].from[3].ipBlock.except[0]', 'spec.ingress[0].from[5].ipBlock.cidr',
    ]);
    expect(e[1].message).toMatch(/host bits set; did you mean 10\.1\.2\.0\/24/);
    expect(e[2].message).toMatch(/not a strict subset of cidr 10\.0\.0\.0\/8/);
    expect(e[4].message).toMatch(/missing \/prefix/);
    expect(e.map((d) => d.line)).toEqual([10, 11, 12, 13, 15]);
    expect(p.ingress![0].from).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }]);
  });

  it('rejects an empty peer and ipBlock mixed with selectors', () => {
    const { e, p } = one('  podSelector: {}\n  ingress:\n  - from:\n    - {}\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}\n    - podSelector: {}\n');
    expect(e.map((d) => [d.path, d.message.slice(0, 30)])).toEqual([
      ['spec.ingress[0].from[0]', 'a peer must set podSelector, n'],
      ['spec.ingress[0].from[1]', 'ipBlock cannot be combined wit'],
    ]);
    expect(p.ingress![0].from).toEqual([{ podSelector: {} }]);
  });

  it('rejects unknown protocols (case-sensitive)', () => {
    const { e } = one('  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: tcp\n      port: 80\n    - protocol: ICMP\n');
    expect(e.filter((d) => d.path?.endsWith('protocol')).map((d) => d.message)).toEqual([
      'unknown protocol "tcp" (expected TCP, UDP or SCTP)', 'unknown protocol "ICMP" (expected TCP, UDP or SCTP)',
    ]);
  });

  it('checks endPort: needs a numeric port, not a named one, and must be >= port', () => {
    const { e, p } = one('  podSelector: {}\n  ingress:\n  - ports:\n    - endPort: 90\n    - port: http\n      endPort: 90\n    - port: 100\n      endPort: 90\n    - port: 80\n      endPort: 70000\n    - port: 80\n      endPort: 90\n');
    expect(e.filter((d) => d.path?.endsWith('endPort')).map((d) => d.message)).toEqual([
      'endPort requires a numeric port',
      'endPort cannot be used with a named port ("http")',
      'endPort 90 is less than port 100',
      'endPort 70000 is out of range (1-65535)',
    ]);
    expect(p.ingress![0].ports).toEqual([{ port: 80, endPort: 90 }]);
  });

  it('checks named ports against IANA service name rules and catches quoted numbers', () => {
    const { e, p } = one('  podSelector: {}\n  ingress:\n  - ports:\n    - port: Http\n    - port: "8080"\n    - port: my-very-long-port-name\n    - port: dns-tcp\n');
    expect(e.filter((d) => d.path?.endsWith('.port')).map((d) => d.message)).toEqual([
      'invalid named port: port name "Http" may contain only lowercase letters, digits and \'-\'',
      'port "8080" is a quoted number, which the API reads as a port name; write it without quotes',
      'invalid named port: port name "my-very-long-port-name" is longer than 15 characters',
    ]);
    expect(p.ingress![0].ports).toEqual([{ port: 'dns-tcp' }]);
  });

  it('checks selector operators and values', () => {
    const { e, p } = one(`  podSelector: {}
  ingress:
  - from:
    - podSelector:
        matchExpressions:
        - {key: a, operator: In}
        - {key: b, operator: Exists, values: [x]}
        - {key: c, operator: NotIn, values: []}
    - podSelector:
        matchExpressions:
        - {key: a, operator: Equals, values: [x]}
`);
    expect(e.map((d) => [d.path, d.message])).toEqual([
      ['spec.ingress[0].from[0].podSelector.matchExpressions[0].values', 'operator In requires at least one value'],
      ['spec.ingress[0].from[0].podSelector.matchExpressions[1].values', 'operator Exists must not have values'],
      ['spec.ingress[0].from[0].podSelector.matchExpressions[2].values', 'operator NotIn requires at least one value'],
      ['spec.ingress[0].from[0]', 'peer removed: an invalid selector matches nothing'],
      ['spec.ingress[0].from[1].podSelector.matchExpressions[0].operator', 'unknown selector operator "Equals" (expected In, NotIn, Exists or DoesNotExist)'],
      ['spec.ingress[0].from[1]', 'peer removed: an invalid selector matches nothing'],
      ['spec.ingress[0].from', 'no valid peer is left; the rule is removed rather than widened to all sources'],
    ]);
    // an invalid selector matches nothing: both peers go, and the emptied rule with them
    expect(p.ingress).toEqual([]);
  });

  it('reads a policy whose podSelector uses an unknown operator as isolating every pod it could select', () => {
    const { r, p } = one('  podSelector:\n    matchExpressions: [{key: a, operator: Is}]\n');
    expect(p).toMatchObject({ podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
    expect(r.counts).toEqual({ NetworkPolicy: 1 });
    expect(errors(r.diagnostics).at(-1)!.message).toMatch(/^invalid podSelector; read as its most restrictive form/);
  });

  it('checks policyTypes values and length', () => {
    const bad = one('  podSelector: {}\n  policyTypes: [Ingress, ingress]\n');
    expect(bad.p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(bad.e[0]).toMatchObject({ path: 'spec.policyTypes[1]', message: '"ingress" is not a policy type (expected "Ingress" or "Egress")' });
    const three = one('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n');
    expect(three.e[0].message).toBe('has 3 entries; at most 2 are allowed');
  });

  it('checks label keys and values, and flags values YAML reads as booleans or numbers', () => {
    const { e, p } = one('  podSelector:\n    matchLabels:\n      -bad: x\n      ok: "-bad-"\n      flag: true\n      ver: 1.0\n');
    expect(e.map((d) => d.path)).toEqual([
      'spec.podSelector.matchLabels.-bad', 'spec.podSelector.matchLabels.ok', 'spec.podSelector.matchLabels.flag', 'spec.podSelector.matchLabels.ver',
      'spec.podSelector',
    ]);
    expect(e[2].message).toBe('`true` is read as a boolean by kubectl\'s YAML parser; quote it: "true"');
    expect(e[3].message).toBe('`1.0` is read as a number by kubectl\'s YAML parser; quote it: "1.0"');
    // an invalid podSelector is read as every pod it could select (no valid requirement left: all), isolated
    expect(p.podSelector).toEqual({});
    expect(p.ingress).toEqual([]);
  });

  it('checks object names', () => {
    const r = imp(np('  podSelector: {}\n', 'Bad_Name'));
    expect(errors(r.diagnostics)[0]).toMatchObject({ path: 'metadata.name' });
    expect(errors(r.diagnostics)[0].message).toMatch(/^invalid name: "Bad_Name" must consist of lowercase/);
    expect(r.model.policies['np:shop/Bad_Name']).toBeDefined();
    const svc = imp('apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec: {ports: [{port: 80}]}\n');
    expect(errors(svc.diagnostics)[0].message).toMatch(/^invalid Service name: .*start with a letter/);
  });

  it('requires names on every port of a multi-port Service and checks targetPort', () => {
    const r = imp('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - {port: 80, targetPort: "8080"}\n  - {name: b, port: 81, targetPort: Web}\n');
    expect(errors(r.diagnostics).map((d) => d.path)).toEqual(['spec.ports[0].name', 'spec.ports[0].targetPort', 'spec.ports[1].targetPort']);
    expect(r.model.services['svc:default/s'].ports).toEqual([{ port: 80, targetPort: 8080 }, { name: 'b', port: 81, targetPort: 'Web' }]);
  });

  it('never throws on hostile or odd input', () => {
    const texts = ['kind: NetworkPolicy\nmetadata: {name: x}\nspec: 5\n', 'kind: NetworkPolicy\nmetadata: {name: x}\nspec: {ingress: {a: 1}}\n',
      'kind: Deployment\nmetadata: {name: d}\nspec: {template: [1]}\n', 'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{ports: [null, 5, {containerPort: "x"}]}]}\n',
      'kind: Service\nmetadata: {name: s}\nspec: {ports: 7}\n', 'kind: NetworkPolicy\nmetadata: [1]\n', ':\n', '[1, 2'];
    for (const t of texts) expect(() => imp(t)).not.toThrow();
  });
});

describe('importManifests: kubectl get -o yaml output', () => {
  it('reads a List with server-populated fields, Pods with owners, and skips what it does not model', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('./fixtures/kubectl-get-all.yaml', import.meta.url), 'utf8');
    const r = importManifests([{ name: 'all.yaml', text }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.counts).toEqual({ Pod: 1, Service: 1, Deployment: 1, ReplicaSet: 1, NetworkPolicy: 1 });
    expect(r.skipped).toEqual({ Endpoints: 1 });
    expect(r.model.workloads['wl:shop/Pod/web-7d4b9c-x2x9k']).toEqual({
      id: 'wl:shop/Pod/web-7d4b9c-x2x9k', namespaceId: 'ns:shop', name: 'web-7d4b9c-x2x9k', kind: 'Pod',
      podLabels: { 'app.kubernetes.io/name': 'web', 'pod-template-hash': '7d4b9c' },
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
      podIPs: ['10.244.1.12'], hostIP: '172.18.0.3', nodeName: 'node-a',
    });
    // server-assigned clusterIP and default policies are not carried into the design
    expect(r.model.services['svc:shop/web']).toEqual({
      id: 'svc:shop/web', namespaceId: 'ns:shop', name: 'web', type: 'ClusterIP', selector: { 'app.kubernetes.io/name': 'web' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }], internalTrafficPolicy: 'Cluster',
    });
    expect(r.model.policies['np:shop/web-ingress'].ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 'http', protocol: 'TCP' }] },
    ]);
    expect(Object.keys(r.model.namespaces)).toEqual(['ns:shop']);
  });
});

describe('documents that are not Kubernetes objects', () => {
  it('skips them quietly (info), while an object that only lacks its kind is a warning', () => {
    const r = importManifests([{ name: 'mixed.yaml', text: 'assertions:\n- from: shop/web\n  to: shop/db\n---\napiVersion: v1\nmetadata: {name: x}\n' }]);
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'not a Kubernetes object (no apiVersion, kind or metadata); skipped'],
      ['warning', 'object has no kind; skipped'],
    ]);
    expect(r.skipped).toEqual({ '(not a Kubernetes object)': 1, '(no kind)': 1 });
  });
});
