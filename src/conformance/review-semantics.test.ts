// Independent review of the evaluator against shared/semantics.md (sections 1 and 6).
// Every expectation below was written from the API documentation / semantics.md first, then
// run. Each probe also checks that explain() gives the same answer as evaluate().
import { describe, expect, it } from 'vitest';
import type { Model, Protocol } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { connOf, contains, describeConn, equals } from '../policy/portset.ts';
import { connBetween } from '../policy/reachability.ts';
import type { ConnSet } from '../policy/reachability-types.ts';
import { build, type ModelBuilder } from './builder.ts';

/** What src may open to dst, checked against explain(). */
function conn(m: Model, src: string, dst: string): ConnSet {
  const c = connBetween(evaluate(m), src, dst);
  const e = explain(m, src, dst).allowed;
  expect(describeConn(e), `explain vs evaluate ${src} -> ${dst}`).toBe(describeConn(c));
  return c;
}
const can = (m: Model, src: string, dst: string, proto: Protocol = 'TCP', port = 80): boolean => contains(conn(m, src, dst), proto, port);
const text = (m: Model, src: string, dst: string): string => describeConn(conn(m, src, dst));

/** ns a: client, server (http 80), other; ns b: remote; Internet; nodes 10.0.0.0/24. */
function base(): ModelBuilder {
  return build()
    .nodes('10.0.0.0/24')
    .ns('a', { team: 'red' })
    .ns('b', { team: 'blue' })
    .pod('a', 'client', { app: 'client' }, [], { podIPs: ['10.244.1.1'] })
    .pod('a', 'server', { app: 'server' }, [{ name: 'http', containerPort: 80 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }], { podIPs: ['10.244.1.2'] })
    .pod('a', 'other', { app: 'other', tier: 'db' }, [], { podIPs: ['10.244.1.3'] })
    .pod('b', 'remote', { app: 'client' }, [], { podIPs: ['10.244.2.1'] })
    .external('inet', 'Internet', ['0.0.0.0/0']);
}
const SERVER = { matchLabels: { app: 'server' } };

describe('review: policyTypes defaulting (1.3)', () => {
  it('absent policyTypes + only egress rules also isolates ingress (deny all ingress)', () => {
    const m = base().policy('a', 'eg', { podSelector: SERVER, egress: [{ ports: [{ port: 443 }] }] }).model;
    expect(text(m, 'a/client', 'a/server')).toBe('none');
    expect(text(m, 'b/remote', 'a/server')).toBe('none');
    expect(text(m, 'inet', 'a/server')).toBe('none');
    expect(text(m, 'a/server', 'a/client')).toBe('TCP 443');
    expect(text(m, 'a/server', 'inet')).toBe('TCP 443');
  });

  it('`egress: []` without policyTypes does not isolate egress (but isolates ingress)', () => {
    const m = base().policy('a', 'p', { podSelector: SERVER, egress: [] }).model;
    expect(text(m, 'a/server', 'a/client')).toBe('all');
    expect(text(m, 'a/server', 'inet')).toBe('all');
    expect(text(m, 'a/client', 'a/server')).toBe('none');
  });

  it('explicit policyTypes [Egress]: ingress rules are ignored, even when another policy isolates ingress', () => {
    const ignored = base().policy('a', 'p', { podSelector: SERVER, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'nobody' } } }] }] }).model;
    expect(text(ignored, 'a/client', 'a/server')).toBe('all'); // ingress not isolated
    expect(text(ignored, 'a/server', 'a/client')).toBe('none'); // egress: deny all
    const m = base()
      .policy('a', 'deny-in', { podSelector: SERVER, policyTypes: ['Ingress'] })
      .policy('a', 'eg-only', { podSelector: SERVER, policyTypes: ['Egress'], ingress: [{}], egress: [{}] }).model;
    expect(text(m, 'a/client', 'a/server')).toBe('none');
    expect(text(m, 'a/server', 'a/client')).toBe('all');
  });

  it('`policyTypes: []` behaves as absent', () => {
    const withEgress = base().policy('a', 'p', { podSelector: SERVER, policyTypes: [], egress: [{ ports: [{ port: 443 }] }] }).model;
    expect(text(withEgress, 'a/client', 'a/server')).toBe('none');
    expect(text(withEgress, 'a/server', 'a/client')).toBe('TCP 443');
    const noEgress = base().policy('a', 'p', { podSelector: SERVER, policyTypes: [] }).model;
    expect(text(noEgress, 'a/client', 'a/server')).toBe('none');
    expect(text(noEgress, 'a/server', 'a/client')).toBe('all');
  });
});

