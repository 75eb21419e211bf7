// The designer's panels against the real app: explanation of an edge, inspector edit + undo,
// and an intent drawn on the canvas showing up as a generated policy in the YAML and download.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

type Doc = { model: { workloads: Record<string, { podLabels: Record<string, string> }>; intents: Record<string, unknown> } };
type Api = { reset(): void; loadYaml(t: string): Promise<void>; getDoc(): Doc; undoDepth(): number };

const WEB = 'wl:shop/Deployment/web';
const API = 'wl:shop/Deployment/api';

async function load(page: Page, name: string) {
  await page.goto('/');
  await page.waitForFunction(() => '__netpol' in window);
  await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.reset());
  await page.evaluate((t) => (window as unknown as { __netpol: Api }).__netpol.loadYaml(t), fixture(name));
  await expect(page.getByTestId(`rf__node-${WEB}`)).toBeVisible();
}

const getDoc = (page: Page) => page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.getDoc());

test('clicking an edge opens its explanation', async ({ page }) => {
  await load(page, 'two-tier.yaml');
  // The only allowed flow is web -> api on TCP 9090 (default-deny + api-from-web).
  const edge = page.locator('.react-flow__edge').first();
  await edge.dispatchEvent('click');

  const explain = page.getByTestId('explain');
  await expect(explain).toBeVisible();
  await expect(explain.getByRole('heading', { level: 3 })).toContainText('shop/web');
  await expect(explain.getByRole('heading', { level: 3 })).toContainText('shop/api');
  await expect(explain.getByTestId('verdict')).toContainText('partial');
  await expect(explain.getByTestId('allowed-ports')).toHaveText('TCP 9090');
  await expect(explain.getByTestId('side-ingress')).toContainText('api-from-web');

  // A port query answers for one port.
  await explain.getByRole('textbox', { name: 'Port' }).fill('80');
  await explain.getByRole('button', { name: 'Check' }).click();
  await expect(explain.getByTestId('verdict')).toContainText('denied');
  await expect(explain.getByTestId('denied-by')).toContainText('ingress side of shop/api');
});

test('editing a pod label in the inspector is one undo step', async ({ page }) => {
  await load(page, 'two-workloads.yaml');
  await page.getByTestId(`rf__node-${WEB}`).click();
  const value = page.getByLabel('Pod labels row 1 Value');
  await expect(value).toHaveValue('web');
  const depth = await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth());

  // Invalid values are shown with a message and not committed.
  await value.fill('bad value!');
  await value.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'label value' })).toBeVisible();
  expect((await getDoc(page)).model.workloads[WEB].podLabels).toEqual({ app: 'web' });

  await value.fill('frontend');
  await value.press('Enter');
  await expect.poll(async () => (await getDoc(page)).model.workloads[WEB].podLabels).toEqual({ app: 'frontend' });
  expect(await page.evaluate(() => (window as unknown as { __netpol: Api }).__netpol.undoDepth())).toBe(depth + 1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await getDoc(page)).model.workloads[WEB].podLabels).toEqual({ app: 'web' });
  await expect(value).toHaveValue('web');
});

test('an intent drawn on the canvas appears as a generated policy in the YAML panel and the download', async ({ page }) => {
  await load(page, 'two-workloads.yaml');
  // Namespace default: deny ingress, so the intent needs an allow policy.
  await page.getByTestId('rf__node-ns:shop').click({ position: { x: 40, y: 12 } });
  await page.getByLabel('Deny all ingress by default').check();
  await expect(page.getByLabel('Deny all ingress by default')).toBeChecked();

  const from = page.locator(`[data-testid="rf__node-${WEB}"] .react-flow__handle.source`);
  const to = page.locator(`[data-testid="rf__node-${API}"] .react-flow__handle.target`);
  await from.hover();
  await page.mouse.down();
  const box = (await to.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();

  const dialog = page.getByTestId('intent-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('shop/web');
  await expect(dialog).toContainText('shop/api');
  await expect(dialog.getByLabel('TCP 9090 (http)')).toBeChecked();
  await dialog.getByRole('button', { name: 'Add intent' }).click();
  await expect(dialog).toBeHidden();
  expect(Object.keys((await getDoc(page)).model.intents)).toHaveLength(1);

  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  const yamlView = page.getByTestId('yaml-view');
  await expect(yamlView).toContainText('name: allow-ingress-api');
  await expect(yamlView).toContainText('port: 9090');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .yaml' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.yaml$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('name: allow-ingress-api');
  expect(text).toContain('name: default-deny-ingress');
});
