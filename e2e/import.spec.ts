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

/** ~1 MB: 20 namespaces, each with 20 Deployments, their Services and an ingress policy each. */
function bigManifest(): string {
  const docs: string[] = [];
  const note = 'x'.repeat(1700);
  for (let n = 0; n < 20; n++) {
    const ns = `team-${n}`;
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels: {team: "${n}"}`);
    for (let i = 0; i < 20; i++) {
      const app = `svc-${i}`;
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  annotations: {note: "${note}"}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}, tier: "${i % 3}"}}
    spec: {containers: [{name: ${app}, image: "registry.example/${ns}/${app}:1.0", ports: [{name: http, containerPort: 8080}]}]}`);
      docs.push(`apiVersion: v1
kind: Service
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {app: ${app}}
  ports: [{name: http, port: 80, targetPort: http}]`);
      docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${app}-ingress, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: svc-${(i + 1) % 20}}}}]
    ports: [{port: 8080, protocol: TCP}]`);
    }
  }
  return docs.join('\n---\n') + '\n';
}

/** Holds the import worker's script until the returned function is called. */
async function holdImportWorker(page: import('@playwright/test').Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/import\.worker/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('a large import runs off the page with a progress status and is one undo step', async ({ page }) => {
  const yaml = bigManifest();
  expect(yaml.length).toBeGreaterThan(900_000);
  const release = await holdImportWorker(page);
  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-files').setInputFiles({ name: 'cluster.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'cluster.yaml' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(dialog.getByTestId('import-status')).toContainText(/Reading 1 file \([\d.]+ [KM]B\)…/);
  // The page is not blocked while the worker reads.
  expect(await page.evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => r(true))))).toBe(true);
  release();

  await expect(dialog).toBeHidden({ timeout: 45_000 });
  const model = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.getDoc().model);
  expect(Object.keys(model.workloads)).toHaveLength(400);
  expect(Object.keys(model.namespaces)).toHaveLength(20);
  expect(Object.keys(model.policies)).toHaveLength(400);
  expect(model.workloads['wl:team-7/Deployment/svc-3']).toBeTruthy();
  expect(await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth())).toBe(1);

  await page.evaluate(() => (window as unknown as { __netpol: Api & { undo(): void } }).__netpol.undo());
  const after = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.getDoc().model);
  expect(Object.keys(after.workloads)).toHaveLength(0);
  expect(Object.keys(after.policies)).toHaveLength(0);
});

test('cancelling a large import stops it and leaves the design unchanged', async ({ page }) => {
  await page.evaluate((t) => (window as unknown as { __netpol: Api }).__netpol.loadYaml(t), fixture('two-workloads.yaml'));
  await expect(page.getByTestId('rf__node-wl:shop/Deployment/web')).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify((window as unknown as { __netpol: Api }).__netpol.getDoc()));
  const depth = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth());
  const release = await holdImportWorker(page);

  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-files').setInputFiles({ name: 'cluster.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bigManifest()) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-status')).toContainText('Reading 1 file');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByTestId('import-status')).toBeHidden();
  await expect(dialog).toContainText('Import cancelled; the design is unchanged.');
  release();

  expect(await page.evaluate(() => JSON.stringify((window as unknown as { __netpol: Api }).__netpol.getDoc()))).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth())).toBe(depth);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
});
