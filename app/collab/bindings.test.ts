import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addExternal, renameDoc, upsertPolicy } from '../../src/doc/commands.ts';
import { emptyDoc, emptyReview } from '../../src/model/factory.ts';
import type { Doc, NetworkPolicy } from '../../src/model/types.ts';
import { commitDoc, createDocStore } from '../state/doc-store.ts';
import { commitReview, createReviewDocStore } from '../state/review-doc-store.ts';
import { bindDesign, bindReview } from './bindings.ts';

/** Two Y.Docs that forward every update to each other, like a server would (or not, while offline). */
function linked(a: Y.Doc, b: Y.Doc): { online: boolean } {
  const link = { online: true };
  const queueA: Uint8Array[] = [];
  const queueB: Uint8Array[] = [];
  a.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'net') (link.online ? (x: Uint8Array) => Y.applyUpdate(b, x, 'net') : (x: Uint8Array) => queueA.push(x))(u); });
  b.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'net') (link.online ? (x: Uint8Array) => Y.applyUpdate(a, x, 'net') : (x: Uint8Array) => queueB.push(x))(u); });
  return new Proxy(link, {
    set(t, k, v) {
      (t as Record<string | symbol, unknown>)[k] = v;
      if (k === 'online' && v) {
        for (const u of queueA.splice(0)) Y.applyUpdate(b, u, 'net');
        for (const u of queueB.splice(0)) Y.applyUpdate(a, u, 'net');
      }
      return true;
    },
  });
}

function policyDoc(): Doc {
  const doc = emptyDoc('shop');
  doc.model.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: {} };
  const p: NetworkPolicy = {
    id: 'p', namespaceId: 'ns:a', name: 'p', podSelector: {}, policyTypes: ['Ingress'],
    ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }, { ports: [{ protocol: 'TCP', port: 443 }] }],
  };
  doc.model.policies.p = p;
  return doc;
}

function session(initial: Doc) {
  const storeA = createDocStore(initial);
  const storeB = createDocStore(emptyDoc('someone else\'s design'));
  const ya = new Y.Doc();
  const yb = new Y.Doc();
  const bindA = bindDesign(ya, storeA, { seed: true });
  Y.applyUpdate(yb, Y.encodeStateAsUpdate(ya), 'net');
  const link = linked(ya, yb);
  const bindB = bindDesign(yb, storeB, { seed: false });
  return { storeA, storeB, bindA, bindB, link };
}

describe('design binding', () => {
  it('the joiner takes the room\'s design, and edits travel both ways', () => {
    const { storeA, storeB } = session(policyDoc());
    expect(storeB.getState().doc.name).toBe('shop');
    commitDoc((d) => renameDoc(d, 'shop v2'), storeA);
    expect(storeB.getState().doc.name).toBe('shop v2');
    commitDoc((d) => addExternal(d, { id: 'ext:b', name: 'B net', at: { x: 1, y: 2 } }), storeB);
    expect(storeA.getState().doc.model.externals['ext:b']?.name).toBe('B net');
  });

  it('remote edits never become undo steps of the receiver', () => {
    const { storeA, storeB, bindB } = session(policyDoc());
    commitDoc((d) => renameDoc(d, 'by A'), storeA);
    expect(storeB.getState().doc.name).toBe('by A');
    expect(bindB.undo.canUndo()).toBe(false);
    expect(storeB.temporal.getState().pastStates.length).toBe(0);
  });

  it('undo reverts only my own change, one step per action', () => {
    const { storeA, storeB, bindA } = session(policyDoc());
    commitDoc((d) => addExternal(d, { id: 'ext:a1', name: 'A1', at: { x: 0, y: 0 } }), storeA);
    commitDoc((d) => addExternal(d, { id: 'ext:a2', name: 'A2', at: { x: 0, y: 0 } }), storeA);
    commitDoc((d) => addExternal(d, { id: 'ext:b', name: 'B', at: { x: 0, y: 0 } }), storeB);
    bindA.undo.undo();
    const ext = (s: typeof storeA) => Object.keys(s.getState().doc.model.externals).sort();
    expect(ext(storeA)).toEqual(['ext:a1', 'ext:b']);
    expect(ext(storeB)).toEqual(['ext:a1', 'ext:b']);
    bindA.undo.redo();
    expect(ext(storeB)).toEqual(['ext:a1', 'ext:a2', 'ext:b']);
    // The seed (starting the session) is not undoable: undoing everything keeps the room's design.
    bindA.undo.undo();
    bindA.undo.undo();
    bindA.undo.undo();
    expect(storeB.getState().doc.model.policies.p).toBeDefined();
    expect(ext(storeB)).toEqual(['ext:b']);
  });

  it('two people editing different rules of one policy while apart both keep their edit', () => {
    const { storeA, storeB, link } = session(policyDoc());
    link.online = false;
    const setPort = (rule: number, port: number) => (d: Doc) => {
      const p = d.model.policies.p as NetworkPolicy;
      const ingress = (p.ingress ?? []).map((r, i) => (i === rule ? { ...r, ports: [{ protocol: 'TCP' as const, port }] } : r));
      return upsertPolicy(d, { ...p, ingress });
    };
    commitDoc(setPort(0, 8080), storeA);
    commitDoc(setPort(1, 8443), storeB);
    link.online = true;
    for (const s of [storeA, storeB]) {
      const ports = (s.getState().doc.model.policies.p as NetworkPolicy).ingress?.map((r) => r.ports?.[0]?.port);
      expect(ports).toEqual([8080, 8443]);
    }
  });

  it('counts local changes (pending while offline)', () => {
    const { storeA, bindA, link } = session(policyDoc());
    let n = 0;
    bindA.onLocalChange = () => { n++; };
    link.online = false;
    commitDoc((d) => renameDoc(d, 'x'), storeA);
    commitDoc((d) => renameDoc(d, 'y'), storeA);
    expect(n).toBe(2);
  });
});

describe('review binding', () => {
  it('comments from one participant appear at the other', () => {
    const ra = createReviewDocStore(emptyReview());
    const rb = createReviewDocStore(emptyReview());
    const ya = new Y.Doc();
    const yb = new Y.Doc();
    bindReview(ya, ra, { seed: true });
    linked(ya, yb);
    bindReview(yb, rb, { seed: false });
    commitReview((r) => ({ ...r, comments: { t1: { id: 't1', target: { kind: 'design' }, resolved: false, messages: [{ id: 'm1', author: 'Ann', text: 'hi', at: '2026-01-01T00:00:00Z' }] } } }), ra);
    expect(rb.getState().review.comments.t1?.messages[0]?.text).toBe('hi');
  });
});
