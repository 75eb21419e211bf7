// Conformance scenarios modelled on the upstream network-policy e2e suite (semantics.md 1, 6):
// namespaces x, y, z with pods a, b, c each serving 80 and 81 on TCP, UDP and SCTP.
import { describe, expect, it } from 'vitest';
import type { Model, Protocol } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain, sideAllows } from '../policy/explain.ts';
import { contains, equals } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import { build, E2E_PORTS, ModelBuilder } from './builder.ts';

const NS = ['x', 'y', 'z'];
const PODS = ['a', 'b', 'c'];
const ALL_PODS = NS.flatMap((ns) => PODS.map((p) => `${ns}/${p}`));

/** The e2e cluster: pod IPs 10.244.<ns>.<pod>, nodes 10.0.0.0/24. */
function cluster(): ModelBuilder {
  const b = build().nodes('10.0.0.0/24');
  NS.forEach((ns, i) => {
    b.ns(ns, { ns });
    PODS.forEach((p, j) => b.pod(ns, p, { pod: p }, E2E_PORTS, { podIPs: [`10.244.${i}.${j + 1}`] }));
  });
  return b;
}

type Probe = (src: string, dst: string, proto?: Protocol, port?: number) => boolean;
function prober(model: Model): Probe {
  const r = evaluate(model);
  return (src, dst, proto = 'TCP', port = 80) => contains(connBetween(r, src, dst), proto, port);
}

/** The set of allowed pod pairs `src->dst` (self excluded) for one protocol/port. */
function allowedPairs(model: Model, proto: Protocol = 'TCP', port = 80): string[] {
  const can = prober(model);
  return ALL_PODS.flatMap((s) => ALL_PODS.filter((d) => d !== s && can(s, d, proto, port)).map((d) => `${s}->${d}`));
}
const pairs = (srcs: string[], dsts: string[]): string[] => srcs.flatMap((s) => dsts.filter((d) => d !== s).map((d) => `${s}->${d}`));

