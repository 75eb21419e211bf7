// The banner over the canvas while a shared link is open read-only, and the offer to restore
// the user's previous design after "Edit a copy".

import { useEffect } from 'react';
import { closeShared, dismissBackupOffer, editCopy, installShareLinkListener, restoreBackup, useShareState } from './read-only.ts';
import { useDocStore } from '../state/doc-store.ts';
import './share.css';

export function ReadOnlyBanner() {
  useEffect(() => installShareLinkListener(), []);
  const readOnly = useShareState((s) => s.readOnly);
  const backupOffer = useShareState((s) => s.backupOffer);
  const name = useDocStore((s) => s.doc.name);
  useEffect(() => {
    document.body.classList.toggle('netpol-read-only', readOnly);
  }, [readOnly]);
  if (readOnly) {
    return (
      <div className="share-banner" role="region" aria-label="Shared design" data-testid="read-only-banner">
        <span className="share-banner-tag">Read-only</span>
        <span className="share-banner-text">
          <strong>Shared design “{name}”.</strong> You are reviewing it: editing is off. Comments are allowed; they are
          kept if you edit a copy, download the file or share a new link.
        </span>
        <button type="button" className="primary" onClick={editCopy}>Edit a copy</button>
        <button type="button" onClick={closeShared} title="Close the shared design and go back to your own (autosaved) design">Back to my design</button>
      </div>
    );
  }
  if (backupOffer) {
    return (
      <div className="share-banner share-banner-info" role="status" data-testid="backup-offer">
        <span className="share-banner-text">
          You are now editing your own copy of the shared design. Your previous design was kept aside.
        </span>
        <button type="button" onClick={restoreBackup}>Restore my previous design</button>
        <button type="button" className="share-banner-close" aria-label="Dismiss" onClick={dismissBackupOffer}>×</button>
      </div>
    );
  }
  return null;
}
