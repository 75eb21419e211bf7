// Auto layout and the layout of an import as a user meets them, on a 500-workload import:
// Auto layout runs in a worker (the page keeps painting), shows its progress, is one undo
// step; an import is laid out to the canvas's shape and is readable at fit.
import { synthetic } from '../bench/synthetic.ts';
import { expect, test, toolbarAction } from './support/test.ts';

test.describe.configure({ timeout: 180_000 });

const YAML = synthetic(500, 200, 42).files.map((f) => f.text).join('\n---\n');

test('Auto layout of 500 workloads runs off the main thread with progress, in one undo step', async ({ page, api }) => {
  await api.loadYaml(YAML);
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  const depth = await api.undoDepth();
  // Frames keep coming while the layout runs (the main thread is not blocked for seconds).
  await page.evaluate(`(() => { const w = window; w.__gap = 0; let last = 0; const tick = (t) => { if (last) w.__gap = Math.max(w.__gap, t - last); last = t; w.__raf = requestAnimationFrame(tick); }; w.__raf = requestAnimationFrame(tick); })()`);
  await toolbarAction(page, 'Auto layout');
  await expect(page.getByTestId('layout-progress')).toBeAttached();
  await expect.poll(() => api.undoDepth(), { timeout: 30_000 }).toBe(depth + 1);
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  const gap = await page.evaluate('cancelAnimationFrame(window.__raf), window.__gap');
  expect(gap as number).toBeLessThan(1000);
  // Undo brings the previous layout back in one step.
  await page.keyboard.press('Control+z');
  await expect.poll(() => api.undoDepth()).toBe(depth);
});
