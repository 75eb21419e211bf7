// The review dialogs (baseline, versions, report), opened from the toolbar's Review menu and
// the Review tab through the review store. Mounted once from the toolbar.

import { useShallow } from 'zustand/react/shallow';
import { useReviewState } from './review-store.ts';
import { BaselineDialog } from './BaselineDialog.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import './review.css';

export function ReviewDialogs() {
  const { baselineDialog, versionsDialog, reportDialog } = useReviewState(useShallow((s) => ({
    baselineDialog: s.baselineDialog, versionsDialog: s.versionsDialog, reportDialog: s.reportDialog,
  })));
  return (
    <>
      {baselineDialog && <BaselineDialog />}
      {versionsDialog && <VersionsDialog />}
      {reportDialog && <ReportDialog />}
    </>
  );
}
