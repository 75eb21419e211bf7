// Conformance of the cluster-wide tiers (semantics.md 3), written from the network-policy-api
// type documentation and modelled on its conformance world: five namespaces with two pods each
// serving TCP 80 `web`, TCP 8080, UDP 53 `dns`, UDP 5353, SCTP 9003 and 9005, plus a hostNetwork
// workload on a labelled node. Policies are read from YAML through the importer, so both API
// versions are exercised end to end. Every expectation below is written by hand.
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import { PROFILES } from '../model/factory.ts';
import type { Model, Protocol } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { contains } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { build } from './builder.ts';

const HOUSES = ['gryffindor', 'hufflepuff', 'ravenclaw', 'slytherin', 'forbidden-forest'] as const;
const PORTS = [
  { name: 'web', containerPort: 80, protocol: 'TCP' as const },
  { containerPort: 8080, protocol: 'TCP' as const },
  { name: 'dns', containerPort: 53, protocol: 'UDP' as const },
  { containerPort: 5353, protocol: 'UDP' as const },
  { containerPort: 9003, protocol: 'SCTP' as const },
  { containerPort: 9005, protocol: 'SCTP' as const },
];

/** Pod `h/p0` and `h/p1` in every house; pod IPs 10.244.<house>.<pod+1>. */
function world(): Model {
  const b = build().nodes('192.168.0.0/24');
  HOUSES.forEach((h, i) => {
    b.ns(h, { house: h });
    for (const n of [0, 1]) b.pod(h, `p${n}`, { app: h, pod: `p${n}` }, PORTS, { podIPs: [`10.244.${i}.${n + 1}`], nodeName: 'node-a' });
  });
  b.pod('kube-system', 'host-agent', { app: 'agent' }, [{ containerPort: 9100, protocol: 'TCP' }], { hostNetwork: true, nodeName: 'node-a', hostIP: '192.168.0.10' });
  b.model.nodes = { 'node:node-a': { id: 'node:node-a', name: 'node-a', labels: { zone: 'east' }, addresses: ['192.168.0.10'] } };
  return b.model;
}

function withYaml(yaml: string, base: Model = world()): Model {
  const r = importManifests([{ name: 'policies.yaml', text: yaml }], base);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors)).toEqual([]);
  return r.model;
}

/** Whether `src` may open `proto/port` to `dst`, per evaluate(); explain() must agree. */
function can(m: Model, src: string, dst: string, proto: Protocol, port: number): boolean {
  const r = evaluate(m);
  const got = contains(connBetween(r, src, dst), proto, port);
  expect(explain(m, src, dst, { protocol: proto, port }).verdict).toBe(got ? 'allowed' : 'denied');
  return got;
}

const cnp = (name: string, tier: 'Admin' | 'Baseline', priority: number, subject: string, rules: string): string => `
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: ${name}
spec:
  tier: ${tier}
  priority: ${priority}
  subject:
${subject}
${rules}
---`;
const house = (h: string, indent = 4): string => `${' '.repeat(indent)}namespaces:\n${' '.repeat(indent + 2)}matchLabels:\n${' '.repeat(indent + 4)}house: ${h}`;

// A NetworkPolicy that isolates gryffindor for ingress and admits TCP 80 from every namespace.
const NP_WEB_ONLY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-only, namespace: gryffindor}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - from: [{namespaceSelector: {}}]
    ports: [{port: 80}]
