// Live review sessions with two or three people, each in a browser context of their own,
// against a real collaboration server (playwright.config.ts starts one; the restart test runs
// its own process to kill).
import { IDS, SMALL_DESIGN, expect, test, toolbarMenu } from './support/test.ts';
import { designName, joinSession, person, rename, startSession } from './support/live.ts';

test.describe.configure({ mode: 'serial' });

test('Start live session gives two links; an edit in one browser appears in the others; undo is per person', async ({ browser }) => {
  const ann = await person(browser, 'Ann');
  await ann.page.evaluate((y) => (window as any).__netpol.loadYaml(y), SMALL_DESIGN);
  await toolbarMenu(ann.page, 'Review').click();
  await ann.page.getByRole('menuitem', { name: 'Start live session' }).click();
  const dialog = ann.page.getByTestId('live-dialog');
  await expect(dialog).toBeVisible();
  const editorLink = await dialog.getByTestId('live-editor-link').inputValue();
  const reviewerLink = await dialog.getByTestId('live-reviewer-link').inputValue();
  // 128 random bits each for the room and the keys (22 base64url characters).
  expect(editorLink).toMatch(/#live=[A-Za-z0-9_-]{22}&role=editor&key=[A-Za-z0-9_-]{22}&server=/);
  expect(reviewerLink).toMatch(/&role=reviewer&key=[A-Za-z0-9_-]{22}/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(ann.page.getByTestId('live-connection')).toHaveAttribute('data-state', 'connected');

  const bob = await joinSession(browser, 'Bob', editorLink);
  const cem = await joinSession(browser, 'Cem', editorLink);
  await expect(bob.page.getByTestId(`rf__node-${IDS.web}`)).toBeVisible();
  expect(await designName(bob.page)).toBe('test');

  await rename(ann.page, 'Shop (Ann)');
  await expect.poll(() => designName(bob.page)).toBe('Shop (Ann)');
  await expect.poll(() => designName(cem.page)).toBe('Shop (Ann)');
  await expect(bob.page.getByLabel('Design name')).toHaveValue('Shop (Ann)');

  // Bob deletes a workload; Ann's undo only takes back Ann's rename, not Bob's delete.
  await bob.page.getByTestId(`rf__node-${IDS.db}`).click();
  await bob.page.keyboard.press('Delete');
  await expect(ann.page.getByTestId(`rf__node-${IDS.db}`)).toHaveCount(0);
  await ann.page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => designName(ann.page)).toBe('test');
  await expect.poll(() => designName(cem.page)).toBe('test');
  await expect(ann.page.getByTestId(`rf__node-${IDS.db}`)).toHaveCount(0);
  await expect(ann.page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // Bob's undo brings his workload back, everywhere.
  await bob.page.keyboard.press('Control+z');
  await expect(cem.page.getByTestId(`rf__node-${IDS.db}`)).toBeVisible();

  // Presence: everyone sees the others.
  await expect(ann.page.getByTestId('live-peer')).toHaveCount(2);

  // Leaving keeps a local copy that no longer follows the room.
  await cem.page.getByTestId('live-leave').click();
  await expect(cem.page.getByTestId('live-bar')).toHaveCount(0);
  await rename(ann.page, 'after Cem left');
  await expect.poll(() => designName(bob.page)).toBe('after Cem left');
  expect(await designName(cem.page)).toBe('test');
  await cem.page.reload();
  await cem.page.waitForFunction(() => !!(window as any).__netpol);
  expect(await designName(cem.page)).toBe('test');
  expect(reviewerLink).not.toBe(editorLink);
  await Promise.all([ann.close(), bob.close(), cem.close()]);
});

test('a reviewer comments but cannot edit: the UI is off and the server refuses a forced write, saying why', async ({ browser }) => {
  const ann = await person(browser, 'Ann');
  await ann.page.evaluate((y) => (window as any).__netpol.loadYaml(y), SMALL_DESIGN);
  const links = await startSession(ann.page);
  const rita = await joinSession(browser, 'Rita', links.reviewer);
  await expect(rita.page.getByTestId('live-bar')).toContainText('Reviewer');
  await expect(rita.page.getByLabel('Design name')).toHaveValue('test');

  // The UI refuses: deleting a node does nothing, with the reason shown.
  await rita.page.getByTestId(`rf__node-${IDS.db}`).click();
  await rita.page.keyboard.press('Delete');
  await expect(rita.page.getByTestId(`rf__node-${IDS.db}`)).toBeVisible();
  // Bypassing the UI: the server refuses the write and says why.
  await rita.page.evaluate(() => (window as any).__netpol.rawDesignWrite('hacked by a reviewer'));
  await expect(rita.page.getByTestId('notice')).toContainText('Reviewers cannot edit the design');
  await rename(ann.page, 'still Ann\'s');
  await expect.poll(() => designName(ann.page)).toBe('still Ann\'s');
  await ann.page.waitForTimeout(300);
  expect(await designName(ann.page)).toBe('still Ann\'s');

  // Comments are allowed and appear live.
  await rita.page.getByRole('tab', { name: 'Comments' }).click();
  const panel = rita.page.getByTestId('comments-panel');
  await panel.getByLabel('Comment', { exact: true }).fill('Why can web reach the database?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await ann.page.getByRole('tab', { name: 'Comments' }).click();
  await expect(ann.page.getByTestId('comments-panel').getByTestId('comment-thread')).toContainText('Why can web reach the database?');
  const thread = ann.page.getByTestId('comments-panel').getByTestId('comment-thread');
  await thread.getByLabel('Reply').fill('It should not; fixing.');
  await thread.getByLabel('Reply').press('Control+Enter');
  await expect(panel.getByTestId('comment-thread').locator('.message')).toHaveCount(2);
  await Promise.all([ann.close(), rita.close()]);
});

test('a reviewer link to a room that does not exist is refused and the own design stays', async ({ browser, baseURL }) => {
  const rita = await person(browser, 'Rita');
  await rita.page.evaluate((y) => (window as any).__netpol.loadYaml(y), SMALL_DESIGN);
  const server = encodeURIComponent(`ws://127.0.0.1:${Number(new URL(baseURL as string).port) + 310}`);
  await rita.page.goto(`${baseURL}/#live=AAAAAAAAAAAAAAAAAAAAAA&role=reviewer&key=BBBBBBBBBBBBBBBBBBBBBB&server=${server}`);
  await rita.page.waitForFunction(() => !!(window as any).__netpol);
  await expect(rita.page.getByTestId('notice')).toContainText('does not exist');
  await expect(rita.page.getByTestId('live-bar')).toHaveCount(0);
  expect(await designName(rita.page)).toBe('test');
  await rita.close();
});