describe('conformance: NetworkPolicy e2e scenarios', () => {
  it('no policies: everything reaches everything', () => {
    expect(allowedPairs(cluster().model)).toEqual(pairs(ALL_PODS, ALL_PODS));
  });

  it('default-deny ingress in x isolates every x pod; self still allowed', () => {
    const m = cluster().policy('x', 'deny', { podSelector: {}, policyTypes: ['Ingress'] }).model;
    const outsideX = ALL_PODS.filter((p) => !p.startsWith('x/'));
    expect(allowedPairs(m)).toEqual(pairs(ALL_PODS, outsideX));
    expect(connBetween(evaluate(m), 'x/a', 'x/a').TCP).toEqual([[1, 65535]]);
  });

  it('allow-all ingress (`ingress: [{}]`) unions with a default deny and admits external IPs', () => {
    const m = cluster()
      .external('inet', 'Internet', ['0.0.0.0/0'])
      .policy('x', 'deny', { policyTypes: ['Ingress'] })
      .policy('x', 'allow-all', { ingress: [{}] }).model;
    expect(allowedPairs(m)).toEqual(pairs(ALL_PODS, ALL_PODS));
    const r = evaluate(m);
    expect(contains(connBetween(r, 'inet', 'x/a'), 'SCTP', 81)).toBe(true);
  });

  it('deny-all egress in x blocks x clients but not traffic into x', () => {
    const m = cluster().policy('x', 'deny-egress', { policyTypes: ['Egress'] }).model;
    const can = prober(m);
    expect(can('x/a', 'y/b')).toBe(false);
    expect(can('x/a', 'x/b')).toBe(false);
    expect(can('y/b', 'x/a')).toBe(true);
  });

  it('ingress from namespaces by label', () => {
    const m = cluster().policy('x', 'from-y', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }] }] }).model;
    const can = prober(m);
    expect(can('y/b', 'x/a')).toBe(true);
    expect(can('z/b', 'x/a')).toBe(false);
    expect(can('x/b', 'x/a')).toBe(false);
    expect(can('z/b', 'x/b')).toBe(true); // x/b is not selected
  });

  it('pod and namespace selector in one peer (AND) vs two peers (OR)', () => {
    const one = cluster().policy('x', 'and', {
      podSelector: { matchLabels: { pod: 'a' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }],
    }).model;
    expect(allowedPairs(one).filter((p) => p.endsWith('->x/a'))).toEqual(['y/b->x/a']);
    const two = cluster().policy('x', 'or', {
      podSelector: { matchLabels: { pod: 'a' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { podSelector: { matchLabels: { pod: 'b' } } }] }],
    }).model;
    expect(allowedPairs(two).filter((p) => p.endsWith('->x/a'))).toEqual(['x/b->x/a', 'y/a->x/a', 'y/b->x/a', 'y/c->x/a']);
  });

  it('namespaceSelector matches the implied kubernetes.io/metadata.name label', () => {
    const m = cluster().policy('x', 'by-name', { ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'z' } } }] }] }).model;
    const can = prober(m);
    expect(can('z/c', 'x/b')).toBe(true);
    expect(can('y/c', 'x/b')).toBe(false);
  });

  it('named port on ingress resolves on the destination with protocol match', () => {
    const m = cluster().policy('x', 'named', { ingress: [{ ports: [{ port: 'serve-80-tcp' }] }] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/a', 'TCP', 80)).toBe(true);
    expect(can('y/a', 'x/a', 'TCP', 81)).toBe(false);
    expect(can('y/a', 'x/a', 'UDP', 80)).toBe(false);
    // serve-80-udp with protocol defaulting to TCP matches no container port: nothing allowed.
    const wrongProto = cluster().policy('x', 'named', { ingress: [{ ports: [{ port: 'serve-80-udp' }] }] }).model;
    expect(prober(wrongProto)('y/a', 'x/a', 'UDP', 80)).toBe(false);
  });

  it('egress on one named port, rule without `to`: resolved on each destination pod', () => {
    const m = cluster().policy('x', 'egress-named', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-udp', protocol: 'UDP' }] }] }).model;
    const can = prober(m);
    expect(can('x/a', 'y/b', 'UDP', 80)).toBe(true);
    expect(can('x/a', 'y/b', 'UDP', 81)).toBe(false);
    expect(can('x/a', 'y/b', 'TCP', 80)).toBe(false);
    expect(can('x/b', 'y/b', 'TCP', 80)).toBe(true);
  });

  it('a named port never matches an IP destination', () => {
    const m = cluster().external('inet', 'Internet', ['0.0.0.0/0'])
      .policy('x', 'egress-named', { policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] }).model;
    const r = evaluate(m);
    expect(connBetween(r, 'x/a', 'inet')).toEqual({ TCP: [], UDP: [], SCTP: [] });
    expect(connBetween(r, 'x/a', 'y/a').TCP).toEqual([[80, 80]]);
  });

  it('endPort ranges, and only `port` when the profile does not enforce endPort', () => {
    const spec = { podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 81 }] }] };
    const r = evaluate(cluster().policy('x', 'range', spec).model);
    expect(connBetween(r, 'y/a', 'x/a').TCP).toEqual([[80, 81]]);
    const cil = evaluate(cluster().profile('cilium').policy('x', 'range', spec).model);
    expect(connBetween(cil, 'y/a', 'x/a').TCP).toEqual([[80, 80]]);
  });

  it('ipBlock with except against known pod IPs (upstream profile) and never under cilium', () => {
    const spec = { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress' as const], egress: [{ to: [{ ipBlock: { cidr: '10.244.1.0/24', except: ['10.244.1.2/32'] } }] }] };
    const can = prober(cluster().policy('x', 'cidr', spec).model);
    expect(can('x/a', 'y/a')).toBe(true);
    expect(can('x/a', 'y/b')).toBe(false);
    expect(can('x/a', 'z/a')).toBe(false);
    expect(prober(cluster().profile('cilium').policy('x', 'cidr', spec).model)('x/a', 'y/a')).toBe(false);
  });

  it('an IP in both cidr and except is still allowed by another peer', () => {
    const m = cluster().policy('x', 'overlap', {
      podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.244.1.0/24', except: ['10.244.1.2/32'] } }, { ipBlock: { cidr: '10.244.1.2/32' } }] }],
    }).model;
    expect(prober(m)('x/a', 'y/b')).toBe(true);
  });

  it('egress denied at the client even though the server allows it', () => {
    const m = cluster()
      .policy('x', 'deny-egress', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'] })
      .policy('y', 'allow-in', { ingress: [{ from: [{ namespaceSelector: {} }] }] }).model;
    const can = prober(m);
    expect(can('x/a', 'y/b')).toBe(false);
    expect(can('x/b', 'y/b')).toBe(true);
  });

  it('an SCTP-only rule allows SCTP and still isolates TCP', () => {
    const m = cluster().policy('x', 'sctp', { ingress: [{ ports: [{ protocol: 'SCTP', port: 80 }] }] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/a', 'SCTP', 80)).toBe(true);
    expect(can('y/a', 'x/a', 'TCP', 80)).toBe(false);
    expect(can('y/a', 'x/a', 'UDP', 80)).toBe(false);
  });

  it('policyTypes [Egress] ignores ingress rules and leaves ingress open', () => {
    const m = cluster().policy('x', 'egress-only', { policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'none' } } }] }], egress: [{}] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/a')).toBe(true);
    expect(can('x/a', 'y/a')).toBe(true);
  });

  it('egress rules without policyTypes also deny all ingress', () => {
    const m = cluster().policy('x', 'egress-rules', { egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/a')).toBe(false);
    expect(can('x/a', 'y/a', 'UDP', 53)).toBe(true);
    expect(can('x/a', 'y/a', 'TCP', 80)).toBe(false);
  });

  it('`egress: []` without policyTypes does not isolate egress', () => {
    const m = cluster().policy('x', 'empty-egress', { egress: [] }).model;
    const can = prober(m);
    expect(can('x/a', 'y/a')).toBe(true);
    expect(can('y/a', 'x/a')).toBe(false);
  });

  it('multiple policies union their rules', () => {
    const m = cluster()
      .policy('x', 'p1', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 80 }] }] })
      .policy('x', 'p2', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'c' } } }], ports: [{ port: 81 }] }] }).model;
    const r = evaluate(m);
    expect(connBetween(r, 'x/b', 'x/a')).toEqual({ TCP: [[80, 80]], UDP: [], SCTP: [] });
    expect(connBetween(r, 'x/c', 'x/a')).toEqual({ TCP: [[81, 81]], UDP: [], SCTP: [] });
    expect(connBetween(r, 'y/c', 'x/a')).toEqual({ TCP: [], UDP: [], SCTP: [] });
  });

  it('NotIn and DoesNotExist expressions', () => {
    const m = cluster()
      .policy('x', 'notin', { podSelector: { matchExpressions: [{ key: 'pod', operator: 'NotIn', values: ['a'] }] }, policyTypes: ['Ingress'] })
      .policy('y', 'dne', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['z'] }] }, podSelector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] } }] }] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/a')).toBe(true);
    expect(can('y/a', 'x/b')).toBe(false);
    expect(can('x/a', 'y/b')).toBe(true);
    expect(can('z/a', 'y/b')).toBe(false);
  });

  it('ports [{}] is all TCP ports only; ports [{port: 53}] is TCP 53 only', () => {
    const r = evaluate(cluster().policy('x', 'p', { ingress: [{ ports: [{}] }] }).policy('y', 'p', { ingress: [{ ports: [{ port: 53 }] }] }).model);
    expect(connBetween(r, 'z/a', 'x/a')).toEqual({ TCP: [[1, 65535]], UDP: [], SCTP: [] });
    expect(connBetween(r, 'z/a', 'y/a')).toEqual({ TCP: [[53, 53]], UDP: [], SCTP: [] });
  });

  it('namespaceSelector {} admits all pods but not external IPs; no `from` admits both', () => {
    const r = evaluate(cluster().external('inet', 'Internet', ['0.0.0.0/0'])
      .policy('x', 'pods', { ingress: [{ from: [{ namespaceSelector: {} }] }] })
      .policy('y', 'all', { ingress: [{ ports: [{ port: 80 }] }] }).model);
    expect(contains(connBetween(r, 'z/a', 'x/a'), 'TCP', 80)).toBe(true);
    expect(contains(connBetween(r, 'inet', 'x/a'), 'TCP', 80)).toBe(false);
    expect(contains(connBetween(r, 'inet', 'y/a'), 'TCP', 80)).toBe(true);
  });

  it('other nodes are denied by a default-deny ingress (only the pod\'s own node is exempt)', () => {
    const r = evaluate(cluster().policy('x', 'deny', { policyTypes: ['Ingress'] }).model);
    expect(contains(connBetween(r, 'node', 'x/a'), 'TCP', 10250)).toBe(false);
    expect(contains(connBetween(r, 'node', 'y/a'), 'TCP', 10250)).toBe(true);
  });

  it('hostNetwork workloads are node traffic: never isolated, never matched by selectors', () => {
    const m = cluster()
      .pod('x', 'agent', { pod: 'a' }, [], { hostNetwork: true, hostIP: '10.0.0.5', nodeName: 'n1' })
      .policy('x', 'deny-all', { policyTypes: ['Ingress', 'Egress'] })
      .policy('y', 'from-a', { ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { pod: 'a' } } }] }] }).model;
    const can = prober(m);
    expect(can('y/a', 'x/agent')).toBe(true); // nothing isolates the hostNetwork pod
    expect(can('x/agent', 'y/b')).toBe(false); // not matched as pod a
    expect(can('z/a', 'y/b')).toBe(true);
  });

  it('splits an external network where an ipBlock covers part of it', () => {
    const m = cluster().external('inet', 'Internet', ['0.0.0.0/0'])
      .policy('x', 'web', { ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/1' } }] }] }).model;
    const r = evaluate(m);
    expect(r.endpoints.filter((e) => e.modelId === 'inet').map((e) => [e.id, e.name])).toEqual([
      ['inet#0', 'Internet [0.0.0.0/1]'],
      ['inet#1', 'Internet [128.0.0.0/1]'],
    ]);
    expect(contains(connBetween(r, 'inet#0', 'x/a'), 'TCP', 443)).toBe(true);
    expect(contains(connBetween(r, 'inet#1', 'x/a'), 'TCP', 443)).toBe(false);
  });
});

