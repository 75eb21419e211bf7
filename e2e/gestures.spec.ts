// Gestures that tell the truth (issue 9 §4): new designs, Replace/Merge imports, YAML dropped on
// the canvas, the window title, new workloads' own labels, YAML with workloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDS, expect, loadSmallDesign, test, toolbarAction } from './support/test.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

test('File → New design empties the canvas, titles the window, and Undo brings the example back', async ({ page, api }) => {
  await expect(page).toHaveTitle('Example: three-tier shop — NetPol Designer');
  await toolbarAction(page, 'New design');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page).toHaveTitle('Untitled design — NetPol Designer');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page).toHaveTitle('Example: three-tier shop — NetPol Designer');
  expect(Object.keys((await api.getDoc()).model.workloads).length).toBeGreaterThan(3);
});

test('Import over the untouched example offers Replace first; over edited work Merge', async ({ page, api }) => {
  await toolbarAction(page, 'Import');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByLabel(/Replace the design/)).toBeChecked();
  await dialog.getByLabel(/Paste YAML or JSON/).fill(fixture('two-workloads.yaml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveTitle('Imported design — NetPol Designer');
  expect(Object.keys((await api.getDoc()).model.workloads).sort()).toEqual(['wl:shop/Deployment/api', 'wl:shop/Deployment/web']);

  // Now the design is the user's: Merge is the default.
  await toolbarAction(page, 'Import');
  await expect(dialog.getByLabel(/Merge into the current design/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('YAML files dropped on the canvas open the Import dialog with them listed', async ({ page, api }) => {
  await api.reset();
  const text = fixture('two-tier.yaml');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'two-tier.yaml', { type: 'text/yaml' }));
    return d;
  }, text);
  await page.locator('.react-flow__pane').first().dispatchEvent('dragover', { dataTransfer: dt });
  await page.locator('.react-flow__pane').first().dispatchEvent('drop', { dataTransfer: dt });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Files to import' })).toContainText('two-tier.yaml');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('rf__node-wl:shop/Deployment/web')).toBeVisible();
  await expect(page).toHaveTitle('two-tier — NetPol Designer');
});

test('the Inspector says a new workload\'s app label follows its name; renaming renames it', async ({ page, api, canvas }) => {
  await loadSmallDesign(api, canvas);
  const box = (await canvas.node(IDS.data).boundingBox())!;
  const item = (await page.getByTestId('palette-workload').boundingBox())!;
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 25, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('labels-follow-name')).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('cart');
  await name.press('Enter');
  await expect(page.getByLabel('Pod labels row 1 Value')).toHaveValue('cart');
});

test('palette items work from the keyboard: Enter adds at the centre of the view, in a free slot', async ({ page, api, canvas }) => {
  await api.reset();
  const ns = page.getByTestId('palette-namespace');
  await ns.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.keys((await api.getDoc()).model.namespaces).length).toBe(1);
  await page.getByTestId('palette-workload').focus();
  await page.keyboard.press(' ');
  await page.getByTestId('palette-workload').focus();
  await page.keyboard.press('Enter');
  const doc = await api.getDoc();
  const wls = Object.values(doc.model.workloads);
  expect(wls).toHaveLength(2);
  // Both in the namespace, not on top of each other.
  const [a, b] = wls.map((w) => doc.layout[w.id]);
  expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 90).toBe(true);
  for (const w of wls) await expect(canvas.node(w.id)).toBeVisible();
});
