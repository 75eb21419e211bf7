// Review comments on a design: threads attached to the design, a node, an edge or a policy.
// Comments live in the review scope: commands are pure (Review in, Review out), never touch the
// design (so they never re-evaluate it) and take the time and author from the caller, so they
// replay the same way in tests and sync. Labels and orphan checks read the design's model. A thread whose target was deleted is
// kept and reported as orphaned: a reviewer's words are never dropped silently.

import { newId } from '../model/factory.ts';
import type { CommentMessage, CommentTarget, CommentThread, Id, Model, Review } from '../model/types.ts';
import { serviceIdOfLoadBalancerNode } from '../canvas/ids.ts';

export interface MessageInput {
  author: string;
  text: string;
  /** ISO 8601 time, supplied by the caller. */
  at: string;
}

export type CommentResult = { ok: true; review: Review; threadId: Id } | { ok: false; error: string };

function validate(input: MessageInput): string | undefined {
  if (!input.author || !input.author.trim()) return 'An author is required.';
  if (!input.text || !input.text.trim()) return 'A comment cannot be empty.';
  if (!input.at) return 'A time is required.';
  return undefined;
}

function message(input: MessageInput): CommentMessage {
  return { id: newId('msg'), author: input.author.trim(), at: input.at, text: input.text.trim() };
}

function withThread(review: Review, thread: CommentThread): Review {
  return { ...review, comments: { ...review.comments, [thread.id]: thread } };
}

function findThread(review: Review, threadId: Id): CommentThread | undefined {
  return Object.hasOwn(review.comments, threadId) ? review.comments[threadId] : undefined;
}

export function addThread(review: Review, target: CommentTarget, input: MessageInput): CommentResult {
  const error = validate(input);
  if (error) return { ok: false, error };
  const thread: CommentThread = { id: newId('thread'), target, resolved: false, messages: [message(input)] };
  return { ok: true, review: withThread(review, thread), threadId: thread.id };
}

export function reply(review: Review, threadId: Id, input: MessageInput): CommentResult {
  const thread = findThread(review, threadId);
  if (!thread) return { ok: false, error: `No comment thread ${threadId}.` };
  const error = validate(input);
  if (error) return { ok: false, error };
  return { ok: true, review: withThread(review, { ...thread, messages: [...thread.messages, message(input)] }), threadId };
}

function setResolved(review: Review, threadId: Id, resolved: boolean): CommentResult {
  const thread = findThread(review, threadId);
  if (!thread) return { ok: false, error: `No comment thread ${threadId}.` };
  if (thread.resolved === resolved) return { ok: true, review, threadId };
  return { ok: true, review: withThread(review, { ...thread, resolved }), threadId };
}

export function resolveThread(review: Review, threadId: Id): CommentResult {
  return setResolved(review, threadId, true);
}

export function reopenThread(review: Review, threadId: Id): CommentResult {
  return setResolved(review, threadId, false);
}

export function deleteThread(review: Review, threadId: Id): CommentResult {
  if (!findThread(review, threadId)) return { ok: false, error: `No comment thread ${threadId}.` };
  const { [threadId]: _removed, ...rest } = review.comments;
  return { ok: true, review: { ...review, comments: rest }, threadId };
}

/** Changes the text of one message; the author and time stay as first written. */
export function editMessage(review: Review, threadId: Id, messageId: Id, text: string): CommentResult {
  const thread = findThread(review, threadId);
  if (!thread) return { ok: false, error: `No comment thread ${threadId}.` };
  if (!thread.messages.some((m) => m.id === messageId)) return { ok: false, error: `No message ${messageId}.` };
  if (!text || !text.trim()) return { ok: false, error: 'A comment cannot be empty.' };
  const messages = thread.messages.map((m) => (m.id === messageId ? { ...m, text: text.trim() } : m));
  return { ok: true, review: withThread(review, { ...thread, messages }), threadId };
}

/** Deletes one message; deleting the last message of a thread deletes the thread. */
export function deleteMessage(review: Review, threadId: Id, messageId: Id): CommentResult {
  const thread = findThread(review, threadId);
  if (!thread) return { ok: false, error: `No comment thread ${threadId}.` };
  if (!thread.messages.some((m) => m.id === messageId)) return { ok: false, error: `No message ${messageId}.` };
  const messages = thread.messages.filter((m) => m.id !== messageId);
  if (messages.length === 0) return deleteThread(review, threadId);
  return { ok: true, review: withThread(review, { ...thread, messages }), threadId };
}

