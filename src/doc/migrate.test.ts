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

  describe('format 4: cluster assumptions unknown until set', () => {
    const v3 = (nodeCidrs: string[]) => ({
      format: 'netpol-designer', version: 3,
      doc: {
        version: 3, name: 'old', layout: {},
        model: { namespaces: {}, workloads: {}, cluster: { profile: { name: 'upstream' }, nodeCidrs, podCidrs: ['10.244.0.0/16'], serviceCidrs: ['10.96.0.0/12'] } },
        review: { versions: { v1: { id: 'v1', name: 'Mon', at: '2026-01-01T00:00:00Z', model: { namespaces: {}, cluster: { profile: { name: 'upstream' }, nodeCidrs } } } } },
      },
    });

    it('unsets the old default node CIDR (design and saved versions) and says so', () => {
      const r = parseDesignFile(JSON.stringify(v3(['10.0.0.0/16'])));
      if (!r.ok) throw new Error(r.error);
      expect(r.doc.version).toBe(4);
      expect(r.doc.model.cluster.nodeCidrs).toEqual([]);
      expect(r.doc.model.cluster.podCidrs).toEqual(['10.244.0.0/16']);
      expect(r.review.versions.v1!.model.cluster.nodeCidrs).toEqual([]);
      expect(r.warnings.join('\n')).toMatch(/10\.0\.0\.0\/16 was the old default.*now unset/);
    });

    it('keeps a node CIDR the user set', () => {
      for (const cidrs of [['10.1.0.0/16'], ['10.0.0.0/16', '10.2.0.0/16']]) {
        const r = parseDesignFile(JSON.stringify(v3(cidrs)));
        if (!r.ok) throw new Error(r.error);
        expect(r.doc.model.cluster.nodeCidrs).toEqual(cidrs);
      }
    });

    it('a format 4 file keeps 10.0.0.0/16 when the user set it, through save and open', () => {
      const r = parseDesignFile(JSON.stringify(v3(['10.1.0.0/16'])));
      if (!r.ok) throw new Error(r.error);
      const mine = { ...r.doc, model: { ...r.doc.model, cluster: { ...r.doc.model.cluster, nodeCidrs: ['10.0.0.0/16'] } } };
      const again = parseDesignFile(serializeDoc(mine, r.review));
      if (!again.ok) throw new Error(again.error);
      expect(again.doc.model.cluster.nodeCidrs).toEqual(['10.0.0.0/16']);
      expect(again.warnings).toEqual([]);
    });
  });
});
