// Load balancers and external traffic: build Internet -> LB -> web pods with the mouse and the
// Inspector, then follow the path hop by hop by selecting the Internet node.
import type { Page } from '@playwright/test';
import { IDS, expect, loadSmallDesign, test, toolbarAction, type Canvas, type Palette } from './support/test.ts';

async function dragFromPalette(page: Page, palette: Palette, kind: 'external' | 'loadbalancer', to: { x: number; y: number }) {
  const item = (await palette.item(kind).boundingBox())!;
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function buildInternetLbWeb(page: Page, canvas: Canvas, palette: Palette): Promise<{ ext: string; lb: string; svc: string }> {
  const getDoc = () => page.evaluate(() => (window as any).__netpol.getDoc());
  // A load balancer dropped into the shop namespace.
  const shop = (await canvas.node(IDS.shop).boundingBox())!;
  await dragFromPalette(page, palette, 'loadbalancer', { x: shop.x + shop.width - 60, y: shop.y + shop.height - 30 });
  const svc = Object.keys((await getDoc()).model.services)[0];
  expect(svc).toBeTruthy();
  const lb = `lb:${svc}`;
  await expect(canvas.node(lb)).toBeVisible();

  // The Inspector is open on it: select the web pods and send port 80 to http (8080).
  const value = page.getByLabel('Service selector row 1 Value');
  await value.fill('web');
  await value.press('Enter');
  const target = page.getByLabel('Service ports row 1 Target');
  await target.fill('http');
  await target.press('Enter');
  await expect(canvas.node(lb)).toContainText('80→http');
  await expect(canvas.edge(`svc:${svc}>${IDS.web}`)).toBeAttached();

  // An external network dropped on empty canvas, renamed to Internet.
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await dragFromPalette(page, palette, 'external', { x: box.x + 110, y: box.y + box.height - 90 });
  const ext = Object.keys((await getDoc()).model.externals)[0];
  await expect(canvas.node(ext)).toBeVisible();
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('Internet');
  await name.press('Enter');
  await expect(canvas.node(ext)).toContainText('Internet');
  return { ext, lb, svc };
}

test.describe('load balancers and external traffic', () => {
  test('Internet -> LB -> web: the entry edge shows the admitted port, selecting Internet highlights the path', async ({ page, api, canvas, palette }) => {
    await loadSmallDesign(api, canvas);
    const { ext, lb, svc } = await buildInternetLbWeb(page, canvas, palette);

    // Nothing selected: the external -> LB edge, distinct from policy edges, labelled with the admitted port.
    await canvas.pane().click({ position: { x: 5, y: 5 } });
    const entry = canvas.edge(`ext:${ext}>${svc}`);
    await expect(entry).toBeAttached();
    await expect(entry).toHaveClass(/lb-ext/);
    await expect(page.locator(`.edge-label[data-edge-id="ext:${ext}>${svc}"]`)).toHaveText('80/TCP');

    // Select the Internet node: the path to the web pods is highlighted with its verdict, the rest dims.
    await canvas.node(ext).click();
    await expect(entry).toHaveClass(/is-focus/);
    await expect(entry).toHaveClass(/path-reach/);
    const toWeb = canvas.edge(`svc:${svc}>${IDS.web}`);
    await expect(toWeb).toHaveClass(/path-reach/);
    // The LB sits on top of web here: no room for a label (src/canvas/labels.ts), the text is the line's tooltip.
    await expect(canvas.edge(`svc:${svc}>${IDS.web}`).locator('title')).toHaveText('80→8080 ✓');
    await expect(canvas.node(IDS.db)).toHaveClass(/is-dimmed/);
    await expect(canvas.node(lb)).not.toHaveClass(/is-dimmed/);
    await expect(canvas.node(IDS.web)).not.toHaveClass(/is-dimmed/);

    // The Paths tab lists the hops per backend and port, including the node-port caveat.
    await page.getByRole('tab', { name: 'Paths' }).click();
    const paths = page.getByTestId('paths-panel');
    await expect(paths).toContainText('From Internet');
    await expect(paths).toContainText('80/TCP (http) → shop/web :8080');
    await expect(paths).toContainText('no loadBalancerSourceRanges: the load balancer accepts every source');
    await expect(paths).toContainText('service port 80/TCP (http) -> targetPort 8080 on shop/web');
    await expect(paths).toContainText('Through the node ports');
  });

  test('default-deny on web leaves only the own-node exception; cluster assumptions re-evaluate the path, one undo step each', async ({ page, api, canvas, palette }) => {
    await loadSmallDesign(api, canvas);
    const { ext, svc } = await buildInternetLbWeb(page, canvas, palette);
    // Deny ingress by default in shop (namespace Inspector switch). Only the selection's
    // connections are drawn, so the namespace header is free to click.
    await page.getByRole('radio', { name: 'Selection' }).click();
    await canvas.pane().click({ position: { x: 5, y: 5 } });
    await canvas.node(IDS.shop).locator('.ns-name').click();
    await page.getByLabel('Deny all ingress by default').check();

    // Cluster + kube-proxy: SNAT to node addresses, admitted only through the own-node exception.
    await canvas.node(ext).click();
    const toWeb = canvas.edge(`svc:${svc}>${IDS.web}`);
    const webLabel = toWeb.locator('title');
    await expect(toWeb).toHaveClass(/path-caveat/);
    await expect(webLabel).toHaveText('80→8080 ◐');
    await page.getByRole('tab', { name: 'Paths' }).click();
    await expect(page.getByTestId('paths-panel')).toContainText("Traffic SNATed by the pod's own node is always admitted");

    // Cluster dialog: a direct-to-pod LB from known addresses -> the default deny drops it.
    const before = await api.undoDepth();
    await toolbarAction(page, 'Cluster');
    const dialog = page.getByTestId('cluster-dialog');
    await dialog.getByLabel('LB delivery mode').selectOption('direct-to-pod');
    await expect(dialog).toContainText('pods see the LB addresses');
    const cidrs = dialog.getByTestId('cluster-lbSourceCidrs');
    await cidrs.fill('10.20.0.0/24');
    await cidrs.press('Enter');
    expect(await api.undoDepth()).toBe(before + 2);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(toWeb).toHaveClass(/path-block/);
    await expect(webLabel).toHaveText('80→8080 ✗');
    await expect(page.getByTestId('paths-panel')).toContainText('does not admit TCP 8080 from the load balancer addresses (10.20.0.0/24)');

    // Undo both edits with the keyboard: back to the node-address path.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    const cluster = (await api.getDoc() as any).model.cluster;
    expect(cluster.lbDeliveryMode).toBeUndefined();
    expect(cluster.lbSourceCidrs).toBeUndefined();
    await expect(toWeb).toHaveClass(/path-caveat/);
  });
});
