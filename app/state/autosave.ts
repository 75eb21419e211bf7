// Autosave: each saved scope is written to localStorage shortly after it changes, under its own
// key: the design (AUTOSAVE_KEY) and its review (REVIEW_AUTOSAVE_KEY), so a comment on a large
// design never re-serialises the design. A reload or a crash never loses work. Reading back goes
// through the same restore path as opening a file (untrusted input); a corrupt autosave is kept
// aside, never thrown away silently. Presence is never saved.

import type { Doc, Review } from '../../src/model/types.ts';
import { parseDesignFile, parseReviewFile, serializeDocCompact, serializeReview } from '../../src/doc/file-format.ts';
import { docStore, readOnlyGate, type DocStore } from './doc-store.ts';
import { reviewDocStore, type ReviewDocStore } from './review-doc-store.ts';

export const AUTOSAVE_KEY = 'netpol-designer:autosave';
export const REVIEW_AUTOSAVE_KEY = 'netpol-designer:autosave-review';
/** Where an autosave that could not be read is moved, so the user can still recover it. */
export const CORRUPT_AUTOSAVE_KEY = 'netpol-designer:autosave-corrupt';
export const CORRUPT_REVIEW_AUTOSAVE_KEY = 'netpol-designer:autosave-review-corrupt';
export const AUTOSAVE_DELAY_MS = 400;
/** At the latest this long after the delay, even if the browser is never idle. */
export const AUTOSAVE_IDLE_TIMEOUT_MS = 1000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type AutosaveRead =
  | { kind: 'none' }
  | { kind: 'ok'; doc: Doc; review: Review; warnings: string[] }
  | { kind: 'corrupt'; error: string };

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function setAside(storage: Storage, from: string, to: string, text: string): void {
  try {
    storage.setItem(to, text);
    storage.removeItem(from);
  } catch {
    // Storage full or unavailable: nothing more we can do; the message still tells the user.
  }
}

/**
 * Reads the autosave: the design, then its review. A design autosave of format 1 still holds
 * its comments and versions (migrated into the review); a review autosave, when present, wins.
 * A corrupt design autosave is moved to CORRUPT_AUTOSAVE_KEY; a corrupt review autosave to
 * CORRUPT_REVIEW_AUTOSAVE_KEY (the design still opens, with a warning).
 */
export function readAutosave(storage: Storage = localStorage): AutosaveRead {
  const text = read(storage, AUTOSAVE_KEY);
  if (text === null) return { kind: 'none' };
  const parsed = parseDesignFile(text);
  if (!parsed.ok) {
    setAside(storage, AUTOSAVE_KEY, CORRUPT_AUTOSAVE_KEY, text);
    return { kind: 'corrupt', error: parsed.error };
  }
  const warnings = [...parsed.warnings];
  let review = parsed.review;
  const reviewText = read(storage, REVIEW_AUTOSAVE_KEY);
  if (reviewText !== null) {
    const r = parseReviewFile(reviewText);
    if (r.ok) {
      review = r.review;
      warnings.push(...r.warnings);
    } else {
      setAside(storage, REVIEW_AUTOSAVE_KEY, CORRUPT_REVIEW_AUTOSAVE_KEY, reviewText);
      warnings.push(`the saved comments and versions could not be read (${r.error}); kept under '${CORRUPT_REVIEW_AUTOSAVE_KEY}'`);
    }
  }
  return { kind: 'ok', doc: parsed.doc, review, warnings };
}

function write(storage: Storage, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false; // quota exceeded or storage disabled
  }
}

export function writeAutosave(doc: Doc, storage: Storage = localStorage): boolean {
  // Compact (unsorted, unindented): a large design serialises several times faster.
  return write(storage, AUTOSAVE_KEY, serializeDocCompact(doc));
}

export function writeReviewAutosave(review: Review, storage: Storage = localStorage): boolean {
  return write(storage, REVIEW_AUTOSAVE_KEY, serializeReview(review));
}

/** Both saved scopes at once (after "Edit a copy", restoring a backup). */
export function writeAutosaves(doc: Doc, review: Review, storage: Storage = localStorage): boolean {
  return writeAutosave(doc, storage) && writeReviewAutosave(review, storage);
}

/**
 * While this tab is in a live session the room is the design's home (cached in IndexedDB):
 * autosave pauses so someone else's session never overwrites the user's own design; leaving
 * the session writes the local copy (app/collab/live-session.ts).
 */
export const autosaveGate: { suspended: boolean } = { suspended: false };

interface Saver {
  /** Writes a pending change now. */
  flush(): void;
  stop(): void;
}

/** Writes `get()` with `save` ~400 ms after each change seen by `subscribe` (then when idle). */
function saveOnChange<T>(subscribe: (fn: () => void) => () => void, get: () => T, save: (v: T) => boolean,
  skip: () => boolean, onError: () => void): Saver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  let last = get();
  const write = () => {
    timer = null;
    idle = null;
    if (!skip() && !save(last)) onError();
  };
  // After the quiet delay, in the browser's idle time (not in the middle of the next edit's frame).
  const due = () => {
    timer = null;
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(write, { timeout: AUTOSAVE_IDLE_TIMEOUT_MS });
    else write();
  };
  const cancel = () => {
    if (timer) clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };
  const unsub = subscribe(() => {
    const v = get();
    if (v === last) return;
    last = v;
    cancel();
    timer = setTimeout(due, AUTOSAVE_DELAY_MS);
  });
  const flush = () => {
    if (!timer && idle === null) return;
    cancel();
    write();
  };
  return { flush, stop: () => { unsub(); flush(); } };
}

/** Starts saving the design and its review ~400 ms after each change. Returns a stop function (flushes). */
export function startAutosave(store: DocStore = docStore, storage: Storage = localStorage, onError?: (msg: string) => void,
  reviews: ReviewDocStore = reviewDocStore): () => void {
  let warned = false;
  const failed = () => {
    if (warned) return;
    warned = true;
    onError?.('Autosave failed (browser storage full or disabled): save the design to a file to keep it.');
  };
  // A shared link open read-only is not the user's work: never write it over their autosave.
  const skip = () => store === docStore && (readOnlyGate.reason !== null || autosaveGate.suspended);
  const savers = [
    saveOnChange((fn) => store.subscribe(fn), () => store.getState().doc, (d) => writeAutosave(d, storage), skip, failed),
    saveOnChange((fn) => reviews.subscribe(fn), () => reviews.getState().review, (r) => writeReviewAutosave(r, storage), skip, failed),
  ];
  const onHide = () => savers.forEach((s) => s.flush());
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
    savers.forEach((s) => s.stop());
  };
}
