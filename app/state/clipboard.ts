// The in-app clipboard for Ctrl+C / Ctrl+V (design objects, not text, so it stays in memory).
import type { Clipboard } from '../../src/doc/commands.ts';
import { copyEntities, isClipboardEmpty, pasteEntities, duplicateEntities } from '../../src/doc/commands.ts';
import { commitDoc, docStore } from './doc-store.ts';
import { notify, sessionStore, setSession } from './session-store.ts';

let clip: Clipboard | null = null;
let pasteCount = 0;

export function copySelection(): void {
  const ids = sessionStore.getState().selection;
  const c = copyEntities(docStore.getState().doc, ids);
  if (isClipboardEmpty(c)) return;
  clip = c;
  pasteCount = 0;
  const n = c.namespaces.length + c.workloads.length + c.externals.length + c.services.length;
  notify(`Copied ${n} object${n === 1 ? '' : 's'}.`);
}

export function pasteClipboard(): void {
  if (!clip) return;
  pasteCount++;
  const from = clip;
  let created: string[] = [];
  commitDoc((d) => {
    const r = pasteEntities(d, from, { x: 40 * pasteCount, y: 40 * pasteCount });
    created = r.created;
    return r.doc;
  });
  if (created.length) setSession({ selection: created });
  else notify('Nothing to paste here: the namespace of the copied objects no longer exists.', 'error');
}

export function duplicateSelection(): void {
  const ids = sessionStore.getState().selection;
  if (ids.length === 0) return;
  let created: string[] = [];
  commitDoc((d) => {
    const r = duplicateEntities(d, ids);
    created = r.created;
    return r.doc;
  });
  if (created.length) setSession({ selection: created });
}
