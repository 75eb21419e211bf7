// A 500-workload import as a user meets it: the overview is readable at fit (compact namespace
// nodes, all in view, no label over another label or a node), expanding a namespace shows its
// workloads and their edges, and search finds a workload and focuses it.
import { synthetic } from '../bench/synthetic.ts';
import { expect, test } from './support/test.ts';
import { boxes, overlap, smallTexts } from './support/boxes.ts';
import { importBig, shot, yamlOf } from './support/big-design.ts';

test.describe.configure({ timeout: 180_000 });


test('a 500-workload import opens as a readable overview; expanding and search reach the workloads', async ({ page, api }) => {
  const doc = await importBig(page, api);
  const namespaces = Object.values(doc.model.namespaces);
  expect(Object.keys(doc.model.workloads)).toHaveLength(500);

  // Overview at fit: one compact node per namespace, all of them in view, no workload drawn.
  const cards = page.getByTestId('ns-card');
  await expect(cards).toHaveCount(namespaces.length);
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(0);
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const cardBoxes = await boxes(page, '[data-testid="ns-card"]');
  for (const b of cardBoxes) {
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    // Readable: the card is drawn at a size its text can be read at.
    expect(b.width).toBeGreaterThan(90);
  }
  // Connections are one edge per namespace pair, with a count.
  await expect(page.locator('.react-flow__edge[data-testid^="rf__edge-nsreach:"]').first()).toBeAttached();
  // No label over another label or over a node.
  const labels = await boxes(page, '.edge-label, .edge-badge');
  expect(labels.length).toBeGreaterThan(0);
  const nodes = await boxes(page, '.react-flow__node');
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j]), `labels ${i} and ${j} overlap`).toBe(false);
    for (const n of nodes) expect(overlap(labels[i], n), `label ${i} covers a node`).toBe(false);
  }
  await shot(page, 'issue9-500-overview');

  // Expanding a namespace shows its workloads and their own edges.
  const ns = namespaces.find((n) => n.name !== 'kube-system')!;
  const inside = Object.values(doc.model.workloads).filter((w) => w.namespaceId === ns.id);
  await page.getByRole('button', { name: `Show the workloads of ${ns.name}`, exact: true }).click();
  for (const w of inside.slice(0, 3)) await expect(page.getByTestId(`rf__node-${w.id}`)).toBeVisible();
  await expect(page.locator('.react-flow__node-workload')).toHaveCount(inside.length);
  // The opened namespace is brought into view whole, not left running off the screen.
  await expect.poll(async () => {
    const b = (await page.getByTestId(`rf__node-${ns.id}`).boundingBox())!;
    return b.x >= canvas.x - 1 && b.y >= canvas.y - 1 && b.x + b.width <= canvas.x + canvas.width + 1 && b.y + b.height <= canvas.y + canvas.height + 1;
  }).toBe(true);
  const edgeIds = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  expect(edgeIds.some((id) => inside.some((w) => id.includes(w.id)))).toBe(true);
  // The others stay compact.
  await expect(cards).toHaveCount(namespaces.length - 1);

  // Search finds a workload of another namespace and focuses it: opened, selected, centred.
  const other = namespaces.find((n) => n.id !== ns.id && n.name !== 'kube-system')!;
  const target = Object.values(doc.model.workloads).find((w) => w.namespaceId === other.id)!;
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Find workload, namespace or policy' });
  await expect(box).toBeFocused();
  await box.fill(target.name);
  await expect(page.getByRole('option').first()).toContainText(target.name);
  await box.press('Enter');
  await expect(page.getByTestId('search-dialog')).toHaveCount(0);
  const node = page.getByTestId(`rf__node-${target.id}`);
  await expect(node).toBeVisible();
  await expect(node).toHaveClass(/selected/);
  await expect.poll(async () => {
    const b = (await node.boundingBox())!;
    const c = (await page.locator('.react-flow').boundingBox())!;
    return Math.hypot(b.x + b.width / 2 - (c.x + c.width / 2), b.y + b.height / 2 - (c.y + c.height / 2));
  }).toBeLessThan(40);
  // Ctrl+K opens the same box.
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('search-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-dialog')).toHaveCount(0);
});

test('the 500 overview at fit: every text on the canvas is at least 9 px on screen and no name is cut (1280x800 and 1920x1080)', async ({ page, api }) => {
  await importBig(page, api);
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(800);
    // Cards, load balancers, external networks and edge labels (src/canvas/card-detail.ts drops what would be smaller).
    const small = [...await smallTexts(page, '.react-flow__node'), ...await smallTexts(page, '.edge-label, .edge-badge')];
    expect(small.slice(0, 10), `${small.length} texts under 9 px at ${size.width}x${size.height}`).toEqual([]);
    const cut = await page.locator('.react-flow__node :is(.ns-name, .lb-name, .ext-name)').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
    expect(cut, 'names cut').toEqual([]);
    // Zoomed out, a card still says its default-deny state and exposure (one larger line).
    await expect(page.locator('[data-testid="ns-card"][data-namespace="billing-1"] :is([data-testid="ns-card-summary"], .ns-card-line):visible')).toContainText(/in \+ out/);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/issue9-readable-500-overview-${size.width}x${size.height}.png` });
  }
});

test('the 500-workload import with 200 cluster policies shows the NetworkPolicy allows an Admin Deny overrides, without a selection', async ({ page, api }) => {
  const tiered = synthetic(500, 200, 42, { clusterPolicies: 200 });
  const doc = await importBig(page, api, yamlOf(tiered));
  const clusterPolicies = await page.evaluate(() => Object.keys((window as any).__netpol.getDoc().model.clusterPolicies ?? {}).length);
  expect(clusterPolicies).toBe(200);
  // Overview: the overridden pairs are purple edges between namespace cards, their label (or,
  // where it does not fit, a badge with the label as its title) naming the Admin policy.
  await expect(page.getByTestId('ns-card').first()).toBeVisible();
  const marks = page.locator('.edge-label.edge-cluster-deny, .edge-badge.edge-cluster-deny');
  await expect(marks.first()).toBeAttached();
  await expect(marks.first()).toHaveAttribute('data-label', /^✗ Admin guard-\d+/);
  const nsIds = new Set(Object.keys(doc.model.namespaces));
  const ends = (await marks.first().getAttribute('data-edge-id'))!.replace(/^deny:/, '').split('>');
  expect(ends.every((id) => nsIds.has(id))).toBe(true); // between namespace cards
  await shot(page, 'cluster-overrides-overview');
});
