// Import, validation and export of ClusterNetworkPolicy / AdminNetworkPolicy /
// BaselineAdminNetworkPolicy (semantics.md 3, 5.4).
import { describe, expect, it } from 'vitest';
import type { ClusterPolicy } from '../model/types.ts';
import { clusterPolicyToManifest, exportManifests } from './export.ts';
import { importManifests } from './import.ts';
import { toYaml } from './yaml-emit.ts';

const read = (text: string) => importManifests([{ name: 'admin.yaml', text }]);
const only = (text: string): ClusterPolicy => {
  const r = read(text);
  const list = Object.values(r.model.clusterPolicies ?? {});
  expect(list).toHaveLength(1);
  return list[0];
};
const errorsOf = (text: string) => read(text).diagnostics.filter((d) => d.severity === 'error');

const CNP = (spec: string, name = 'p') => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: ${name}
spec:
${spec}`;

describe('cluster policy import', () => {
  it('reads a v1alpha2 ClusterNetworkPolicy with every peer and protocol kind', () => {
    const p = only(CNP(`  tier: Admin
  priority: 30
  subject:
    pods:
      namespaceSelector: {matchLabels: {team: a}}
      podSelector: {matchLabels: {app: db}}
  ingress:
  - name: from-web
    action: Accept
    from:
    - namespaces: {matchLabels: {team: web}}
    protocols:
    - tcp: {destinationPort: {number: 5432}}
    - destinationNamedPort: metrics
  egress:
  - name: out
    action: Deny
    to:
    - networks: [10.0.0.0/8]
    - nodes: {matchLabels: {role: infra}}
    protocols:
    - udp: {destinationPort: {range: {start: 1000, end: 2000}}}
    - sctp: {destinationPort: {number: 9}}
  - action: Accept
    to: [{domainNames: ['*.example.com']}]`));
    expect(p).toEqual({
      id: 'cnp:p', name: 'p', tier: 'Admin', priority: 30,
      subject: { pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'db' } } } },
      ingress: [{ name: 'from-web', action: 'Accept', peers: [{ namespaces: { matchLabels: { team: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }, { namedPort: 'metrics' }] }],
      egress: [
        { name: 'out', action: 'Deny', peers: [{ networks: ['10.0.0.0/8'] }, { nodes: { matchLabels: { role: 'infra' } } }], ports: [{ protocol: 'UDP', port: 1000, endPort: 2000 }, { protocol: 'SCTP', port: 9 }] },
        { action: 'Accept', peers: [{ domainNames: ['*.example.com'] }] },
      ],
    });
    expect(read(CNP('  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}')).counts).toEqual({ ClusterNetworkPolicy: 1 });
  });

  it('reads v1alpha1 AdminNetworkPolicy (Allow as Accept) and the BaselineAdminNetworkPolicy, remembering the version', () => {
    const r = read(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: a}
spec:
  priority: 3
  subject: {namespaces: {}}
  egress:
  - action: Allow
    to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]
    ports: [{portNumber: {protocol: UDP, port: 53}}, {portRange: {protocol: TCP, start: 80, end: 90}}, {namedPort: dns}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - action: Deny
    from: [{namespaces: {}}]`);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.clusterPolicies!['anp:a']).toMatchObject({
      tier: 'Admin', priority: 3, version: 'v1alpha1',
      egress: [{ action: 'Accept', ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 80, endPort: 90 }, { namedPort: 'dns' }] }],
    });
    expect(r.model.clusterPolicies!['banp:default']).toMatchObject({ tier: 'Baseline', priority: 0, version: 'v1alpha1' });
  });

  it('reads Nodes with labels and addresses for nodes peers', () => {
    const r = read(`apiVersion: v1
kind: Node
metadata: {name: n1, labels: {zone: east}}
status:
  addresses:
  - {type: InternalIP, address: 10.0.0.5}
  - {type: Hostname, address: n1}
  - {type: ExternalIP, address: 203.0.113.5}`);
    expect(r.model.nodes).toEqual({ 'node:n1': { id: 'node:n1', name: 'n1', labels: { zone: 'east' }, addresses: ['10.0.0.5', '203.0.113.5'] } });
  });
});

