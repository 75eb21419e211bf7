// Connectivity assertions: mark a pair "must not reach" on the canvas, see it checked live after
// every edit, the violation on the canvas and in the list, explain, export, delete.
import fs from 'node:fs';
import { IDS, expect, loadSmallDesign, test } from './support/test.ts';

test('a "must not reach" assertion is checked after every edit and a violation shows on the canvas and in the list', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  // Only the selection's connections, so nodes and headers are free to click.
  await page.getByRole('radio', { name: 'Selection' }).click();

  // Select web, Ctrl+click db: the bar above the canvas offers an assertion.
  await canvas.node(IDS.web).click();
  await canvas.node(IDS.db).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Assert shop/web → data/db…' }).click();
  const dialog = page.getByTestId('assert-dialog');
  await expect(dialog.getByLabel('Must not reach')).toBeChecked();
  await expect(dialog.getByLabel('Port')).toHaveValue('5432');
  await dialog.getByLabel('Note (optional)').fill('the database is private');
  await dialog.getByRole('button', { name: 'Add assertion' }).click();
  await expect(dialog).toBeHidden();

  const doc = (await api.getDoc()) as unknown as { model: { assertions: Record<string, { id: string; expect: string; port: number }> } };
  const [a] = Object.values(doc.model.assertions);
  expect(a).toMatchObject({ expect: 'no-reach', port: 5432 });
  const item = page.getByTestId(`assertion-${a.id}`);
  const edge = canvas.edge(`assert:${a.id}`);

  // No policies yet: web reaches db, so the assertion fails at once, on the canvas and in the list.
  await expect(page.getByRole('tab', { name: /Assertions/ })).toHaveAttribute('aria-selected', 'true');
  await expect(item).toContainText('FAIL');
  await expect(item).toContainText('expected no-reach, reaches');
  await expect(edge).toHaveClass(/assert-fail/);
  // A label where it fits, else a badge (✗) with the text as its tooltip (src/canvas/labels.ts).
  await expect(page.locator(`[data-edge-id="assert:${a.id}"]`)).toHaveAttribute('data-label', '✗ must not reach 5432/TCP');

  // Deny ingress by default in data: the assertion holds, the red edge goes away.
  await canvas.pane().click({ position: { x: 5, y: 5 } });
  await canvas.node(IDS.data).locator('.ns-name').click();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await page.getByLabel('Deny all ingress by default').check();
  await page.getByRole('tab', { name: /Assertions/ }).click();
  await expect(item).toContainText('PASS');
  await canvas.pane().click({ position: { x: 5, y: 5 } });
  await expect(edge).toHaveCount(0);

  // An edit that violates it: draw an intent web -> db with the mouse.
  await canvas.node(IDS.web).hover();
  const src = (await canvas.handle(IDS.web, 'source').boundingBox())!;
  await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
  await page.mouse.down();
  await canvas.node(IDS.db).hover();
  const dst = (await canvas.handle(IDS.db, 'target').boundingBox())!;
  await page.mouse.move(dst.x + dst.width / 2, dst.y + dst.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Add intent' }).click();

  await expect(edge).toHaveClass(/assert-fail/);
  await expect(item).toContainText('FAIL');
  await expect(item).toContainText('the database is private');
  await expect(page.getByRole('tab', { name: /Assertions/ }).locator('.badge')).toHaveText('1');

  // Explain from the list: the Explain tab on the pair and port.
  await item.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByTestId('explain')).toContainText('web');
  await expect(page.getByTestId('explain')).toContainText('db');

  // Export the CI file.
  await page.getByRole('tab', { name: /Assertions/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export assertions' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-assertions\.yaml$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('from: shop/web');
  expect(text).toContain('to: data/db');
  expect(text).toContain('expect: no-reach');

  // Delete: one undo step, gone from the list and the canvas.
  await item.getByRole('button', { name: 'Delete assertion' }).click();
  await expect(item).toHaveCount(0);
  await expect(edge).toHaveCount(0);
  await expect(page.getByTestId('assertions-panel')).toContainText('No assertions');
  await page.keyboard.press('Control+z');
  await expect(item).toContainText('FAIL');
});
