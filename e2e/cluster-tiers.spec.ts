// The cluster-wide tiers in the browser: samples/cluster-tiers imported through the dialog shows
// the Admin Deny that overrides a NetworkPolicy allow on the canvas and its chain in Explain;
// reordering two Admin policies in the Cluster policies view changes the verdict and undoes in one
// step; the "cluster guardrails" pattern exports YAML that the core importer reads back cleanly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { IDS, expect, loadSmallDesign, test, toolbarAction } from './support/test.ts';
import { importManifests } from '../src/k8s/import.ts';

const DIR = join(import.meta.dirname, '..', 'samples', 'cluster-tiers');
const SAMPLE = readdirSync(DIR).sort().map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n---\n');
const FRONTEND = 'wl:web/Deployment/frontend';
const POSTGRES = 'wl:db/StatefulSet/postgres';

/** A second Admin policy that accepts web -> db, applied after sensitive-ns (priority 10). */
const ACCEPT_WEB = `
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: accept-web-db}
spec:
  tier: Admin
  priority: 20
  subject: {namespaces: {matchLabels: {env: sensitive}}}
  ingress:
  - name: accept-web
    action: Accept
    from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: web}}}]
`;

async function importYaml(page: Page, yaml: string) {
  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-files').setInputFiles({ name: 'cluster-tiers.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`rf__node-${POSTGRES}`)).toBeVisible();
}

async function scrollYamlToEnd(page: Page) {
  await page.getByTestId('yaml-view').locator('.cm-scroller').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
}

const overrideEdge = (page: Page) => page.getByTestId(`rf__edge-deny:${FRONTEND}>${POSTGRES}`);

