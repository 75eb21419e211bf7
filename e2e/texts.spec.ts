// Texts are whole where there is room: node subtitles and port lines on the example design, the
// search results' details, edge badges (never an empty circle), and the canvas status line (one
// line at 1280x800, words true for what is drawn: "on the cards" only when connections are bundled).
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { importBig, openDesign } from './support/big-design.ts';
import { uiDesign } from '../bench/ui-design.ts';

test.describe.configure({ timeout: 180_000 });

const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }];

async function fit(page: Page) {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(500);
}

async function shot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const size = page.viewportSize()!;
  await page.screenshot({ path: `docs/screenshots/issue9-texts-${name}-${size.width}x${size.height}.png` });
}

/** Texts cut in their box (scrollWidth/Height beyond clientWidth/Height), as "selector: text". */
function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => Array.from(document.querySelectorAll(sel))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map((el) => `${sel}: "${el.textContent}" ${el.scrollWidth}x${el.scrollHeight} > ${el.clientWidth}x${el.clientHeight}`), selector);
}

/** The status line: its rendered height (one line is ~20 px) and text. */
function status(page: Page) {
  return page.getByTestId('canvas-status').evaluate((el) => ({ h: el.getBoundingClientRect().height, text: el.textContent ?? '', title: el.getAttribute('title') ?? '' }));
}

test('the example: node subtitles and port lines are whole, badges are never empty (1280x800 and 1920x1080)', async ({ page, api: _api }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(page.locator('.react-flow__edge').first()).toBeAttached();
    await fit(page);
    await expect(page.locator('.lb-sub').first()).toBeAttached();
    await expect(page.locator('.wl-ports').first()).toBeAttached();
    expect(await cutTexts(page, '.lb-sub')).toEqual([]);
    expect(await cutTexts(page, '.wl-ports')).toEqual([]);
    expect(await cutTexts(page, '.ext-cidrs')).toEqual([]);
    // Every node's text stays inside the node.
    expect(await cutTexts(page, '.wl-node')).toEqual([]);
    expect(await cutTexts(page, '.lb-node')).toEqual([]);
    const empty = await page.locator('.edge-badge').evaluateAll((bs) => bs.filter((b) => !(b.textContent ?? '').trim()).length);
    expect(empty).toBe(0);
    const s = await status(page);
    expect(s.h).toBeLessThan(24);
    await shot(page, 'example');
  }
});

test('search results keep the kind and namespace of a policy readable', async ({ page, api: _api }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  await page.keyboard.press('/');
  const search = page.getByTestId('search-dialog');
  await page.keyboard.type('a');
  await expect(search.getByRole('option').first()).toBeVisible();
  expect(await cutTexts(page, '.search-detail')).toEqual([]);
  await page.keyboard.press('Escape');
});

test('a 500-workload import: the status line is one line at 1280x800 and says what is drawn', async ({ page, api }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await importBig(page, api);
  await fit(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await fit(page);
    const s = await status(page);
    expect(s.h, s.text).toBeLessThan(24);
    // Bundled connections are counted on the cards; then the line does not also say "grouped per namespace".
    if (await page.getByTestId('bundled-count').count()) {
      expect(s.text).toContain('on the cards');
      expect(s.text).not.toContain('grouped per namespace');
    }
    // Cut with an ellipsis only with the whole text as the title.
    const cut = await page.getByTestId('canvas-status').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (cut) expect(s.title.replace(/\n/g, ' ')).toContain('endpoints');
    await shot(page, '500');
  }
});

test('the 2,000-workload bench design: an external network\'s summary stays inside its node (1280x800 and 1920x1080)', async ({ page }) => {
  await openDesign(page, (await uiDesign(2000, 80, 1000)).text);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await fit(page);
    await expect(page.getByTestId('ext-tail').first()).toBeVisible();
    // Nothing of a node's text runs past the node (it wrapped below its bottom, cut there).
    const out = await page.locator('.ext-node').evaluateAll((nodes) => nodes.flatMap((n) => {
      const r = n.getBoundingClientRect();
      return Array.from(n.querySelectorAll('div, span')).filter((c) => (c.textContent ?? '').trim() && !c.classList.contains('react-flow__handle')).filter((c) => {
        const q = c.getBoundingClientRect();
        return q.width > 0 && (q.right > r.right + 1 || q.bottom > r.bottom + 1);
      }).map((c) => `"${c.textContent}" ends at ${Math.round(c.getBoundingClientRect().right)},${Math.round(c.getBoundingClientRect().bottom)} past ${Math.round(r.right)},${Math.round(r.bottom)}`);
    }));
    expect(out).toEqual([]);
    expect(await cutTexts(page, '.ext-node')).toEqual([]);
    // A part cut to an ellipsis keeps the whole line as the tail's title.
    for (const t of await page.getByTestId('ext-tail').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', title: e.getAttribute('title') ?? '' })))) {
      for (const part of t.text.split(/(?=[⇠⇢]|LB |\+\d)/).map((x) => x.trim()).filter(Boolean)) expect(t.title).toContain(part);
    }
    await shot(page, 'bench-2000-external');
  }
});
