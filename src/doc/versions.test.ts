import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { addThread } from './comments.ts';
import { deleteVersion, listVersions, renameVersion, restoreVersion, saveVersion, versionAsModel } from './versions.ts';

function docWithNamespace(name: string): Doc {
  const doc = emptyDoc();
  doc.model.namespaces = { [`ns:${name}`]: { id: `ns:${name}`, name, labels: {} } };
  return doc;
}

describe('named versions', () => {
  it('snapshots the model without versions and comments', () => {
    let doc = docWithNamespace('shop');
    const r = addThread(doc, { kind: 'design' }, { author: 'a', text: 'hi', at: '2026-01-01T00:00:00Z' });
    if (!r.ok) throw new Error(r.error);
    doc = saveVersion(r.doc, 'Monday', '2026-01-01T00:00:00Z', 'v1');
    doc = saveVersion(doc, 'Tuesday', '2026-01-02T00:00:00Z', 'v2');
    const v2 = doc.model.versions!.v2;
    expect(v2.model.versions).toBeUndefined();
    expect(v2.model.comments).toBeUndefined();
    expect(Object.keys(v2.model.namespaces)).toEqual(['ns:shop']);
  });

  it('keeps the snapshot independent of later edits', () => {
    const doc = saveVersion(docWithNamespace('shop'), 'before', '2026-01-01T00:00:00Z', 'v1');
    doc.model.namespaces['ns:shop'].labels.team = 'changed';
    expect(versionAsModel(doc, 'v1')!.namespaces['ns:shop'].labels).toEqual({});
  });

  it('lists newest first, renames, deletes and names blank versions', () => {
    let doc = saveVersion(docWithNamespace('shop'), 'first', '2026-01-01T00:00:00Z', 'v1');
    doc = saveVersion(doc, '  ', '2026-01-03T00:00:00Z', 'v2');
    expect(listVersions(doc)).toEqual([
      { id: 'v2', name: 'Version 2', at: '2026-01-03T00:00:00Z' },
      { id: 'v1', name: 'first', at: '2026-01-01T00:00:00Z' },
    ]);
    doc = renameVersion(doc, 'v1', 'agreed');
    expect(renameVersion(doc, 'v1', '')).toBe(doc);
    expect(listVersions(doc)[1].name).toBe('agreed');
    doc = deleteVersion(doc, 'v2');
    expect(listVersions(doc).map((v) => v.id)).toEqual(['v1']);
    expect(versionAsModel(doc, 'v2')).toBeUndefined();
  });

  it('restores a version while keeping versions and comments', () => {
    let doc = saveVersion(docWithNamespace('shop'), 'shop only', '2026-01-01T00:00:00Z', 'v1');
    doc = { ...doc, model: { ...doc.model, namespaces: {} } };
    const restored = restoreVersion(doc, 'v1');
    expect(Object.keys(restored.model.namespaces)).toEqual(['ns:shop']);
    expect(Object.keys(restored.model.versions!)).toEqual(['v1']);
  });
});
