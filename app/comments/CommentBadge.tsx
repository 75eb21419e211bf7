// Small markers: the number of comment threads on a node or an edge (open ones highlighted),
// and the review "+ / − / ±" badge on an edge label.

import { setSession } from '../state/session-store.ts';
import { useReviewDoc } from '../state/review-doc-store.ts';
import type { CommentThread } from '../../src/model/types.ts';
import { CommentsIcon } from '../panels/tab-icons.tsx';
import './comments.css';

function count(threads: Record<string, CommentThread> | undefined, match: (t: CommentThread) => boolean): { open: number; all: number } {
  let open = 0;
  let all = 0;
  for (const t of Object.values(threads ?? {})) {
    if (!match(t)) continue;
    all++;
    if (!t.resolved) open++;
  }
  return { open, all };
}

function Badge(props: { open: number; all: number; onClick: () => void; label: string }) {
  if (props.all === 0) return null;
  const text = props.open ? `${props.open}` : `${props.all}`;
  return (
    <button
      type="button"
      className={`comment-badge ${props.open ? 'has-open' : 'all-resolved'} nodrag nopan`}
      title={`${props.label}: ${props.open} open, ${props.all - props.open} resolved. Click to show.`}
      aria-label={`${props.all} comment thread${props.all === 1 ? '' : 's'} on ${props.label}`}
      data-testid="comment-badge"
      onClick={(e) => {
        e.stopPropagation();
        props.onClick();
      }}
    >
      <span className="comment-badge-icon" aria-hidden="true"><CommentsIcon size={11} /></span>{text}
    </button>
  );
}

/** Comment threads pinned to a canvas node (workload, namespace, external, `lb:<id>`). */
export function NodeCommentBadge(props: { nodeId: string }) {
  const threads = useReviewDoc((s) => s.review.comments);
  const c = count(threads, (t) => t.target.kind === 'node' && t.target.id === props.nodeId);
  return <Badge {...c} label="this element" onClick={() => setSession({ selection: [props.nodeId], rightTab: 'comments' })} />;
}

export function EdgeCommentBadge(props: { src: string; dst: string }) {
  const threads = useReviewDoc((s) => s.review.comments);
  const c = count(threads, (t) => t.target.kind === 'edge' && t.target.src === props.src && t.target.dst === props.dst);
  return <Badge {...c} label="this connection" onClick={() => setSession({ rightTab: 'comments' })} />;
}

export function ReviewEdgeBadge(props: { review?: 'added' | 'removed' | 'changed' }) {
  if (!props.review) return null;
  const sign = props.review === 'added' ? '+' : props.review === 'removed' ? '−' : '±';
  const title = props.review === 'added' ? 'Newly allowed since the baseline' : props.review === 'removed' ? 'Allowed in the baseline, denied now' : 'Ports changed since the baseline';
  return <span className={`review-badge review-badge-${props.review}`} title={title} data-review={props.review}>{sign}</span>;
}
