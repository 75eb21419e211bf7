// The example design `npm start` opens reads well at fit with the panels open: every edge label is
// drawn as its text (none collapsed to a "…" badge or left off for want of room) and no label
// covers another label or a node. SCREENSHOTS=1 writes docs/screenshots/issue9-example-after-*.png (SHOT_TAG=before: -before-).
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { overlap, type Box } from './support/boxes.ts';

interface Labels {
  /** Edges that carry a label (their path has a <title> with it). */
  labelled: string[];
  texts: { id: string; text: string; box: Box }[];
  badges: { id: string; label: string }[];
  nodes: { id: string; box: Box }[];
}

function labels(page: Page): Promise<Labels> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labelled = Array.from(document.querySelectorAll('.react-flow__edge'))
      .filter((g) => g.querySelector('title'))
      .map((g) => (g.getAttribute('data-testid') ?? '').replace(/^rf__edge-/, ''));
    const texts = Array.from(document.querySelectorAll('.edge-label'))
      .map((l) => ({ id: l.getAttribute('data-edge-id') ?? '', text: l.textContent ?? '', box: box(l) }));
    const badges = Array.from(document.querySelectorAll('.edge-badge'))
      .map((l) => ({ id: l.getAttribute('data-edge-id') ?? '', label: l.getAttribute('data-label') ?? '' }));
    // Namespaces are frames labels may sit in; workloads, networks and load balancers are not.
    const nodes = Array.from(document.querySelectorAll('.react-flow__node:not(.react-flow__node-namespace)'))
      .map((n) => ({ id: n.getAttribute('data-id') ?? '', box: box(n) }));
    return { labelled, texts, badges, nodes };
  });
}

/** What is wrong with the labels as drawn (empty when every label is whole text, clear of the rest). */
async function labelProblems(page: Page): Promise<string[]> {
  const d = await labels(page);
  const out: string[] = [];
  for (const b of d.badges) out.push(`"${b.label}" (${b.id}) is a badge`);
  const drawn = new Set(d.texts.map((t) => t.id));
  for (const id of d.labelled) if (!drawn.has(id) && !d.badges.some((b) => b.id === id)) out.push(`${id} has no label drawn`);
  for (let i = 0; i < d.texts.length; i++) {
    const a = d.texts[i];
    for (let j = i + 1; j < d.texts.length; j++) if (overlap(a.box, d.texts[j].box)) out.push(`"${a.text}" overlaps "${d.texts[j].text}"`);
    for (const n of d.nodes) if (overlap(a.box, n.box)) out.push(`"${a.text}" covers node ${n.id}`);
  }
  return out;
}

async function fitAndCheck(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => labelProblems(page), { timeout: 10_000, message: `at ${size.width}x${size.height}` }).toEqual([]);
  expect((await labels(page)).texts.length).toBeGreaterThan(8);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-example-${process.env.SHOT_TAG ?? 'after'}-${size.width}x${size.height}.png` });
}

test('the example design at fit: every edge label is drawn as text and none overlaps (1280x800, panels open)', async ({ page, api }) => {
  expect((await api.getDoc()).name).toBe('Example: three-tier shop');
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  // The panels are open, as a new user sees them.
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toBeVisible();
  await fitAndCheck(page, { width: 1280, height: 800 });
});

test('the example design at fit at 1920x1080: every edge label is drawn as text and none overlaps', async ({ page, api }) => {
  expect((await api.getDoc()).name).toBe('Example: three-tier shop');
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  await fitAndCheck(page, { width: 1920, height: 1080 });
});