describe('cluster policy validation (file, line, object, field; fail closed)', () => {
  it('priority out of range: error at the field, kept at the nearest valid priority', () => {
    const r = read(CNP('  tier: Admin\n  priority: 1001\n  subject: {namespaces: {}}'));
    expect(r.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', file: 'admin.yaml', line: 7, object: 'ClusterNetworkPolicy p', path: 'spec.priority',
      message: expect.stringContaining('priority 1001 is out of range (0-1000)'),
    })]);
    expect(r.model.clusterPolicies!['cnp:p'].priority).toBe(1000);
  });

  it('more than 25 rules or peers in v1alpha2 is an error; the rules are kept', () => {
    const rules = Array.from({ length: 26 }, () => '  - action: Deny\n    from: [{namespaces: {}}]').join('\n');
    const errs = errorsOf(CNP(`  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n${rules}`));
    expect(errs.map((e) => [e.path, e.message])).toEqual([['spec.ingress', expect.stringContaining('26 rules; the API allows at most 25')]]);
    const peers = Array.from({ length: 26 }, () => '{namespaces: {}}').join(', ');
    const perrs = errorsOf(CNP(`  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - action: Deny\n    from: [${peers}]`));
    expect(perrs.map((e) => e.path)).toEqual(['spec.ingress[0].from']);
  });

  it('Pass in a v1alpha1 BaselineAdminNetworkPolicy and unknown actions fail closed to Deny everything', () => {
    const r = read(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  egress:
  - name: p
    action: Pass
    to: [{namespaces: {}}]`);
    expect(r.diagnostics[0]).toMatchObject({ path: 'spec.egress[0].action', line: 8, message: expect.stringContaining('cannot Pass') });
    expect(r.model.clusterPolicies!['banp:default'].egress).toEqual([
      { name: 'p', action: 'Deny', peers: [{ namespaces: {} }, { nodes: {} }, { networks: ['0.0.0.0/0', '::/0'] }] },
    ]);
    const unknown = read(CNP('  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - action: Allow\n    from: [{namespaces: {}}]'));
    expect(unknown.diagnostics[0].message).toContain('v1alpha2 calls it Accept');
    expect(unknown.model.clusterPolicies!['cnp:p'].ingress[0].action).toBe('Deny');
  });

  it('a named port with a networks peer: an Accept rule is removed, a Deny rule denies everything', () => {
    const rule = (action: string) => CNP(`  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - action: ${action}\n    to: [{networks: [10.0.0.0/8]}]\n    protocols: [{destinationNamedPort: web}]`);
    const acc = read(rule('Accept'));
    expect(acc.diagnostics.map((d) => d.path)).toEqual(['spec.egress[0].to[0].networks', 'spec.egress[0]']);
    expect(acc.model.clusterPolicies!['cnp:p'].egress).toEqual([]);
    const deny = read(rule('Deny'));
    expect(deny.model.clusterPolicies!['cnp:p'].egress[0]).toMatchObject({ action: 'Deny', peers: [{ namespaces: {} }, { nodes: {} }, { networks: ['0.0.0.0/0', '::/0'] }] });
    expect(deny.model.clusterPolicies!['cnp:p'].egress[0].ports).toBeUndefined();
  });

  it('`tcp: {}` without a port is rejected (the API requires destinationPort)', () => {
    const r = read(CNP('  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - action: Accept\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {}}, {udp: {destinationPort: {number: 53}}}]'));
    expect(r.diagnostics[0]).toMatchObject({ path: 'spec.ingress[0].protocols[0].tcp', message: expect.stringContaining('needs a destinationPort') });
    // Accept: only the broken entry goes; the rule admits less, never more.
    expect(r.model.clusterPolicies!['cnp:p'].ingress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }]);
  });

  it('an empty subject, a missing tier or a peer with no field', () => {
    const empty = read(CNP('  tier: Admin\n  priority: 1\n  subject: {}'));
    expect(empty.diagnostics[0]).toMatchObject({ path: 'spec.subject', message: expect.stringContaining('subject is empty') });
    expect(empty.model.clusterPolicies ?? {}).toEqual({});
    expect(errorsOf(CNP('  priority: 1\n  subject: {namespaces: {}}'))[0].path).toBe('spec.tier');
    // A peer with an unknown field only: fail closed (Accept: peer removed; Deny: deny all).
    const peer = read(CNP('  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - action: Deny\n    from: [{serviceAccounts: {}}]'));
    expect(peer.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['spec.ingress[0].from[0].serviceAccounts', expect.stringContaining('unknown field "serviceAccounts"')],
      ['spec.ingress[0]', expect.stringContaining('read as Deny of all traffic (fail closed')],
    ]);
    expect(peer.model.clusterPolicies!['cnp:p'].ingress[0]).toEqual({ action: 'Deny', peers: [{ namespaces: {} }] });
  });

  it('an unknown field inside an Accept rule removes the rule (it might narrow the match)', () => {
    const r = read(CNP('  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n  - action: Accept\n    from: [{namespaces: {}}]\n    sourcePorts: [1]'));
    expect(r.diagnostics.map((d) => d.path)).toEqual(['spec.ingress[0].sourcePorts', 'spec.ingress[0]']);
    expect(r.model.clusterPolicies!['cnp:p'].ingress).toEqual([]);
  });

  it('a BaselineAdminNetworkPolicy must be named default', () => {
    const r = read('apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: base}\nspec:\n  subject: {namespaces: {}}');
    expect(r.diagnostics[0]).toMatchObject({ object: 'BaselineAdminNetworkPolicy base', path: 'metadata.name', message: expect.stringContaining('must be named "default"') });
    expect(r.model.clusterPolicies!['banp:base']).toBeDefined();
    expect(exportManifests(r.model)).toContain('name: default');
  });
});

describe('cluster policy export', () => {
  it('writes v1alpha2 in kubectl field order with explicit port ranges for whole protocols', () => {
    const p: ClusterPolicy = {
      id: 'x', name: 'guard', tier: 'Baseline', priority: 5, subject: { namespaces: {} },
      ingress: [],
      egress: [{ name: 'dns', action: 'Accept', peers: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP' }] }],
    };
    expect(toYaml(clusterPolicyToManifest(p))).toBe(`apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: guard
spec:
  tier: Baseline
  priority: 5
  subject:
    namespaces: {}
  egress:
  - name: dns
    action: Accept
    to:
    - pods:
        namespaceSelector: {}
        podSelector:
          matchLabels:
            k8s-app: kube-dns
    protocols:
    - udp:
        destinationPort:
          number: 53
    - tcp:
        destinationPort:
          range:
            start: 1
            end: 65535
`);
  });

  it('round-trips both API versions through import and export unchanged', () => {
    const text = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: a
spec:
  priority: 3
  subject:
    namespaces:
      matchLabels:
        team: x
  egress:
  - name: e
    action: Allow
    to:
    - networks:
      - 10.0.0.0/8
    ports:
    - portNumber:
        protocol: UDP
        port: 53
    - portRange:
        protocol: TCP
        start: 80
        end: 90
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: c
spec:
  tier: Admin
  priority: 9
  subject:
    namespaces: {}
  ingress:
  - action: Pass
    from:
    - namespaces: {}
    protocols:
    - destinationNamedPort: web
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
  - action: Deny
    from:
    - namespaces: {}
`;
    const r = read(text);
    expect(r.diagnostics).toEqual([]);
    expect(exportManifests(r.model, { kinds: ['ClusterPolicy'] })).toBe(text);
  });
});
