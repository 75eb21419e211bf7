import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addExternal, addLoadBalancer, addNamespace, addWorkload } from '../doc/commands.ts';
import {
  canvasLabel, edgeEnds, endpointModelId, endpointNodeId, formatEdgeId, formatNodeId, parseEdgeId, parseNodeId, type EdgeRef,
} from './ids.ts';

function doc() {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns-shop', name: 'shop', at: { x: 0, y: 0 } });
  d = addWorkload(d, { id: 'wl:shop/Deployment/web', namespaceId: 'ns-shop', name: 'web', at: { x: 20, y: 60 } });
  d = addExternal(d, { id: 'ext:internet', name: 'Internet', at: { x: -300, y: 0 } });
  d = addLoadBalancer(d, { id: 'svc:shop/front', namespaceId: 'ns-shop', name: 'front', at: { x: -300, y: 200 } });
  return d;
}

describe('canvas node ids', () => {
  it('round-trips every kind of node and rejects ids that are not on the canvas', () => {
    const { model } = doc();
    expect(parseNodeId(model, 'ns-shop')).toEqual({ kind: 'namespace', id: 'ns-shop' });
    expect(parseNodeId(model, 'wl:shop/Deployment/web')).toEqual({ kind: 'workload', id: 'wl:shop/Deployment/web' });
    expect(parseNodeId(model, 'ext:internet')).toEqual({ kind: 'external', id: 'ext:internet' });
    const lb = formatNodeId({ kind: 'loadbalancer', serviceId: 'svc:shop/front' });
    expect(lb).toBe('lb:svc:shop/front');
    expect(parseNodeId(model, lb)).toEqual({ kind: 'loadbalancer', serviceId: 'svc:shop/front' });
    expect(parseNodeId(model, 'lb:svc:shop/missing')).toBeNull();
    expect(parseNodeId(model, 'nope')).toBeNull();
  });

  it('maps intent endpoints (bare Service id or lb: id) to the load balancer node and back', () => {
    const { model } = doc();
    expect(endpointNodeId(model, 'svc:shop/front')).toBe('lb:svc:shop/front');
    expect(endpointNodeId(model, 'lb:svc:shop/front')).toBe('lb:svc:shop/front');
    expect(endpointNodeId(model, 'ns-shop')).toBeNull();
    expect(endpointModelId('lb:svc:shop/front')).toBe('svc:shop/front');
    expect(endpointModelId('ext:internet')).toBe('ext:internet');
  });

  it('labels nodes as namespace/name', () => {
    const { model } = doc();
    expect(canvasLabel(model, 'wl:shop/Deployment/web')).toBe('shop/web');
    expect(canvasLabel(model, 'lb:svc:shop/front')).toBe('shop/front');
    expect(canvasLabel(model, 'ext:internet')).toBe('Internet');
  });
});

describe('canvas edge ids', () => {
  const refs: EdgeRef[] = [
    { kind: 'reach', src: 'wl:a/Deployment/x', dst: 'ext:internet' },
    { kind: 'nsreach', src: 'ns-a', dst: 'ns-b' },
    { kind: 'deny', src: 'a', dst: 'lb:svc:a/b' },
    { kind: 'svc', serviceId: 'svc:shop/front', workloadId: 'wl:shop/Deployment/web' },
    { kind: 'ext', externalId: 'ext:internet', serviceId: 'svc:shop/front' },
    { kind: 'intent', intentId: 'int-1' },
    { kind: 'assert', assertionId: 'as:1' },
    { kind: 'review-removed', src: 'a', dst: 'b' },
  ];
  it('round-trips every kind, even when model ids hold colons and slashes', () => {
    for (const r of refs) expect(parseEdgeId(formatEdgeId(r))).toEqual(r);
  });
  it('keeps the id formats the app and its tests address edges by', () => {
    expect(formatEdgeId({ kind: 'reach', src: 'a', dst: 'b' })).toBe('reach:a>b');
    expect(formatEdgeId({ kind: 'svc', serviceId: 's', workloadId: 'w' })).toBe('svc:s>w');
  });
  it('rejects strings that are no edge id', () => {
    for (const s of ['', 'reach', 'reach:', 'reach:a', 'reach:a>', 'bogus:a>b', 'intent:']) expect(parseEdgeId(s)).toBeNull();
  });
  it('gives the node ends of an edge, resolving load balancers', () => {
    const { model } = doc();
    expect(edgeEnds(model, { kind: 'svc', serviceId: 'svc:shop/front', workloadId: 'w' })).toEqual({ src: 'lb:svc:shop/front', dst: 'w' });
    expect(edgeEnds(model, { kind: 'intent', intentId: 'missing' })).toBeNull();
  });
});
