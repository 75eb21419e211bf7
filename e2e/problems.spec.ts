// The Problems tab on a 500-workload import: the tab's badge and the list state the same number
// for the same category (errors and warnings; info apart), and each row's severity dot sits on
// the first line of its text, not alone on a line of its own.
import { expect, test } from './support/test.ts';
import { importBig, shot } from './support/big-design.ts';
import type { Locator } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

const firstNumber = async (l: Locator): Promise<number> => {
  const m = /\d+/.exec((await l.textContent()) ?? '');
  if (!m) throw new Error(`no number in "${await l.textContent()}"`);
  return Number(m[0]);
};

test('a 500-workload import: the Problems badge is the number the list states, and dots sit inline', async ({ page, api }) => {
  await importBig(page, api);
  const tab = page.locator('#tab-problems');
  await tab.click();
  const list = page.getByTestId('problems');
  await expect(list).toBeVisible();
  const badge = Number(await tab.locator('.badge').textContent());
  expect(badge).toBeGreaterThan(0);

  // Each section's header leads with the same category the badge counts; together they are the badge.
  const headers = list.locator('section h4');
  const n = await headers.count();
  expect(n).toBeGreaterThan(0);
  let stated = 0;
  for (let i = 0; i < n; i++) stated += await firstNumber(headers.nth(i));
  expect(stated, 'errors and warnings the section headers state').toBe(badge);
  await expect(page.getByTestId('problems-summary')).toContainText(new RegExp(`^${badge} errors? (and|or) warnings?`));
  await expect(tab).toHaveAccessibleName(new RegExp(`Problems \\(${badge} errors? (and|or) warnings?\\)`));

  // Every row listed is either counted in the badge or stated as info.
  const summary = (await page.getByTestId('problems-summary').textContent()) ?? '';
  const info = Number(/(\d+) info/.exec(summary)?.[1] ?? 0);
  await expect(list.locator('li.problem')).toHaveCount(badge + info);
  await expect(list.locator('li.problem.sev-info')).toHaveCount(info);

  // The dot is on its text's first line (centre within one line height of the text's top).
  const rows = list.locator('li.problem');
  for (const i of [0, 1, 2, (await rows.count()) - 1]) {
    await rows.nth(i).scrollIntoViewIfNeeded();
    const dot = await rows.nth(i).locator('.sev-dot').boundingBox();
    const text = await rows.nth(i).locator('.sev-dot + *').boundingBox();
    expect(dot && text, `row ${i} boxes`).toBeTruthy();
    const dotMid = dot!.y + dot!.height / 2;
    expect(dotMid, `row ${i}: dot beside its text`).toBeGreaterThanOrEqual(text!.y - 2);
    expect(dotMid, `row ${i}: dot on the first line`).toBeLessThanOrEqual(text!.y + 20);
    expect(dot!.x, `row ${i}: text right of the dot`).toBeLessThan(text!.x);
  }
  await list.evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'issue9-problems-big');
});
