import { describe, it, expect } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import {
  addExternal, addIntent, addLoadBalancer, addNamespace, addWorkload, copyEntities, deleteEntities,
  deleteIntent, deletePolicy, duplicateEntities, importIntoDoc, moveWorkloadToNamespace, pasteEntities,
  setNamespaceDefaults, setPositions, uniqueName, updateNamespace, updateService, updateWorkload, upsertPolicy,
} from './commands.ts';
import { namespaceHeaderWidth } from '../canvas/namespace-header.ts';
import { namespaceRect } from '../canvas/geometry.ts';

/** shop: web, api; data: db; an external; an LB in shop; a policy in data; intents web->api, ext->web. */
function shopDoc(): Doc {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns-shop', name: 'shop', at: { x: 0, y: 0 } });
  d = addNamespace(d, { id: 'ns-data', name: 'data', at: { x: 600, y: 0 } });
  d = addWorkload(d, { id: 'wl-web', namespaceId: 'ns-shop', name: 'web', at: { x: 20, y: 60 } });
  d = addWorkload(d, { id: 'wl-api', namespaceId: 'ns-shop', name: 'api', at: { x: 250, y: 60 } });
  d = addWorkload(d, { id: 'wl-db', namespaceId: 'ns-data', name: 'db', at: { x: 20, y: 60 } });
  d = addExternal(d, { id: 'ext-inet', name: 'Internet', at: { x: -300, y: 0 } });
  d = addLoadBalancer(d, { id: 'svc-web', namespaceId: 'ns-shop', name: 'web', at: { x: -300, y: 200 } });
  d = upsertPolicy(d, {
    id: 'np-deny', namespaceId: 'ns-data', name: 'default-deny', podSelector: {}, policyTypes: ['Ingress'],
  });
  d = addIntent(d, { id: 'i-1', fromId: 'wl-web', toId: 'wl-api', ports: [{ protocol: 'TCP', port: 8080 }] });
  d = addIntent(d, { id: 'i-2', fromId: 'ext-inet', toId: 'wl-web' });
  return d;
}

