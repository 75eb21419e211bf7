// Comment commands for the UI: each is one undo step (commitDoc). Comments are allowed on a
// read-only shared design (they are a review, not an edit of the design): the read-only gate
// is lifted for exactly this command. They are kept when the user edits a copy, downloads the
// design file or shares a new link.

import type { CommentTarget, Doc } from '../../src/model/types.ts';
import type { CommentResult } from '../../src/doc/comments.ts';
import { commitDoc, readOnlyGate } from '../state/doc-store.ts';
import { notify } from '../state/session-store.ts';

/** Runs a comment command; returns the thread id, or null (the error was shown). */
export function commitComment(command: (doc: Doc) => CommentResult): string | null {
  let result: CommentResult | null = null;
  const reason = readOnlyGate.reason;
  readOnlyGate.reason = null;
  try {
    commitDoc((d) => {
      result = command(d);
      return result.ok ? result.doc : d;
    });
  } finally {
    readOnlyGate.reason = reason;
  }
  const r = result as CommentResult | null;
  if (!r) return null;
  if (!r.ok) {
    notify(r.error, 'error');
    return null;
  }
  return r.threadId;
}

export const nowIso = () => new Date().toISOString();

/** The comment target of a canvas edge id (`reach:a>b`, `deny:a>b`, `svc:<svc>>w`, ...). */
export function edgeTargetOf(edgeId: string): CommentTarget | null {
  const m = /^(reach|deny|nsreach|svc|review-removed):(.+?)>(.+)$/.exec(edgeId);
  if (!m) return null;
  const src = m[1] === 'svc' ? `lb:${m[2]}` : m[2];
  return { kind: 'edge', src, dst: m[3] };
}
