// Import through the dialog: a multi-document paste lands on the canvas as one undo step; a
// malformed paste shows where it broke and leaves the design alone.
import { expect, test } from '@playwright/test';
import { toolbarAction } from './support/test.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

type Api = { reset(): void; loadYaml(t: string): Promise<void>; getDoc(): { model: Record<string, Record<string, unknown>> }; undoDepth(): number };

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => '__netpol' in window);
  await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.reset());
});

test('pasting a multi-document YAML imports its workloads and shows their connections', async ({ page }) => {
  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/Paste YAML or JSON/).fill(fixture('two-tier.yaml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('rf__node-wl:shop/Deployment/web')).toBeVisible();
  await expect(page.getByTestId('rf__node-wl:shop/Deployment/api')).toBeVisible();
  // web -> api is allowed by api-from-web; the canvas draws it as an edge.
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();

  const model = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.getDoc().model);
  expect(Object.keys(model.workloads).sort()).toEqual(['wl:shop/Deployment/api', 'wl:shop/Deployment/web']);
  expect(Object.keys(model.policies).sort()).toEqual(['np:shop/api-from-web', 'np:shop/default-deny']);
  // The import is one undoable step.
  expect(await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth())).toBe(1);
});

test('a malformed import shows its error with the line and keeps the canvas unchanged', async ({ page }) => {
  await page.evaluate((t) => (window as unknown as { __netpol: Api }).__netpol.loadYaml(t), fixture('two-workloads.yaml'));
  await expect(page.getByTestId('rf__node-wl:shop/Deployment/web')).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify((window as unknown as { __netpol: Api }).__netpol.getDoc()));
  const depth = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth());

  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel(/Paste YAML or JSON/).fill(fixture('malformed.yaml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('Nothing was imported; the design is unchanged.');
  // file:line: message
  await expect(report.getByRole('listitem').first()).toContainText(/pasted\.yaml:\d+/);

  const after = await page.evaluate(() => JSON.stringify((window as unknown as { __netpol: Api }).__netpol.getDoc()));
  expect(after).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth())).toBe(depth);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('rf__node-wl:shop/Deployment/web')).toBeVisible();
});
