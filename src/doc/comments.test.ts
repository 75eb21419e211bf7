import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
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
    const doc = shopDoc();
    const edge = { kind: 'edge' as const, src: 'web', dst: 'pg' };
    const added = must(addThread(doc, edge, alice));
    expect(doc.model.comments).toBeUndefined();
    expect(threadsFor(added.doc, edge)).toHaveLength(1);
    expect(openThreads(added.doc).map((t) => t.id)).toEqual([added.threadId]);

    const replied = must(reply(added.doc, added.threadId, { author: 'bob', text: ' It needs the orders table. ', at: '2026-01-01T11:00:00Z' }));
    const thread = replied.doc.model.comments![added.threadId];
    expect(thread.messages.map((m) => [m.author, m.text, m.at])).toEqual([
      ['alice', 'Why can web reach postgres?', '2026-01-01T10:00:00Z'],
      ['bob', 'It needs the orders table.', '2026-01-01T11:00:00Z'],
    ]);

    const resolved = must(resolveThread(replied.doc, added.threadId));
    expect(resolved.doc.model.comments![added.threadId].resolved).toBe(true);
    expect(openThreads(resolved.doc)).toEqual([]);
    expect(threadsFor(resolved.doc, edge)).toHaveLength(1);

    const reopened = must(reopenThread(resolved.doc, added.threadId));
    expect(openThreads(reopened.doc)).toHaveLength(1);
    expect(replied.doc.model.comments![added.threadId].resolved).toBe(false);
  });

  it('refuses empty text, a missing author and unknown threads', () => {
    const doc = shopDoc();
    expect(addThread(doc, { kind: 'design' }, { ...alice, text: '   ' })).toEqual({ ok: false, error: 'A comment cannot be empty.' });
    expect(addThread(doc, { kind: 'design' }, { ...alice, author: '' })).toEqual({ ok: false, error: 'An author is required.' });
    expect(reply(doc, 'nope', alice).ok).toBe(false);
    expect(resolveThread(doc, 'nope').ok).toBe(false);
  });

  it('edits and deletes messages; deleting the last message deletes the thread', () => {
    const added = must(addThread(shopDoc(), { kind: 'design' }, alice));
    const msgId = added.doc.model.comments![added.threadId].messages[0].id;
    const edited = must(editMessage(added.doc, added.threadId, msgId, 'Better wording'));
    const msg = edited.doc.model.comments![added.threadId].messages[0];
    expect([msg.text, msg.author, msg.at]).toEqual(['Better wording', 'alice', '2026-01-01T10:00:00Z']);
    expect(editMessage(added.doc, added.threadId, msgId, '').ok).toBe(false);
    const gone = must(deleteMessage(edited.doc, added.threadId, msgId));
    expect(gone.doc.model.comments).toEqual({});
    expect(must(deleteThread(added.doc, added.threadId)).doc.model.comments).toEqual({});
  });

  it('lists threads per target, oldest first', () => {
    let doc = shopDoc();
    doc = must(addThread(doc, { kind: 'node', id: 'web' }, { ...alice, at: '2026-01-02T00:00:00Z', text: 'second' })).doc;
    doc = must(addThread(doc, { kind: 'node', id: 'web' }, { ...alice, at: '2026-01-01T00:00:00Z', text: 'first' })).doc;
    doc = must(addThread(doc, { kind: 'node', id: 'pg' }, alice)).doc;
    expect(threadsFor(doc, { kind: 'node', id: 'web' }).map((t) => t.messages[0].text)).toEqual(['first', 'second']);
  });

  it('labels targets by what they are called in the design', () => {
    const doc = shopDoc();
    expect(threadTargetLabel(doc, { kind: 'design' })).toBe('design');
    expect(threadTargetLabel(doc, { kind: 'node', id: 'web' })).toBe('workload shop/web');
    expect(threadTargetLabel(doc, { kind: 'node', id: 'inet' })).toBe('external internet');
    expect(threadTargetLabel(doc, { kind: 'edge', src: 'web', dst: 'pg' })).toBe('edge shop/web → data/postgres');
    expect(threadTargetLabel(doc, { kind: 'policy', id: 'dd' })).toBe('policy shop/default-deny');
    const withLb: Doc = { ...doc, model: { ...doc.model, services: { lb: { id: 'lb', namespaceId: 'ns:shop', name: 'web-lb', type: 'LoadBalancer', ports: [] } } } };
    expect(threadTargetLabel(withLb, { kind: 'edge', src: 'inet', dst: 'lb:lb' })).toBe('edge internet → shop/web-lb');
    expect(threadTargetLabel(withLb, { kind: 'node', id: 'lb:lb' })).toBe('load balancer shop/web-lb');
  });

  it('keeps threads whose target was deleted and reports them as orphaned', () => {
    let doc = shopDoc();
    doc = must(addThread(doc, { kind: 'policy', id: 'dd' }, alice)).doc;
    doc = must(addThread(doc, { kind: 'edge', src: 'web', dst: 'pg' }, { ...alice, at: '2026-01-01T12:00:00Z' })).doc;
    doc = must(addThread(doc, { kind: 'design' }, alice)).doc;
    expect(orphanedThreads(doc)).toEqual([]);

    const { dd: _dd, ...policies } = doc.model.policies;
    const { pg: _pg, ...workloads } = doc.model.workloads;
    const after: Doc = { ...doc, model: { ...doc.model, policies, workloads } };
    expect(Object.keys(after.model.comments!)).toHaveLength(3);
    const orphans = orphanedThreads(after);
    expect(orphans.map((t) => threadTargetLabel(after, t.target))).toEqual([
      'deleted policy dd',
      'deleted edge shop/web → pg',
    ]);
    expect(openThreads(after)).toHaveLength(3);
  });
});
