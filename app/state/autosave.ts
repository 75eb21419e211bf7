// Autosave: the design is written to localStorage shortly after every change, so a reload or
// a crash never loses work. Reading it back goes through the same restore path as opening a
// file (untrusted input); a corrupt autosave is kept aside, never thrown away silently.

import type { Doc } from '../../src/model/types.ts';
import { parseDesignFile, serializeDoc } from '../../src/doc/file-format.ts';
import { docStore, readOnlyGate, type DocStore } from './doc-store.ts';

export const AUTOSAVE_KEY = 'netpol-designer:autosave';
/** Where an autosave that could not be read is moved, so the user can still recover it. */
export const CORRUPT_AUTOSAVE_KEY = 'netpol-designer:autosave-corrupt';
export const AUTOSAVE_DELAY_MS = 400;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type AutosaveRead =
  | { kind: 'none' }
  | { kind: 'ok'; doc: Doc; warnings: string[] }
  | { kind: 'corrupt'; error: string };

/** Reads the autosave; a corrupt one is moved to CORRUPT_AUTOSAVE_KEY. */
export function readAutosave(storage: Storage = localStorage): AutosaveRead {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const parsed = parseDesignFile(text);
  if (parsed.ok) return { kind: 'ok', doc: parsed.doc, warnings: parsed.warnings };
  try {
    storage.setItem(CORRUPT_AUTOSAVE_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage full or unavailable: nothing more we can do; the message still tells the user.
  }
  return { kind: 'corrupt', error: parsed.error };
}

export function writeAutosave(doc: Doc, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, serializeDoc(doc));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled
  }
}

/** Starts saving the doc ~400 ms after each change. Returns a stop function (flushes). */
export function startAutosave(store: DocStore = docStore, storage: Storage = localStorage, onError?: (msg: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = store.getState().doc;
  let warned = false;
  const flush = () => {
    timer = null;
    // A shared link open read-only is not the user's work: never write it over their autosave.
    if (store === docStore && readOnlyGate.reason) return;
    if (!writeAutosave(last, storage) && !warned) {
      warned = true;
      onError?.('Autosave failed (browser storage full or disabled): save the design to a file to keep it.');
    }
  };
  const unsub = store.subscribe((s) => {
    if (s.doc === last) return;
    last = s.doc;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  const onHide = () => {
    if (timer) {
      clearTimeout(timer);
      flush();
    }
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    unsub();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
    onHide();
  };
}
