// Auto layout and imports as store actions, shared by the toolbar, the import dialog and the
// start-up loader. Each is one undo step (or none, for loading). Layouts run in a worker
// (layout-jobs.ts) shaped to the canvas's aspect ratio.

import type { Doc, Layout, Model } from '../../src/model/types.ts';
import { LayoutCancelled } from '../../src/layout/cancel.ts';
import { newNamespacesPart, placeBeside } from '../../src/layout/additions.ts';
import { TARGET_ASPECT } from '../../src/layout/sizes.ts';
import { importIntoDoc, replaceLayout } from '../../src/doc/commands.ts';
import { emptyDoc, emptyReview } from '../../src/model/factory.ts';
import { loadSavedDesign } from './saved-design.ts';
import { commitDoc, docStore, replaceDoc } from './doc-store.ts';
import { requestFitView } from './view-requests.ts';
import { runLayout } from './layout-jobs.ts';
import { notify, sessionStore } from './session-store.ts';

/** Width / height of the canvas as last seen, if known (layouts are shaped to it). */
function canvasAspect(): number | undefined {
  const v = sessionStore.getState().view;
  return v && v.w > 0 && v.h > 0 ? v.w / v.h : undefined;
}

/** A complete layout for the design (in the worker; the core falls back to a grid if ELK fails). */
export async function computeLayout(doc: Doc, label = 'Laying out'): Promise<Layout> {
  return runLayout(doc, { label, aspect: canvasAspect() });
}

/** Lays the whole design out again (one undo step) and fits it into view; Cancel leaves it as it was. */
export async function autoLayoutDesign(): Promise<void> {
  const before = docStore.getState().doc;
  let layout: Layout;
  try {
    layout = await runLayout(before, { label: 'Auto layout', aspect: canvasAspect(), cancellable: true });
  } catch (e) {
    if (e instanceof LayoutCancelled) {
      notify('Auto layout cancelled: nothing was moved.');
      return;
    }
    throw e;
  }
  // Apply to whatever the doc is now: an edit during layout keeps its entities placed.
  commitDoc((d) => (d.model === before.model ? replaceLayout(d, layout) : importIntoDoc(d, d.model, layout)));
  requestFitView();
}

/**
 * Applies an import result. `replace: true` starts a new design from it (laid out from
 * scratch, history cleared); otherwise the model (already merged with the current one via
 * importManifests' `base`) goes in as one undo step, new objects placed next to existing ones.
 * With `signal`, an abort during the layout leaves the design untouched. Returns whether the
 * model was applied.
 */
export async function applyImportedModel(model: Model, opts: { replace: boolean; name?: string; signal?: AbortSignal; undoable?: boolean }): Promise<boolean> {
  if (opts.replace) {
    const fresh: Doc = { ...emptyDoc(opts.name ?? docStore.getState().doc.name), model };
    const layout = await computeLayout(fresh);
    if (opts.signal?.aborted) return false;
    // A new design: it starts without the previous design's comments and versions.
    // `undoable`: the user replaced their design from the Import dialog; Undo brings it back.
    if (!loadSavedDesign({ doc: importIntoDoc(fresh, model, layout), review: emptyReview() }, { record: opts.undoable === true })) return false;
  } else {
    const current = docStore.getState().doc;
    const empty = Object.keys(current.model.namespaces).length === 0 && Object.keys(current.model.externals).length === 0;
    // Over existing work, the namespaces the import brings come as one block beside it
    // (src/layout/additions.ts); what is left (workloads into existing namespaces) fills gaps.
    const part = empty ? null : newNamespacesPart(current, model);
    const layout = empty ? await computeLayout({ ...current, model })
      : part ? placeBeside({ ...current, model }, part, await computeLayout(part), canvasAspect() ?? TARGET_ASPECT) : {};
    if (opts.signal?.aborted) return false;
    commitDoc((d) => importIntoDoc(d, model, layout));
  }
  requestFitView();
  return true;
}
