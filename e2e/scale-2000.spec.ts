// A 2,000-workload / 1,000-policy import in 80 namespaces (the bench's large design) opens as a
// readable overview at fit: every namespace card in view with its title whole and at least 9 px
// on screen, at most one drawn edge per namespace (the rest summarised on the cards: hubs such
// as DNS in kube-system say "⇠ N ns", the long tail "+N more"), no edge label over another label
// or a card, and selecting the hub draws every connection its badge counts.
import { synthetic } from '../bench/synthetic.ts';
import { foldNamespaces } from '../bench/ui-design.ts';
import { ALL_EXPORT_KINDS, exportManifests } from '../src/k8s/export.ts';
import { expect, test } from './support/test.ts';
import { boxes, overlap, smallTexts } from './support/boxes.ts';
import { importBig, shot } from './support/big-design.ts';

test.describe.configure({ timeout: 90_000 });

const NAMESPACES = 80;
const YAML = exportManifests(foldNamespaces(synthetic(2000, 1000, 42).model, NAMESPACES), { kinds: ALL_EXPORT_KINDS });


test('a 2,000-workload import opens as a readable overview: few edges, whole titles, nothing dropped silently', async ({ page, api }) => {
  const doc = await importBig(page, api, YAML);
  expect(Object.keys(doc.model.workloads)).toHaveLength(2000);
  const cards = page.getByTestId('ns-card');
  await expect(cards).toHaveCount(NAMESPACES);
  await expect(page.getByTestId('bundled-count')).toBeVisible();
  await page.waitForTimeout(500);

  // Every card in view, its title whole (not ellipsised) and at least 9 px high on screen.
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  for (const b of await boxes(page, '[data-testid="ns-card"]')) {
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
  const titles = await page.locator('[data-testid="ns-card"] .ns-name').evaluateAll((els) => els.map((el) => {
    const e = el as HTMLElement;
    const px = parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().height / e.offsetHeight);
    return { name: e.textContent ?? '', cut: e.scrollWidth > e.clientWidth + 1, px };
  }));
  expect(titles).toHaveLength(NAMESPACES);
  for (const t of titles) {
    expect(t.cut, `title ${t.name} is cut`).toBe(false);
    expect(t.px, `title ${t.name} on screen`).toBeGreaterThanOrEqual(9);
  }

  // At most one edge per namespace (main drew ~900 namespace-pair edges here): a graph with
  // fewer edges than nodes can be followed by eye; the rest are counted on the cards.
  const drawn = await page.locator('.react-flow__edge').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThanOrEqual(NAMESPACES);

  // No label over another label or a card.
  const labels = await boxes(page, '.edge-label, .edge-badge');
  const nodes = await boxes(page, '.react-flow__node');
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j]), `labels ${i} and ${j} overlap`).toBe(false);
    for (const n of nodes) expect(overlap(labels[i], n), `label ${i} covers a node`).toBe(false);
  }

  // kube-system (DNS for everyone) is a hub: its card says how many namespaces reach it ...
  const kube = Object.values(doc.model.namespaces).find((n) => n.name === 'kube-system')!;
  const hub = page.locator(`[data-testid="ns-card"][data-namespace="kube-system"] [data-testid="ns-hub-from"]`);
  await expect(hub).toBeVisible();
  const from = Number(/⇠ (\d+) ns/.exec((await hub.textContent()) ?? '')?.[1]);
  expect(from).toBeGreaterThanOrEqual(NAMESPACES / 2);
  await shot(page, 'issue9-2000-overview');

  // ... and selecting it draws each of them (the count was exact, nothing was dropped).
  await page.locator(`[data-testid="ns-card"][data-namespace="kube-system"] .ns-name`).click();
  await expect(page.getByTestId(`rf__node-${kube.id}`)).toHaveClass(/selected/);
  await expect.poll(() => page.locator(`.react-flow__edge[data-testid$=">${kube.id}"]`).count()).toBe(from);
  // A card's "+N more" is exact too: selecting it draws its N more connections, besides those a
  // hub's badge counted (its connections into kube-system, say).
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.locator('[data-testid="ns-card"] [data-testid="ns-hub-from"]').first()).toBeVisible();
  const idOf = new Map(Object.values(doc.model.namespaces).map((n) => [n.name, n.id]));
  const hubNames = async (kind: string) => page.locator(`[data-testid="ns-card"]:has([data-testid="ns-hub-${kind}"])`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-namespace') ?? ''));
  const hubFrom = new Set((await hubNames('from')).map((n) => idOf.get(n)));
  const hubTo = new Set((await hubNames('to')).map((n) => idOf.get(n)));
  const withMore = page.locator('[data-testid="ns-card"]:has([data-testid="ns-more"]):not(:has([data-testid^="ns-hub"]))').first();
  const id = idOf.get((await withMore.getAttribute('data-namespace'))!)!;
  const more = Number(/\+(\d+) more/.exec((await withMore.getByTestId('ns-more').textContent()) ?? '')?.[1]);
  const ends = () => page.locator('.react-flow__edge[data-testid^="rf__edge-nsreach:"]').evaluateAll((els) => els.map((e) =>
    (e.getAttribute('data-testid') ?? '').replace('rf__edge-nsreach:', '').split('>')));
  const mine = (list: string[][]) => list.filter(([a, b]) => a === id || b === id);
  const before = mine(await ends()).length;
  await withMore.locator('.ns-name').click();
  await expect(page.getByTestId(`rf__node-${id}`)).toHaveClass(/selected/);
  await expect.poll(async () => {
    const after = mine(await ends());
    const hubbed = after.filter(([a, b]) => (a === id && hubFrom.has(b)) || (b === id && hubTo.has(a))).length;
    return after.length - hubbed;
  }).toBe(before + more);
});

test('the 2,000 overview at fit: every text line a card draws is at least 9 px on screen (1280x800 and 1920x1080)', async ({ page, api }) => {
  await importBig(page, api, YAML);
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(800);
    // Text drawn on a card (leaf elements with text, not display:none), in screen px.
    const small = await smallTexts(page, '[data-testid="ns-card"]');
    expect(small.slice(0, 10), `${small.length} texts under 9 px at ${size.width}x${size.height}`).toEqual([]);
    // What a card says stays inside it (nothing cut mid-line except a hub's ellipsis).
    const cut = await page.locator('[data-testid="ns-card"] .ns-name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await expect(page.locator('[data-testid="ns-card"] [data-testid="ns-hub-from"]').first()).toBeVisible();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-readable-2000-overview-${size.width}x${size.height}.png` });
  }
});
