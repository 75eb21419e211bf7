// A namespace renamed to a long name is widened in the design itself (src/doc/commands.ts
// withHeaderWidth), not only on screen: its header is whole, the saved layout holds the width the
// canvas draws (so it survives a reload), and one undo takes back name and width together.
import { expect, test } from './support/test.ts';

const NS = 'ns:monitoring';
const LONG = 'monitoring-and-alerting-eu-west-1';

test('renaming a namespace to a long name widens it in the layout, whole header, one undo step, kept after reload', async ({ page, api }) => {
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  const before = (await api.getDoc()).layout[NS];
  const depth = await api.undoDepth();
  await page.locator(`[data-id="${NS}"] .ns-header`).click();
  const name = page.locator('#side-panel').getByLabel('Name', { exact: true }).first();
  await expect(name).toHaveValue('monitoring');
  await name.fill(LONG);
  await name.press('Enter');
  await expect.poll(async () => (await api.getDoc()).model.namespaces[NS].name).toBe(LONG);

  const saved = (await api.getDoc()).layout[NS];
  expect(saved.w!).toBeGreaterThan(before.w!);
  // The canvas draws the saved width, and the header fits in it.
  const zoom = await page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport')!.getAttribute('style') ?? '')?.[1]));
  const drawnW = (await page.locator(`.react-flow__node[data-id="${NS}"]`).boundingBox())!.width / zoom;
  expect(Math.abs(drawnW - saved.w!)).toBeLessThan(2);
  const header = page.locator(`[data-id="${NS}"] .ns-header`);
  expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth + 1)).toBe(true);
  await expect(header.locator('.ns-name')).toHaveText(LONG);

  // One undo step for the rename and its width (and redo brings both back).
  expect(await api.undoDepth()).toBe(depth + 1);
  await page.evaluate(() => (window as any).__netpol.undo());
  const undone = await api.getDoc();
  expect(undone.model.namespaces[NS].name).toBe('monitoring');
  expect(undone.layout[NS].w).toBe(before.w);
  await page.evaluate(() => (window as any).__netpol.redo());
  expect((await api.getDoc()).layout[NS].w).toBe(saved.w);
  if (process.env.SCREENSHOTS) {
    await page.locator('.react-flow__controls-fitview').click();
    await page.screenshot({ path: 'docs/screenshots/issue9-nsgrow-rename-1280x800.png' });
  }

  // Kept after a reload (autosave).
  await expect.poll(() => page.evaluate((n) => localStorage.getItem('netpol-designer:autosave')?.includes(n) ?? false, LONG)).toBe(true);
  await page.reload();
  await page.waitForFunction(() => !!(window as any).__netpol);
  await expect.poll(async () => (await api.getDoc()).layout[NS]?.w).toBe(saved.w);
  expect((await api.getDoc()).model.namespaces[NS].name).toBe(LONG);
});
