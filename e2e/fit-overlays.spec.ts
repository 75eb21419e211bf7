// Fit view leaves room for what floats over the canvas (the Find / Filter / Overview bar, the
// zoom controls, the status line, the minimap): at fit, no node, edge or edge label is drawn
// under one of them — the edges routed around the outer rows and their labels included
// (src/canvas/fit-padding.ts overhang), on the example, the 500 and the 2,000 overviews.
import type { Page } from '@playwright/test';
import { synthetic } from '../bench/synthetic.ts';
import { foldNamespaces } from '../bench/ui-design.ts';
import { ALL_EXPORT_KINDS, exportManifests } from '../src/k8s/export.ts';
import { expect, test } from './support/test.ts';
import { importBig } from './support/big-design.ts';

test.describe.configure({ timeout: 120_000 });

const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }];

/** What is drawn under a canvas overlay at the current view, in words ("label "3" under .react-flow__panel top left"). */
function underOverlays(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const panels = Array.from(document.querySelectorAll('.react-flow .react-flow__panel'))
      .filter((p) => !p.classList.contains('react-flow__attribution'))
      .map((p) => ({ name: p.className.replace(/\s+/g, '.'), r: rect(p) }))
      .filter((p) => p.r.width > 0 && p.r.height > 0);
    const hits = (r: DOMRect, x: number, y: number, slack = 1) => x > r.left + slack && x < r.right - slack && y > r.top + slack && y < r.bottom - slack;
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const out: string[] = [];
    for (const l of Array.from(document.querySelectorAll('.edge-label, .edge-badge'))) {
      const s = getComputedStyle(l);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const r = rect(l);
      for (const p of panels) if (meets(r, p.r)) out.push(`label "${l.textContent}" under ${p.name}`);
    }
    for (const n of Array.from(document.querySelectorAll('.react-flow__node'))) {
      const r = rect(n);
      for (const p of panels) if (meets(r, p.r)) out.push(`node ${n.getAttribute('data-id')} under ${p.name}`);
    }
    for (const g of Array.from(document.querySelectorAll('.react-flow__edge'))) {
      const path = g.querySelector('path.react-flow__edge-path') as SVGPathElement | null;
      if (!path) continue;
      const m = path.getScreenCTM()!;
      const len = path.getTotalLength();
      const n = Math.max(2, Math.ceil(len / 4));
      for (let i = 0; i <= n; i++) {
        const q = path.getPointAtLength((len * i) / n);
        const x = m.a * q.x + m.c * q.y + m.e;
        const y = m.b * q.x + m.d * q.y + m.f;
        const p = panels.find((pp) => hits(pp.r, x, y));
        if (p) {
          out.push(`edge ${g.getAttribute('data-testid')} under ${p.name}`);
          break;
        }
      }
    }
    return out;
  });
}

async function fitAt(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  // One press, as a user gives it: a fit that crosses a label step settles by itself.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(1000);
}

test('the example at fit: nothing drawn under the canvas toolbar, the zoom controls or the status line', async ({ page, api }) => {
  expect((await api.getDoc()).name).toBe('Example: three-tier shop');
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  for (const size of SIZES) {
    await fitAt(page, size);
    expect(await underOverlays(page), `at ${size.width}x${size.height}`).toEqual([]);
  }
});

test('the 500 overview at fit: nothing drawn under the canvas overlays', async ({ page, api }) => {
  await importBig(page, api);
  for (const size of SIZES) {
    await fitAt(page, size);
    expect(await underOverlays(page), `at ${size.width}x${size.height}`).toEqual([]);
  }
});

test('the 2,000 overview at fit: the edges climbing over the top row and their labels stay clear of the toolbar', async ({ page, api }) => {
  await importBig(page, api, exportManifests(foldNamespaces(synthetic(2000, 1000, 42).model, 80), { kinds: ALL_EXPORT_KINDS }));
  for (const size of SIZES) {
    await fitAt(page, size);
    expect(await underOverlays(page), `at ${size.width}x${size.height}`).toEqual([]);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-cards500-2000-overview-${size.width}x${size.height}.png` });
  }
});

/** The flow's viewport as drawn (x, y, zoom from .react-flow__viewport's transform). */
function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** Whether two viewports are the same view (within a pixel and rounding of the zoom). */
function sameView(a: { x: number; y: number; zoom: number }, b: { x: number; y: number; zoom: number }): boolean {
  return Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1 && Math.abs(a.zoom - b.zoom) <= 1e-3;
}

/** The view a press on Fit view gives now (pressed twice: a second press must not move it). */
async function fittedView(page: Page) {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  return viewport(page);
}

test('the 500 overview at fit stays at fit when the bottom panel closes or opens; a view the user moved stays put', async ({ page, api }) => {
  await importBig(page, api);
  for (const size of SIZES) {
    await fitAt(page, size);
    const at = `at ${size.width}x${size.height}`;
    const open = await viewport(page);
    // One press settles: a second press does not move the view (labels placed for the fit's zoom).
    expect(sameView(await fittedView(page), open), `second press moves the view ${at}`).toBe(true);
    await page.getByRole('button', { name: 'Collapse bottom panel' }).click();
    await page.waitForTimeout(800);
    const closed = await viewport(page);
    expect(sameView(closed, open), `the view changed for the larger canvas ${at}`).toBe(false);
    expect(await underOverlays(page), `panel closed ${at}`).toEqual([]);
    expect(sameView(closed, await fittedView(page)), `still at fit with the panel closed ${at}`).toBe(true);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-cards500-500-overview-panel-closed-${size.width}x${size.height}.png` });
    await page.getByRole('button', { name: /YAML · Matrix/ }).click();
    await page.waitForTimeout(800);
    const reopened = await viewport(page);
    expect(await underOverlays(page), `panel opened again ${at}`).toEqual([]);
    expect(sameView(reopened, await fittedView(page)), `still at fit with the panel open again ${at}`).toBe(true);
    expect(sameView(reopened, open), `back to the fit it had with the panel open ${at}`).toBe(true);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-cards500-500-overview-${size.width}x${size.height}.png` });
  }
  // Panned away from the fit: closing the panel leaves the view where the user put it.
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 140, box.y + box.height / 2 - 30, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(400);
  const panned = await viewport(page);
  await page.getByRole('button', { name: 'Collapse bottom panel' }).click();
  await page.waitForTimeout(800);
  expect(sameView(await viewport(page), panned), 'a panned view moved when the panel closed').toBe(true);
});