describe('review: empty versus missing (1.4)', () => {
  it('`ingress: [{}]` allows every source incl. external networks and every protocol', () => {
    const m = base().policy('a', 'p', { podSelector: SERVER, ingress: [{}] }).model;
    for (const src of ['a/client', 'b/remote', 'inet']) expect(text(m, src, 'a/server')).toBe('all');
  });

  it('`from: []` and `ports: []` mean all sources and all ports', () => {
    const m = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [], ports: [] }] }).model;
    for (const src of ['a/client', 'b/remote', 'inet']) expect(text(m, src, 'a/server')).toBe('all');
  });

  it('peer `namespaceSelector: {}` = all pods in all namespaces, not external networks or nodes', () => {
    const m = base()
      .pod('b', 'hostpod', { app: 'client' }, [], { hostNetwork: true, nodeName: 'n1', hostIP: '10.0.0.7' })
      .policy('a', 'in', { podSelector: SERVER, ingress: [{ from: [{ namespaceSelector: {} }] }] })
      .policy('a', 'out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }] }] }).model;
    expect(text(m, 'b/remote', 'a/server')).toBe('all');
    expect(text(m, 'a/other', 'a/server')).toBe('all');
    expect(text(m, 'inet', 'a/server')).toBe('none');
    expect(text(m, 'b/hostpod', 'a/server')).toBe('none'); // node traffic, other node
    expect(text(m, 'a/client', 'b/remote')).toBe('all');
    expect(text(m, 'a/client', 'inet')).toBe('none');
    expect(text(m, 'a/client', 'node')).toBe('none');
    expect(text(m, 'a/client', 'b/hostpod')).toBe('none');
  });

  it('`ports: [{}]` is all TCP only; `{protocol: UDP}` all UDP; `{port: 53}` TCP 53 only', () => {
    const rule = (ports: object[]) => base().policy('a', 'p', { podSelector: SERVER, ingress: [{ ports: ports as never }] }).model;
    expect(equals(conn(rule([{}]), 'a/client', 'a/server'), connOf('TCP'))).toBe(true);
    expect(equals(conn(rule([{ protocol: 'UDP' }]), 'a/client', 'a/server'), connOf('UDP'))).toBe(true);
    expect(text(rule([{ port: 53 }]), 'a/client', 'a/server')).toBe('TCP 53');
  });
});

describe('review: selectors (1.2)', () => {
  it('NotIn and DoesNotExist match pods without the key', () => {
    const notIn = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] } }] }] }).model;
    expect(can(notIn, 'a/client', 'a/server')).toBe(true); // no tier label
    expect(can(notIn, 'a/other', 'a/server')).toBe(false); // tier=db
    const dne = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } }] }] }).model;
    expect(can(dne, 'a/client', 'a/server')).toBe(true);
    expect(can(dne, 'a/other', 'a/server')).toBe(false);
  });

  it('a NotIn policy podSelector selects pods without the key', () => {
    const m = base().policy('a', 'p', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, policyTypes: ['Ingress'] }).model;
    expect(can(m, 'b/remote', 'a/server')).toBe(false);
    expect(can(m, 'b/remote', 'a/other')).toBe(true);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const m = base().policy('a', 'p', {
      podSelector: SERVER,
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'other' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } }] }],
    }).model;
    expect(can(m, 'a/other', 'a/server')).toBe(false); // app=other but tier=db
    const m2 = base().policy('a', 'p', {
      podSelector: SERVER,
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'other' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }] }],
    }).model;
    expect(can(m2, 'a/other', 'a/server')).toBe(true);
    expect(can(m2, 'a/client', 'a/server')).toBe(false);
  });
});

