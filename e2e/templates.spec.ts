// Design-pattern templates: each applied from the Patterns dialog with its options, producing
// ordinary policies (YAML panel), undone in one step.
import type { Page } from '@playwright/test';
import { IDS, expect, loadSmallDesign, test, toolbarAction, type Api } from './support/test.ts';

async function openPatterns(page: Page) {
  await toolbarAction(page, 'Patterns');
  const dialog = page.getByTestId('templates-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function yaml(page: Page) {
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  return page.getByTestId('yaml-view');
}

async function policyNames(api: Api): Promise<string[]> {
  const doc = (await api.getDoc()) as unknown as { model: { policies: Record<string, { name: string; namespaceId: string }> } };
  return Object.values(doc.model.policies).map((p) => `${p.namespaceId}/${p.name}`).sort();
}

test.describe('design-pattern templates', () => {
  test('public entry: LoadBalancer + policies for the chosen workload, one undo step', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    const depth = await api.undoDepth();
    const dialog = await openPatterns(page);
    await expect(dialog.getByRole('radio', { name: 'Public entry, private mesh' })).toHaveAttribute('aria-checked', 'true');
    await expect(dialog).toContainText('Exposes the chosen workloads through a LoadBalancer Service');
    const apply = dialog.getByRole('button', { name: 'Apply pattern' });
    await expect(apply).toBeDisabled();
    await dialog.getByRole('group', { name: 'Public workloads' }).getByLabel('shop/web').check();
    await apply.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText('Public entry, private mesh:');

    await expect(canvas.node('lb:svc:shop/web')).toBeVisible();
    // The node addresses are unknown until set: no invented range is admitted, and the notice says what to set.
    await expect(page.getByTestId('notice')).toContainText('set the node CIDRs');
    expect(await policyNames(api)).toEqual(expect.arrayContaining(['ns:shop/default-deny-ingress']));
    expect(await policyNames(api)).not.toContain('ns:shop/web-from-load-balancer');
    const view = await yaml(page);
    await expect(view).toContainText('type: LoadBalancer');
    await expect(view).not.toContainText('10.0.0.0/16');
    expect(await api.undoDepth()).toBe(depth + 1);

    await page.keyboard.press('Control+z');
    await expect(canvas.node('lb:svc:shop/web')).toHaveCount(0);
    expect(await policyNames(api)).toEqual([]);
    await expect(view).not.toContainText('type: LoadBalancer');
  });

  test('strict egress: in-cluster egress everywhere, external egress only for the gateway', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    const dialog = await openPatterns(page);
    await dialog.getByRole('radio', { name: 'Strict egress through a gateway' }).click();
    await expect(dialog).toContainText('only the egress-gateway workload may reach external networks');
    await dialog.getByLabel('Egress gateway workload').selectOption({ label: 'shop/api' });
    await dialog.getByRole('button', { name: 'Apply pattern' }).click();
    expect(await policyNames(api)).toEqual(['ns:data/egress-in-cluster-only', 'ns:shop/api-egress-external', 'ns:shop/egress-in-cluster-only']);
    const view = await yaml(page);
    await expect(view).toContainText('name: egress-in-cluster-only');
    await page.keyboard.press('Control+z');
    expect(await policyNames(api)).toEqual([]);
    await expect(view).not.toContainText('egress-in-cluster-only');
  });

  test('namespace isolation: the chosen namespace only, undone in one step', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    const dialog = await openPatterns(page);
    await dialog.getByRole('radio', { name: /isolation/i }).click();
    await dialog.getByLabel('Namespace', { exact: true }).selectOption({ label: 'data' });
    await dialog.getByRole('button', { name: 'Apply pattern' }).click();
    const names = await policyNames(api);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith(`${IDS.data}/`))).toBe(true);
    expect(names).toContain('ns:data/namespace-isolation');
    const view = await yaml(page);
    await expect(view).toContainText('name: namespace-isolation');
    // The web -> db connection is gone now (db only admits its own namespace).
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.db}`)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    expect(await policyNames(api)).toEqual([]);
    await expect(canvas.edge(`reach:${IDS.web}>${IDS.db}`)).toBeAttached();
  });
});
