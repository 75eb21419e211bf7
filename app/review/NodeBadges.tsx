// Badges in the corner of a canvas node: comment threads pinned to it and, on namespaces in
// review mode, how many of its policies were added / changed / deleted against the baseline.

import { NodeCommentBadge } from '../comments/CommentBadge.tsx';
import { useDocStore } from '../state/doc-store.ts';
import { setSession } from '../state/session-store.ts';
import { useReviewChanges, useReviewState } from './review-store.ts';

function NamespaceReviewBadge(props: { nsId: string }) {
  const review = useReviewChanges();
  const base = useReviewState((s) => s.baseline);
  const policies = useDocStore((s) => s.doc.model.policies);
  if (!review || !base) return null;
  const count = { added: 0, changed: 0, deleted: 0 };
  for (const [id, m] of Object.entries(review.marks.policies)) {
    const p = policies[id] ?? base.model.policies[id];
    if (p?.namespaceId === props.nsId) count[m]++;
  }
  const parts = [count.added ? `+${count.added}` : '', count.changed ? `±${count.changed}` : '', count.deleted ? `−${count.deleted}` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <button
      type="button"
      className="ns-review-badge nodrag nopan"
      data-testid="ns-review-badge"
      title={`Policies in this namespace against the baseline: ${count.added} added, ${count.changed} changed, ${count.deleted} deleted`}
      onClick={(e) => { e.stopPropagation(); setSession({ bottomTab: 'review', bottomOpen: true }); }}
    >
      policies {parts.join(' ')}
    </button>
  );
}

export function NodeBadges(props: { nodeId: string; namespace?: boolean }) {
  return (
    <div className="node-badges">
      {props.namespace && <NamespaceReviewBadge nsId={props.nodeId} />}
      <NodeCommentBadge nodeId={props.nodeId} />
    </div>
  );
}
