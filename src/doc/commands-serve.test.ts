import { describe, it, expect } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { serviceBackends } from '../services/backends.ts';
import { dropPaletteItem } from './commands-drop.ts';
import {
  addIntent, addLoadBalancer, addNamespace, addWorkload, duplicateEntities, moveWorkloadToNamespace, updateWorkload,
} from './commands.ts';
import { followingLabelClash } from './commands.ts';
import { servePlan } from './commands-serve.ts';

function base(): Doc {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns', name: 'shop', at: { x: 0, y: 0 } });
  d = addNamespace(d, { id: 'ns2', name: 'data', at: { x: 900, y: 0 } });
  return d;
}

describe('a new workload gets its own app label', () => {
  it('each dropped workload is selected apart: workload, workload-2, …', () => {
    let d = base();
    d = addWorkload(d, { id: 'a', namespaceId: 'ns', at: { x: 20, y: 60 } });
    d = addWorkload(d, { id: 'b', namespaceId: 'ns', at: { x: 220, y: 60 } });
    expect(d.model.workloads.a.podLabels).toEqual({ app: 'workload' });
    expect(d.model.workloads.b.podLabels).toEqual({ app: 'workload-2' });
    expect(d.model.workloads.b.name).toBe('workload-2');
    expect(d.model.workloads.a.labelsFollowName).toBe(true);
  });

  it('skips names whose app label another workload (e.g. an imported one) already carries', () => {
    let d = base();
    d = addWorkload(d, { id: 'imp', namespaceId: 'ns', name: 'api-v2', podLabels: { app: 'workload' }, at: { x: 20, y: 60 } });
    d = addWorkload(d, { id: 'new', namespaceId: 'ns', at: { x: 220, y: 60 } });
    expect(d.model.workloads.new.podLabels.app).toBe('workload-2');
    expect(d.model.workloads.imp.labelsFollowName).toBeUndefined();
  });

  it('renaming keeps the app label in step until the labels are edited', () => {
    let d = addWorkload(base(), { id: 'a', namespaceId: 'ns', at: { x: 20, y: 60 } });
    d = updateWorkload(d, 'a', { name: 'web' });
    expect(d.model.workloads.a.podLabels).toEqual({ app: 'web' });
    d = updateWorkload(d, 'a', { podLabels: { app: 'web', tier: 'front' } });
    expect(d.model.workloads.a.labelsFollowName).toBeUndefined();
    d = updateWorkload(d, 'a', { name: 'frontend' });
    expect(d.model.workloads.a.podLabels).toEqual({ app: 'web', tier: 'front' });
  });

  it('never rewrites the labels of an imported workload on rename', () => {
    let d = addWorkload(base(), { id: 'imp', namespaceId: 'ns', name: 'web', podLabels: { app: 'web' }, at: { x: 20, y: 60 } });
    d = updateWorkload(d, 'imp', { name: 'frontend' });
    expect(d.model.workloads.imp.podLabels).toEqual({ app: 'web' });
  });

  it('a rename onto an app label another workload carries is refused with a reason', () => {
    let d = addWorkload(base(), { id: 'imp', namespaceId: 'ns', name: 'legacy', podLabels: { app: 'web' }, at: { x: 20, y: 60 } });
    d = addWorkload(d, { id: 'a', namespaceId: 'ns', at: { x: 220, y: 60 } });
    expect(followingLabelClash(d.model, 'a', 'web')).toMatch(/app=web/);
    expect(followingLabelClash(d.model, 'a', 'shop-web')).toBeNull();
    expect(followingLabelClash(d.model, 'imp', 'workload')).toBeNull();
  });

  it('duplicates and moves keep one workload per label', () => {
    let d = addWorkload(base(), { id: 'a', namespaceId: 'ns', name: 'web', at: { x: 20, y: 60 } });
    const dup = duplicateEntities(d, ['a']);
    const copy = dup.doc.model.workloads[dup.created[0]];
    expect(copy.name).toBe('web-copy');
    expect(copy.podLabels.app).toBe('web-copy');
    d = addWorkload(d, { id: 'b', namespaceId: 'ns2', name: 'web', at: { x: 20, y: 60 } });
    d = moveWorkloadToNamespace(d, 'a', 'ns2', { x: 220, y: 60 });
    expect(d.model.workloads.a.name).toBe('web-2');
    expect(d.model.workloads.a.podLabels.app).toBe('web-2');
  });
});

