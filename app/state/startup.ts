// Which design the app opens with: a shared link (URL fragment, read-only) -> the autosave -> the example.

import type { Doc } from '../../src/model/types.ts';
import { emptyReview } from '../../src/model/factory.ts';
import { parseDesignFile } from '../../src/doc/file-format.ts';
import { loadSavedDesign } from './saved-design.ts';
import { rememberExample } from './design-files.ts';
import { readAutosave } from './autosave.ts';
import { notify } from './session-store.ts';
import { openShareFragment } from '../share/read-only.ts';
import { joinFromFragment } from '../collab/live-session.ts';

export const EXAMPLE_URL = `${import.meta.env.BASE_URL}samples/example-shop.netpol.json`;

/**
 * The three-tier shop example: a design file (the manifests of public/samples/example-shop.yaml
 * plus an "Internet" network, laid out by hand so its labels have room: src/doc/example-design.ts).
 */
export async function loadExampleDoc(): Promise<Doc> {
  const res = await fetch(EXAMPLE_URL);
  if (!res.ok) throw new Error(`example design not found (${res.status})`);
  const parsed = parseDesignFile(await res.text());
  if (!parsed.ok) throw new Error(`example design unreadable: ${parsed.error}`);
  return parsed.doc;
}

export async function loadInitialDesign(): Promise<void> {
  // A live session link: the user's own design shows until the room's design arrives (or the
  // join is refused, which leaves it as it is).
  if (/(^#?|&)live=/.test(window.location.hash)) {
    await loadOwnDesign();
    joinFromFragment(window.location.hash);
    return;
  }
  await loadOwnDesign(true);
}

async function loadOwnDesign(shareLinks = false): Promise<void> {
  // A shared link opens read-only and never touches the autosave (app/share/read-only.ts);
  // a broken link says why and falls through to the user's own design.
  if (shareLinks && openShareFragment(window.location.hash) === 'opened') return;
  const saved = readAutosave();
  if (saved.kind === 'ok') {
    loadSavedDesign(saved, { record: false });
    if (saved.warnings.length) notify(`Restored your last design with corrections: ${saved.warnings.slice(0, 2).join('; ')}`);
    return;
  }
  if (saved.kind === 'corrupt') {
    notify(`Your autosaved design could not be read (${saved.error}). It was kept in browser storage under 'netpol-designer:autosave-corrupt'; showing the example instead.`, 'error');
  }
  try {
    const example = await loadExampleDoc();
    loadSavedDesign({ doc: example, review: emptyReview() }, { record: false });
    rememberExample(example);
  } catch (err) {
    notify(`Could not load the example design: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}