describe('review: peers (1.5)', () => {
  it('podSelector + namespaceSelector in one peer is AND; in two peers OR', () => {
    const and = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'blue' } }, podSelector: { matchLabels: { app: 'client' } } }] }] }).model;
    expect(can(and, 'b/remote', 'a/server')).toBe(true);
    expect(can(and, 'a/client', 'a/server')).toBe(false); // app=client but ns a is red
    const or = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'blue' } } }, { podSelector: { matchLabels: { app: 'client' } } }] }] }).model;
    expect(can(or, 'b/remote', 'a/server')).toBe(true);
    expect(can(or, 'a/client', 'a/server')).toBe(true);
    expect(can(or, 'a/other', 'a/server')).toBe(false);
  });

  it('a podSelector-only peer in an egress rule is restricted to the policy namespace', () => {
    const m = base().policy('a', 'p', { podSelector: { matchLabels: { app: 'server' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'client' } } }] }] }).model;
    expect(can(m, 'a/server', 'a/client')).toBe(true);
    expect(can(m, 'a/server', 'b/remote')).toBe(false); // same labels, other namespace
  });

  it('a namespace known only from a workload still has kubernetes.io/metadata.name', () => {
    const b = base();
    b.model.workloads['c/orphan'] = { id: 'c/orphan', namespaceId: 'ns:c', name: 'orphan', kind: 'Pod', podLabels: {}, ports: [] };
    const m = b.policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'c' } } }] }] }).model;
    expect(m.namespaces['ns:c']).toBeUndefined();
    expect(can(m, 'c/orphan', 'a/server')).toBe(true);
    expect(can(m, 'b/remote', 'a/server')).toBe(false);
  });
});

describe('review: named ports (1.7)', () => {
  function two(): ModelBuilder {
    return base()
      .pod('a', 'web1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }])
      .pod('a', 'web2', { app: 'web' }, [{ name: 'http', containerPort: 9090 }, { name: 'admin', containerPort: 9999 }]);
  }

  it('resolves on each destination: two destinations map "http" differently', () => {
    const m = two().policy('a', 'p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'http' }] }] }).model;
    expect(text(m, 'a/client', 'a/web1')).toBe('TCP 8080');
    expect(text(m, 'a/client', 'a/web2')).toBe('TCP 9090');
    expect(text(m, 'inet', 'a/web2')).toBe('TCP 9090');
  });

  it('is never resolved on the source', () => {
    const m = two().policy('a', 'p', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'admin' }] }] }).model;
    expect(text(m, 'a/web2', 'a/web1')).toBe('none'); // web1 has no "admin"
    expect(text(m, 'a/web1', 'a/web2')).toBe('TCP 9999');
  });

  it('matches protocol: a UDP named port does not match a TCP rule', () => {
    const tcp = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ ports: [{ port: 'dns' }] }] }).model;
    expect(text(tcp, 'a/client', 'a/server')).toBe('none');
    const udp = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] }).model;
    expect(text(udp, 'a/client', 'a/server')).toBe('UDP 53');
  });

  it('egress rule with no `to`: per destination pod; an external network or node matches nothing', () => {
    const m = two().policy('a', 'p', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] }).model;
    expect(text(m, 'a/client', 'a/web1')).toBe('TCP 8080');
    expect(text(m, 'a/client', 'a/web2')).toBe('TCP 9090');
    expect(text(m, 'a/client', 'a/server')).toBe('TCP 80');
    expect(text(m, 'a/client', 'a/other')).toBe('none');
    expect(text(m, 'a/client', 'inet')).toBe('none');
    expect(text(m, 'a/client', 'node')).toBe('none');
  });

  it('a named port toward an ipBlock external network matches nothing, numbers do', () => {
    const m = base().policy('a', 'p', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'http' }, { port: 443 }] }] }).model;
    expect(text(m, 'a/client', 'inet')).toBe('TCP 443');
    expect(text(m, 'a/client', 'a/server')).toBe('TCP 80, 443'); // pod IP known, upstream profile
  });

  it('a hostNetwork destination is node traffic: named ports cannot match it', () => {
    const m = base()
      .pod('kube-system', 'nodelocaldns', { 'k8s-app': 'node-local-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }], { hostNetwork: true, nodeName: 'n1', hostIP: '10.0.0.5' })
      .policy('a', 'p', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'dns', protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] }).model;
    expect(text(m, 'a/client', 'kube-system/nodelocaldns')).toBe('TCP 53');
    expect(text(m, 'a/client', 'a/server')).toBe('TCP 53; UDP 53');
  });
});

