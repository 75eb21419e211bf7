// Keyboard and accessibility (issue 9 §5): an intent drawn from the keyboard ("Connect to…").
import { IDS, expect, loadSmallDesign, test } from './support/test.ts';

test('Connect to… draws an intent from the keyboard: a filtered target list, then the port dialog', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await canvas.node(IDS.web).click();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('From shop/web to:');
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  // Same namespace first: api, then the rest.
  await expect(dialog.getByRole('option').first()).toContainText('api');
  await input.fill('data');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option', { selected: true })).toContainText('db');
  await page.keyboard.press('Enter');
  const intent = page.getByTestId('intent-dialog');
  await expect(intent).toContainText('From shop/web to data/db');
  await intent.getByRole('button', { name: 'Add intent' }).focus();
  await page.keyboard.press('Enter');
  await expect(intent).toHaveCount(0);
  const doc = await api.getDoc();
  expect(Object.values(doc.model.intents)).toEqual([expect.objectContaining({ fromId: IDS.web, toId: IDS.db })]);
});

test('Connect to… with nothing selected says what to do; Escape closes the list', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await page.keyboard.press('c');
  await expect(page.getByTestId('notice')).toContainText('Select one workload');
  await canvas.node(IDS.api).click();
  await page.getByRole('button', { name: /^Connect to…/ }).click();
  await expect(page.getByTestId('connect-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connect-dialog')).toHaveCount(0);
});
