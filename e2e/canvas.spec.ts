import { IDS, expect, loadSmallDesign, test } from './support/test.ts';

test.describe('canvas', () => {
  test('a workload dragged from the palette into a namespace lands in that namespace', async ({ page, api, canvas, palette }) => {
    await loadSmallDesign(api, canvas);
    const ns = canvas.node(IDS.data);
    const box = (await ns.boundingBox())!;
    // Drop in the lower part of the data namespace, with the mouse.
    const item = (await palette.item('workload').boundingBox())!;
    await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 25, { steps: 12 });
    await page.mouse.up();

    const doc = await api.getDoc();
    const added = Object.values(doc.model.workloads).filter((w) => !Object.values(IDS).includes(w.id));
    expect(added).toHaveLength(1);
    expect(added[0].namespaceId).toBe(IDS.data);
    await expect(canvas.node(added[0].id)).toBeVisible();
    await expect(canvas.node(added[0].id)).toContainText(added[0].name);
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  test('drawing a connection between two workloads opens the intent dialog', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    await canvas.node(IDS.web).hover();
    const src = (await canvas.handle(IDS.web, 'source').boundingBox())!;
    await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
    await page.mouse.down();
    await canvas.node(IDS.db).hover();
    const dst = (await canvas.handle(IDS.db, 'target').boundingBox())!;
    await page.mouse.move(dst.x + dst.width / 2, dst.y + dst.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(page.getByRole('button', { name: 'Add intent' })).toBeVisible();
    // Nothing is committed until the dialog is confirmed.
    expect(Object.keys((await api.getDoc()).model.intents)).toHaveLength(0);
  });

  test('selecting a workload highlights its connections and dims the rest', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    // No policies: everything may talk to everything.
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.db}`)).toBeAttached();
    await canvas.node(IDS.db).click();
    await expect(canvas.node(IDS.db)).toHaveClass(/selected/);
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.db}`)).toHaveClass(/is-focus/);
    await expect(canvas.edge(`reach:${IDS.db}>${IDS.api}`)).toHaveClass(/is-focus/);
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.api}`)).toHaveClass(/is-dimmed/);
    // Clicking on empty canvas clears the selection and the dimming.
    await canvas.pane().click({ position: { x: 5, y: 5 } });
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.api}`)).not.toHaveClass(/is-dimmed/);
    void page;
  });
});
