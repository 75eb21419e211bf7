// Keyboard and accessibility (issue 9 §5): an intent drawn from the keyboard ("Connect to…").
import { IDS, drawIntentFromKeyboard, expect, loadSmallDesign, test } from './support/test.ts';

test('Connect to… draws an intent from the keyboard: a filtered target list, then the port dialog', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await canvas.node(IDS.web).click();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('From shop/web to:');
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  // Same namespace first: api, then the rest.
  await expect(dialog.getByRole('option').first()).toContainText('api');
  await input.fill('data');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option', { selected: true })).toContainText('db');
  await page.keyboard.press('Enter');
  const intent = page.getByTestId('intent-dialog');
  await expect(intent).toContainText('From shop/web to data/db');
  await intent.getByRole('button', { name: 'Add intent' }).focus();
  await page.keyboard.press('Enter');
  await expect(intent).toHaveCount(0);
  const doc = await api.getDoc();
  expect(Object.values(doc.model.intents)).toEqual([expect.objectContaining({ fromId: IDS.web, toId: IDS.db })]);
});

test('Connect to… with nothing selected says what to do; Escape closes the list', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await page.keyboard.press('c');
  await expect(page.getByTestId('notice')).toContainText('Select one workload');
  await canvas.node(IDS.api).click();
  await page.getByRole('button', { name: /^Connect to…/ }).click();
  await expect(page.getByTestId('connect-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connect-dialog')).toHaveCount(0);
});

const activeNodeId = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);

test('Tab: a skip link first; the canvas is one Tab stop; arrow keys go between nodes; Enter selects', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to canvas' })).toBeFocused();
  await page.keyboard.press('Enter');
  const first = await activeNodeId(page);
  expect(first).not.toBeNull();
  // It shows a focus ring.
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  // One node is the Tab stop, no edge is one.
  await expect(page.locator('.react-flow__node[tabindex="0"]')).toHaveCount(1);
  expect(await page.locator('.react-flow__edge[tabindex="0"]').count()).toBe(0);
  // Arrow keys reach every node of the small design.
  const seen = new Set([first]);
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown']) {
    await page.keyboard.press(key);
    seen.add(await activeNodeId(page));
  }
  expect(seen.size).toBeGreaterThanOrEqual(3);
  // The node focused last is the canvas's Tab stop now; Enter selects it.
  const now = (await activeNodeId(page))!;
  await expect(page.locator('.react-flow__node[tabindex="0"]')).toHaveAttribute('data-id', now);
  await page.keyboard.press('Enter');
  await expect(canvas.node(now)).toHaveClass(/selected/);
  // Tab leaves the nodes at once (to the canvas controls), not through every node.
  await page.keyboard.press('Tab');
  expect(await activeNodeId(page)).toBeNull();
});

test('"Skip to panels" goes to the side panel', async ({ page, api }) => {
  void api;
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to panels' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#side-panel'))).toBe(true);
});

test('E on a focused node explains its connections one after another (edges are not Tab stops)', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // From the namespace (the top-left stop, no connection of its own) down to a workload.
  await page.keyboard.press('ArrowDown');
  expect(Object.values(IDS)).toContain(await activeNodeId(page));
  await page.keyboard.press('e');
  await expect(page.getByTestId('notice')).toContainText(/Explaining connection 1 of \d+/);
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('e');
  await expect(page.getByTestId('notice')).toContainText(/Explaining connection 2 of \d+/);
});

const activeEdge = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement?.closest('.react-flow__edge');
    return el ? { id: el.getAttribute('data-id'), label: el.getAttribute('aria-label') ?? '', ring: el.classList.contains('kb-focus') } : null;
  });

test('] and [ walk a node\'s connections: the focused one has a ring and a name, Enter selects it, Delete removes an intent', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  // An intent web -> db, drawn from the keyboard.
  const intentId = await drawIntentFromKeyboard(page, api, canvas, IDS.web, 'db');
  await expect(canvas.edge(`intent:${intentId}`)).toBeAttached();

  await canvas.node(IDS.web).focus();
  await page.keyboard.press(']');
  const first = await activeEdge(page);
  expect(first?.ring).toBe(true);
  expect(first?.label).toMatch(/ shop\/web|shop\/web → /);
  // The ring is drawn: a wide blue band along the edge.
  expect(await page.locator('.react-flow__edge.kb-focus .react-flow__edge-interaction').evaluate((el) => getComputedStyle(el).strokeOpacity)).toBe('0.35');
  // Still one Tab stop on the canvas, and no edge is one.
  await expect(page.locator('.react-flow__node[tabindex="0"]')).toHaveCount(1);
  expect(await page.locator('.react-flow__edge[tabindex="0"]').count()).toBe(0);

  // ] goes round every connection at web and comes back to the first; [ goes back.
  const seen: string[] = [first!.id!];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(']');
    const e = (await activeEdge(page))!;
    if (e.id === first!.id) break;
    seen.push(e.id!);
  }
  expect(seen.length).toBeGreaterThan(1);
  expect(seen).toContain(`intent:${intentId}`);
  await page.keyboard.press('[');
  expect((await activeEdge(page))?.id).toBe(seen.at(-1));

  // A connection that follows from the policies is not deleted (nor the selected node behind it).
  await expect.poll(async () => (await activeEdge(page))?.id).toBe(seen.at(-1));
  if (!seen.at(-1)!.startsWith('intent:')) {
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('notice')).toContainText('Only an intent can be deleted');
    await expect(canvas.node(IDS.web)).toBeVisible();
  }

  // Walk to the intent; Enter selects it as a click does.
  for (let i = 0; i < seen.length && (await activeEdge(page))?.id !== `intent:${intentId}`; i++) await page.keyboard.press(']');
  const onIntent = (await activeEdge(page))!;
  expect(onIntent.id).toBe(`intent:${intentId}`);
  expect(onIntent.label).toMatch(/^Intent shop\/web → data\/db: TCP 5432.*Delete removes it/);
  await page.keyboard.press('Enter');
  await expect(canvas.edge(`intent:${intentId}`)).toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Explain/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notice')).toContainText('Selected. Its explanation is in the Explain tab.');
  await page.getByRole('tab', { name: /Inspect/ }).click();
  await expect(page.locator('#side-panel').getByRole('button', { name: 'Delete intent' })).toBeVisible();
  // The notice is about that selection: selecting a node instead takes it away (not 6 s later).
  await canvas.node(IDS.db).click();
  await expect(page.getByTestId('notice')).toHaveCount(0, { timeout: 1000 });
  await page.keyboard.press('Escape');
  // Back on the edge, Delete removes the intent (one undo step) and focus returns to web.
  await canvas.node(IDS.web).focus();
  for (let i = 0; i < seen.length + 1 && (await activeEdge(page))?.id !== `intent:${intentId}`; i++) await page.keyboard.press(']');
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.keys((await api.getDoc()).model.intents)).toEqual([]);
  await expect(canvas.edge(`intent:${intentId}`)).toHaveCount(0);
  expect(await activeNodeId(page)).toBe(IDS.web);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Object.keys((await api.getDoc()).model.intents)).toEqual([intentId]);

  // Escape goes from a connection back to its node.
  await page.keyboard.press(']');
  expect(await activeEdge(page)).not.toBeNull();
  await page.keyboard.press('Escape');
  expect(await activeNodeId(page)).toBe(IDS.web);
  await expect(page.locator('.react-flow__edge.kb-focus')).toHaveCount(0);
});

