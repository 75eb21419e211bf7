// Accessibility of the main screens (issue 9 §5): axe-core's rules (WCAG 2.x A/AA and best
// practices) find no serious or critical violation on the canvas with the example design, the
// Inspector with a selection, the YAML panel, the review and YAML diff views, the Cluster
// policies view, the Import dialog and the 500-workload overview.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { IDS, expect, loadSmallDesign, test, toolbarAction } from './support/test.ts';
import { importBig } from './support/big-design.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 12).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`));
}

test('the canvas with the example design, the Inspector with a selection and the YAML panel', async ({ page, api }) => {
  void api;
  await expect(page.locator('.react-flow__node-workload').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toHaveAttribute('aria-selected', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('.react-flow__node-workload').first().click();
  await expect(page.locator('#side-panel form').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a connection focused from the keyboard (] on a node) and selected with Enter', async ({ page, api }) => {
  void api;
  const node = page.locator('.react-flow__node-workload').first();
  await expect(node).toBeVisible();
  await node.focus();
  await page.keyboard.press(']');
  await expect(page.locator('.react-flow__edge.kb-focus')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge.kb-focus')).toHaveClass(/selected/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the review and YAML diff views', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await toolbarAction(page, 'Versions');
  const dialog = page.getByTestId('versions-dialog');
  await dialog.getByLabel('Version name').fill('Before');
  await dialog.getByLabel('Version name').press('Enter');
  await expect(dialog.getByTestId('version-list')).toContainText('Before');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await canvas.node(IDS.api).click();
  await page.keyboard.press('Delete');
  await toolbarAction(page, 'Versions');
  await dialog.getByRole('button', { name: 'Review changes since' }).click();
  await expect(page.getByTestId('change-list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'YAML diff' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Cluster policies view and the Import dialog', async ({ page, api }) => {
  void api;
  await page.getByRole('tab', { name: 'Cluster policies' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await toolbarAction(page, 'Import');
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the 500-workload overview', async ({ page, api }) => {
  test.setTimeout(180_000);
  await importBig(page, api);
  expect(await seriousViolations(page)).toEqual([]);
});
