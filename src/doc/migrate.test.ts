import { describe, expect, it } from 'vitest';
import { migrate, type MigrationStep } from './migrate.ts';
import { restoreDoc } from './restore.ts';

describe('migrate', () => {
  it('upgrades a version 0 document (collections as lists) through restoreDoc', () => {
    const v0 = {
      version: 0, name: 'old',
      model: {
        namespaces: [{ id: 'ns:a', name: 'a', labels: {} }],
        workloads: [{ id: 'w1', namespaceId: 'ns:a', name: 'web', kind: 'Pod', podLabels: { app: 'web' }, ports: [] }],
      },
      layout: {},
    };
    const r = restoreDoc(v0);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.version).toBe(1);
    expect(Object.keys(r.doc.model.workloads)).toEqual(['w1']);
    expect(r.doc.model.workloads.w1!.name).toBe('web');
    expect(r.warnings[0]).toMatch(/upgraded from format 0/);
  });

  it('runs the steps in order and stops with a message when a step is missing', () => {
    const steps: Record<number, MigrationStep> = {
      0: { up: (d) => ({ ...d, trail: ['0->1'] }), note: 'a' },
      1: { up: (d) => ({ ...d, trail: [...(d.trail as string[]), '1->2'] }), note: 'b' },
    };
    const r = migrate({ version: 0 }, 0, 2, steps);
    expect(r).toEqual({ ok: true, doc: { version: 2, trail: ['0->1', '1->2'] }, notes: ['a', 'b'] });
    const gap = migrate({ version: 0 }, 0, 3, steps);
    expect(gap).toEqual({ ok: false, error: 'cannot read format 0: no upgrade from format 2 to 3' });
  });

  it('refuses to migrate downwards', () => {
    const r = migrate({ version: 5 }, 5, 1);
    expect(r.ok === false && r.error).toContain('format 5');
  });
});