describe('review: endPort (1.7)', () => {
  it('inclusive port..endPort; only `port` when the profile does not enforce endPort', () => {
    const spec = { podSelector: SERVER, ingress: [{ ports: [{ port: 8000, endPort: 8010 }, { protocol: 'UDP' as const, port: 5000, endPort: 5001 }] }] };
    expect(text(base().policy('a', 'p', spec).model, 'a/client', 'a/server')).toBe('TCP 8000-8010; UDP 5000-5001');
    expect(text(base().profile('cilium').policy('a', 'p', spec).model, 'a/client', 'a/server')).toBe('TCP 8000; UDP 5000');
  });
});

describe('review: ipBlock (1.6)', () => {
  it('except carves out a range; a second peer may re-allow it (union)', () => {
    const b = () => base().external('corp', 'Corp', ['10.2.0.0/16']).external('lab', 'Lab', ['10.1.0.0/16']);
    const carve = b().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] }).model;
    expect(can(carve, 'corp', 'a/server')).toBe(true);
    expect(can(carve, 'lab', 'a/server')).toBe(false);
    const union = b().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { ipBlock: { cidr: '10.1.0.0/24' } }] }] }).model;
    const r = evaluate(union);
    expect(r.endpoints.filter((e) => e.modelId === 'lab').map((e) => [e.cidrs, contains(connBetween(r, e.id, 'a/server'), 'TCP', 80)])).toEqual([
      [['10.1.0.0/24'], true],
      [['10.1.1.0/24', '10.1.2.0/23', '10.1.4.0/22', '10.1.8.0/21', '10.1.16.0/20', '10.1.32.0/19', '10.1.64.0/18', '10.1.128.0/17'], false],
    ]);
  });

  it('matches a known pod IP under upstream, never under cilium; an unknown IP never', () => {
    const spec = { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.2.0/24'] } }] }] };
    const up = base().pod('a', 'noip', { app: 'x' }).policy('a', 'p', spec).model;
    expect(can(up, 'a/client', 'a/server')).toBe(true);
    expect(can(up, 'b/remote', 'a/server')).toBe(false); // excepted
    expect(can(up, 'a/noip', 'a/server')).toBe(false);
    const cil = base().profile('cilium').policy('a', 'p', spec).model;
    expect(can(cil, 'a/client', 'a/server')).toBe(false);
  });

  it('Internet 0.0.0.0/0 with ipBlock 0.0.0.0/0 except 10.0.0.0/8 is split into parts reported separately', () => {
    const m = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] }).model;
    const r = evaluate(m);
    const parts = r.endpoints.filter((e) => e.modelId === 'inet');
    expect(parts.length).toBe(2);
    const inside = parts.find((e) => e.cidrs!.includes('10.0.0.0/8'))!;
    const outside = parts.find((e) => e !== inside)!;
    expect(inside.cidrs).toEqual(['10.0.0.0/8']);
    expect(outside.cidrs).toContain('0.0.0.0/5');
    expect(outside.cidrs).toContain('11.0.0.0/8');
    expect(inside.id).not.toBe(outside.id);
    expect(can(m, outside.id, 'a/server')).toBe(true);
    expect(can(m, inside.id, 'a/server')).toBe(false);
    expect(r.endpointIndex.inet).toBeUndefined();
  });

  it('IPv6: ipBlocks split and match IPv6 networks; an IPv4 block never matches IPv6 addresses', () => {
    const m = base()
      .external('v6', 'V6', ['2001:db8::/32'])
      .external('any', 'Anywhere', ['0.0.0.0/0', '::/0'])
      .policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '2001:db8:1::/48' } }, { ipBlock: { cidr: '0.0.0.0/0' } }] }] }).model;
    const r = evaluate(m);
    const v6 = r.endpoints.filter((e) => e.modelId === 'v6');
    expect(v6.map((e) => [e.cidrs![0], contains(connBetween(r, e.id, 'a/server'), 'TCP', 80)])).toEqual([
      ['2001:db8::/48', false],
      ['2001:db8:1::/48', true],
    ]);
    const any = r.endpoints.filter((e) => e.modelId === 'any');
    const allowed = any.filter((e) => contains(connBetween(r, e.id, 'a/server'), 'TCP', 80)).flatMap((e) => e.cidrs);
    expect(any.length).toBe(3);
    expect(allowed).toEqual(['0.0.0.0/0', '2001:db8:1::/48']);
  });
});

