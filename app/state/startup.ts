// Which design the app opens with: a shared link (URL fragment) -> the autosave -> the example.

import type { Doc } from '../../src/model/types.ts';
import { addExternal } from '../../src/doc/commands.ts';
import { emptyDoc } from '../../src/model/factory.ts';
import { importManifests } from '../../src/k8s/import.ts';
import { replaceDoc } from './doc-store.ts';
import { readAutosave } from './autosave.ts';
import { computeLayout } from './layout-actions.ts';
import { notify } from './session-store.ts';
import { importIntoDoc } from '../../src/doc/commands.ts';
import { decodeShare } from '../../src/share/codec.ts';

export const EXAMPLE_URL = `${import.meta.env.BASE_URL}samples/example-shop.yaml`;

/**
 * A design carried in the URL fragment (share link, `#d=...`). It wins over the autosave; the
 * fragment is removed afterwards so a reload shows the (autosaved) edits, not the link again.
 */
function designFromUrlFragment(): Doc | null {
  const hash = window.location.hash;
  if (!hash.includes('d=')) return null;
  const r = decodeShare(hash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  if (!r.ok) {
    notify(`Could not open the shared design: ${r.error}`, 'error');
    return null;
  }
  if (r.warnings.length) notify(`Opened the shared design with corrections: ${r.warnings.slice(0, 2).join('; ')}`);
  return r.doc;
}

/** The three-tier shop example: manifests from public/samples plus an "Internet" network. */
export async function loadExampleDoc(): Promise<Doc> {
  const res = await fetch(EXAMPLE_URL);
  if (!res.ok) throw new Error(`example design not found (${res.status})`);
  const text = await res.text();
  const result = importManifests([{ name: 'example-shop.yaml', text }]);
  let doc: Doc = { ...emptyDoc('Example: three-tier shop'), model: result.model };
  doc = addExternal(doc, { id: 'ext:internet', name: 'Internet', cidrs: ['0.0.0.0/0', '::/0'], at: { x: 0, y: 0 } });
  const layout = await computeLayout(doc);
  return importIntoDoc(doc, doc.model, layout);
}

export async function loadInitialDesign(): Promise<void> {
  const shared = designFromUrlFragment();
  if (shared) {
    replaceDoc(shared, { record: false });
    return;
  }
  const saved = readAutosave();
  if (saved.kind === 'ok') {
    replaceDoc(saved.doc, { record: false });
    if (saved.warnings.length) notify(`Restored your last design with corrections: ${saved.warnings.slice(0, 2).join('; ')}`);
    return;
  }
  if (saved.kind === 'corrupt') {
    notify(`Your autosaved design could not be read (${saved.error}). It was kept in browser storage under 'netpol-designer:autosave-corrupt'; showing the example instead.`, 'error');
  }
  try {
    replaceDoc(await loadExampleDoc(), { record: false });
  } catch (err) {
    notify(`Could not load the example design: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}
