// Issue 9 §5 Done-when: "public entry, private mesh" built from an empty design with the keyboard
// only (no mouse event at all): a namespace, three workloads, a load balancer, the Internet,
// intents Internet → LB → web, web → api, api → db, default deny. The YAML it exports (with
// workloads) analyses, through the core's importer and evaluator, to exactly what was drawn.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { importManifests } from '../src/k8s/import.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { forEachConnection } from '../src/policy/reachability.ts';
import { expect, test } from './support/test.ts';

/** Presses Tab (only the keyboard) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('keyboard only: build "public entry, private mesh" from File → New; the export analyses to what was drawn', async ({ page, api }) => {
  test.setTimeout(120_000);
  const panel = page.locator('#side-panel');
  const nameField = panel.getByLabel('Name', { exact: true }).first();
  const palette = (kind: string) => page.getByTestId(`palette-${kind}`);

  // File → New design.
  await page.locator('body').focus();
  await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'File', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'New design' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // A namespace, named from the Inspector.
  await tabTo(page, palette('namespace'));
  await page.keyboard.press('Enter');
  await tabTo(page, nameField);
  await retype(page, 'shop');
  await expect.poll(async () => Object.values((await api.getDoc()).model.namespaces).map((n) => n.name)).toEqual(['shop']);

  // Three workloads, placed in the namespace at the centre of the view.
  for (const name of ['web', 'api', 'db']) {
    await tabTo(page, palette('workload'));
    await page.keyboard.press('Enter');
    await tabTo(page, nameField);
    await retype(page, name);
    await expect.poll(async () => Object.values((await api.getDoc()).model.workloads).map((w) => w.name)).toContain(name);
  }

  // A load balancer that keeps the client address (so the backends can admit the Internet).
  await tabTo(page, palette('loadbalancer'));
  await page.keyboard.press('Enter');
  await tabTo(page, panel.getByLabel('externalTrafficPolicy'));
  await page.keyboard.type('L');
  await expect(panel.getByLabel('externalTrafficPolicy')).toHaveValue('Local');

  // The Internet, and its intent to the load balancer with Connect to… from the Inspector.
  await tabTo(page, palette('external'));
  await page.keyboard.press('Enter');
  await tabTo(page, nameField);
  await retype(page, 'Internet');
  const connectButton = panel.getByRole('button', { name: /^Connect to…/ });
  await tabTo(page, connectButton);
  await page.keyboard.press('Enter');

  const addIntent = async (target: string, expectEnds: string) => {
    const list = page.getByTestId('connect-dialog');
    await expect(list.getByRole('combobox')).toBeFocused();
    await page.keyboard.type(target);
    await expect(list.getByRole('option', { selected: true })).toContainText(target);
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('intent-dialog');
    await expect(dialog).toContainText(expectEnds);
    await tabTo(page, dialog.getByRole('button', { name: 'Add intent' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
  };
  await addIntent('load-balancer', 'From Internet to shop/load-balancer');

  // The others from the search box (/) and the C key.
  const connectFrom = async (source: string) => {
    await page.keyboard.press('/');
    const search = page.getByTestId('search-dialog');
    await expect(search.getByRole('combobox')).toBeFocused();
    await page.keyboard.type(source);
    await expect(search.getByRole('option', { selected: true })).toContainText(source);
    await page.keyboard.press('Enter');
    await expect(search).toHaveCount(0);
    await page.keyboard.press('c');
  };
  await connectFrom('load-balancer');
  await addIntent('web', 'to shop/web');
  await connectFrom('web');
  await addIntent('api', 'From shop/web to shop/api');
  await connectFrom('api');
  await addIntent('db', 'From shop/api to shop/db');

  // Default deny, both ways, on the namespace.
  await page.keyboard.press('/');
  await page.keyboard.type('shop');
  await expect(page.getByTestId('search-dialog').getByRole('option', { selected: true })).toContainText('shop');
  await page.keyboard.press('Enter');
  for (const label of ['Deny all ingress by default', 'Deny all egress by default']) {
    await tabTo(page, panel.getByLabel(label));
    await page.keyboard.press('Space');
    await expect(panel.getByLabel(label)).toBeChecked();
  }

  const doc = await api.getDoc();
  expect(Object.keys(doc.model.intents)).toHaveLength(4);
  expect(Object.values(doc.model.workloads).map((w) => w.namespaceId)).toEqual(Array(3).fill(Object.keys(doc.model.namespaces)[0]));

  // Export: File → Download YAML with workloads (the last item: ArrowUp opens the menu there).
  await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'File', exact: true }));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Download YAML with workloads' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const yaml = readFileSync(await (await download).path(), 'utf8');

  // The core reads the export back; the Internet is not a Kubernetes object, so it is added as drawn.
  const imported = importManifests([{ name: 'export.yaml', text: yaml }]);
  const model = imported.model;
  expect(Object.values(model.workloads).map((w) => w.name).sort()).toEqual(['api', 'db', 'web']);
  model.externals.internet = { id: 'internet', name: 'Internet', cidrs: ['0.0.0.0/0', '::/0'] };
  const allowed: string[] = [];
  const ports = new Set<string>();
  forEachConnection(evaluate(model), (s, d, conn) => {
    if (s.kind !== 'workload' && d.kind !== 'workload') return; // outside the cluster on both ends
    // Workloads as ns/name; an external network split around the cluster ranges as its name.
    const name = (e: typeof s) => (e.kind === 'workload' ? e.name.split('/')[1] : e.name.replace(/ \[.*$/, ''));
    allowed.push(`${name(s)}>${name(d)}`);
    if (s.kind === 'external') ports.add(JSON.stringify(conn));
  });
  // Internet reaches web (through the load balancer), web reaches api, api reaches db; nothing else.
  expect([...new Set(allowed)].sort()).toEqual(['Internet>web', 'api>db', 'web>api']);
  // From the Internet only the load balancer's port (80, served on 80).
  expect([...ports].map((p) => JSON.parse(p))).toEqual([{ TCP: [[80, 80]], UDP: [], SCTP: [] }]);
});