test.describe('cluster tiers', () => {
  test.beforeEach(async ({ api }) => {
    await api.reset();
  });

  test('the Admin Deny overriding a NetworkPolicy allow is on the canvas, and Explain gives its chain', async ({ page }) => {
    await importYaml(page, SAMPLE);
    await expect(overrideEdge(page)).toBeAttached();
    const label = page.locator(`.edge-label[data-edge-id="deny:${FRONTEND}>${POSTGRES}"]`);
    await expect(label).toHaveText(/✗ Admin sensitive-ns/);
    await expect(label).toHaveClass(/edge-cluster-deny/);
    await expect(label).toHaveAttribute('title', /a NetworkPolicy allow here never takes effect/);
    // The legend tells the purple edge apart from plain isolation.
    await page.getByRole('banner').getByRole('button', { name: 'Legend' }).click();
    await expect(page.getByRole('note', { name: 'Legend' })).toContainText('denied by a cluster policy');
    await page.keyboard.press('Escape');

    await overrideEdge(page).dispatchEvent('click');
    const explain = page.getByTestId('explain');
    await expect(explain.getByTestId('verdict')).toContainText('denied');
    const chain = explain.getByTestId('chain-ingress');
    await expect(chain.locator('li')).toHaveCount(3);
    await expect(chain.locator('li').nth(0)).toContainText('Admin');
    await expect(chain.locator('li').nth(0)).toContainText('Admin `sensitive-ns` (priority 10) rule `deny-all`: Deny all');
    await expect(chain.locator('li').nth(1)).toContainText('the NetworkPolicy allow `db/web-to-db` never takes effect for TCP 5432');
    await expect(chain.locator('li').nth(2)).toContainText('denied');
    // From the chain to the policy in the Cluster policies view.
    await chain.locator('li').nth(0).getByRole('button', { name: 'open' }).click();
    await expect(page.getByTestId('cp-editor')).toContainText('sensitive-ns');
  });

  test('reordering two Admin policies changes the verdict; one undo step puts it back', async ({ page, api }) => {
    await importYaml(page, SAMPLE + ACCEPT_WEB);
    await expect(overrideEdge(page)).toBeAttached();
    await page.getByRole('tab', { name: 'Cluster policies' }).click();
    const lane = page.getByTestId('lane-admin');
    await expect(lane.locator('.cp-name')).toHaveText(['sensitive-ns', 'accept-web-db']);
    const depth = await api.undoDepth();

    // Keyboard: Alt+ArrowUp on the focused policy moves it up (lower priority number).
    await lane.getByTestId('cp-item-accept-web-db').locator('.cp-select').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(lane.locator('.cp-name')).toHaveText(['accept-web-db', 'sensitive-ns']);
    expect(await api.undoDepth()).toBe(depth + 1);
    await expect(overrideEdge(page)).toHaveCount(0);
    await expect(page.getByTestId(`rf__edge-reach:${FRONTEND}>${POSTGRES}`)).toBeAttached();
    await page.getByTestId(`rf__edge-reach:${FRONTEND}>${POSTGRES}`).dispatchEvent('click');
    await expect(page.getByTestId('explain').getByTestId('verdict')).toContainText('allowed');
    await expect(page.getByTestId('chain-ingress')).toContainText('Admin `accept-web-db` (priority 0) rule `accept-web`: Accept all');

    await page.keyboard.press('Control+z');
    await expect(overrideEdge(page)).toBeAttached();
    await expect(page.getByTestId('explain').getByTestId('verdict')).toContainText('denied');

    // The arrow buttons do the same.
    await page.getByRole('tab', { name: 'Cluster policies' }).click();
    await lane.getByRole('button', { name: 'Move accept-web-db up (higher precedence)' }).click();
    await expect(lane.locator('.cp-name')).toHaveText(['accept-web-db', 'sensitive-ns']);
    await expect(overrideEdge(page)).toHaveCount(0);
  });

  test('choosing a policy highlights its subjects and peers; the form names the field of a problem', async ({ page }) => {
    await importYaml(page, SAMPLE);
    await page.getByRole('tab', { name: 'Cluster policies' }).click();
    await page.getByTestId('cp-item-sensitive-ns').locator('.cp-select').click();
    await expect(page.getByTestId('rf__node-ns:db')).toHaveClass(/is-highlighted/);
    await expect(page.getByTestId(`rf__node-${POSTGRES}`)).toHaveClass(/is-highlighted/);
    await expect(page.getByTestId(`rf__node-${FRONTEND}`)).toHaveClass(/is-highlighted-peer/);
    await expect(page.getByTestId('rf__node-ns:web')).toHaveClass(/is-highlighted-peer/);
    const editor = page.getByTestId('cp-editor');
    // A selector of the form says what it matches; leaving it keeps the policy's highlight.
    const subject = editor.getByTestId('cp-subject-namespaces');
    await expect(subject).toContainText('Matches 2: namespace db, db/postgres.');
    await subject.locator('input').first().focus();
    await editor.getByLabel('Name', { exact: true }).focus();
    await expect(page.getByTestId('rf__node-ns:db')).toHaveClass(/is-highlighted/);
    await editor.getByLabel('Priority (0-1000, lower first)').fill('2000');
    await editor.getByLabel('Priority (0-1000, lower first)').press('Enter');
    await expect(editor).toContainText('spec.priority: a whole number from 0 to 1000');
    // The YAML panel shows the cluster policies (at its end: CodeMirror draws only what is in view).
    await page.getByRole('tab', { name: 'YAML', exact: true }).click();
    await scrollYamlToEnd(page);
    await expect(page.getByTestId('yaml-view')).toContainText('kind: ClusterNetworkPolicy');
    await expect(page.getByTestId('yaml-view')).toContainText('name: sensitive-ns');
  });

  test('"cluster guardrails" applies in one step, twice without copies, and exports valid YAML', async ({ page, api }) => {
    await importYaml(page, SAMPLE);
    const depth = await api.undoDepth();
    const apply = async () => {
      await toolbarAction(page, 'Patterns');
      const dialog = page.getByTestId('templates-dialog');
      await dialog.getByRole('radio', { name: 'Cluster guardrails' }).click();
      await expect(dialog).toContainText('Baseline default deny');
      await dialog.getByLabel('Sensitive namespace').selectOption({ label: 'db' });
      await dialog.getByRole('group', { name: 'Allowed namespaces' }).getByLabel('web').check();
      await expect(dialog.getByLabel('Monitoring namespace')).toHaveValue('ns:monitoring');
      await dialog.getByRole('button', { name: 'Apply pattern' }).click();
      await expect(dialog).toBeHidden();
    };
    await apply();
    expect(await api.undoDepth()).toBe(depth + 1);
    // The side panel shows the tiers the guardrails went into, in evaluation order (the v1alpha1
    // Baseline singleton has no priority and is applied as 0, first).
    await expect(page.getByTestId('lane-baseline').locator('.cp-name')).toHaveText(['default', 'baseline-monitoring-egress', 'baseline-default-deny']);
    await expect(page.getByTestId('lane-admin').locator('.cp-name')).toHaveText(['sensitive-ns', 'pass-monitoring', 'protect-db']); // 10 was taken: pass-monitoring got 11;
    const names = async () => Object.values(((await api.getDoc()) as unknown as { model: { clusterPolicies: Record<string, { name: string }> } }).model.clusterPolicies).map((p) => p.name).sort();
    const after = await names();
    expect(after).toEqual(['baseline-default-deny', 'baseline-monitoring-egress', 'default', 'pass-monitoring', 'protect-db', 'sensitive-ns']);
    await apply();
    expect(await names()).toEqual(after);

    await page.getByRole('tab', { name: 'YAML', exact: true }).click();
    await scrollYamlToEnd(page);
    await expect(page.getByTestId('yaml-view')).toContainText('k8s-app: kube-dns');
    // The downloaded YAML, read back by the core's importer: no errors, the same cluster policies.
    const [download] = await Promise.all([page.waitForEvent('download'), toolbarAction(page, 'Download YAML')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const back = importManifests([{ name: 'export.yaml', text }]);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.values(back.model.clusterPolicies ?? {}).map((p) => p.name).sort()).toEqual(after);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await names()).toEqual(['default', 'sensitive-ns']);
  });

  test('a violated "must not reach" is enforced with an Admin Deny in one undo step', async ({ page, api, canvas }) => {
    await loadSmallDesign(api, canvas);
    await page.getByRole('radio', { name: 'Selection' }).click();
    await canvas.node(IDS.web).click();
    await canvas.node(IDS.db).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Assert shop/web → data/db…' }).click();
    const dialog = page.getByTestId('assert-dialog');
    await dialog.getByRole('button', { name: 'Add assertion' }).click();
    const doc = (await api.getDoc()) as unknown as { model: { assertions: Record<string, { id: string }> } };
    const [a] = Object.values(doc.model.assertions);
    const item = page.getByTestId(`assertion-${a.id}`);
    await expect(item).toContainText('FAIL');
    const depth = await api.undoDepth();
    await item.getByRole('button', { name: 'Enforce with an Admin Deny' }).click();
    await expect(item).toContainText('PASS');
    await expect(page.getByTestId('notice')).toContainText('Added Admin `enforce-web-to-db-5432`');
    expect(await api.undoDepth()).toBe(depth + 1);
    await page.getByRole('tab', { name: 'Cluster policies' }).click();
    await expect(page.getByTestId('lane-admin').locator('.cp-name')).toHaveText(['enforce-web-to-db-5432']);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('lane-admin')).toContainText('No Admin policies.');
    await page.getByRole('tab', { name: /Assertions/ }).click();
    await expect(item).toContainText('FAIL');
  });
});