---`;

describe('cluster tiers: actions and rule order (v1alpha2)', () => {
  it('an Admin Deny overrides a NetworkPolicy allow; an Admin Accept overrides NetworkPolicy isolation', () => {
    const m = withYaml(`${NP_WEB_ONLY}${cnp('guard', 'Admin', 10, house('gryffindor'), `  ingress:
  - name: deny-slytherin
    action: Deny
    from:
    - ${house('slytherin', 6).trim()}
  - name: accept-ravenclaw
    action: Accept
    from:
    - ${house('ravenclaw', 6).trim()}`)}`);
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 80)).toBe(false); // NP allows, Admin denies
    expect(can(m, 'ravenclaw/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(true); // NP denies, Admin accepts
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p0', 'TCP', 80)).toBe(true); // no Admin match: NP allows
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(false); // NP isolates
  });

  it('the first matching rule decides, per port', () => {
    const m = withYaml(cnp('order', 'Admin', 10, house('gryffindor'), `  ingress:
  - action: Accept
    from: [{namespaces: {matchLabels: {house: slytherin}}}]
    protocols: [{tcp: {destinationPort: {number: 80}}}]
  - action: Deny
    from: [{namespaces: {matchLabels: {house: slytherin}}}]
  - action: Accept
    from: [{namespaces: {}}]`));
    expect(can(m, 'slytherin/p0', 'gryffindor/p1', 'TCP', 80)).toBe(true);
    expect(can(m, 'slytherin/p0', 'gryffindor/p1', 'TCP', 8080)).toBe(false);
    expect(can(m, 'slytherin/p0', 'gryffindor/p1', 'UDP', 53)).toBe(false);
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p1', 'UDP', 53)).toBe(true);
  });

  it('Pass hands the connection to the NetworkPolicies, skipping the rest of the Admin tier', () => {
    const m = withYaml(`${NP_WEB_ONLY}${cnp('pass-first', 'Admin', 5, house('gryffindor'), `  ingress:
  - name: pass-ravenclaw
    action: Pass
    from: [{namespaces: {matchLabels: {house: ravenclaw}}}]`)}${cnp('deny-later', 'Admin', 20, house('gryffindor'), `  ingress:
  - action: Deny
    from: [{namespaces: {}}]`)}`);
    expect(can(m, 'ravenclaw/p0', 'gryffindor/p0', 'TCP', 80)).toBe(true); // Pass -> NP allows 80
    expect(can(m, 'ravenclaw/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(false); // Pass -> NP isolates
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p0', 'TCP', 80)).toBe(false); // no Pass: the later Deny
  });

  it('Pass goes on into the Baseline tier when no NetworkPolicy selects the pod; Baseline Pass means default allow', () => {
    const m = withYaml(`${cnp('pass-all', 'Admin', 5, house('hufflepuff'), `  ingress:
  - action: Pass
    from: [{namespaces: {}}]`)}${cnp('base-pass', 'Baseline', 1, house('hufflepuff'), `  ingress:
  - action: Pass
    from: [{namespaces: {matchLabels: {house: ravenclaw}}}]`)}${cnp('base-deny', 'Baseline', 2, house('hufflepuff'), `  ingress:
  - action: Deny
    from: [{namespaces: {}}]`)}`);
    expect(can(m, 'slytherin/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(false); // Admin Pass -> Baseline Deny
    expect(can(m, 'ravenclaw/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(true); // Baseline Pass -> default allow
    expect(can(m, 'hufflepuff/p0', 'hufflepuff/p1', 'UDP', 5353)).toBe(false); // same namespace: Baseline Deny
  });

  it('a NetworkPolicy overrides the Baseline tier for the pods it isolates (per direction)', () => {
    const m = withYaml(`${NP_WEB_ONLY}${cnp('base-deny', 'Baseline', 1, '    namespaces: {}', `  ingress:
  - action: Deny
    from: [{namespaces: {}}]
  egress:
  - action: Deny
    to: [{namespaces: {}}]`)}`);
    expect(can(m, 'gryffindor/p0', 'slytherin/p0', 'TCP', 80)).toBe(false); // egress: no NP, Baseline Deny
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 80)).toBe(false); // slytherin egress denied by Baseline
  });

  it('an egress Accept ends egress evaluation only: the destination ingress still decides', () => {
    const m = withYaml(`${NP_WEB_ONLY}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-egress, namespace: slytherin}