// ---------------------------------------------------------------- queries

export function sameTarget(a: CommentTarget, b: CommentTarget): boolean {
  switch (a.kind) {
    case 'design':
      return b.kind === 'design';
    case 'node':
      return b.kind === 'node' && b.id === a.id;
    case 'policy':
      return b.kind === 'policy' && b.id === a.id;
    case 'edge':
      return b.kind === 'edge' && b.src === a.src && b.dst === a.dst;
  }
}

function byFirstMessage(a: CommentThread, b: CommentThread): number {
  const ta = a.messages[0]?.at ?? '';
  const tb = b.messages[0]?.at ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** All threads, oldest first. */
export function allThreads(review: Review): CommentThread[] {
  return Object.values(review.comments).sort(byFirstMessage);
}

export function threadsFor(review: Review, target: CommentTarget): CommentThread[] {
  return allThreads(review).filter((t) => sameTarget(t.target, target));
}

export function openThreads(review: Review): CommentThread[] {
  return allThreads(review).filter((t) => !t.resolved);
}

/** Name of a node id (workload, namespace, service, external, `lb:<serviceId>`), or undefined. */
export function nodeName(model: Model, id: string): { kind: string; name: string } | undefined {
  const nsName = (nsId: Id) => model.namespaces[nsId]?.name ?? '?';
  const w = model.workloads[id];
  if (w) return { kind: 'workload', name: `${nsName(w.namespaceId)}/${w.name}` };
  const ns = model.namespaces[id];
  if (ns) return { kind: 'namespace', name: ns.name };
  const lbId = serviceIdOfLoadBalancerNode(id);
  const svc = model.services[lbId ?? id];
  if (svc) return { kind: lbId ? 'load balancer' : 'service', name: `${nsName(svc.namespaceId)}/${svc.name}` };
  // Split parts of an external network carry `#<n>` after the model id.
  const ext = model.externals[id] ?? model.externals[id.replace(/#\d+$/, '')];
  if (ext) return { kind: 'external', name: ext.name };
  if (id === 'node') return { kind: 'node', name: 'nodes' };
  return undefined;
}

/** Whether the thing a thread talks about still exists in the model. */
export function targetExists(model: Model, target: CommentTarget): boolean {
  switch (target.kind) {
    case 'design':
      return true;
    case 'node':
      return nodeName(model, target.id) !== undefined;
    case 'policy':
      return model.policies[target.id] !== undefined;
    case 'edge':
      return nodeName(model, target.src) !== undefined && nodeName(model, target.dst) !== undefined;
  }
}

/** Threads whose target was deleted from the design. */
export function orphanedThreads(review: Review, model: Model): CommentThread[] {
  return allThreads(review).filter((t) => !targetExists(model, t.target));
}

export function isOrphaned(model: Model, thread: CommentThread): boolean {
  return !targetExists(model, thread.target);
}

/**
 * What a thread is about, for lists and reports: `workload shop/web`,
 * `edge shop/web → data/postgres`, `policy shop/default-deny`, `design`. A deleted target
 * reads `deleted workload wl-x` style so the reader knows why it is not on the canvas.
 */
export function threadTargetLabel(model: Model, target: CommentTarget): string {
  switch (target.kind) {
    case 'design':
      return 'design';
    case 'node': {
      const n = nodeName(model, target.id);
      return n ? `${n.kind} ${n.name}` : `deleted node ${target.id}`;
    }
    case 'policy': {
      const p = model.policies[target.id];
      if (!p) return `deleted policy ${target.id}`;
      return `policy ${model.namespaces[p.namespaceId]?.name ?? '?'}/${p.name}`;
    }
    case 'edge': {
      const s = nodeName(model, target.src);
      const d = nodeName(model, target.dst);
      const label = `edge ${s?.name ?? target.src} → ${d?.name ?? target.dst}`;
      return s && d ? label : `deleted ${label}`;
    }
  }
}