// User test on the example design at 1280x800 (issue 9): a connection selected from the keyboard,
// then a node selected (keyboard or mouse), must show the node in the Inspector, not the
// connection's explanation.
const PROMETHEUS = 'wl:monitoring/Deployment/prometheus';
const POSTGRES = 'wl:data/StatefulSet/postgres';
const PROM_TO_PG = (id: string | null | undefined) => !!id && id.includes('prometheus') && id.includes('postgres');

test('example design: ] + Enter selects prometheus→postgres, Escape, arrow to postgres, Enter shows postgres in the Inspector', async ({ page, api, canvas }) => {
  void api;
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(canvas.node(PROMETHEUS)).toBeVisible();
  await expect(canvas.node(POSTGRES)).toBeVisible();
  await canvas.node(PROMETHEUS).focus();
  // ] until the connection prometheus → postgres has focus, then Enter selects it.
  for (let i = 0; i < 12 && !PROM_TO_PG((await activeEdge(page))?.id); i++) await page.keyboard.press(']');
  const edgeId = (await activeEdge(page))!.id!;
  expect(PROM_TO_PG(edgeId)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(canvas.edge(edgeId)).toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Explain/ })).toHaveAttribute('aria-selected', 'true');
  // Escape: back on prometheus; arrows to postgres; Enter selects it.
  await page.keyboard.press('Escape');
  expect(await activeNodeId(page)).toBe(PROMETHEUS);
  // Up from prometheus: redis, then postgres.
  for (let i = 0; i < 3 && (await activeNodeId(page)) !== POSTGRES; i++) await page.keyboard.press('ArrowUp');
  expect(await activeNodeId(page)).toBe(POSTGRES);
  await page.keyboard.press('Enter');
  await expect(canvas.node(POSTGRES)).toHaveClass(/selected/);
  await expect(canvas.edge(edgeId)).not.toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Inspect/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#side-panel')).toContainText('postgres');
  await expect(page.locator('#side-panel')).not.toContainText('monitoring/prometheus → data/postgres');
});

test('example design, mouse: click a connection (Explain), then click a node: the Inspector shows the node', async ({ page, api, canvas }) => {
  void api;
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(canvas.node(POSTGRES)).toBeVisible();
  // The connection prometheus → postgres, clicked where it runs farthest from every other edge
  // (near prometheus it leaves beside prometheus → redis).
  const edgeIds = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const edgeId = edgeIds.find(PROM_TO_PG)!;
  expect(edgeId).toBeTruthy();
  const mid = await page.evaluate((id) => {
    const screen = (p: SVGPathElement, at: number) => {
      const pt = p.getPointAtLength(at);
      const m = p.getScreenCTM()!;
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    };
    const samples = (p: SVGPathElement, n: number) => Array.from({ length: n + 1 }, (_, i) => screen(p, (p.getTotalLength() * i) / n));
    const paths = Array.from(document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path'));
    const own = paths.find((p) => p.closest('.react-flow__edge')?.getAttribute('data-id') === id)!;
    const others = paths.filter((p) => p !== own).flatMap((p) => samples(p, 80));
    const candidates = samples(own, 40).slice(8, 33);
    const clearance = (q: { x: number; y: number }) => Math.min(...others.map((o) => Math.hypot(o.x - q.x, o.y - q.y)));
    return candidates.reduce((best, q) => (clearance(q) > clearance(best) ? q : best));
  }, edgeId);
  await page.mouse.click(mid.x, mid.y);
  await expect(canvas.edge(edgeId)).toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Explain/ })).toHaveAttribute('aria-selected', 'true');
  await canvas.node(POSTGRES).click();
  await expect(canvas.node(POSTGRES)).toHaveClass(/selected/);
  await expect(canvas.edge(edgeId)).not.toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Inspect/ })).toHaveAttribute('aria-selected', 'true');
});