describe('review: combining directions and special traffic (1.8, 1.9)', () => {
  it('egress allowed at the source but ingress denied at the destination is denied, and vice versa', () => {
    const m = base()
      .policy('a', 'client-out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{}] })
      .policy('a', 'server-in', { podSelector: SERVER, policyTypes: ['Ingress'] }).model;
    expect(can(m, 'a/client', 'a/server')).toBe(false);
    const m2 = base()
      .policy('a', 'client-out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] })
      .policy('a', 'server-in', { podSelector: SERVER, ingress: [{}] }).model;
    expect(can(m2, 'a/client', 'a/server')).toBe(false);
    expect(can(m2, 'a/other', 'a/server')).toBe(true);
  });

  it('self is always allowed', () => {
    const m = base().policy('a', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }).model;
    expect(text(m, 'a/server', 'a/server')).toBe('all');
    expect(explain(m, 'a/server', 'a/server').verdict).toBe('allowed');
  });

  it('the node endpoint (nodes other than the pod\'s own) is subject to ingress ipBlocks on node addresses; egress to nodes too', () => {
    const m = base().policy('a', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }).model;
    expect(text(m, 'node', 'a/server')).toBe('none');
    expect(explain(m, 'node', 'a/server').summary.join(' ')).toContain("the pod's own node");
    expect(text(m, 'a/server', 'node')).toBe('none');
    const fromNodes = { podSelector: SERVER, policyTypes: ['Ingress' as const], ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 10250 }] }] };
    expect(text(base().policy('a', 'p', fromNodes).model, 'node', 'a/server')).toBe('TCP 10250');
    expect(text(base().profile('cilium').policy('a', 'p', fromNodes).model, 'node', 'a/server')).toBe('none');
    const eg = { podSelector: SERVER, policyTypes: ['Egress' as const], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }] };
    expect(text(base().policy('a', 'p', eg).model, 'a/server', 'node')).toBe('all');
    expect(text(base().profile('cilium').policy('a', 'p', eg).model, 'a/server', 'node')).toBe('none');
  });

  it('hostNetwork workloads are not selected by pod selectors (default profile): never isolated', () => {
    const m = base()
      .pod('a', 'agent', { app: 'server' }, [], { hostNetwork: true, nodeName: 'n1', hostIP: '10.0.0.5' })
      .pod('a', 'near', { app: 'server' }, [], { nodeName: 'n1' })
      .pod('a', 'far', { app: 'server' }, [], { nodeName: 'n2' })
      .policy('a', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }).model;
    expect(text(m, 'b/remote', 'a/agent')).toBe('all'); // not isolated
    expect(text(m, 'a/agent', 'inet')).toBe('all');
    expect(text(m, 'a/agent', 'a/near')).toBe('all'); // own node
    expect(text(m, 'a/agent', 'a/far')).toBe('none');
    expect(text(m, 'a/client', 'a/agent')).toBe('none'); // client's egress is denied
    const isPod = base()
      .profile({ name: 'custom', ipBlockMatchesPods: true, ipBlockMatchesNodes: true, hostNetworkIsPod: true, serviceProxy: 'kube-proxy', endPortSupported: true })
      .pod('a', 'agent', { app: 'server' }, [], { hostNetwork: true, nodeName: 'n1', hostIP: '10.0.0.5' })
      .policy('a', 'deny', { podSelector: SERVER, policyTypes: ['Ingress'] }).model;
    expect(text(isPod, 'b/remote', 'a/agent')).toBe('none');
  });

  it('an ipBlock covering a hostNetwork pod\'s node IP matches it (upstream), not under cilium', () => {
    const b = (p: 'upstream' | 'cilium') => base().profile(p)
      .pod('a', 'agent', {}, [], { hostNetwork: true, nodeName: 'n1', hostIP: '10.0.0.5' })
      .policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.5/32' } }] }] }).model;
    expect(can(b('upstream'), 'a/agent', 'a/server')).toBe(true);
    expect(can(b('cilium'), 'a/agent', 'a/server')).toBe(false);
  });

  it('an SCTP-only rule allows SCTP and still isolates TCP and UDP', () => {
    const m = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ ports: [{ protocol: 'SCTP', port: 80 }] }] }).model;
    expect(text(m, 'a/client', 'a/server')).toBe('SCTP 80');
  });
});

