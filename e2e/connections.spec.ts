// The Inspector's Connections list (issue 9): the selected node's connections as text, with the
// ports the canvas edges show; on the 500-workload overview a namespace card's list counts what
// the card draws and summarises; activating a row (click or Enter) explains that pair.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openAsSharedLink, test } from './support/test.ts';
import { importBig, shot } from './support/big-design.ts';

const API = 'wl:shop/Deployment/api';

const section = (page: Page) => page.getByTestId('connections');
const group = (page: Page, dir: 'incoming' | 'outgoing') => page.getByTestId(`connections-${dir}`);
const rowTexts = (g: Locator) => g.locator('.conn-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
const headingCount = async (g: Locator) => Number((await g.getByTestId('connections-heading').innerText()).match(/\((\d[\d,]*)\)/)![1].replace(/,/g, ''));

/** Reachability edges drawn at a node, in and out (namespace-pair edges, load-balancer wiring excluded). */
async function drawnAt(page: Page, id: string): Promise<{ into: number; out: number }> {
  return page.evaluate((nodeId) => {
    const ids = Array.from(document.querySelectorAll('.react-flow__edge')).map((e) => e.getAttribute('data-testid')?.replace(/^rf__edge-/, '') ?? '')
      .filter((x) => x.startsWith('nsreach:') && !x.startsWith('nsreach:lb:'));
    const ends = ids.map((x) => x.slice('nsreach:'.length).split('>'));
    return { into: ends.filter(([, d]) => d === nodeId).length, out: ends.filter(([s]) => s === nodeId).length };
  }, id);
}

test('the example: a workload\'s connections with their ports; Enter on a row explains that pair', async ({ page, api, canvas }) => {
  void api;
  await canvas.node(API).click();
  await expect(section(page)).toBeVisible();
  await expect(group(page, 'incoming').getByTestId('connections-heading')).toHaveText('Reached from (2)');
  expect(await rowTexts(group(page, 'incoming'))).toEqual(['From workload monitoring/prometheus TCP 9102', 'From workload shop/web TCP 8080']);
  await expect(group(page, 'outgoing').getByTestId('connections-heading')).toHaveText('Reaches (2)');
  expect(await rowTexts(group(page, 'outgoing'))).toEqual(['To workload data/postgres TCP 5432', 'To workload data/redis TCP 6379']);
  // A row is a button named by what it shows, with a visible focus ring.
  const row = group(page, 'outgoing').getByRole('button', { name: 'To workload data/postgres TCP 5432' });
  await row.scrollIntoViewIfNeeded();
  await row.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(row).toBeFocused();
  expect(await row.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
  const axe = await new AxeBuilder({ page }).include('[data-testid="connections"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shot(page, 'issue9-connections-example');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('explain').locator('.explain-title')).toContainText('api');
  await expect(page.getByTestId('explain').locator('.explain-title')).toContainText('postgres');
  await expect(page.getByTestId('allowed-ports')).toHaveText('TCP 5432');
  // The workload stays selected: back on the Inspect tab its list is there again.
  await expect(canvas.node(API)).toHaveClass(/selected/);
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(group(page, 'outgoing').getByTestId('connections-heading')).toHaveText('Reaches (2)');
});

test('read-only (a shared link): the list is there and its rows still explain', async ({ page, api, canvas }) => {
  void api;
  await expect(canvas.node(API)).toBeVisible();
  await openAsSharedLink(page);
  await canvas.node(API).click();
  await expect(page.getByTestId('inspector-fields')).toHaveAttribute('disabled', '');
  const row = group(page, 'incoming').getByRole('button', { name: 'From workload shop/web TCP 8080' });
  await expect(row).toBeEnabled();
  await row.click();
  await expect(page.getByTestId('allowed-ports')).toHaveText('TCP 8080');
});

test('500 workloads: a namespace card\'s list counts what the card draws and summarises, and a row explains its pair', async ({ page, api, canvas }) => {
  test.setTimeout(120_000);
  const doc = await importBig(page, api);
  const ks = Object.values(doc.model.namespaces).find((n) => n.name === 'kube-system')!;
  const card = page.locator(`[data-testid="ns-card"][data-namespace="kube-system"]`);
  // Not selected: DNS is a hub, its incoming connections are summarised on the card ("⇠ 24 ns · …").
  const hub = (await card.getByTestId('ns-hub-from').innerText()).match(/⇠\s*(\d+) ns/);
  expect(hub).not.toBeNull();
  const summarised = Number(hub![1]);
  const before = await drawnAt(page, ks.id);
  await canvas.node(ks.id).locator('.ns-name').click();
  await expect(section(page)).toBeVisible();
  const into = await headingCount(group(page, 'incoming'));
  expect(into).toBe(before.into + summarised);
  // Selected: every connection of the card is drawn, one edge per row.
  await expect.poll(async () => (await drawnAt(page, ks.id)).into).toBe(into);
  expect((await drawnAt(page, ks.id)).out).toBe(await headingCount(group(page, 'outgoing')));
  // A long list shows its first rows, and all of them on request.
  const rows = group(page, 'incoming').locator('.conn-row');
  if (into > 8) {
    await expect(rows).toHaveCount(8);
    await shot(page, 'issue9-connections-500');
    await group(page, 'incoming').getByRole('button', { name: `Show all ${into}` }).click();
  }
  await expect(rows).toHaveCount(into);
  // Each row is a namespace with its flows and ports, as its edge is labelled ("20 flows · TCP 53; UDP 53").
  const first = rows.first();
  const peer = (await first.getAttribute('data-peer'))!;
  const peerName = doc.model.namespaces[peer].name;
  await expect(first.locator('.conn-peer')).toHaveText(`From namespace ns${peerName}`);
  const m = (await first.locator('.conn-ports').textContent())!.match(/^(.+) · (\d+) flows$/);
  expect(m).not.toBeNull();
  await expect(page.getByTestId(`rf__edge-nsreach:${peer}>${ks.id}`)).toHaveCount(1);
  await expect(page.getByTestId(`rf__edge-nsreach:${peer}>${ks.id}`).locator('title').first()).toHaveText(`${m![2]} flows · ${m![1]}`);
  await first.click();
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('explain').locator('.explain-title')).toContainText(peerName);
  await expect(page.getByTestId('explain').locator('.explain-title')).toContainText('kube-system');
  // An allowed pair of the row (of the workload pairs behind it, the first the edge explains too).
  await expect(page.getByTestId('verdict')).not.toHaveClass(/verdict-denied/);
  await expect(page.getByTestId('allowed-ports')).not.toHaveText('none');
});
