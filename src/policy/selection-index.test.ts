import { describe, expect, it } from 'vitest';
import { addPolicy, addWorkload, newModel } from '../services/test-model.ts';
import { policiesOfNamespace, withSelectionIndex, workloadsOfNamespace } from './selection-index.ts';
import { policiesSelecting } from './evaluate.ts';

function design() {
  const m = newModel();
  addWorkload(m, 'shop', 'web', { app: 'web' });
  addWorkload(m, 'shop', 'api', { app: 'api' });
  addWorkload(m, 'ops', 'mon', { app: 'mon' });
  addPolicy(m, 'shop', 'z-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [] });
  addPolicy(m, 'shop', 'a-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
  addPolicy(m, 'ops', 'mon', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
  return m;
}

describe('per-namespace lists of policies and workloads', () => {
  it('lists a namespace\'s own policies and workloads, sorted by id, inside and outside an index scope', () => {
    const m = design();
    const outside = { p: policiesOfNamespace(m, 'ns:shop').map((p) => p.id), w: workloadsOfNamespace(m, 'ns:shop').map((w) => w.id) };
    const inside = withSelectionIndex(() => ({ p: policiesOfNamespace(m, 'ns:shop').map((p) => p.id), w: workloadsOfNamespace(m, 'ns:shop').map((w) => w.id) }));
    expect(outside.p).toEqual([...outside.p].sort());
    expect(outside.p).toHaveLength(2);
    expect(outside.w).toHaveLength(2);
    expect(inside).toEqual(outside);
    expect(policiesOfNamespace(m, 'ns:none')).toEqual([]);
  });

  it('answers policiesSelecting the same with the index', () => {
    const m = design();
    const web = m.workloads[Object.keys(m.workloads).find((id) => m.workloads[id]!.name === 'web')!]!;
    const plain = policiesSelecting(m, web, 'Ingress').map((p) => p.name);
    expect(plain).toEqual(['a-all', 'z-web']);
    expect(withSelectionIndex(() => policiesSelecting(m, web, 'Ingress').map((p) => p.name))).toEqual(plain);
  });

  it('sees a policy added after a scope ended (the lists are not kept outside it)', () => {
    const m = design();
    expect(withSelectionIndex(() => policiesOfNamespace(m, 'ns:ops'))).toHaveLength(1);
    addPolicy(m, 'ops', 'more', { podSelector: {}, policyTypes: ['Egress'], egress: [] });
    expect(policiesOfNamespace(m, 'ns:ops')).toHaveLength(2);
    expect(withSelectionIndex(() => policiesOfNamespace(m, 'ns:ops'))).toHaveLength(2);
  });
});
