// What floats over the canvas never covers the design: the read-only banner takes its own band
// above the canvas, and fit view leaves room for the panels (Find and filters, zoom controls,
// status line, minimap), measured, on the example and on the 500-workload design with the
// bottom panel open at 1280x800.
import type { Page } from '@playwright/test';
import { IDS, drawIntentFromKeyboard, expect, loadSmallDesign, openAsSharedLink, test, toolbarMenu } from './support/test.ts';
import { importBig, shot } from './support/big-design.ts';

test.describe.configure({ timeout: 180_000 });

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

async function boxes(page: Page, selector: string): Promise<(Box & { name: string })[]> {
  return page.locator(selector).evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, name: (el.getAttribute('data-id') ?? el.className.toString()).slice(0, 80) };
  }).filter((b) => b.width > 0 && b.height > 0));
}

/** Every drawn node against every panel over the canvas: the pairs that overlap. */
async function coveredNodes(page: Page): Promise<string[]> {
  const nodes = await boxes(page, '.react-flow__node');
  const panels = await boxes(page, '.react-flow__panel');
  expect(nodes.length).toBeGreaterThan(0);
  expect(panels.length).toBeGreaterThan(2);
  return nodes.flatMap((n) => panels.filter((p) => overlap(n, p)).map((p) => `${n.name} under ${p.name}`));
}

async function fit(page: Page) {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(300);
}

async function openSharedExample(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await openAsSharedLink(page);
}

test('the read-only banner takes its own band: no node is drawn under it, the Internet node title shows', async ({ page, api }) => {
  void api;
  await openSharedExample(page);
  const banner = (await page.getByTestId('read-only-banner').boundingBox())!;
  const flow = (await page.locator('.react-flow').boundingBox())!;
  expect(flow.y).toBeGreaterThanOrEqual(banner.y + banner.height - 1);
  // Once fitted for the smaller canvas, nothing is under the banner or a panel.
  await expect.poll(async () => (await boxes(page, '.react-flow__node')).filter((n) => overlap(n, banner)).map((n) => n.name)).toEqual([]);
  await expect.poll(() => coveredNodes(page)).toEqual([]);
  // The Internet node's title is what is drawn at its top (not the banner).
  const internet = page.locator('.react-flow__node-external').filter({ hasText: 'Internet' }).first();
  const b = (await internet.boundingBox())!;
  const hit = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.react-flow__node-external'), [b.x + b.width / 2, b.y + 8]);
  expect(hit).toBe(true);
  await shot(page, 'issue9-polish-read-only-example');
});

test('at fit no panel covers a node: the example, and 500 workloads in Overview and Layout with the bottom panel open', async ({ page, api }) => {
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await fit(page);
  expect(await coveredNodes(page)).toEqual([]);

  await importBig(page, api);
  await expect(page.locator('.bottom-slot .bottom-panel')).toBeVisible();
  await fit(page);
  expect(await coveredNodes(page)).toEqual([]);
  await shot(page, 'issue9-polish-500-overview-panel-open');

  // Layout mode draws the minimap (a design this size): it is cleared too.
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await fit(page);
  expect(await coveredNodes(page)).toEqual([]);
});

test('screenshots: a connection focused from the keyboard on the example design', async ({ page, api }) => {
  test.skip(!process.env.SCREENSHOTS, 'screenshots only');
  void api;
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const internet = page.locator('.react-flow__node-external').filter({ hasText: 'Internet' }).first();
  for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await fit(page);
    await internet.focus();
    await page.keyboard.press(']');
    await expect(page.locator('.react-flow__edge.kb-focus')).toBeFocused();
    await page.screenshot({ path: `docs/screenshots/issue9-polish-keyboard-edge-focus-${w}x${h}.png` });
    await page.keyboard.press('Escape');
  }
});

test('read-only: every editing menu item, the design name, undo, Assert, the assertion and Import dialogs are disabled up front', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  // An intent web -> db and an assertion on web -> db, so their controls are there to check.
  const intentId = await drawIntentFromKeyboard(page, api, canvas, IDS.web, 'db');
  await canvas.node(IDS.db).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: /^Assert / }).click();
  await page.getByTestId('assert-dialog').getByRole('button', { name: 'Add assertion' }).click();
  await expect(page.getByTestId('assert-dialog')).toHaveCount(0);

  await openAsSharedLink(page);
  await expect(canvas.node(IDS.web)).toBeVisible();

  // Menus: what would change the design is disabled; reading, exporting and sharing are not.
  const items = async (menu: 'File' | 'Design' | 'Review') => {
    await toolbarMenu(page, menu).click();
    const list = page.getByRole('menu');
    await expect(list).toBeVisible();
    const out: Record<string, boolean> = {};
    for (const el of await list.getByRole('menuitem').all()) {
      const name = (await el.locator('.mi-label').innerText()).trim();
      out[name] = await el.isDisabled();
    }
    await page.keyboard.press('Escape');
    return out;
  };
  expect(await items('File')).toMatchObject({
    'New design': true, Import: true, 'Open design file': true, 'Save design file': false, 'Download YAML': false, 'Download YAML with workloads': false,
  });
  expect(await items('Design')).toMatchObject({ 'Auto layout': true, Patterns: true, 'Connect to…': true, Cluster: false });
  expect(await items('Review')).toMatchObject({ Share: false, Review: false, 'Export report': false, 'Start live session': true });

  // The design name cannot take typing; undo and redo are off.
  const name = page.getByRole('textbox', { name: 'Design name' });
  await expect(name).toHaveAttribute('readonly', '');
  const before = await name.inputValue();
  await name.click();
  await page.keyboard.type('xyz');
  await expect(name).toHaveValue(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();

  // Two nodes selected: "Assert …" is offered but disabled.
  await canvas.node(IDS.web).click();
  await canvas.node(IDS.db).click({ modifiers: ['Control'] });
  await expect(page.getByRole('button', { name: /^Assert / })).toBeDisabled();
  // The assertion list: Delete is disabled.
  await page.getByRole('tab', { name: /Assertions/ }).click();
  await expect(page.getByRole('button', { name: 'Delete assertion' })).toBeDisabled();

  // Manifests dropped on the canvas: the Import dialog opens with its fields and Import disabled.
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['apiVersion: v1\nkind: Namespace\nmetadata: {name: more}\n'], 'more.yaml', { type: 'text/yaml' }));
    return d;
  });
  await page.locator('.react-flow__pane').first().dispatchEvent('dragover', { dataTransfer: dt });
  await page.locator('.react-flow__pane').first().dispatchEvent('drop', { dataTransfer: dt });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-locked')).toBeVisible();
  await expect(dialog.getByTestId('import-text')).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /Merge into/ })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // From the keyboard: Delete on the intent's edge does not remove it, and says why.
  await canvas.node(IDS.web).focus();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(']');
    const id = await page.evaluate(() => document.activeElement?.closest('.react-flow__edge')?.getAttribute('data-id'));
    if (id === `intent:${intentId}`) break;
  }
  await expect(page.locator('.react-flow__edge.kb-focus')).toHaveAttribute('aria-label', /^Intent .*Enter selects;/);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('notice')).toContainText('Read-only');
  expect(Object.keys((await api.getDoc()).model.intents)).toEqual([intentId]);
});
