import type { Page } from '@playwright/test';
import { IDS, expect, loadSmallDesign, test, toolbarAction, toolbarMenu } from './support/test.ts';

const AUTOSAVE = 'netpol-designer:autosave';

function autosaveHas(page: Page, needle: string): Promise<boolean> {
  return page.evaluate(([k, n]) => localStorage.getItem(k)?.includes(n) ?? false, [AUTOSAVE, needle] as const);
}

test.describe('share links', () => {
  test('a shared link opens read-only in a fresh browser, and "Edit a copy" makes it editable', async ({ page, api, canvas, browser, baseURL }) => {
    await loadSmallDesign(api, canvas);
    await toolbarAction(page, 'Share');
    const dialog = page.getByTestId('share-dialog');
    await expect(dialog).toBeVisible();
    const link = await dialog.getByTestId('share-link').inputValue();
    expect(link).toContain('#d=');
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByRole('status')).toContainText(/copied|Ctrl\+C/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Someone else opens the link: a fresh context (no storage), whose own work is kept.
    const ctx = await browser.newContext({ baseURL });
    const other = await ctx.newPage();
    await other.goto('/');
    await other.waitForFunction(() => !!(window as any).__netpol);
    await other.evaluate(() => (window as any).__netpol.loadYaml('apiVersion: v1\nkind: Namespace\nmetadata: {name: mine}\n'));
    await expect.poll(() => autosaveHas(other, 'ns:mine')).toBe(true);

    await other.goto('about:blank');
    await other.goto(link);
    await other.waitForFunction(() => !!(window as any).__netpol);
    const banner = other.getByTestId('read-only-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Read-only');
    await expect(other.getByTestId(`rf__node-${IDS.web}`)).toBeVisible();
    const shared = await other.evaluate(() => (window as any).__netpol.getDoc());
    expect(Object.keys(shared.model.workloads).sort()).toEqual([IDS.api, IDS.db, IDS.web].sort());

    // Editing is refused: Delete on a selected node does nothing, the palette is disabled.
    await other.getByTestId(`rf__node-${IDS.api}`).click();
    await other.keyboard.press('Delete');
    await expect(other.getByTestId(`rf__node-${IDS.api}`)).toBeVisible();
    await expect(other.getByTestId('palette-namespace')).toHaveCSS('pointer-events', 'none');
    await expect(other.getByTestId('palette-namespace')).toHaveAttribute('aria-disabled', 'true');
    // The Inspector's fields are disabled before any typing, not refused afterwards.
    await expect(other.getByTestId('inspector-fields')).toHaveAttribute('disabled', '');
    await expect(other.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
    // ...and the autosave still holds the user's own design.
    await other.waitForTimeout(600);
    expect(await autosaveHas(other, 'ns:mine')).toBe(true);

    // Edit a copy: the shared design becomes the working design; the previous one is restorable.
    await banner.getByRole('button', { name: 'Edit a copy' }).click();
    await expect(banner).toHaveCount(0);
    const offer = other.getByTestId('backup-offer');
    await expect(offer).toBeVisible();
    await expect.poll(() => autosaveHas(other, IDS.web)).toBe(true);
    await other.getByTestId(`rf__node-${IDS.api}`).click();
    await other.keyboard.press('Delete');
    await expect(other.getByTestId(`rf__node-${IDS.api}`)).toHaveCount(0);
    expect(other.url()).not.toContain('#d=');

    await offer.getByRole('button', { name: 'Restore my previous design' }).click();
    await expect(other.getByTestId('rf__node-ns:mine')).toBeVisible();
    await expect.poll(() => autosaveHas(other, 'ns:mine')).toBe(true);
    // Restoring is one undo step: the edited copy is not lost.
    await other.getByRole('button', { name: 'Undo' }).click();
    await expect(other.getByTestId(`rf__node-${IDS.web}`)).toBeVisible();
    await expect(other.getByTestId(`rf__node-${IDS.api}`)).toHaveCount(0);
    await ctx.close();
  });

  test('a corrupt or newer-format link says so and keeps the autosaved design', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    await toolbarAction(page, 'Share');
    const link = await page.getByTestId('share-link').inputValue();
    await page.keyboard.press('Escape');
    await expect.poll(() => autosaveHas(page, IDS.db)).toBe(true);

    // Cut off half way, as a chat tool might.
    await page.goto('about:blank');
    await page.goto(link.slice(0, Math.floor(link.length * 0.6)));
    await page.waitForFunction(() => !!(window as any).__netpol);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('This share link could not be opened');
    await expect(notice).toContainText('your own design is unchanged');
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(canvas.node(IDS.db)).toBeVisible();
    expect(await autosaveHas(page, IDS.db)).toBe(true);

    // A link from a newer version of the app.
    await page.goto('about:blank');
    await page.goto('/#d=99.abcdef');
    await page.waitForFunction(() => !!(window as any).__netpol);
    await expect(page.getByTestId('notice')).toContainText('newer NetPol Designer');
    await expect(canvas.node(IDS.db)).toBeVisible();
  });
});

test('read-only: the policy editor, cluster policies and the Cluster and Patterns dialogs are disabled up front', async ({ page, api }) => {
  void api; // the example design, with policies
  await toolbarAction(page, 'Share');
  const link = await page.getByTestId('share-dialog').getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();

  // Policy editor: its fields are disabled before any typing; going back to the list still works.
  await page.getByRole('tab', { name: /^Policies/ }).click();
  await expect(page.getByRole('button', { name: /^New policy in/ }).first()).toBeDisabled();
  await page.locator('.policy-name').first().click();
  await expect(page.getByTestId('policy-editor-fields')).toHaveAttribute('disabled', '');
  await expect(page.getByTestId('policy-editor-fields').getByRole('textbox').first()).toBeDisabled();
  await expect(page.getByRole('button', { name: '← All policies' })).toBeEnabled();

  // Cluster policies: no new policy, no reordering.
  await page.getByRole('tab', { name: /Cluster policies/ }).click();
  await expect(page.getByRole('button', { name: '+ Admin policy' })).toBeDisabled();

  // Design → Cluster: every assumption disabled, Done still closes it.
  await toolbarAction(page, 'Cluster');
  await expect(page.getByTestId('cluster-fields')).toHaveAttribute('disabled', '');
  await page.getByTestId('cluster-dialog').getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('cluster-dialog')).toHaveCount(0);

  // Design → Patterns is disabled in the menu (the dialog's Apply is locked too).
  await toolbarMenu(page, 'Design').click();
  await expect(page.getByRole('menu').getByRole('menuitem', { name: /^Patterns/ })).toBeDisabled();
  await page.keyboard.press('Escape');

  // Connect to… does not open either.
  await page.locator('.react-flow__node-workload').first().click();
  await page.keyboard.press('c');
  await expect(page.getByTestId('notice')).toContainText('read-only');
  await expect(page.getByTestId('connect-dialog')).toHaveCount(0);
});
