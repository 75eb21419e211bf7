import { describe, expect, it } from 'vitest';
import { build } from '../conformance/builder.ts';
import { evaluate, ingressAllowedFrom } from './evaluate.ts';
import { resolveEndpoint } from './explain.ts';
import { connBetween, endpointByName, endpointIdOf, forEachConnection } from './reachability.ts';

const shop = () =>
  build()
    .nodes('10.0.0.0/24')
    .ns('shop')
    .pod('shop', 'web1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }])
    .pod('shop', 'web2', { app: 'web' }, [{ name: 'http', containerPort: 8080 }])
    .pod('shop', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }])
    .policy('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } }], ports: [{ port: 'pg' }] }] });

describe('evaluate', () => {
  it('puts workloads that behave alike in one class and keeps answers per endpoint', () => {
    const r = evaluate(shop().model);
    const ix = r.endpointIndex;
    expect(r.classOf[ix['shop/web1']]).toBe(r.classOf[ix['shop/web2']]);
    expect(r.classOf[ix['shop/web1']]).not.toBe(r.classOf[ix['shop/db']]);
    expect(connBetween(r, 'shop/web1', 'shop/db').TCP).toEqual([[5432, 5432]]);
    expect(connBetween(r, 'shop/db', 'shop/web2').UDP).toEqual([[1, 65535]]);
    expect(r.connSets[0]).toEqual({ TCP: [], UDP: [], SCTP: [] });
  });

  it('names endpoints `<ns>/<name>` and adds a node endpoint for the node CIDRs', () => {
    const r = evaluate(shop().model);
    expect(endpointByName(r, 'shop/db')?.id).toBe('shop/db');
    expect(r.endpoints.find((e) => e.id === 'node')).toEqual({ id: 'node', kind: 'node', modelId: 'node', name: 'nodes', cidrs: ['10.0.0.0/24'] });
    expect(evaluate(build().nodes().pod('a', 'x', {}).model).endpoints.map((e) => e.id)).toEqual(['a/x']);
  });

  it('forEachConnection visits ordered non-empty pairs and skips self', () => {
    const r = evaluate(shop().model);
    const seen: string[] = [];
    forEachConnection(r, (s, d) => seen.push(`${s.id}>${d.id}`));
    expect(seen).toContain('shop/web1>shop/db');
    expect(seen).not.toContain('shop/db>shop/db');
    // The node endpoint is the other nodes: governed by the pods' ingress policies like any IP.
    expect(seen).not.toContain('node>shop/db');
  });
});

describe('ingressAllowedFrom', () => {
  it('splits an IP source by the ipBlocks that admit part of it', () => {
    const res = ingressAllowedFrom(shop().model, 'shop/db', { kind: 'ip', cidrs: ['192.168.0.0/23'] });
    expect(res.isolated).toBe(true);
    expect(res.ownNodeBypass).toBe(true);
    expect(res.parts.map((p) => [p.cidrs, p.allowed.TCP])).toEqual([
      [['192.168.0.0/24'], [[5432, 5432]]],
      [['192.168.1.0/24'], []],
    ]);
    expect(res.allowed.TCP).toEqual([]);
  });

  it('answers for a workload source and for an unisolated destination', () => {
    const m = shop().model;
    expect(ingressAllowedFrom(m, 'shop/db', { kind: 'workload', id: 'shop/web1' }).allowed.TCP).toEqual([[5432, 5432]]);
    const open = ingressAllowedFrom(m, 'shop/web1', { kind: 'ip', cidrs: ['8.8.8.8/32'] });
    expect(open.isolated).toBe(false);
    expect(open.allowed.SCTP).toEqual([[1, 65535]]);
  });
});

describe('resolveEndpoint', () => {
  it('resolves ns/name, CIDRs and reports unknown names clearly', () => {
    const m = shop().model;
    expect(resolveEndpoint(m, 'shop/db')).toMatchObject({ ok: true, endpoint: { id: 'shop/db' } });
    expect(resolveEndpoint(m, '10.1.2.3')).toMatchObject({ ok: true, endpoint: { id: 'ip:10.1.2.3/32', kind: 'external' } });
    expect(resolveEndpoint(m, 'shop/nope')).toEqual({ ok: false, error: "no workload named 'shop/nope'" });
    expect(resolveEndpoint(m, 'other/db')).toEqual({ ok: false, error: "no workload named 'other/db' (unknown namespace 'other')" });
  });
});

describe('endpointIdOf', () => {
  it('maps an endpoint id to itself and a split external network to its first part', () => {
    const m = shop().external('ext-office', 'office', ['192.168.0.0/16']).model;
    const r = evaluate(m);
    expect(r.endpoints.filter((e) => e.modelId === 'ext-office').map((e) => e.id)).toEqual(['ext-office#0', 'ext-office#1']);
    expect(endpointIdOf(r, 'ext-office')).toBe('ext-office#0');
    expect(endpointIdOf(r, 'ext-office#1')).toBe('ext-office#1');
    expect(endpointIdOf(r, 'shop/db')).toBe('shop/db');
    expect(endpointIdOf(r, 'gone')).toBeUndefined();
  });
});