describe('explain agrees with evaluate', () => {
  const fixtures: [string, Model][] = [
    ['mixed', cluster().external('inet', 'Internet', ['0.0.0.0/0'])
      .policy('x', 'deny', { policyTypes: ['Ingress', 'Egress'] })
      .policy('x', 'web', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.244.1.0/24'] } }], ports: [{ port: 'serve-81-tcp' }, { protocol: 'UDP' }] }], egress: [{ to: [{ podSelector: {} }] }] })
      .policy('y', 'egress', { podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] }, egress: [{ ports: [{ port: 80, endPort: 90 }] }, { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'serve-80-sctp', protocol: 'SCTP' }] }] }).model],
    ['sctp', cluster().policy('z', 'sctp', { ingress: [{ ports: [{ protocol: 'SCTP' }] }] }).model],
  ];
  for (const [name, m] of fixtures) {
    it(`on fixture ${name}, every pair`, () => {
      const r = evaluate(m);
      for (const s of r.endpoints) {
        for (const d of r.endpoints) {
          const e = explain(m, s.id, d.id);
          expect(equals(e.allowed, connBetween(r, s.id, d.id)), `${s.id} -> ${d.id}`).toBe(true);
        }
      }
    });
  }

  it('names the isolating policy and the missing rule', () => {
    const m = cluster().policy('x', 'default-deny', { policyTypes: ['Ingress'] }).model;
    const e = explain(m, 'y/a', 'x/b', { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe('denied');
    expect(e.ingress.status).toBe('isolated');
    expect(e.egress.status).toBe('not-isolated');
    expect(e.summary).toContain('Ingress at x/b is isolated by x/default-deny; no rule admits y/a.');
    expect(sideAllows(e.ingress, e.query)).toBe(false);
    expect(sideAllows(e.egress, e.query)).toBe(true);
  });

  it('lists the contributing rules with their ports', () => {
    const m = cluster().policy('x', 'web', { ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 81 }] }, { ports: [{ port: 80 }] }] }).model;
    const e = explain(m, 'x/a', 'x/b');
    expect(e.ingress.contributions.map((c) => [c.ruleIndex, c.allowed.TCP])).toEqual([[0, [[81, 81]]], [1, [[80, 80]]]]);
    expect(e.verdict).toBe('partial');
    expect(sideAllows(e.ingress)).toBe(true);
    expect(sideAllows(e.ingress, { protocol: 'TCP', port: 81 })).toBe(true);
    expect(sideAllows(e.ingress, { protocol: 'TCP', port: 82 })).toBe(false);
    expect(e.summary[1]).toBe('Ingress at x/b is isolated by x/web; x/web ingress[0] allows TCP 81; x/web ingress[1] allows TCP 80.');
  });
});
