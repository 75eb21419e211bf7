// Bottom panel tabs of review mode: "Review" (the change list) and "YAML diff".

import { setReview, setBaseline, useManifestDiff, useReviewChanges, useReviewState } from './review-store.ts';
import { ChangeList } from './ChangeList.tsx';
import { DiffTable } from './DiffTable.tsx';
import './review.css';

function NoBaseline() {
  return (
    <div className="empty-state pad" data-testid="review-empty">
      <p><strong>No review baseline.</strong> Compare this design with what it was, to see what a change does before it is applied:</p>
      <ul>
        <li>a <strong>saved version</strong> of this design (<em>Review → Versions</em> in the top bar),</li>
        <li>another <strong>design file</strong>, or</li>
        <li><strong>manifests</strong>, e.g. what is in the cluster today (<code>kubectl get netpol,deploy,svc -A -o yaml</code>).</li>
      </ul>
      <div className="comment-actions">
        <button type="button" className="primary" onClick={() => setReview({ baselineDialog: true })}>Choose a baseline…</button>
        <button type="button" onClick={() => setReview({ reportDialog: true })}>Export report…</button>
      </div>
    </div>
  );
}

function BaselineBar() {
  const base = useReviewState((s) => s.baseline);
  const review = useReviewChanges();
  const n = review?.changes.length ?? 0;
  const high = review?.changes.filter((c) => c.risk === 'high').length ?? 0;
  return (
    <div className="view-toolbar review-bar">
      <span className="review-mode-tag">Review</span>
      <span className="review-baseline" data-testid="review-baseline">against {base?.label}</span>
      <span className="muted">{n} change{n === 1 ? '' : 's'}{high ? ` · ${high} high risk` : ''}</span>
      <span className="spacer" />
      <button type="button" onClick={() => setReview({ baselineDialog: true })}>Change baseline…</button>
      <button type="button" onClick={() => setReview({ reportDialog: true })}>Export report…</button>
      <button type="button" onClick={() => setBaseline(null)}>End review</button>
    </div>
  );
}

export function ReviewTab() {
  const base = useReviewState((s) => s.baseline);
  const review = useReviewChanges();
  if (!base || !review) return <NoBaseline />;
  return (
    <div className="review-view">
      <BaselineBar />
      <div className="review-scroll"><ChangeList changes={review.changes} /></div>
    </div>
  );
}

export function DiffTab() {
  const base = useReviewState((s) => s.baseline);
  const diff = useManifestDiff();
  if (!base || !diff) return <NoBaseline />;
  return (
    <div className="review-view">
      <div className="view-toolbar">
        <span className="muted">Manifests: baseline ({base.label}) ↔ this design</span>
        <span className="spacer" />
        <span className="diff-count add">+{diff.added}</span>
        <span className="diff-count del">−{diff.removed}</span>
      </div>
      <div className="review-scroll">
        {diff.added === 0 && diff.removed === 0
          ? <p className="empty-state pad"><strong>The manifests are identical.</strong></p>
          : <DiffTable rows={diff.rows} leftTitle={`baseline: ${base.label}`} rightTitle="this design" />}
      </div>
    </div>
  );
}
