import { describe, expect, it } from 'vitest';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc, Review } from '../model/types.ts';
import { addThread } from './comments.ts';
import { deleteVersion, listVersions, renameVersion, restoreVersion, saveVersion, versionAsModel } from './versions.ts';

function docWithNamespace(name: string): Doc {
  const doc = emptyDoc();
  doc.model.namespaces = { [`ns:${name}`]: { id: `ns:${name}`, name, labels: {} } };
  return doc;
}

describe('named versions', () => {
  it('live in the review: saving one leaves the design untouched, comments stay out of the snapshot', () => {
    const doc = docWithNamespace('shop');
    const model = doc.model;
    const r = addThread(emptyReview(), { kind: 'design' }, { author: 'a', text: 'hi', at: '2026-01-01T00:00:00Z' });
    if (!r.ok) throw new Error(r.error);
    let review = saveVersion(r.review, doc.model, 'Monday', '2026-01-01T00:00:00Z', 'v1');
    review = saveVersion(review, doc.model, 'Tuesday', '2026-01-02T00:00:00Z', 'v2');
    expect(doc.model).toBe(model);
    const v2 = review.versions.v2!;
    expect(Object.keys(v2.model)).not.toContain('comments');
    expect(Object.keys(v2.model)).not.toContain('versions');
    expect(Object.keys(v2.model.namespaces)).toEqual(['ns:shop']);
    expect(Object.keys(review.comments)).toHaveLength(1);
  });

  it('keeps the snapshot independent of later edits', () => {
    const doc = docWithNamespace('shop');
    const review = saveVersion(emptyReview(), doc.model, 'before', '2026-01-01T00:00:00Z', 'v1');
    doc.model.namespaces['ns:shop']!.labels.team = 'changed';
    expect(versionAsModel(review, 'v1')!.namespaces['ns:shop']!.labels).toEqual({});
  });

  it('lists newest first, renames, deletes and names blank versions', () => {
    const model = docWithNamespace('shop').model;
    let review: Review = saveVersion(emptyReview(), model, 'first', '2026-01-01T00:00:00Z', 'v1');
    review = saveVersion(review, model, '  ', '2026-01-03T00:00:00Z', 'v2');
    expect(listVersions(review)).toEqual([
      { id: 'v2', name: 'Version 2', at: '2026-01-03T00:00:00Z' },
      { id: 'v1', name: 'first', at: '2026-01-01T00:00:00Z' },
    ]);
    review = renameVersion(review, 'v1', 'agreed');
    expect(renameVersion(review, 'v1', '')).toBe(review);
    expect(listVersions(review)[1]!.name).toBe('agreed');
    review = deleteVersion(review, 'v2');
    expect(listVersions(review).map((v) => v.id)).toEqual(['v1']);
    expect(versionAsModel(review, 'v2')).toBeUndefined();
    expect(versionAsModel(review, 'toString')).toBeUndefined();
  });

  it('restores a version into the design; the review keeps every version', () => {
    const review = saveVersion(emptyReview(), docWithNamespace('shop').model, 'shop only', '2026-01-01T00:00:00Z', 'v1');
    const doc = { ...docWithNamespace('x'), model: { ...docWithNamespace('x').model, namespaces: {} } };
    const restored = restoreVersion(doc, review, 'v1');
    expect(Object.keys(restored.model.namespaces)).toEqual(['ns:shop']);
    expect(Object.keys(review.versions)).toEqual(['v1']);
    expect(restoreVersion(doc, review, 'nope')).toBe(doc);
  });
});