spec: {podSelector: {}, policyTypes: [Egress]}
---
${cnp('egress-ok', 'Admin', 1, house('slytherin'), `  egress:
  - action: Accept
    to: [{namespaces: {}}]`)}`);
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 80)).toBe(true); // Admin egress Accept, NP ingress allows 80
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(false); // NP ingress isolates
    expect(can(m, 'slytherin/p0', 'ravenclaw/p0', 'TCP', 8080)).toBe(true); // NP egress deny overridden
  });
});

describe('cluster tiers: priorities', () => {
  const two = (acceptPriority: number, denyPriority: number): Model => withYaml(`${cnp('accept', 'Admin', acceptPriority, house('ravenclaw'), `  ingress:
  - action: Accept
    from: [{namespaces: {matchLabels: {house: slytherin}}}]`)}${cnp('deny', 'Admin', denyPriority, house('ravenclaw'), `  ingress:
  - action: Deny
    from: [{namespaces: {matchLabels: {house: slytherin}}}]`)}`);

  it('lower priority numbers go first; changing priorities changes the verdict', () => {
    expect(can(two(5, 10), 'slytherin/p0', 'ravenclaw/p0', 'TCP', 80)).toBe(true);
    expect(can(two(10, 5), 'slytherin/p0', 'ravenclaw/p0', 'TCP', 80)).toBe(false);
  });

  it('equal priorities are ordered by name (deterministically) and explained as undefined', () => {
    const m = two(7, 7);
    expect(can(m, 'slytherin/p0', 'ravenclaw/p0', 'TCP', 80)).toBe(true); // 'accept' < 'deny'
    const e = explain(m, 'slytherin/p0', 'ravenclaw/p0');
    expect(e.ingress.admin?.[0]).toMatchObject({ policyId: 'cnp:accept', action: 'Accept', tie: true });
    expect(e.ingress.tierNotes?.[0]).toContain('the API leaves their order undefined');
  });
});

describe('cluster tiers: peers', () => {
  it('networks match pod IPs under upstream, but not under netpol-analyzer-compat', () => {
    const yaml = cnp('no-ravenclaw-ip', 'Admin', 1, house('gryffindor'), `  egress:
  - action: Deny
    to: [{networks: [10.244.2.1/32]}]`);
    const m = withYaml(yaml);
    expect(can(m, 'gryffindor/p0', 'ravenclaw/p0', 'TCP', 80)).toBe(false);
    expect(can(m, 'gryffindor/p0', 'ravenclaw/p1', 'TCP', 80)).toBe(true);
    const compat = withYaml(yaml);
    compat.cluster.profile = { ...PROFILES['netpol-analyzer-compat'] };
    expect(can(compat, 'gryffindor/p0', 'ravenclaw/p0', 'TCP', 80)).toBe(true);
  });

  it('0.0.0.0/0 also denies pod-to-pod traffic; a Pass for pods first keeps it for the Internet only', () => {
    const base = world();
    base.externals['ext:internet'] = { id: 'ext:internet', name: 'internet', cidrs: ['0.0.0.0/0'] };
    const denyAll = withYaml(cnp('internet', 'Admin', 1, '    namespaces: {}', `  egress:
  - action: Deny
    to: [{networks: [0.0.0.0/0]}]`), base);
    expect(can(denyAll, 'gryffindor/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(false);
    const passPods = withYaml(cnp('internet', 'Admin', 1, '    namespaces: {}', `  egress:
  - action: Pass
    to: [{namespaces: {}}]
  - action: Deny
    to: [{networks: [0.0.0.0/0]}]`), base);
    expect(can(passPods, 'gryffindor/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(true);
    expect(can(passPods, 'gryffindor/p0', 'ext:internet', 'TCP', 443)).toBe(false);
  });

  it('named ports resolve on the destination pod, with the container port protocol', () => {
    const m = withYaml(cnp('named', 'Admin', 1, house('slytherin'), `  egress:
  - action: Deny
    to: [{pods: {namespaceSelector: {matchLabels: {house: gryffindor}}, podSelector: {}}}]
    protocols: [{destinationNamedPort: web}, {destinationNamedPort: dns}]`));
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 80)).toBe(false);
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'UDP', 53)).toBe(false);
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(true);
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'UDP', 80)).toBe(true); // `web` is TCP only
    expect(can(m, 'slytherin/p0', 'gryffindor/p0', 'TCP', 53)).toBe(true); // `dns` is UDP only
  });

  it('nodes peers match the node addresses and hostNetwork pods on selected nodes', () => {
    const m = withYaml(cnp('no-nodes', 'Admin', 1, '    namespaces: {}', `  egress:
  - action: Deny
    to: [{nodes: {matchLabels: {zone: east}}}]`));
    expect(can(m, 'gryffindor/p0', 'kube-system/host-agent', 'TCP', 9100)).toBe(false);
    expect(can(m, 'gryffindor/p0', 'node:node-a', 'TCP', 10250)).toBe(false);
    expect(can(m, 'gryffindor/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(true);
    const west = withYaml(cnp('no-nodes', 'Admin', 1, '    namespaces: {}', `  egress:
  - action: Deny
    to: [{nodes: {matchLabels: {zone: west}}}]`));
    expect(can(west, 'gryffindor/p0', 'kube-system/host-agent', 'TCP', 9100)).toBe(true);
  });

  it('hostNetwork pods are never subjects or pod peers upstream; netpol-analyzer-compat treats them as pods', () => {
    const yaml = cnp('deny-everything', 'Admin', 1, '    namespaces: {}', `  ingress:
  - action: Deny
    from: [{namespaces: {}}]
  egress:
  - action: Deny
    to: [{namespaces: {}}]`);
    const m = withYaml(yaml);
    expect(can(m, 'kube-system/host-agent', 'gryffindor/p0', 'TCP', 80)).toBe(true); // not a subject, not a pod peer
    expect(can(m, 'gryffindor/p0', 'kube-system/host-agent', 'TCP', 9100)).toBe(true);
    expect(can(m, 'gryffindor/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(false);
    const compat = withYaml(yaml);
    compat.cluster.profile = { ...PROFILES['netpol-analyzer-compat'] };
    expect(can(compat, 'kube-system/host-agent', 'gryffindor/p0', 'TCP', 80)).toBe(false);
    expect(can(compat, 'gryffindor/p0', 'kube-system/host-agent', 'TCP', 9100)).toBe(false);
  });

  it('domainNames Accept rules reach the external networks of those names', () => {
    const base = world();
    base.externals['ext:api'] = { id: 'ext:api', name: 'api', cidrs: [], domainNames: ['api.example.com'] };
    base.externals['ext:other'] = { id: 'ext:other', name: 'other', cidrs: [], domainNames: ['example.com'] };
    const m = withYaml(cnp('allowlist', 'Admin', 1, '    namespaces: {}', `  egress:
  - action: Accept
    to: [{domainNames: ['*.example.com']}]
  - action: Deny
    to: [{networks: [0.0.0.0/0, '::/0']}]`), base);
    const np = withYaml(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-egress, namespace: gryffindor}
spec: {podSelector: {}, policyTypes: [Egress]}
`, m);
    expect(can(np, 'gryffindor/p0', 'ext:api', 'TCP', 443)).toBe(true); // wildcard matches a subdomain
    expect(can(np, 'gryffindor/p0', 'ext:other', 'TCP', 443)).toBe(false); // `*.` needs at least one label
  });
});