describe('review: explain() summary', () => {
  it('names the isolating policies and the admitting rule', () => {
    const m = base()
      .policy('a', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })
      .policy('a', 'web', { podSelector: SERVER, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'other' } } }] }, { from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 'http' }] }] }).model;
    const e = explain(m, 'a/client', 'a/server', { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe('allowed');
    expect(e.ingress.isolatingPolicies.sort()).toEqual(['a/deny', 'a/web']);
    expect(e.ingress.contributions.map((c) => [c.policyId, c.ruleIndex])).toEqual([['a/web', 1]]);
    expect(e.summary[1]).toContain('a/deny');
    expect(e.summary[1]).toContain('a/web ingress[1] allows TCP 80');
    expect(e.summary[0]).toMatch(/not isolated/);
    const denied = explain(m, 'b/remote', 'a/server', { protocol: 'TCP', port: 80 });
    expect(denied.verdict).toBe('denied');
    expect(denied.summary[1]).toMatch(/isolated by a\/deny, a\/web; no rule admits b\/remote/);
  });
});

describe('review: robustness of ids and cache keys', () => {
  it('an external network whose id is "node" is not mistaken for the node endpoint', () => {
    const m = build().nodes().pod('a', 'server', { app: 'server' }).external('node', 'Partner', ['192.0.2.0/24'])
      .policy('a', 'deny', { podSelector: {}, policyTypes: ['Ingress'] }).model;
    expect(text(m, 'node', 'a/server')).toBe('none');
  });

  it('selectors that only differ inside values are not confused by the evaluator caches', () => {
    const m = base()
      .pod('a', 'odd', { a: 'x,b=y' })
      .pod('a', 'plain', { a: 'x', b: 'y' })
      .policy('a', 'p1', { podSelector: { matchLabels: { a: 'x,b=y' } }, policyTypes: ['Ingress'] })
      .policy('a', 'p2', { podSelector: SERVER, ingress: [{ from: [{ podSelector: { matchLabels: { a: 'x', b: 'y' } } }] }] }).model;
    expect(text(m, 'a/client', 'a/odd')).toBe('none');
    expect(text(m, 'a/client', 'a/plain')).toBe('all');
    expect(text(m, 'a/plain', 'a/server')).toBe('all');
    expect(text(m, 'a/odd', 'a/server')).toBe('none');
  });

  it('resolveEndpoint names the parts of a split external network instead of failing on the name', async () => {
    const { resolveEndpoint } = await import('../policy/explain.ts');
    const m = base().policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] }).model;
    const r = resolveEndpoint(m, 'Internet');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/'Internet' is split into 2 parts .*inet#0 .*inet#1 \(10\.0\.0\.0\/8\)/);
    expect(resolveEndpoint(base().model, 'Internet')).toMatchObject({ ok: true, endpoint: { id: 'inet' } });
  });
});

describe('review: invalid input fails closed', () => {
  it('an ipBlock with an unreadable except matches nothing rather than the whole cidr', () => {
    const m = base().external('lab', 'Lab', ['10.1.0.0/16'])
      .policy('a', 'p', { podSelector: SERVER, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/33'] } }] }] }).model;
    expect(can(m, 'lab', 'a/server')).toBe(false);
    expect(can(m, 'b/remote', 'a/server')).toBe(false);
  });
});
