// A shared link (`#d=...`) opens READ-ONLY: the design is shown for review, edits are refused
// (app/state/doc-store.ts readOnlyGate) and the autosave is never written, so the user's own
// work stays untouched. "Edit a copy" turns the shared design into the working design after
// keeping the previous autosave aside (BACKUP_KEY), restorable with one click.

import { createStore, useStore } from 'zustand';
import type { Review, SavedDesign } from '../../src/model/types.ts';
import { decodeShare } from '../../src/share/codec.ts';
import { parseDesignFile, parseReviewFile } from '../../src/doc/file-format.ts';
import { history, readOnlyGate } from '../state/doc-store.ts';
import { reviewDocStore } from '../state/review-doc-store.ts';
import { currentSavedDesign, loadSavedDesign } from '../state/saved-design.ts';
import { AUTOSAVE_KEY, REVIEW_AUTOSAVE_KEY, readAutosave, writeAutosaves } from '../state/autosave.ts';
import { notify, setSession } from '../state/session-store.ts';
import { requestFitView } from '../state/view-requests.ts';

/** Where the user's autosave is kept when they turn a shared design into their working design. */
export const BACKUP_KEY = 'netpol-designer:autosave-before-shared-link';
/** The review scope of that backup. */
export const REVIEW_BACKUP_KEY = 'netpol-designer:autosave-review-before-shared-link';

export const READ_ONLY_REASON = 'This shared design is read-only. Choose "Edit a copy" in the banner to change it.';

export interface ShareState {
  /** A shared link is open read-only. */
  readOnly: boolean;
  /** After "Edit a copy": the previous autosave can be restored from BACKUP_KEY. */
  backupOffer: boolean;
}

export const shareStore = createStore<ShareState>()(() => ({ readOnly: false, backupOffer: false }));

export function useReadOnly(): boolean {
  return useStore(shareStore, (s) => s.readOnly);
}

export function useShareState<T>(sel: (s: ShareState) => T): T {
  return useStore(shareStore, sel);
}

let lastBlockedNotice = 0;
readOnlyGate.onBlocked = (reason) => {
  // Drags and key repeats can hit the gate many times a second; one toast is enough.
  const now = Date.now();
  if (now - lastBlockedNotice > 1500) notify(reason);
  lastBlockedNotice = now;
};
readOnlyGate.onReplace = () => leaveReadOnly();

/** The shared design's review as it was opened, to tell whether the reviewer added anything to it. */
let openedReview: Review | null = null;

function leaveReadOnly(): void {
  readOnlyGate.reason = null;
  shareStore.setState({ readOnly: false });
}

function clearFragment(): void {
  if (window.location.hash) history_replace(window.location.pathname + window.location.search);
}

function history_replace(url: string): void {
  window.history.replaceState(null, '', url);
}

/** Shows a shared design read-only. The fragment stays in the address bar (a reload shows it again). */
export function openReadOnly(shared: SavedDesign, warnings: string[] = []): void {
  leaveReadOnly();
  loadSavedDesign(shared, { record: false });
  openedReview = shared.review;
  readOnlyGate.reason = READ_ONLY_REASON;
  shareStore.setState({ readOnly: true, backupOffer: false });
  setSession({ selection: [], explain: null, editingPolicyId: null, pendingIntent: null });
  requestFitView();
  if (warnings.length) notify(`Opened the shared design with corrections: ${warnings.slice(0, 2).join('; ')}`);
}

/**
 * Reads a share link from a URL fragment. Returns 'opened' (read-only), 'failed' (message
 * shown, nothing replaced, fragment removed) or 'none' (no share link in the fragment).
 */
