import { IDS, expect, loadSmallDesign, test, toolbarAction } from './support/test.ts';

test('a comment is added, replied to, resolved, and survives a reload and the share link', async ({ page, api, canvas, browser, baseURL }) => {
  await loadSmallDesign(api, canvas);
  await canvas.node(IDS.db).click();
  const depthBefore = await api.undoDepth();
  await page.getByRole('tab', { name: 'Comments' }).click();
  const panel = page.getByTestId('comments-panel');
  await expect(panel.getByLabel('Comment on')).toHaveValue(`node:${IDS.db}`);

  // The author's name is asked once.
  await panel.getByLabel('Your name').fill('Alex');
  await panel.getByLabel('Comment', { exact: true }).fill('Should the database accept connections from shop/web?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = panel.getByTestId('comment-thread');
  await expect(thread).toHaveCount(1);
  await expect(thread).toContainText('workload data/db');
  await expect(thread).toContainText('Alex');
  await expect(panel.getByLabel('Your name')).toHaveCount(0);
  // A badge with the count on the node.
  await expect(canvas.node(IDS.db).getByTestId('comment-badge')).toHaveText(/1/);

  // Reply with the keyboard (Ctrl+Enter), then resolve.
  await thread.getByLabel('Reply').fill('Only the api should; web goes through it.');
  await thread.getByLabel('Reply').press('Control+Enter');
  await expect(thread.locator('.message')).toHaveCount(2);
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.getByText('Resolved (1)')).toBeVisible();
  // Comments are the review scope: the design (what evaluation reads) and its undo history are untouched.
  expect(Object.keys(await api.getDoc() as any).includes('review')).toBe(false);
  expect(Object.keys((await api.getDoc() as any).model)).not.toContain('comments');
  expect(await api.undoDepth()).toBe(depthBefore);
  const saved = Object.values((await api.getReview()).comments) as any[];
  expect(saved).toHaveLength(1);
  expect(saved[0].resolved).toBe(true);
  expect(saved[0].messages.map((m: any) => m.author)).toEqual(['Alex', 'Alex']);

  // Reload: the comment is in the autosaved review (its own key, next to the design's).
  await expect.poll(() => page.evaluate(() => localStorage.getItem('netpol-designer:autosave-review')?.includes('web goes through it') ?? false)).toBe(true);
  await page.reload();
  await page.waitForFunction(() => !!(window as any).__netpol);
  await page.getByRole('tab', { name: 'Comments' }).click();
  await page.getByText('Resolved (1)').click();
  const again = page.getByTestId('comment-thread');
  await expect(again).toContainText('web goes through it');
  await again.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByTestId('comments-panel').getByText('Open (1)')).toBeVisible();

  // The share link carries the thread to someone else, who may comment on the read-only copy.
  await toolbarAction(page, 'Share');
  const link = await page.getByTestId('share-link').inputValue();
  const ctx = await browser.newContext({ baseURL });
  const other = await ctx.newPage();
  await other.goto(link);
  await other.waitForFunction(() => !!(window as any).__netpol);
  await expect(other.getByTestId('read-only-banner')).toBeVisible();
  await other.getByRole('tab', { name: 'Comments' }).click();
  const otherPanel = other.getByTestId('comments-panel');
  await expect(otherPanel).toContainText('Comments are allowed on this shared design');
  await expect(otherPanel.getByTestId('comment-thread')).toContainText('Should the database accept connections from shop/web?');
  await expect(otherPanel.getByTestId('comment-thread')).toContainText('Only the api should');
  await expect(other.getByTestId(`rf__node-${IDS.db}`).getByTestId('comment-badge')).toBeVisible();
  const t = otherPanel.getByTestId('comment-thread');
  await t.getByLabel('Your name').fill('Sam');
  await t.getByLabel('Reply').fill('Agreed.');
  await t.getByRole('button', { name: 'Reply' }).click();
  await expect(t.locator('.message')).toHaveCount(3);

  // Leaving the shared design would drop that reply: the reviewer is asked first.
  const asked: string[] = [];
  other.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
  await other.getByTestId('read-only-banner').getByRole('button', { name: 'Back to my design' }).click();
  expect(asked[0]).toContain('You added comments');
  await expect(other.getByTestId('read-only-banner')).toBeVisible();
  await expect(t.locator('.message')).toHaveCount(3);
  await ctx.close();
});
