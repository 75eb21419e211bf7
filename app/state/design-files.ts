// File-level actions of the designer: a new design, which import mode to offer first, and the
// name a replacing import gives the design. One list of actions for the File menu and the canvas.

import type { Doc } from '../../src/model/types.ts';
import type { ManifestFile } from '../../src/k8s/import.ts';
import { emptyDoc, emptyReview } from '../../src/model/factory.ts';
import { docStore } from './doc-store.ts';
import { loadSavedDesign } from './saved-design.ts';
import { notify, setSession } from './session-store.ts';
import { requestFitView } from './view-requests.ts';

export type ImportMode = 'replace' | 'merge';

/** The example as loaded at startup; while the design is still that object, nobody has touched it. */
let pristineExample: Doc | null = null;
export function rememberExample(doc: Doc): void {
  pristineExample = doc;
}

export function isEmptyDesign(doc: Doc): boolean {
  return Object.keys(doc.model.namespaces).length === 0 && Object.keys(doc.model.externals).length === 0;
}

/**
 * Replace over an empty design or the untouched example (importing into the example is
 * almost never meant); Merge over anything the user has worked on.
 */
export function defaultImportMode(doc: Doc, example: Doc | null = pristineExample): ImportMode {
  return isEmptyDesign(doc) || doc === example ? 'replace' : 'merge';
}

/** `shop-prod.yaml` (+ others) -> `shop-prod`; pasted text only -> 'Imported design'. */
export function importedDesignName(files: readonly ManifestFile[]): string {
  const named = files.map((f) => f.name).filter((n) => n !== 'pasted.yaml');
  if (named.length === 0) return 'Imported design';
  const stem = named[0].replace(/\.(ya?ml|json)$/i, '');
  return named.length > 1 ? `${stem} and ${named.length - 1} more` : stem;
}

/** File → New design: an empty design, one undo step (Undo brings the previous one back). */
export function newDesign(): void {
  if (!loadSavedDesign({ doc: emptyDoc('Untitled design'), review: emptyReview() }, { record: true })) return;
  setSession({ selection: [], explain: null, editingPolicyId: null, rightTab: 'inspect' });
  requestFitView();
  notify('New design. Undo returns to your previous design.');
}

/** Files dropped on the canvas that look like manifests. */
export function manifestFiles(files: readonly { name: string }[]): boolean {
  return files.some((f) => /\.(ya?ml|json)$/i.test(f.name));
}

/** Opens the Import dialog with these files listed (dropped on the canvas). */
export function importDroppedFiles(files: ManifestFile[]): void {
  setSession({ importOpen: true, importFiles: files });
}

/** The window title: the design's name. */
export function windowTitle(name: string = docStore.getState().doc.name): string {
  return `${name} — NetPol Designer`;
}
