import { readFile } from 'node:fs/promises';
import { IDS, SMALL_DESIGN, expect, test, toolbarAction } from './support/test.ts';

/** The design under review: only shop/api may reach the database. */
const DESIGN = `${SMALL_DESIGN}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-ingress, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
      podSelector: {matchLabels: {app: api}}
    ports: [{port: 5432}]
`;

/** What is in the cluster today: only shop/web may reach the database. */
const CLUSTER = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-ingress, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
      podSelector: {matchLabels: {app: web}}
    ports: [{port: 5432}]
`;

test('review against pasted manifests marks added and removed connections, explains them, and exports the report', async ({ page, api, canvas }) => {
  await api.loadYaml(DESIGN);
  await expect(canvas.node(IDS.db)).toBeVisible();

  await toolbarAction(page, 'Review');
  const dialog = page.getByTestId('baseline-dialog');
  await dialog.getByRole('radio', { name: 'Manifests' }).click();
  await dialog.getByLabel('Baseline manifests').fill(CLUSTER);
  await dialog.getByRole('button', { name: 'Start review' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('review-baseline')).toContainText('policies from pasted manifests');

  // Canvas: api -> db is new ("+"), web -> db is gone (red dashed "−" edge drawn from the baseline).
  const added = canvas.edge(`reach:${IDS.api}>${IDS.db}`);
  await expect(added).toBeVisible();
  await expect(page.locator(`.edge-label[data-edge-id="reach:${IDS.api}>${IDS.db}"] [data-review="added"]`)).toHaveText('+');
  const removedId = `review-removed:${IDS.web}>${IDS.db}`;
  await expect(canvas.edge(removedId)).toBeAttached();
  await expect(page.locator(`.edge-label[data-edge-id="${removedId}"] [data-review="removed"]`)).toHaveText('−');
  await expect(page.locator(`.edge-label[data-edge-id="${removedId}"]`)).toContainText('5432');

  // Change list: both pairs, with explanations on expand; a click selects the pair.
  const list = page.getByTestId('change-list');
  const addedEntry = list.getByTestId('review-change').filter({ hasText: 'shop/api' }).filter({ hasText: 'data/db' }).first();
  const removedEntry = list.getByTestId('review-change').filter({ hasText: 'shop/web' }).filter({ hasText: 'data/db' }).first();
  await expect(addedEntry).toBeVisible();
  await expect(removedEntry).toBeVisible();
  await expect(removedEntry).toHaveAttribute('data-kind', /removed/);
  await addedEntry.getByRole('button', { name: 'Show explanation' }).click();
  await expect(addedEntry.getByTestId('change-explanation')).toContainText('db-ingress');
  await removedEntry.getByRole('button', { name: 'Show explanation' }).click();
  await expect(removedEntry.getByTestId('change-explanation')).not.toBeEmpty();
  await addedEntry.locator('.change-title').click();
  await expect(canvas.node(IDS.api)).toHaveClass(/selected/);
  await expect(canvas.node(IDS.db)).toHaveClass(/selected/);

  // Side-by-side manifest diff.
  await page.getByRole('tab', { name: 'YAML diff' }).click();
  const diff = page.getByTestId('yaml-diff');
  await expect(diff.locator('tr.diff-changed')).not.toHaveCount(0);
  await expect(diff).toContainText('app: api');
  await expect(diff).toContainText('app: web');

  // Export the report: Markdown and HTML, both with the changes and the diff.
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Export report…' }).click();
  const report = page.getByTestId('report-dialog');
  const [md] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: /Markdown/ }).click()]);
  expect(md.suggestedFilename()).toMatch(/-review\.md$/);
  const mdText = await readFile((await md.path())!, 'utf8');
  expect(mdText).toContain('compared with policies from pasted manifests');
  expect(mdText).toMatch(/shop\/api.*data\/db/);
  expect(mdText).toMatch(/shop\/web.*data\/db/);
  expect(mdText).toMatch(/^-\s+app: web$/m);
  expect(mdText).toMatch(/^\+\s+app: api$/m);
  const [html] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: /HTML/ }).click()]);
  expect(html.suggestedFilename()).toMatch(/-review\.html$/);
  const htmlText = await readFile((await html.path())!, 'utf8');
  expect(htmlText).toContain('<html');
  expect(htmlText).toContain('app: web');
});

test('versions: save one (review scope: no design undo step), then review the changes since it', async ({ page, api, canvas }) => {
  await api.loadYaml(SMALL_DESIGN);
  await expect(canvas.node(IDS.db)).toBeVisible();
  await toolbarAction(page, 'Versions');
  const dialog = page.getByTestId('versions-dialog');
  await dialog.getByLabel('Version name').fill('Before lockdown');
  await dialog.getByLabel('Version name').press('Enter');
  await expect(dialog.getByTestId('version-list')).toContainText('Before lockdown');
  expect(await api.undoDepth()).toBe(0);
  expect(Object.values((await api.getReview()).versions).map((v: any) => v.name)).toEqual(['Before lockdown']);
  await page.keyboard.press('Escape');

  // Delete a workload, then review against the version: its connections are gone.
  await canvas.node(IDS.api).click();
  await page.keyboard.press('Delete');
  await toolbarAction(page, 'Versions');
  await dialog.getByRole('button', { name: 'Review changes since' }).click();
  await expect(page.getByTestId('review-baseline')).toContainText('Before lockdown');
  await expect(page.getByTestId('change-list').getByTestId('review-change').first()).toContainText('shop/api');
});
