import { IDS, expect, loadSmallDesign, test } from './support/test.ts';

test.describe('undo and autosave', () => {
  test('dragging a namespace is one undo step, undone and redone with the keyboard', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    const before = (await api.getDoc()).layout[IDS.data];
    expect(await api.undoDepth()).toBe(0);

    await canvas.dragNode(IDS.data, 120, 60);
    const moved = (await api.getDoc()).layout[IDS.data];
    expect(moved.x).not.toBe(before.x);
    expect(moved.y).not.toBe(before.y);
    expect(await api.undoDepth()).toBe(1);

    await page.keyboard.press('Control+z');
    expect((await api.getDoc()).layout[IDS.data]).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect((await api.getDoc()).layout[IDS.data]).toEqual(moved);
  });

  test('deleting a workload with the keyboard, then Ctrl+Z and Ctrl+Y', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    await canvas.node(IDS.api).click();
    await page.keyboard.press('Delete');
    await expect(canvas.node(IDS.api)).toHaveCount(0);
    expect((await api.getDoc()).model.workloads[IDS.api]).toBeUndefined();

    await page.keyboard.press('Control+z');
    await expect(canvas.node(IDS.api)).toBeVisible();
    expect((await api.getDoc()).model.workloads[IDS.api]).toBeDefined();

    await page.keyboard.press('Control+y');
    await expect(canvas.node(IDS.api)).toHaveCount(0);
  });

  test('a reload keeps the design (autosave)', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    await canvas.dragNode(IDS.data, 80, 40);
    const saved = await api.getDoc();
    // Autosave writes ~400 ms after the last change.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('netpol-designer:autosave')?.includes('wl:data/Deployment/db') ?? false)).toBe(true);
    await page.reload();
    await page.waitForFunction(() => !!(window as any).__netpol);
    await expect(canvas.node(IDS.db)).toBeVisible();
    const after = await api.getDoc();
    expect(Object.keys(after.model.workloads).sort()).toEqual(Object.keys(saved.model.workloads).sort());
    expect(after.layout[IDS.data]).toEqual(saved.layout[IDS.data]);
  });
});
