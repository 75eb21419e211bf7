// What floats over the canvas never covers the design: the read-only banner takes its own band
// above the canvas, and fit view leaves room for the panels (Find and filters, zoom controls,
// status line, minimap), measured, on the example and on the 500-workload design with the
// bottom panel open at 1280x800.
import type { Page } from '@playwright/test';
import { expect, test, toolbarAction } from './support/test.ts';
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
  await toolbarAction(page, 'Share');
  const link = await page.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForFunction(() => !!(window as any).__netpol);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
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
