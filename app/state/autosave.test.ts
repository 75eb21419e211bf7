import { describe, expect, it } from 'vitest';
import { emptyDoc, emptyReview } from '../../src/model/factory.ts';
import { addThread } from '../../src/doc/comments.ts';
import { createDocStore } from './doc-store.ts';
import { createReviewDocStore, commitReview } from './review-doc-store.ts';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, CORRUPT_REVIEW_AUTOSAVE_KEY, REVIEW_AUTOSAVE_KEY, readAutosave, startAutosave } from './autosave.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('autosave of the two saved scopes', () => {
  it('writes a comment to the review key only, never re-serialising the design', async () => {
    const storage = memoryStorage();
    const docs = createDocStore(emptyDoc('d'));
    const reviews = createReviewDocStore();
    const stop = startAutosave(docs, storage, undefined, reviews);
    commitReview((r) => {
      const x = addThread(r, { kind: 'design' }, { author: 'ana', text: 'looks fine', at: '2026-01-01T00:00:00Z' });
      return x.ok ? x.review : r;
    }, reviews);
    await wait(AUTOSAVE_DELAY_MS + 50);
    expect(storage.map.has(AUTOSAVE_KEY)).toBe(false);
    expect(storage.map.get(REVIEW_AUTOSAVE_KEY)).toContain('looks fine');
    docs.setState({ doc: { ...docs.getState().doc, name: 'renamed' } });
    stop(); // flushes
    expect(storage.map.get(AUTOSAVE_KEY)).toContain('renamed');
    const back = readAutosave(storage);
    expect(back.kind === 'ok' && back.doc.name).toBe('renamed');
    expect(back.kind === 'ok' && Object.values(back.review.comments).map((t) => t.messages[0]!.text)).toEqual(['looks fine']);
  });

  it('reads a format 1 autosave (comments inside the model) into the review', () => {
    const storage = memoryStorage();
    const thread = { id: 't', target: { kind: 'design' }, resolved: false, messages: [{ id: 'm', author: 'bo', at: '2026-01-01T00:00:00Z', text: 'old note' }] };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'netpol-designer', version: 1, doc: { version: 1, name: 'old', layout: {}, model: { ...emptyDoc().model, comments: { t: thread } } } }));
    const r = readAutosave(storage);
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(Object.keys(r.doc.model)).not.toContain('comments');
    expect(r.review.comments.t!.messages[0]!.text).toBe('old note');
  });

  it('keeps a corrupt review autosave aside and still opens the design', () => {
    const storage = memoryStorage();
    const docs = createDocStore(emptyDoc('kept'));
    startAutosave(docs, storage, undefined, createReviewDocStore(emptyReview()))();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'netpol-designer', version: 2, doc: emptyDoc('kept') }));
    storage.setItem(REVIEW_AUTOSAVE_KEY, '{"format": "netpol-designer-review", ');
    const r = readAutosave(storage);
    expect(r.kind === 'ok' && r.doc.name).toBe('kept');
    expect(r.kind === 'ok' && r.warnings.join()).toContain(CORRUPT_REVIEW_AUTOSAVE_KEY);
    expect(storage.map.has(CORRUPT_REVIEW_AUTOSAVE_KEY)).toBe(true);
    expect(storage.map.has(REVIEW_AUTOSAVE_KEY)).toBe(false);
  });
});
