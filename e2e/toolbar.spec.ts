// The top bar at 1280 px: everything fits on one row, the design name stays readable, the menus
// work with the keyboard, and the side panel's six tabs fit one row.
import { expect, test, toolbarMenu } from './support/test.ts';

test('the toolbar fits 1280 px and its menus work with the keyboard', async ({ page, api }) => {
  void api; // the fixture opens the app
  const bar = page.getByRole('banner');
  const right = page.viewportSize()!.width;
  for (const control of [
    toolbarMenu(page, 'File'), toolbarMenu(page, 'Design'), toolbarMenu(page, 'Review'),
    bar.getByRole('button', { name: 'Undo' }), bar.getByRole('button', { name: 'Redo' }),
    bar.getByRole('radio', { name: 'Allowed' }), bar.getByRole('radio', { name: 'Denied too' }), bar.getByRole('radio', { name: 'Selection' }),
    bar.getByRole('button', { name: 'Legend' }),
  ]) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(right);
    expect(box.y + box.height).toBeLessThanOrEqual(44);
  }
  // The design name shows at least ~20 characters and stays editable.
  const name = page.getByLabel('Design name');
  expect((await name.boundingBox())!.width).toBeGreaterThanOrEqual(170);
  await name.fill('A rather long design name for review');
  await name.press('Enter');
  expect((await api.getDoc()).name).toBe('A rather long design name for review');

  // Keyboard: Enter opens on the first item, arrows move, Escape closes back on the button.
  const file = toolbarMenu(page, 'File');
  await expect(file).toHaveAttribute('aria-haspopup', 'menu');
  await file.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'New design', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Import', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Download YAML with workloads' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'New design', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(file).toBeFocused();

  // ArrowDown on the Design button opens it; Enter runs the item; the dialog returns focus on close.
  await toolbarMenu(page, 'Design').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Patterns' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('templates-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('templates-dialog')).toHaveCount(0);
  await expect(toolbarMenu(page, 'Design')).toBeFocused();

  // A click outside closes an open menu.
  await toolbarMenu(page, 'Review').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('the side panel tabs fit one row and move with the arrow keys', async ({ page, api }) => {
  void api; // the fixture opens the app
  const tabs = page.getByRole('tablist', { name: 'Details' }).getByRole('tab');
  await expect(tabs).toHaveCount(7);
  const oneRow = async () => {
    const ys = new Set<number>();
    for (const tab of await tabs.all()) ys.add(Math.round((await tab.boundingBox())!.y));
    expect(ys.size).toBe(1);
  };
  await oneRow();
  await page.getByRole('tab', { name: 'Inspect' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Policies', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Policies', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /Assertions/ })).toHaveAttribute('aria-selected', 'true');
  await oneRow();
  // The Cluster policies tab shows a short label, and still fits.
  await page.getByRole('tab', { name: 'Cluster policies' }).click();
  await expect(page.getByRole('tab', { name: 'Cluster policies' })).toHaveText('Tiers');
  await oneRow();
});
