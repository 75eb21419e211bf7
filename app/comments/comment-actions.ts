// Comment commands for the UI. Comments belong to the review scope (app/state/review-doc-store.ts),
// so they are allowed on a read-only shared design (a review is not an edit of the design) and
// never re-evaluate it. They are kept when the user edits a copy, downloads the design file or
// shares a new link.

import type { CommentTarget } from '../../src/model/types.ts';
import type { CommentResult } from '../../src/doc/comments.ts';
import type { Review } from '../../src/model/types.ts';
import { commitReview } from '../state/review-doc-store.ts';
import { notify } from '../state/session-store.ts';
import { loadBalancerNodeId, parseEdgeId } from '../../src/canvas/ids.ts';

/** Runs a comment command; returns the thread id, or null (the error was shown). */
export function commitComment(command: (review: Review) => CommentResult): string | null {
  let result: CommentResult | null = null;
  commitReview((r) => {
    result = command(r);
    return result.ok ? result.review : r;
  });
  const r = result as CommentResult | null;
  if (!r) return null;
  if (!r.ok) {
    notify(r.error, 'error');
    return null;
  }
  return r.threadId;
}

export const nowIso = () => new Date().toISOString();

/** The comment target of a canvas edge id: a connection between two nodes (not intents or assertions). */
export function edgeTargetOf(edgeId: string): CommentTarget | null {
  const ref = parseEdgeId(edgeId);
  if (!ref) return null;
  if (ref.kind === 'svc') return { kind: 'edge', src: loadBalancerNodeId(ref.serviceId), dst: ref.workloadId };
  if (ref.kind === 'reach' || ref.kind === 'deny' || ref.kind === 'nsreach' || ref.kind === 'review-removed') return { kind: 'edge', src: ref.src, dst: ref.dst };
  return null;
}