export function openShareFragment(hash: string = window.location.hash): 'opened' | 'failed' | 'none' {
  if (!/(^#?|&)d=/.test(hash)) return 'none';
  const r = decodeShare(hash);
  if (!r.ok) {
    clearFragment();
    notify(`This share link could not be opened: ${r.error}. Nothing was replaced: your own design is unchanged.`, 'error');
    return 'failed';
  }
  openReadOnly(r, r.warnings);
  return 'opened';
}

/**
 * "Edit a copy": keeps the user's current autosave under BACKUP_KEY, then makes the shared
 * design (with any comments added while reviewing) the working design and saves it.
 */
export function editCopy(): void {
  if (!shareStore.getState().readOnly) return;
  let backedUp = false;
  try {
    const previous = localStorage.getItem(AUTOSAVE_KEY);
    if (previous !== null) {
      localStorage.setItem(BACKUP_KEY, previous);
      const previousReview = localStorage.getItem(REVIEW_AUTOSAVE_KEY);
      if (previousReview !== null) localStorage.setItem(REVIEW_BACKUP_KEY, previousReview);
      else localStorage.removeItem(REVIEW_BACKUP_KEY);
      backedUp = true;
    }
  } catch {
    // Storage unavailable: the copy still opens; nothing was there to lose.
  }
  leaveReadOnly();
  history.clear();
  clearFragment();
  const { doc, review } = currentSavedDesign();
  const saved = writeAutosaves(doc, review);
  shareStore.setState({ backupOffer: backedUp });
  if (!saved) notify('The copy could not be autosaved (browser storage full or disabled): save it to a file to keep it.', 'error');
}

/**
 * Puts back the design that was autosaved before "Edit a copy". One undo step: the copy (and
 * any edits made to it since) is not thrown away, Undo brings it back.
 */
export function restoreBackup(): void {
  let text: string | null = null;
  let reviewText: string | null = null;
  try {
    text = localStorage.getItem(BACKUP_KEY);
    reviewText = localStorage.getItem(REVIEW_BACKUP_KEY);
  } catch {
    text = null;
  }
  if (text === null) {
    notify('There is no previous design to restore.', 'error');
    shareStore.setState({ backupOffer: false });
    return;
  }
  const parsed = parseDesignFile(text);
  if (!parsed.ok) {
    notify(`Your previous design could not be read (${parsed.error}). It is still kept in browser storage under '${BACKUP_KEY}'.`, 'error');
    return;
  }
  const backupReview = reviewText === null ? null : parseReviewFile(reviewText);
  const review = backupReview?.ok ? backupReview.review : parsed.review;
  loadSavedDesign({ doc: parsed.doc, review }, { record: true });
  writeAutosaves(parsed.doc, review);
  try {
    localStorage.removeItem(BACKUP_KEY);
    localStorage.removeItem(REVIEW_BACKUP_KEY);
  } catch {
    // ignore
  }
  shareStore.setState({ backupOffer: false });
  setSession({ selection: [], explain: null, editingPolicyId: null });
  requestFitView();
  notify(`Restored your previous design "${parsed.doc.name}". Undo returns to the copy of the shared design.`);
}

export function dismissBackupOffer(): void {
  shareStore.setState({ backupOffer: false });
}

/** Leaves the shared design without keeping it: back to the user's autosaved design. */
export function closeShared(): void {
  if (!shareStore.getState().readOnly) return;
  // Comments are the one thing a reviewer can add to a read-only link: never drop them silently.
  const current = reviewDocStore.getState().review;
  if (openedReview && current.comments !== openedReview.comments) {
    const ok = window.confirm('You added comments to this shared design. Going back to your own design discards them (download the file or edit a copy to keep them). Go back anyway?');
    if (!ok) return;
  }
  const saved = readAutosave();
  leaveReadOnly();
  clearFragment();
  if (saved.kind === 'ok') {
    loadSavedDesign(saved, { record: false });
    requestFitView();
    notify('Back to your own design.');
  } else {
    notify('You have no autosaved design yet; the shared design stays open and is now editable.');
  }
}

/** Opening a link in a tab that is already open only changes the fragment: handle that too. */
export function installShareLinkListener(): () => void {
  const onHash = () => {
    openShareFragment(window.location.hash);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
