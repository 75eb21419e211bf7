// The review scope as a Yjs document (one per live session room, next to the design's):
//   comments   thread id -> Y.Map { target, resolved, messages: Y.Array of messages }
//   versions   version id -> DesignVersion (plain; versions are written once)
//   decisions  decisionKey -> ChangeDecision (one key per change and participant)
// Two people replying to one thread at once both keep their reply; one person's decision never
// overwrites another's.

import * as Y from 'yjs';
import type { CommentMessage, CommentThread, Review } from '../model/types.ts';

type Rec = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function syncMessages(arr: Y.Array<CommentMessage>, prev: readonly CommentMessage[], next: readonly CommentMessage[]): void {
  let head = 0;
  while (head < prev.length && head < next.length && same(prev[head], next[head])) head++;
  let tail = 0;
  while (tail < prev.length - head && tail < next.length - head && same(prev[prev.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  const removed = prev.length - head - tail;
  if (removed > 0) arr.delete(head, removed);
  const added = next.slice(head, next.length - tail);
  if (added.length) arr.insert(head, [...added]);
}

function newThread(t: CommentThread): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('target', t.target);
  m.set('resolved', t.resolved);
  const msgs = new Y.Array<CommentMessage>();
  msgs.push([...t.messages]);
  m.set('messages', msgs);
  return m;
}

function syncPlain(map: Y.Map<unknown>, prev: Rec, next: Rec): void {
  for (const k of Object.keys(prev)) if (!(k in next)) map.delete(k);
  for (const [k, v] of Object.entries(next)) if (prev[k] !== v && !same(prev[k], v)) map.set(k, v);
}

/** Writes `next` into `ydoc`, which mirrors `prev` (null: empty). Call inside a transaction. */
export function writeReview(ydoc: Y.Doc, prev: Review | null, next: Review): void {
  if (prev === next) return;
  const comments = ydoc.getMap<Y.Map<unknown>>('comments');
  const pc = prev?.comments ?? {};
  if (!prev || prev.comments !== next.comments) {
    for (const id of Object.keys(pc)) if (!(id in next.comments)) comments.delete(id);
    for (const [id, t] of Object.entries(next.comments)) {
      const old = pc[id];
      if (old === t) continue;
      const y = comments.get(id);
      if (!(y instanceof Y.Map) || !old) {
        comments.set(id, newThread(t));
        continue;
      }
      if (!same(old.target, t.target)) y.set('target', t.target);
      if (old.resolved !== t.resolved) y.set('resolved', t.resolved);
      const msgs = y.get('messages');
      if (msgs instanceof Y.Array) syncMessages(msgs as Y.Array<CommentMessage>, old.messages, t.messages);
      else y.set('messages', Y.Array.from([...t.messages]));
    }
  }
  if (!prev || prev.versions !== next.versions) syncPlain(ydoc.getMap('versions'), (prev?.versions ?? {}) as Rec, next.versions as Rec);
  if (!prev || prev.decisions !== next.decisions) syncPlain(ydoc.getMap('decisions'), (prev?.decisions ?? {}) as Rec, next.decisions as Rec);
}

function keepSame<T>(prev: Record<string, T> | undefined, next: Record<string, T>): Record<string, T> {
  if (!prev) return next;
  let unchanged = Object.keys(prev).length === Object.keys(next).length;
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(next)) {
    const p = prev[k];
    out[k] = p !== undefined && same(p, v) ? p : v;
    if (out[k] !== p) unchanged = false;
  }
  return unchanged ? prev : out;
}

/** The review in `ydoc`, sharing unchanged objects with `prev`. */
export function readReview(ydoc: Y.Doc, prev?: Review): Review {
  const comments: Record<string, CommentThread> = {};
  ydoc.getMap<Y.Map<unknown>>('comments').forEach((y, id) => {
    if (!(y instanceof Y.Map)) return;
    const msgs = y.get('messages');
    comments[id] = {
      id,
      target: y.get('target') as CommentThread['target'],
      resolved: y.get('resolved') === true,
      messages: msgs instanceof Y.Array ? (msgs.toArray() as CommentMessage[]) : [],
    };
  });
  const review: Review = {
    comments: keepSame(prev?.comments, comments),
    versions: keepSame(prev?.versions, ydoc.getMap('versions').toJSON() as Review['versions']),
    decisions: keepSame(prev?.decisions, ydoc.getMap('decisions').toJSON() as Review['decisions']),
  };
  if (prev && review.comments === prev.comments && review.versions === prev.versions && review.decisions === prev.decisions) return prev;
  return review;
}

export function reviewTypes(ydoc: Y.Doc): Y.Map<unknown>[] {
  return [ydoc.getMap('comments'), ydoc.getMap('versions'), ydoc.getMap('decisions')];
}
