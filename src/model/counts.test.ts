import { describe, expect, it } from 'vitest';
import { emptyDoc } from './factory.ts';
import { workloadCountsByNamespace } from './counts.ts';
import type { Model, Workload } from './types.ts';

const wl = (id: string, namespaceId: string) => ({ id, name: id, namespaceId, podLabels: { app: id }, ports: [] }) as unknown as Workload;

describe('workloadCountsByNamespace', () => {
  it('counts the workloads of each namespace and leaves empty namespaces out', () => {
    const base = emptyDoc().model;
    const model: Model = { ...base, workloads: { a: wl('a', 'ns1'), b: wl('b', 'ns1'), c: wl('c', 'ns2') } };
    const counts = workloadCountsByNamespace(model);
    expect(counts.get('ns1')).toBe(2);
    expect(counts.get('ns2')).toBe(1);
    expect(counts.get('ns3')).toBeUndefined();
  });

  it('is computed once per model and anew for an edited model', () => {
    const base = emptyDoc().model;
    const model: Model = { ...base, workloads: { a: wl('a', 'ns1') } };
    expect(workloadCountsByNamespace(model)).toBe(workloadCountsByNamespace(model));
    const edited: Model = { ...model, workloads: { ...model.workloads, b: wl('b', 'ns1') } };
    expect(workloadCountsByNamespace(edited).get('ns1')).toBe(2);
  });
});
