import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../layout/test-docs.ts';
import { searchDesign } from './search.ts';

describe('searchDesign', () => {
  const { model } = sampleDoc(3, 3);
  model.workloads['wl-1-2'].podLabels = { app: 'app-2', tier: 'payments' };
  model.policies.p = { id: 'p', namespaceId: 'ns-2', name: 'allow-app-1', podSelector: { matchLabels: { app: 'app-1' } } };

  it('finds workloads, namespaces and policies by name, exact and prefix matches first', () => {
    const r = searchDesign(model, 'app-1');
    expect(r[0]).toMatchObject({ kind: 'workload', title: 'app-1' });
    expect(r.map((x) => x.kind)).toContain('policy');
    const p = r.find((x) => x.kind === 'policy')!;
    expect(p).toMatchObject({ id: 'p', nodeId: 'ns-2', namespaceId: 'ns-2' });
    expect(searchDesign(model, 'TEAM-1')[0]).toMatchObject({ kind: 'namespace', id: 'ns-1', nodeId: 'ns-1' });
  });

  it('finds by label and says which label matched', () => {
    const [hit] = searchDesign(model, 'tier=pay');
    expect(hit).toMatchObject({ kind: 'workload', id: 'wl-1-2', namespaceId: 'ns-1' });
    expect(hit.detail).toContain('tier=payments');
  });

  it('finds external networks and load balancers, naming their canvas node', () => {
    expect(searchDesign(model, 'internet')[0]).toMatchObject({ kind: 'external', id: 'ext-a', nodeId: 'ext-a', namespaceId: null });
    expect(searchDesign(model, '192.0.2')[0]).toMatchObject({ kind: 'external', id: 'ext-b' });
    expect(searchDesign(model, 'front')[0]).toMatchObject({ kind: 'loadbalancer', id: 'svc-lb', nodeId: 'lb:svc-lb', namespaceId: 'ns-0' });
  });

  it('an empty query or no match gives nothing', () => {
    expect(searchDesign(model, '  ')).toEqual([]);
    expect(searchDesign(model, 'zzz')).toEqual([]);
  });
});
