import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, reply } from '../doc/comments.ts';
import { emptyReview } from '../model/factory.ts';
import type { Review } from '../model/types.ts';
import { readReview, writeReview } from './y-review.ts';

const must = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('review <-> Yjs mapping', () => {
  it('round-trips and keeps both of two concurrent replies and both decisions', () => {
    const started = must(addThread(emptyReview(), { kind: 'design' }, { author: 'ana', text: 'ok?', at: '2026-01-01T00:00:00Z' }));
    const a = new Y.Doc();
    a.transact(() => writeReview(a, null, started.review));
    const b = new Y.Doc();
    sync(a, b);
    const ra = readReview(a);
    const rb = readReview(b);
    expect(rb).toEqual(started.review);

    const na: Review = must(reply(ra, started.threadId, { author: 'ana', text: 'from ana', at: '2026-01-01T00:01:00Z' })).review;
    const nb: Review = must(reply(rb, started.threadId, { author: 'bo', text: 'from bo', at: '2026-01-01T00:01:00Z' })).review;
    a.transact(() => writeReview(a, ra, { ...na, decisions: { 'k#ana': { changeKey: 'k', changeTitle: 't', by: 'ana', verdict: 'approved', at: 'x' } } }));
    b.transact(() => writeReview(b, rb, { ...nb, decisions: { 'k#bo': { changeKey: 'k', changeTitle: 't', by: 'bo', verdict: 'needs-work', at: 'x' } } }));
    sync(a, b);
    const fa = readReview(a);
    expect(fa).toEqual(readReview(b));
    expect(fa.comments[started.threadId]!.messages.map((m) => m.text).sort()).toEqual(['from ana', 'from bo', 'ok?']);
    expect(Object.keys(fa.decisions).sort()).toEqual(['k#ana', 'k#bo']);
    expect(readReview(a, fa)).toBe(fa);
  });
});
