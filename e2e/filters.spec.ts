// Canvas filters as a user meets them: on the example design and on a 500-workload import,
// in Overview and Layout mode, with the "N hidden by filters" indicator and Reset.
import { expect, test } from './support/test.ts';
import { importBig, shot } from './support/big-design.ts';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

async function openFilters(page: Page) {
  const panel = page.getByRole('dialog', { name: 'Canvas filters' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: /^Filter/ }).click();
  await expect(panel).toBeVisible();
  return panel;
}

test('the example design narrows to one namespace, then to what is exposed; Reset shows everything again', async ({ page, api, canvas }) => {
  await expect(canvas.node('ns:shop')).toBeVisible();
  const doc = await api.getDoc();
  const all = Object.keys(doc.model.workloads).length;
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(all);

  const panel = await openFilters(page);
  await panel.getByRole('checkbox', { name: 'data', exact: true }).check();
  const inData = Object.values(doc.model.workloads).filter((w) => w.namespaceId === 'ns:data');
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(inData.length);
  await expect(canvas.node('ns:shop')).toHaveCount(0);
  await expect(canvas.node('ns:data')).toBeVisible();
  // shop and monitoring with their workloads, and the load balancer in front of shop's web.
  await expect(page.getByTestId('filter-hidden')).toHaveAttribute('title', new RegExp(`^${all - inData.length} workloads, 2 namespaces, .*1 load balancer hidden`));
  await expect(page.getByTestId('filter-hidden')).toContainText(/\d+ hidden by filters/);

  // Exposed instead: the web front end behind the load balancer (shop), not the databases.
  await panel.getByRole('checkbox', { name: 'data', exact: true }).uncheck();
  await panel.getByRole('checkbox', { name: /Exposed/ }).check();
  await expect(canvas.node('wl:shop/Deployment/web')).toBeVisible();
  await expect(canvas.node('wl:data/StatefulSet/postgres')).toHaveCount(0);
  await shot(page, 'issue9-filters-example');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.getByTestId('filter-hidden').getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('filter-hidden')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(all);
});

test('a 500-workload import: filters work in the overview and in Layout mode', async ({ page, api }) => {
  const doc = await importBig(page, api);
  const namespaces = Object.values(doc.model.namespaces).sort((a, b) => a.name.localeCompare(b.name));
  const cards = page.getByTestId('ns-card');
  await expect(cards).toHaveCount(namespaces.length);
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');

  // Two namespaces: two cards, packed to the screen; the others are counted as hidden.
  const panel = await openFilters(page);
  const [a, b] = [namespaces[1]!, namespaces[2]!];
  await panel.getByRole('checkbox', { name: a.name, exact: true }).check();
  await panel.getByRole('checkbox', { name: b.name, exact: true }).check();
  await expect(cards).toHaveCount(2);
  const hiddenWl = Object.values(doc.model.workloads).filter((w) => w.namespaceId !== a.id && w.namespaceId !== b.id).length;
  await expect(page.getByTestId('filter-hidden')).toContainText(/\d+ hidden by filters/);
  const text = (await page.getByTestId('filter-hidden').textContent()) ?? '';
  expect(Number(text.match(/(\d+) hidden/)![1])).toBeGreaterThanOrEqual(hiddenWl + namespaces.length - 2);
  await page.keyboard.press('Escape');
  // The cards are drawn large: the two namespaces fill the view at fit.
  const card = (await cards.first().boundingBox())!;
  expect(card.width).toBeGreaterThan(150);
  await shot(page, 'issue9-filters-500-overview');

  // Layout mode keeps the filter: only those two namespaces are drawn.
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await expect(page.locator('.react-flow__node-namespace')).toHaveCount(2);

  // Exposure on top: only namespaces with something an external network or load balancer reaches.
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const again = await openFilters(page);
  await again.getByRole('button', { name: 'Reset' }).click();
  await again.getByRole('checkbox', { name: /Exposed/ }).check();
  await expect(page.getByTestId('filter-hidden')).toContainText('hidden by filters');
  const exposedCards = await cards.count();
  expect(exposedCards).toBeGreaterThan(0);
  expect(exposedCards).toBeLessThanOrEqual(namespaces.length);
  await again.getByRole('checkbox', { name: /Violations/ }).check();
  await expect(page.getByTestId('filter-hidden')).toBeVisible();
  await again.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('filter-hidden')).toHaveCount(0);
  await expect(cards).toHaveCount(namespaces.length);
});
