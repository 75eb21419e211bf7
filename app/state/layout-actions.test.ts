// Auto layout as a store action: one undo step; Cancel leaves the design as it was. (In Node
// there is no Worker: the job runs on the main thread through the same job runner.)
import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../../src/layout/test-docs.ts';
import { gridLayout } from '../../src/layout/grid.ts';
import { docStore, replaceDoc } from './doc-store.ts';
import { autoLayoutDesign } from './layout-actions.ts';
import { cancelLayout, layoutJobStore } from './layout-jobs.ts';
import { sessionStore } from './session-store.ts';

function load() {
  const doc = sampleDoc(4, 6);
  doc.layout = gridLayout(doc);
  replaceDoc(doc, { record: false });
  docStore.temporal.getState().clear();
  return doc;
}

describe('Auto layout', () => {
  it('lays the design out again in one undo step', async () => {
    const before = load();
    await autoLayoutDesign();
    const after = docStore.getState().doc;
    expect(after.layout).not.toEqual(before.layout);
    expect(docStore.temporal.getState().pastStates).toHaveLength(1);
    docStore.temporal.getState().undo();
    expect(docStore.getState().doc.layout).toEqual(before.layout);
    expect(layoutJobStore.getState().job).toBeNull();
  });

  it('shows progress while it runs, and Cancel moves nothing', async () => {
    const before = load();
    const run = autoLayoutDesign();
    expect(layoutJobStore.getState().job).toMatchObject({ label: 'Auto layout', cancellable: true });
    cancelLayout();
    await run;
    expect(docStore.getState().doc.layout).toEqual(before.layout);
    expect(docStore.temporal.getState().pastStates).toHaveLength(0);
    expect(layoutJobStore.getState().job).toBeNull();
    expect(sessionStore.getState().notice?.text).toMatch(/cancelled/);
  });
});