describe('cluster tiers: protocols', () => {
  it('tcp, udp and sctp matches with numbers and ranges; other ports fall through', () => {
    const m = withYaml(cnp('protos', 'Admin', 1, house('forbidden-forest'), `  ingress:
  - action: Deny
    from: [{namespaces: {}}]
    protocols:
    - udp: {destinationPort: {number: 5353}}
    - sctp: {destinationPort: {range: {start: 9000, end: 9004}}}
    - tcp: {destinationPort: {number: 8080}}`));
    const to = (proto: Protocol, port: number) => can(m, 'gryffindor/p0', 'forbidden-forest/p1', proto, port);
    expect([to('UDP', 5353), to('UDP', 53), to('SCTP', 9003), to('SCTP', 9005), to('TCP', 8080), to('TCP', 80)])
      .toEqual([false, true, false, true, false, true]);
  });
});

describe('cluster tiers: v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
  const V1 = `
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: sensitive}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {house: gryffindor}}}
  ingress:
  - name: pass-ravenclaw
    action: Pass
    from: [{namespaces: {matchLabels: {house: ravenclaw}}}]
  - name: allow-hufflepuff-web
    action: Allow
    from: [{pods: {namespaceSelector: {matchLabels: {house: hufflepuff}}, podSelector: {matchLabels: {pod: p0}}}}]
    ports: [{portNumber: {protocol: TCP, port: 8080}}, {namedPort: dns}]
  - name: deny-rest
    action: Deny
    from: [{namespaces: {}}]
    ports: [{portRange: {protocol: TCP, start: 1, end: 9000}}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - name: deny-ravenclaw
    action: Deny
    from: [{namespaces: {matchLabels: {house: ravenclaw}}}]
`;
  it('Allow, Deny, Pass and the Baseline Deny behave as in v1alpha2', () => {
    const m = withYaml(V1);
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p0', 'TCP', 8080)).toBe(true); // Allow
    expect(can(m, 'hufflepuff/p0', 'gryffindor/p0', 'UDP', 53)).toBe(true); // Allow by named port
    expect(can(m, 'hufflepuff/p1', 'gryffindor/p0', 'TCP', 8080)).toBe(false); // Deny (not p0)
    expect(can(m, 'hufflepuff/p1', 'gryffindor/p0', 'UDP', 5353)).toBe(true); // Deny is TCP only
    expect(can(m, 'ravenclaw/p0', 'gryffindor/p0', 'TCP', 80)).toBe(false); // Pass -> Baseline Deny
    expect(can(m, 'ravenclaw/p0', 'slytherin/p0', 'TCP', 80)).toBe(false); // Baseline Deny
    expect(can(m, 'slytherin/p0', 'hufflepuff/p0', 'TCP', 80)).toBe(true); // default allow
  });

  it('the ingress side explains the chain Admin -> NetworkPolicy -> Baseline', () => {
    const m = withYaml(`${V1}---${NP_WEB_ONLY}`);
    const e = explain(m, 'ravenclaw/p0', 'gryffindor/p0', { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe('allowed');
    expect(e.ingress.tierNotes).toEqual([
      'Admin `sensitive` (priority 10) rule `pass-ravenclaw`: Pass all',
      '→ NetworkPolicy `gryffindor/web-only` allows TCP 80',
      '→ allowed TCP 80',
    ]);
    const d = explain(m, 'slytherin/p0', 'gryffindor/p0');
    expect(d.ingress.tierNotes?.slice(0, 2)).toEqual([
      'Admin `sensitive` (priority 10) rule `deny-rest`: Deny TCP 1-9000',
      '— the NetworkPolicy allow `gryffindor/web-only` never takes effect for TCP 80',
    ]);
  });
});
