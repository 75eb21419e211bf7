// "Export report": Markdown and standalone HTML from the core's reviewReport, with the current
// baseline when review mode is on.

import { reviewReport } from '../../src/review/report.ts';
import { docStore } from '../state/doc-store.ts';
import { reviewDocStore } from '../state/review-doc-store.ts';
import { Modal } from '../panels/Modal.tsx';
import { downloadText, fileBase } from '../state/download.ts';
import { reviewStore, setReview, useReviewState } from './review-store.ts';
import { liveStore } from '../collab/live-store.ts';
import { presenceStore } from '../state/presence-store.ts';
import { getAuthor } from '../comments/author.ts';
import type { SessionInfo } from '../../src/review/session-report.ts';

/** In a live session: who is here now (this person and everyone present). */
function sessionInfo(): SessionInfo | null {
  const live = liveStore.getState();
  if (!live.active || !live.role) return null;
  const me = { name: getAuthor() || 'You', role: live.role };
  return { participants: [me, ...presenceStore.getState().peers.map((p) => ({ name: p.name, role: p.role }))] };
}

function exportReport(format: 'md' | 'html'): void {
  const doc = docStore.getState().doc;
  const base = reviewStore.getState().baseline;
  const session = sessionInfo();
  const r = reviewReport({
    doc, review: reviewDocStore.getState().review, ...(base ? { baseline: { model: base.model, label: base.label } } : {}),
    ...(session ? { session } : {}), at: new Date().toISOString(),
  });
  const name = `${fileBase(doc.name)}-review`;
  if (format === 'md') downloadText(`${name}.md`, r.markdown, 'text/markdown');
  else downloadText(`${name}.html`, r.html, 'text/html');
}

export function ReportDialog() {
  const base = useReviewState((s) => s.baseline);
  const close = () => setReview({ reportDialog: false });
  return (
    <Modal title="Export review report" onClose={close} testId="report-dialog">
      <p>
        The report holds the exposure to external networks and load balancers, the reachability, the open comments and the manifests
        {base ? <>, and every change against the baseline <strong>{base.label}</strong> with the manifest diff.</> : '.'}
      </p>
      {!base && <p className="hint">Tip: start a review against a baseline first (Review → Review in the top bar) to include the changes and the diff.</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>Close</button>
        <button type="button" onClick={() => exportReport('md')} title="A Markdown file (.md)">Download Markdown</button>
        <button type="button" className="primary" onClick={() => exportReport('html')} title="A standalone HTML page (.html)">Download HTML</button>
      </div>
    </Modal>
  );
}
