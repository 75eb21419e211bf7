import { describe, expect, it } from 'vitest';
import { migrate, type MigrationStep } from './migrate.ts';
import { restoreDoc } from './restore.ts';
import { parseDesignFile, serializeDoc } from './file-format.ts';
import { DOC_VERSION } from '../model/types.ts';

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
    expect(r.doc.version).toBe(DOC_VERSION);
    expect(Object.keys(r.doc.model.workloads)).toEqual(['w1']);
    expect(r.doc.model.workloads.w1!.name).toBe('web');
    expect(r.warnings[0]).toMatch(/upgraded from format 0/);
  });

  it('moves format 1 comments and versions out of the model into the review scope', () => {
    const thread = { id: 't1', target: { kind: 'node', id: 'w1' }, resolved: false, messages: [{ id: 'm1', author: 'ana', at: '2026-01-01T00:00:00Z', text: 'why?' }] };
    const design = {
      namespaces: { 'ns:a': { id: 'ns:a', name: 'a', labels: {} } },
      workloads: { w1: { id: 'w1', namespaceId: 'ns:a', name: 'web', kind: 'Pod', podLabels: {}, ports: [] } },
    };
    const v1 = {
      format: 'netpol-designer', version: 1,
      doc: {
        version: 1, name: 'old', layout: {},
        model: { ...design, comments: { t1: thread }, versions: { v1: { id: 'v1', name: 'Mon', at: '2026-01-01T00:00:00Z', model: { ...design, comments: { t1: thread } } } } },
      },
    };
    const r = parseDesignFile(JSON.stringify(v1));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.version).toBe(DOC_VERSION);
    expect(Object.keys(r.doc.model)).not.toContain('comments');
    expect(Object.keys(r.doc.model)).not.toContain('versions');
    expect(r.review.comments).toEqual({ t1: thread });
    expect(Object.keys(r.review.versions)).toEqual(['v1']);
    expect(Object.keys(r.review.versions.v1!.model)).not.toContain('comments');
    expect(r.review.versions.v1!.model.workloads.w1!.name).toBe('web');
    expect(r.review.decisions).toEqual({});
    expect(r.warnings[0]).toBe('upgraded from format 1: comments and versions moved from the design to its review');
    expect(r.warnings.filter((w) => /comment/.test(w))).toHaveLength(1);
    // Saved again, it is a current-format file that reads back without any note.
    const again = parseDesignFile(serializeDoc(r.doc, r.review));
    expect(again).toEqual({ ok: true, doc: r.doc, review: r.review, warnings: [] });
  });

  it('drops damaged review entries with a warning naming them, never touching the design', () => {
    const r = restoreDoc({
      version: 2, name: 'x', layout: {}, model: {},
      review: {
        comments: { good: { target: { kind: 'design' }, messages: [{ id: 'm', author: 'a', at: 't', text: 'hi' }] }, bad: { target: { kind: 'moon' }, messages: [] } },
        decisions: { d: { changeKey: 'k', by: 'a', at: 't', verdict: 'maybe' } },
        versions: 'nope',
      },
    });
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.review.comments)).toEqual(['good']);
    expect(r.review.decisions).toEqual({});
    expect(r.review.versions).toEqual({});
    expect(r.warnings.filter((w) => w.startsWith('review'))).toEqual([
      "review.comments['bad']: target: not a design, node, edge or policy; dropped",
      'review.versions: expected a map of id to object, got \'nope\'; using none',
      "review.decisions['d']: verdict: expected 'approved' or 'needs-work', got 'maybe'; dropped",
    ]);
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
