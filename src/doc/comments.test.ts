import { describe, expect, it } from 'vitest';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc, Review } from '../model/types.ts';
import {
  addThread, deleteMessage, deleteThread, editMessage, openThreads, orphanedThreads, reopenThread,
  reply, resolveThread, threadsFor, threadTargetLabel,
} from './comments.ts';

function shopDoc(): Doc {
  const doc = emptyDoc('shop');
  doc.model.namespaces = {
    'ns:shop': { id: 'ns:shop', name: 'shop', labels: {} },
    'ns:data': { id: 'ns:data', name: 'data', labels: {} },
  };
  doc.model.workloads = {
    web: { id: 'web', namespaceId: 'ns:shop', name: 'web', kind: 'Deployment', podLabels: { app: 'web' }, ports: [] },
    pg: { id: 'pg', namespaceId: 'ns:data', name: 'postgres', kind: 'StatefulSet', podLabels: { app: 'pg' }, ports: [] },
  };
  doc.model.policies = {
    dd: { id: 'dd', namespaceId: 'ns:shop', name: 'default-deny', podSelector: {}, policyTypes: ['Ingress'] },
  };
  doc.model.externals = { inet: { id: 'inet', name: 'internet', cidrs: ['0.0.0.0/0'] } };
  return doc;
}

const alice = { author: 'alice', text: 'Why can web reach postgres?', at: '2026-01-01T10:00:00Z' };

function must<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

describe('comment threads', () => {
  it('goes through add, reply, resolve and reopen without mutating the input', () => {
    const review = emptyReview();
    const edge = { kind: 'edge' as const, src: 'web', dst: 'pg' };
    const added = must(addThread(review, edge, alice));
    expect(review.comments).toEqual({});
    expect(threadsFor(added.review, edge)).toHaveLength(1);
    expect(openThreads(added.review).map((t) => t.id)).toEqual([added.threadId]);

    const replied = must(reply(added.review, added.threadId, { author: 'bob', text: ' It needs the orders table. ', at: '2026-01-01T11:00:00Z' }));
    const thread = replied.review.comments[added.threadId];
    expect(thread.messages.map((m) => [m.author, m.text, m.at])).toEqual([
      ['alice', 'Why can web reach postgres?', '2026-01-01T10:00:00Z'],
      ['bob', 'It needs the orders table.', '2026-01-01T11:00:00Z'],
    ]);

    const resolved = must(resolveThread(replied.review, added.threadId));
    expect(resolved.review.comments[added.threadId].resolved).toBe(true);
    expect(openThreads(resolved.review)).toEqual([]);
    expect(threadsFor(resolved.review, edge)).toHaveLength(1);

    const reopened = must(reopenThread(resolved.review, added.threadId));
    expect(openThreads(reopened.review)).toHaveLength(1);
    expect(replied.review.comments[added.threadId].resolved).toBe(false);
  });

  it('refuses empty text, a missing author and unknown threads', () => {
    const doc = emptyReview();
    expect(addThread(doc, { kind: 'design' }, { ...alice, text: '   ' })).toEqual({ ok: false, error: 'A comment cannot be empty.' });
    expect(addThread(doc, { kind: 'design' }, { ...alice, author: '' })).toEqual({ ok: false, error: 'An author is required.' });
    expect(reply(doc, 'nope', alice).ok).toBe(false);
    expect(resolveThread(doc, 'nope').ok).toBe(false);
  });

  it('edits and deletes messages; deleting the last message deletes the thread', () => {
    const added = must(addThread(emptyReview(), { kind: 'design' }, alice));
    const msgId = added.review.comments[added.threadId].messages[0].id;
    const edited = must(editMessage(added.review, added.threadId, msgId, 'Better wording'));
    const msg = edited.review.comments[added.threadId].messages[0];
    expect([msg.text, msg.author, msg.at]).toEqual(['Better wording', 'alice', '2026-01-01T10:00:00Z']);
    expect(editMessage(added.review, added.threadId, msgId, '').ok).toBe(false);
    const gone = must(deleteMessage(edited.review, added.threadId, msgId));
    expect(gone.review.comments).toEqual({});
    expect(must(deleteThread(added.review, added.threadId)).review.comments).toEqual({});
  });

  it('lists threads per target, oldest first', () => {
    let review: Review = emptyReview();
    review = must(addThread(review, { kind: 'node', id: 'web' }, { ...alice, at: '2026-01-02T00:00:00Z', text: 'second' })).review;
    review = must(addThread(review, { kind: 'node', id: 'web' }, { ...alice, at: '2026-01-01T00:00:00Z', text: 'first' })).review;
    review = must(addThread(review, { kind: 'node', id: 'pg' }, alice)).review;
    expect(threadsFor(review, { kind: 'node', id: 'web' }).map((t) => t.messages[0].text)).toEqual(['first', 'second']);
  });

  it('labels targets by what they are called in the design', () => {
    const doc = shopDoc();
    expect(threadTargetLabel(doc.model, { kind: 'design' })).toBe('design');
    expect(threadTargetLabel(doc.model, { kind: 'node', id: 'web' })).toBe('workload shop/web');
    expect(threadTargetLabel(doc.model, { kind: 'node', id: 'inet' })).toBe('external internet');
    expect(threadTargetLabel(doc.model, { kind: 'edge', src: 'web', dst: 'pg' })).toBe('edge shop/web → data/postgres');
    expect(threadTargetLabel(doc.model, { kind: 'policy', id: 'dd' })).toBe('policy shop/default-deny');
    const withLb: Doc = { ...doc, model: { ...doc.model, services: { lb: { id: 'lb', namespaceId: 'ns:shop', name: 'web-lb', type: 'LoadBalancer', ports: [] } } } };
    expect(threadTargetLabel(withLb.model, { kind: 'edge', src: 'inet', dst: 'lb:lb' })).toBe('edge internet → shop/web-lb');
    expect(threadTargetLabel(withLb.model, { kind: 'node', id: 'lb:lb' })).toBe('load balancer shop/web-lb');
  });

  it('keeps threads whose target was deleted and reports them as orphaned', () => {
    const doc = shopDoc();
    let review: Review = emptyReview();
    review = must(addThread(review, { kind: 'policy', id: 'dd' }, alice)).review;
    review = must(addThread(review, { kind: 'edge', src: 'web', dst: 'pg' }, { ...alice, at: '2026-01-01T12:00:00Z' })).review;
    review = must(addThread(review, { kind: 'design' }, alice)).review;
    expect(orphanedThreads(review, doc.model)).toEqual([]);

    const { dd: _dd, ...policies } = doc.model.policies;
    const { pg: _pg, ...workloads } = doc.model.workloads;
    const after: Doc = { ...doc, model: { ...doc.model, policies, workloads } };
    expect(Object.keys(review.comments)).toHaveLength(3);
    const orphans = orphanedThreads(review, after.model);
    expect(orphans.map((t) => threadTargetLabel(after.model, t.target))).toEqual([
      'deleted policy dd',
      'deleted edge shop/web → pg',
    ]);
    expect(openThreads(review)).toHaveLength(3);
  });
});
