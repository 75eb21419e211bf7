// Auto layout and the layout of an import as a user meets them, on a 500-workload import:
// Auto layout runs in a worker (the page keeps painting), shows its progress, is one undo
// step; an import is laid out to the canvas's shape and is readable at fit.
import { synthetic } from '../bench/synthetic.ts';
import { expect, test, toolbarAction } from './support/test.ts';
import { importBig, shot, yamlOf } from './support/big-design.ts';
import { boxes, type Box } from './support/boxes.ts';

test.describe.configure({ timeout: 180_000 });

test('Auto layout of 500 workloads runs off the main thread with progress, in one undo step', async ({ page, api }) => {
  await importBig(page, api);
  const depth = await api.undoDepth();
  // Frames keep coming while the layout runs (the main thread is not blocked for seconds).
  await page.evaluate(`(() => { const w = window; w.__gap = 0; let last = 0; const tick = (t) => { if (last) w.__gap = Math.max(w.__gap, t - last); last = t; w.__raf = requestAnimationFrame(tick); }; w.__raf = requestAnimationFrame(tick); })()`);
  // The progress may come and go between two polls on a fast run: a MutationObserver notes it.
  await page.evaluate(`(() => { const w = window; w.__sawProgress = false; const seen = () => { if (document.querySelector('[data-testid="layout-progress"]')) w.__sawProgress = true; }; w.__mo = new MutationObserver(seen); w.__mo.observe(document.body, { childList: true, subtree: true }); })()`);
  await toolbarAction(page, 'Auto layout');
  await expect.poll(() => api.undoDepth(), { timeout: 30_000 }).toBe(depth + 1);
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  expect(await page.evaluate('window.__mo.disconnect(), window.__sawProgress'), 'the progress was shown while the layout ran').toBe(true);
  const gap = await page.evaluate('cancelAnimationFrame(window.__raf), window.__gap');
  expect(gap as number).toBeLessThan(1000);
  // Undo brings the previous layout back in one step.
  await page.keyboard.press('Control+z');
  await expect.poll(() => api.undoDepth()).toBe(depth);
});

async function union(page: import('@playwright/test').Page, selector: string): Promise<Box> {
  const bs = await boxes(page, selector);
  const x0 = Math.min(...bs.map((b) => b.x)); const y0 = Math.min(...bs.map((b) => b.y));
  return { x: x0, y: y0, width: Math.max(...bs.map((b) => b.x + b.width)) - x0, height: Math.max(...bs.map((b) => b.y + b.height)) - y0 };
}

test('an imported design is laid out to the canvas shape: at fit it fills the canvas both ways', async ({ page, api }) => {
  await importBig(page, api);
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.locator('.react-flow__controls-fitview').click();
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  await expect.poll(async () => (await union(page, '.react-flow__node-namespace')).width / canvas.width).toBeGreaterThan(0.6);
  const u = await union(page, '.react-flow__node-namespace');
  expect(u.height / canvas.height).toBeGreaterThan(0.6);
  expect(u.x).toBeGreaterThanOrEqual(canvas.x - 1);
  expect(u.y + u.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
  await shot(page, 'issue9-layout-import-500-layout');
});

test('merging an import into a design puts the new namespaces beside it as a block, not one tall column', async ({ page, api }) => {
  await api.loadYaml(`apiVersion: v1\nkind: Namespace\nmetadata: {name: mine}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: mine}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: web}]}\n`);
  const before = (await api.getDoc()).layout['ns:mine'];
  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  const text = yamlOf(synthetic(80, 30, 7));
  await dialog.getByTestId('import-files').setInputFiles({ name: 'more.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'more.yaml' })).toBeVisible();
  await dialog.getByRole('radio', { name: /Merge into the current design/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const doc = await api.getDoc();
  expect(Object.keys(doc.model.namespaces).length).toBeGreaterThan(4);
  expect(doc.layout['ns:mine']).toEqual(before);
  // The namespaces' bounding box, in the design's own coordinates, is not a column.
  const rects = Object.keys(doc.model.namespaces).map((id) => doc.layout[id]!);
  const w = Math.max(...rects.map((r) => r.x + (r.w ?? 0))) - Math.min(...rects.map((r) => r.x));
  const h = Math.max(...rects.map((r) => r.y + (r.h ?? 0))) - Math.min(...rects.map((r) => r.y));
  expect(w / h).toBeGreaterThan(0.7);
  await shot(page, 'issue9-layout-merge');
});
