import { describe, expect, it } from 'vitest';
import { layoutProblems } from './check.ts';
import { fillMissingLayout, gridLayout } from './grid.ts';
import { NAMESPACE_HEADER, WORKLOAD_SIZE } from './sizes.ts';
import { sampleDoc } from './test-docs.ts';

describe('gridLayout', () => {
  it('places every node, children inside their namespace, nothing overlapping', () => {
    for (const [n, per] of [[0, 0], [1, 0], [1, 1], [3, 5], [12, 17]] as const) {
      const doc = sampleDoc(n, per);
      const layout = gridLayout(doc);
      expect(layoutProblems(doc, layout), `${n}x${per}`).toEqual([]);
    }
  });

  it('flows left to right: externals, then load balancers, then namespaces', () => {
    const doc = sampleDoc(2, 2);
    const l = gridLayout(doc);
    expect(l['ext-a']!.x).toBeLessThan(l['lb:svc-lb']!.x);
    expect(l['lb:svc-lb']!.x).toBeLessThan(l['ns-0']!.x);
    expect(l['lb:svc-lb']!.x).toBeLessThan(l['ns-1']!.x);
  });

  it('puts workloads below the namespace title bar', () => {
    const l = gridLayout(sampleDoc(1, 3));
    for (const id of ['wl-0-0', 'wl-0-1', 'wl-0-2']) expect(l[id]!.y).toBeGreaterThanOrEqual(NAMESPACE_HEADER);
  });
});

describe('fillMissingLayout', () => {
  it('keeps positions the user set and places only the new nodes', () => {
    const doc = sampleDoc(2, 2);
    doc.layout = gridLayout(doc);
    doc.layout['ns-0'] = { ...doc.layout['ns-0']!, x: 900, y: 700 };
    const before = structuredClone(doc.layout);
    doc.model.workloads['wl-new'] = { id: 'wl-new', namespaceId: 'ns-1', name: 'new', kind: 'Pod', podLabels: {}, ports: [] };
    doc.model.namespaces['ns-new'] = { id: 'ns-new', name: 'fresh', labels: {} };
    doc.model.workloads['wl-fresh'] = { id: 'wl-fresh', namespaceId: 'ns-new', name: 'x', kind: 'Pod', podLabels: {}, ports: [] };
    doc.model.externals['ext-new'] = { id: 'ext-new', name: 'partner', cidrs: ['198.51.100.0/24'] };
    const l = fillMissingLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    for (const id of ['wl-0-0', 'wl-0-1', 'wl-1-0', 'wl-1-1', 'ext-a', 'ext-b', 'lb:svc-lb']) expect(l[id]).toEqual(before[id]);
    expect(l['ns-0']).toEqual(before['ns-0']);
    expect(l['wl-new']).toBeDefined();
    expect(l['wl-fresh']).toBeDefined();
    expect(l['ext-new']).toBeDefined();
  });

  it('grows a namespace to fit a new workload and pushes a namespace below it down', () => {
    const doc = sampleDoc(2, 1);
    // ns-0 holds exactly one workload; ns-1 sits right below it.
    doc.layout = {
      'ns-0': { x: 400, y: 0, w: 240, h: 190 },
      'wl-0-0': { x: 20, y: 60 },
      'ns-1': { x: 400, y: 220, w: 240, h: 190 },
      'wl-1-0': { x: 20, y: 60 },
      'ext-a': { x: 0, y: 0 }, 'ext-b': { x: 0, y: 100 }, 'lb:svc-lb': { x: 0, y: 200 },
    };
    doc.model.workloads['wl-add'] = { id: 'wl-add', namespaceId: 'ns-0', name: 'add', kind: 'Pod', podLabels: {}, ports: [] };
    const l = fillMissingLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    expect(l['ns-0']!.h).toBeGreaterThanOrEqual(l['wl-add']!.y + WORKLOAD_SIZE.h);
    expect(l['ns-1']!.y).toBeGreaterThan(220);
  });

  it('drops layout entries of ids the model does not have', () => {
    const doc = sampleDoc(1, 1);
    doc.layout = { ...gridLayout(doc), ghost: { x: 1, y: 2 } };
    expect(fillMissingLayout(doc).ghost).toBeUndefined();
  });
});
