import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../layout/test-docs.ts';
import { connectSource, connectTargets } from './connect.ts';

describe('connectSource', () => {
  const { model } = sampleDoc(2, 2);

  it('one selected workload, external network or load balancer node is where the intent starts', () => {
    expect(connectSource(model, ['wl-0-1'])).toEqual({ ok: true, fromId: 'wl-0-1', nodeId: 'wl-0-1' });
    expect(connectSource(model, ['ext-a'])).toEqual({ ok: true, fromId: 'ext-a', nodeId: 'ext-a' });
    // The LB node stands for its Service: the intent stores the Service id.
    expect(connectSource(model, ['lb:svc-lb'])).toEqual({ ok: true, fromId: 'svc-lb', nodeId: 'lb:svc-lb' });
  });

  it('says why nothing can start from the selection', () => {
    expect(connectSource(model, [])).toMatchObject({ ok: false, reason: expect.stringContaining('Select one') });
    expect(connectSource(model, ['wl-0-0', 'wl-0-1'])).toMatchObject({ ok: false, reason: expect.stringContaining('only one') });
    expect(connectSource(model, ['ns-0'])).toMatchObject({ ok: false, reason: expect.stringContaining('namespace') });
    expect(connectSource(model, ['intent:x'])).toMatchObject({ ok: false });
  });
});

describe('connectTargets', () => {
  const { model } = sampleDoc(2, 2);

  it('offers every other endpoint: workloads, external networks, load balancers; never the source itself', () => {
    const ids = connectTargets(model, 'wl-0-0', '').map((t) => t.toId);
    expect(ids).not.toContain('wl-0-0');
    expect(ids).toEqual(expect.arrayContaining(['wl-0-1', 'wl-1-0', 'wl-1-1', 'ext-a', 'ext-b', 'svc-lb']));
    expect(ids).toHaveLength(6);
    const lb = connectTargets(model, 'wl-0-0', '').find((t) => t.toId === 'svc-lb')!;
    expect(lb).toMatchObject({ kind: 'loadbalancer', nodeId: 'lb:svc-lb', title: 'front' });
  });

  it('from an external network: no other external network (no pod at either end)', () => {
    const ids = connectTargets(model, 'ext-a', '').map((t) => t.toId);
    expect(ids).not.toContain('ext-b');
    expect(ids).toContain('svc-lb');
  });

  it('same-namespace targets first, then by name; the detail says kind and namespace', () => {
    const list = connectTargets(model, 'wl-1-0', '');
    expect(list[0]).toMatchObject({ toId: 'wl-1-1', detail: 'Deployment in team-1' });
  });

  it('filters by name, namespace, kind or label; best match first', () => {
    expect(connectTargets(model, 'wl-0-0', 'internet').map((t) => t.toId)).toEqual(['ext-a']);
    expect(connectTargets(model, 'wl-0-0', 'team-1').map((t) => t.toId).sort()).toEqual(['wl-1-0', 'wl-1-1']);
    expect(connectTargets(model, 'wl-0-0', 'load bal').map((t) => t.toId)).toEqual(['svc-lb']);
    expect(connectTargets(model, 'wl-0-0', 'app=app-1').map((t) => t.toId).sort()).toEqual(['wl-0-1', 'wl-1-1']);
    // Words narrow together: name and namespace.
    expect(connectTargets(model, 'wl-0-0', 'app-1 team-1').map((t) => t.toId)).toEqual(['wl-1-1']);
    expect(connectTargets(model, 'wl-0-0', 'zzz')).toEqual([]);
  });

  it('marks a target an intent from the source already goes to', () => {
    const m = { ...model, intents: { i1: { id: 'i1', fromId: 'wl-0-0', toId: 'wl-0-1', ports: [] } } };
    const t = connectTargets(m, 'wl-0-0', '').find((x) => x.toId === 'wl-0-1')!;
    expect(t.existing).toBe('i1');
    expect(connectTargets(m, 'wl-0-0', '').find((x) => x.toId === 'wl-1-0')!.existing).toBeUndefined();
  });

  it('a source that is not an endpoint offers nothing', () => {
    expect(connectTargets(model, 'ns-0', '')).toEqual([]);
  });
});
