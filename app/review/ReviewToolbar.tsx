// The team review tool group in the top bar (Share, Versions, Review, Report) and the dialogs
// it opens, plus the read-only banner of shared links. Mounted once from the toolbar.

import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { setSession } from '../state/session-store.ts';
import { setReview, useReviewState } from './review-store.ts';
import { BaselineDialog } from './BaselineDialog.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import './review.css';

export function ReviewToolbar() {
  const [share, setShare] = useState(false);
  const { baselineDialog, versionsDialog, reportDialog, reviewing } = useReviewState(useShallow((s) => ({
    baselineDialog: s.baselineDialog, versionsDialog: s.versionsDialog, reportDialog: s.reportDialog, reviewing: s.baseline !== null,
  })));
  return (
    <div className="tool-group">
      <button type="button" onClick={() => setShare(true)} title="Share the design as a link">Share</button>
      <button type="button" onClick={() => setReview({ versionsDialog: true })} title="Save, list and compare named versions">Versions</button>
      <button
        type="button"
        className={reviewing ? 'review-on' : ''}
        aria-pressed={reviewing}
        onClick={() => (reviewing ? setSession({ bottomTab: 'review', bottomOpen: true }) : setReview({ baselineDialog: true }))}
        title="Review the design against a baseline (a version, a design file or manifests)"
      >
        Review
      </button>
      {share && <ShareDialog onClose={() => setShare(false)} />}
      {baselineDialog && <BaselineDialog />}
      {versionsDialog && <VersionsDialog />}
      {reportDialog && <ReportDialog />}
    </div>
  );
}