describe('creating entities', () => {
  it('adds a namespace with a layout box and a unique name', () => {
    let d = addNamespace(emptyDoc(), { id: 'a', name: 'shop', at: { x: 10.4, y: 20 } });
    d = addNamespace(d, { id: 'b', name: 'shop', at: { x: 500, y: 20 } });
    expect(d.model.namespaces.a.name).toBe('shop');
    expect(d.model.namespaces.b.name).toBe('shop-2');
    expect(d.layout.a.x).toBe(10);
    expect(d.layout.a.w).toBeGreaterThan(0);
    expect(d.layout.a.h).toBeGreaterThan(0);
  });

  it('adds a workload labelled app=<name>, relative to its namespace, growing the namespace to fit', () => {
    let d = addNamespace(emptyDoc(), { id: 'ns', name: 'shop', at: { x: 0, y: 0 }, size: { w: 240, h: 150 } });
    d = addWorkload(d, { id: 'w', namespaceId: 'ns', name: 'web', at: { x: 400, y: 300 } });
    expect(d.model.workloads.w).toMatchObject({ namespaceId: 'ns', name: 'web', kind: 'Deployment', podLabels: { app: 'web' } });
    expect(d.layout.w).toEqual({ x: 400, y: 300 });
    expect(d.layout.ns.w).toBeGreaterThanOrEqual(400 + 200);
    expect(d.layout.ns.h).toBeGreaterThanOrEqual(300 + 90);
  });

  it('refuses a workload in a namespace that does not exist', () => {
    const d = emptyDoc();
    expect(addWorkload(d, { namespaceId: 'nope', at: { x: 0, y: 0 } })).toBe(d);
  });

  it('gives workloads unique names per namespace only', () => {
    const d = shopDoc();
    const d2 = addWorkload(d, { id: 'w2', namespaceId: 'ns-shop', name: 'web', at: { x: 0, y: 0 } });
    const d3 = addWorkload(d, { id: 'w3', namespaceId: 'ns-data', name: 'web', at: { x: 0, y: 0 } });
    expect(d2.model.workloads.w2.name).toBe('web-2');
    expect(d3.model.workloads.w3.name).toBe('web');
  });

  it('adds a load balancer as a Service of type LoadBalancer with an lb:<id> canvas node', () => {
    const d = shopDoc();
    expect(d.model.services['svc-web']).toMatchObject({ type: 'LoadBalancer', namespaceId: 'ns-shop', selector: { app: 'web' } });
    expect(d.layout['lb:svc-web']).toEqual({ x: -300, y: 200 });
  });

  it('adds an external network covering everything by default', () => {
    const d = shopDoc();
    expect(d.model.externals['ext-inet'].cidrs).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('uniqueName counts up from 2', () => {
    expect(uniqueName('a', ['a', 'a-2'])).toBe('a-3');
    expect(uniqueName('b', ['a'])).toBe('b');
  });
});

describe('structural sharing', () => {
  it('a layout-only change keeps the same model object (no re-evaluation)', () => {
    const d = shopDoc();
    const moved = setPositions(d, { 'wl-web': { x: 100, y: 80 } });
    expect(moved.model).toBe(d.model);
    expect(moved.layout['wl-web']).toEqual({ x: 100, y: 80 });
    expect(moved.layout['wl-api']).toBe(d.layout['wl-api']);
  });

  it('returns the same doc when nothing changes, so no empty undo step is recorded', () => {
    const d = shopDoc();
    expect(setPositions(d, { 'wl-web': { ...d.layout['wl-web'] } })).toBe(d);
    expect(setPositions(d, { 'ghost': { x: 1, y: 1 } })).toBe(d);
    expect(updateWorkload(d, 'wl-web', { name: 'web' })).toBe(d);
    expect(deleteEntities(d, ['ghost'])).toBe(d);
    expect(deletePolicy(d, 'ghost')).toBe(d);
  });

  it('an update replaces only the edited entity', () => {
    const d = shopDoc();
    const e = updateWorkload(d, 'wl-web', { podLabels: { app: 'web', tier: 'front' } });
    expect(e.model.workloads['wl-web'].podLabels).toEqual({ app: 'web', tier: 'front' });
    expect(e.model.workloads['wl-api']).toBe(d.model.workloads['wl-api']);
    expect(e.layout).toBe(d.layout);
    expect(d.model.workloads['wl-web'].podLabels).toEqual({ app: 'web' });
  });
});

describe('moveWorkloadToNamespace', () => {
  it('changes the namespace, keeps labels and intents, and places it inside the new namespace', () => {
    const d = moveWorkloadToNamespace(shopDoc(), 'wl-api', 'ns-data', { x: 250, y: 60 });
    expect(d.model.workloads['wl-api']).toMatchObject({ namespaceId: 'ns-data', podLabels: { app: 'api' } });
    expect(d.layout['wl-api']).toEqual({ x: 250, y: 60 });
    expect(d.model.intents['i-1']).toBeDefined();
  });

  it('renames on a name clash in the target namespace', () => {
    let d = addWorkload(shopDoc(), { id: 'wl-api2', namespaceId: 'ns-data', name: 'api', at: { x: 250, y: 60 } });
    d = moveWorkloadToNamespace(d, 'wl-api', 'ns-data');
    expect(d.model.workloads['wl-api'].name).toBe('api-2');
    expect(d.layout['wl-api']).toBeDefined();
  });

  it('is a no-op into the same namespace', () => {
    const d = shopDoc();
    expect(moveWorkloadToNamespace(d, 'wl-api', 'ns-shop')).toBe(d);
  });
});

describe('deleteEntities', () => {
  it('deleting a namespace removes its workloads, services, policies, defaults and intents touching them', () => {
    let d = setNamespaceDefaults(shopDoc(), 'ns-shop', { denyIngress: true, denyEgress: false, allowDns: true });
    d = deleteEntities(d, ['ns-shop']);
    expect(Object.keys(d.model.namespaces)).toEqual(['ns-data']);
    expect(Object.keys(d.model.workloads)).toEqual(['wl-db']);
    expect(d.model.services).toEqual({});
    expect(d.model.intents).toEqual({});
    expect(d.model.namespaceDefaults).toEqual({});
    expect(d.model.policies['np-deny']).toBeDefined();
    expect(d.layout['ns-shop']).toBeUndefined();
    expect(d.layout['wl-web']).toBeUndefined();
    expect(d.layout['lb:svc-web']).toBeUndefined();
    expect(d.layout['ext-inet']).toBeDefined();
  });

  it('deleting an external removes intents from it but keeps the others', () => {
    const d = deleteEntities(shopDoc(), ['ext-inet']);
    expect(Object.keys(d.model.intents)).toEqual(['i-1']);
  });

  it('an lb:<svc> canvas id deletes the Service', () => {
    const d = deleteEntities(shopDoc(), ['lb:svc-web']);
    expect(d.model.services['svc-web']).toBeUndefined();
    expect(d.layout['lb:svc-web']).toBeUndefined();
  });

  it('deleting a policy namespace cascades; deleting the policy alone keeps the namespace', () => {
    const d = deleteEntities(shopDoc(), ['np-deny']);
    expect(d.model.policies).toEqual({});
    expect(d.model.namespaces['ns-data']).toBeDefined();
  });

  it('deleting an intent id removes just that intent', () => {
    const d = deleteIntent(shopDoc(), 'i-2');
    expect(Object.keys(d.model.intents)).toEqual(['i-1']);
  });
});

describe('copy, paste, duplicate', () => {
  it('duplicating a workload creates a copy in the same namespace with a new id, name and offset position', () => {
    const d = shopDoc();
    const { doc, created } = duplicateEntities(d, ['wl-web']);
    expect(created).toHaveLength(1);
    const copy = doc.model.workloads[created[0]];
    expect(copy).toMatchObject({ namespaceId: 'ns-shop', name: 'web-copy', podLabels: { app: 'web-copy' } }); // its own label (it follows its name)
    expect(doc.layout[created[0]]).toEqual({ x: d.layout['wl-web'].x + 40, y: d.layout['wl-web'].y + 40 });
  });

  it('duplicating a namespace copies its workloads, services and hand-written policies into the copy', () => {
    const d = shopDoc();
    const { doc, created } = duplicateEntities(d, ['ns-data']);
    const nsId = created.find((id) => doc.model.namespaces[id]) as string;
    expect(doc.model.namespaces[nsId].name).toBe('data-2');
    const inCopy = Object.values(doc.model.workloads).filter((w) => w.namespaceId === nsId);
    expect(inCopy.map((w) => w.name)).toEqual(['db']);
    expect(doc.layout[inCopy[0].id]).toEqual(d.layout['wl-db']);
    const pols = Object.values(doc.model.policies).filter((p) => p.namespaceId === nsId);
    expect(pols.map((p) => p.name)).toEqual(['default-deny']);
  });

  it('pasting workloads whose namespace was deleted skips them', () => {
    const d = shopDoc();
    const clip = copyEntities(d, ['wl-db']);
    const { doc, created } = pasteEntities(deleteEntities(d, ['ns-data']), clip);
    expect(created).toEqual([]);
    expect(Object.values(doc.model.workloads).map((w) => w.name).sort()).toEqual(['api', 'web']);
  });

  it('copying a load balancer by its canvas id copies the Service', () => {
    const { doc, created } = duplicateEntities(shopDoc(), ['lb:svc-web']);
    expect(created).toHaveLength(1);
    expect(created[0].startsWith('lb:')).toBe(true);
    const svcId = created[0].slice(3);
    expect(doc.model.services[svcId]).toMatchObject({ type: 'LoadBalancer', name: 'web-copy' });
    expect(doc.layout[created[0]]).toBeDefined();
  });
});

describe('services and import', () => {
  it('switching a Service away from LoadBalancer removes its canvas node; back adds one', () => {
    const d = updateService(shopDoc(), 'svc-web', { type: 'ClusterIP' });
    expect(d.layout['lb:svc-web']).toBeUndefined();
    const e = updateService(d, 'svc-web', { type: 'LoadBalancer' });
    expect(e.layout['lb:svc-web']).toBeDefined();
  });

  it('importIntoDoc keeps existing positions, places new entities and drops layout of vanished ones', () => {
    const d = shopDoc();
    const model = structuredClone(d.model);
    delete model.workloads['wl-db'];
    model.workloads['wl-new'] = { id: 'wl-new', namespaceId: 'ns-data', name: 'cache', kind: 'Deployment', podLabels: {}, ports: [] };
    const out = importIntoDoc(d, model, {});
    expect(out.layout['wl-web']).toEqual(d.layout['wl-web']);
    expect(out.layout['wl-new']).toBeDefined();
    expect(out.layout['wl-db']).toBeUndefined();
  });
});

describe('synthesised policies follow intents in the same step', () => {
  it('setting namespace defaults and adding an intent generate policies; deleting the intent removes its policy', () => {
    let d = setNamespaceDefaults(shopDoc(), 'ns-shop', { denyIngress: true, denyEgress: false, allowDns: false });
    const generated = (doc: Doc) => Object.values(doc.model.policies).filter((p) => p.generated?.by === 'intents');
    const before = generated(d);
    expect(before.length).toBeGreaterThan(0);
    // An intent into a default-deny namespace needs an ingress allow for api from web.
    const allowsApi = (doc: Doc) => generated(doc).some((p) => p.namespaceId === 'ns-shop'
      && p.podSelector.matchLabels?.app === 'api' && (p.ingress?.length ?? 0) > 0);
    expect(allowsApi(d)).toBe(true);
    d = deleteIntent(d, 'i-1');
    expect(allowsApi(d)).toBe(false);
    expect(d.model.policies['np-deny']).toBeDefined();
  });
});

describe('a namespace is as wide in the layout as its header is drawn', () => {
  const small = () => addNamespace(emptyDoc('t'), { id: 'ns', name: 'shop', at: { x: 0, y: 0 }, size: { w: 300, h: 200 } });
  it('renaming to a long name widens it in the same step; the saved width is the drawn width', () => {
    const long = 'payments-processing-eu-west-1';
    const d = updateNamespace(small(), 'ns', { name: long });
    expect(d.layout.ns.w).toBeGreaterThan(300);
    expect(d.layout.ns.w).toBe(Math.max(300, Math.min(namespaceHeaderWidth(long, { ingress: false, egress: false }), d.layout.ns.w!)));
    expect(namespaceRect(d, 'ns')!.w).toBe(d.layout.ns.w);
    expect(d.layout.ns.h).toBe(200);
  });
  it('a short name never narrows it, and nothing else moves', () => {
    const base = addNamespace(small(), { id: 'other', name: 'data', at: { x: 320, y: 0 } });
    const d = updateNamespace(base, 'ns', { name: 'a' });
    expect(d.layout.ns).toEqual(base.layout.ns);
    const wide = updateNamespace(base, 'ns', { name: 'payments-processing-eu-west-1' });
    expect(wide.layout.other).toBe(base.layout.other);
  });
  it('switching default deny on (a wider badge) widens it too', () => {
    const named = updateNamespace(small(), 'ns', { name: 'checkout-service-a' });
    const d = setNamespaceDefaults(named, 'ns', { denyIngress: true, denyEgress: true, allowDns: false });
    expect(namespaceRect(d, 'ns')!.w).toBe(d.layout.ns.w);
    expect(d.layout.ns.w).toBeGreaterThanOrEqual(named.layout.ns.w!);
  });
});