describe('a load balancer drawn to workloads selects them', () => {
  function withLb(): Doc {
    let d = base();
    d = addWorkload(d, { id: 'web', namespaceId: 'ns', name: 'web', ports: [{ name: 'http', containerPort: 8080 }], at: { x: 20, y: 60 } });
    d = addWorkload(d, { id: 'api', namespaceId: 'ns', name: 'api', at: { x: 220, y: 60 } });
    d = addWorkload(d, { id: 'db', namespaceId: 'ns2', name: 'db', at: { x: 20, y: 60 } });
    const r = dropPaletteItem(d, 'loadbalancer', { x: 100, y: 100 });
    expect(r.message?.text).toMatch(/serves no workload yet/);
    expect(r.message?.text).not.toMatch(/app=load-balancer/);
    return { ...r.doc };
  }
  const lbId = (d: Doc) => Object.keys(d.model.services)[0];

  it('the first drawn workload becomes its backend, on the port the workload serves', () => {
    let d = withLb();
    const svc = lbId(d);
    expect(serviceBackends(d.model, d.model.services[svc]).backends).toEqual([]);
    d = addIntent(d, { id: 'i', fromId: svc, toId: 'web' });
    expect(d.model.services[svc].selector).toEqual({ app: 'web' });
    expect(d.model.services[svc].ports[0].targetPort).toBe('http');
    expect(serviceBackends(d.model, d.model.services[svc]).backends).toEqual(['web']);
  });

  it('a second workload is added through a label they share, never by widening to others', () => {
    let d = withLb();
    const svc = lbId(d);
    d = updateWorkload(d, 'web', { podLabels: { app: 'web', tier: 'front' } });
    d = updateWorkload(d, 'api', { podLabels: { app: 'api', tier: 'front' } });
    d = addIntent(d, { id: 'i1', fromId: svc, toId: 'web' });
    d = addIntent(d, { id: 'i2', fromId: svc, toId: 'api' });
    expect(d.model.services[svc].selector).toEqual({ tier: 'front' });
    expect(serviceBackends(d.model, d.model.services[svc]).backends.sort()).toEqual(['api', 'web']);
  });

  it('refuses (and says why) when no shared label exists or the workload is in another namespace', () => {
    let d = withLb();
    const svc = lbId(d);
    d = addIntent(d, { id: 'i1', fromId: svc, toId: 'web' });
    const plan = servePlan(d.model, svc, 'api');
    expect(plan.kind).toBe('refused');
    const after = addIntent(d, { id: 'i2', fromId: svc, toId: 'api' });
    expect(after.model.services[svc].selector).toEqual({ app: 'web' });
    expect(servePlan(d.model, svc, 'db')).toMatchObject({ kind: 'refused', text: expect.stringMatching(/own namespace/) });
  });

  it('a hand-made load balancer with a selector that already serves the workload is left alone', () => {
    let d = addWorkload(base(), { id: 'web', namespaceId: 'ns', name: 'web', at: { x: 20, y: 60 } });
    d = addLoadBalancer(d, { id: 'lb', namespaceId: 'ns', name: 'front', selector: { app: 'web' }, at: { x: -300, y: 0 } });
    expect(servePlan(d.model, 'lb', 'web').kind).toBe('served');
    const after = addIntent(d, { id: 'i', fromId: 'lb', toId: 'web' });
    expect(after.model.services.lb).toBe(d.model.services.lb);
  });
});
