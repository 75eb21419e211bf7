// Playwright fixtures: an `api` proxy to the app's window.__netpol test API (e2e builds only)
// and small page objects for the canvas and the palette.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** A small design: shop (web, api) and data (db), no policies. */
export const SMALL_DESIGN = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Namespace
metadata: {name: data}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: data}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: db, ports: [{containerPort: 5432}]}]}
`;

export const IDS = {
  shop: 'ns:shop',
  data: 'ns:data',
  web: 'wl:shop/Deployment/web',
  api: 'wl:shop/Deployment/api',
  db: 'wl:data/Deployment/db',
};

interface DocLike {
  name: string;
  model: {
    workloads: Record<string, { id: string; namespaceId: string; name: string }>;
    namespaces: Record<string, { id: string; name: string }>;
    intents: Record<string, unknown>;
  };
  layout: Record<string, { x: number; y: number; w?: number; h?: number }>;
}

export class Api {
  constructor(private page: Page) {}
  getDoc(): Promise<DocLike> {
    return this.page.evaluate(() => (window as any).__netpol.getDoc());
  }
  /** The review scope: comments, versions, decisions. */
  getReview(): Promise<{ comments: Record<string, any>; versions: Record<string, any>; decisions: Record<string, any> }> {
    return this.page.evaluate(() => (window as any).__netpol.getReview());
  }
  loadYaml(text: string): Promise<void> {
    return this.page.evaluate((t) => (window as any).__netpol.loadYaml(t), text);
  }
  undoDepth(): Promise<number> {
    return this.page.evaluate(() => (window as any).__netpol.undoDepth());
  }
  reset(): Promise<void> {
    return this.page.evaluate(() => (window as any).__netpol.reset());
  }
}

export class Canvas {
  constructor(private page: Page) {}
  node(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }
  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }
  pane(): Locator {
    return this.page.locator('.react-flow__pane');
  }
  handle(nodeId: string, type: 'source' | 'target'): Locator {
    return this.page.locator(`.react-flow__handle.${type}.connect-handle[data-nodeid="${nodeId}"]`);
  }
  /** Drags a node by `dx, dy` pixels with the mouse (in small steps, as a user would). */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + 12;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
  }
}

export class Palette {
  constructor(private page: Page) {}
  item(kind: 'namespace' | 'workload' | 'external' | 'loadbalancer'): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }
}

/** Which top-bar menu holds each toolbar action (app/panels/Toolbar.tsx). */
export const TOOLBAR_MENUS = {
  'New design': 'File',
  Import: 'File',
  'Open design file': 'File',
  'Save design file': 'File',
  'Download YAML': 'File',
  'Download YAML with workloads': 'File',
  'Auto layout': 'Design',
  Patterns: 'Design',
  Cluster: 'Design',
  'Connect to…': 'Design',
  Share: 'Review',
  Versions: 'Review',
  Review: 'Review',
  'Export report': 'Review',
} as const;

export type ToolbarAction = keyof typeof TOOLBAR_MENUS;

/** The top-bar menu button (File, Design, Review). */
export function toolbarMenu(page: Page, menu: 'File' | 'Design' | 'Review'): Locator {
  return page.getByRole('banner').getByRole('button', { name: menu, exact: true });
}

/** Runs a toolbar action: opens its menu, then clicks the menu item. */
export async function toolbarAction(page: Page, action: ToolbarAction): Promise<void> {
  const button = toolbarMenu(page, TOOLBAR_MENUS[action]);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

export const test = base.extend<{ api: Api; canvas: Canvas; palette: Palette }>({
  api: async ({ page }, use) => {
    await page.goto('/');
    await page.waitForFunction(() => !!(window as any).__netpol);
    await use(new Api(page));
  },
  canvas: async ({ page }, use) => use(new Canvas(page)),
  palette: async ({ page }, use) => use(new Palette(page)),
});

/** Loads the small design and waits until its nodes are on the canvas. */
export async function loadSmallDesign(api: Api, canvas: Canvas): Promise<void> {
  await api.loadYaml(SMALL_DESIGN);
  await expect(canvas.node(IDS.web)).toBeVisible();
  await expect(canvas.node(IDS.db)).toBeVisible();
}

/**
 * Draws an intent from the keyboard: selects `fromId`, C (Connect to…), types `target` into the
 * list and takes the first match, then Add intent with the suggested ports. Returns the new intent's id.
 */
export async function drawIntentFromKeyboard(page: Page, api: Api, canvas: Canvas, fromId: string, target: string): Promise<string> {
  const before = new Set(Object.keys((await api.getDoc()).model.intents));
  await canvas.node(fromId).click();
  await page.keyboard.press('c');
  await page.getByTestId('connect-dialog').getByRole('combobox').fill(target);
  await page.keyboard.press('Enter');
  await page.getByTestId('intent-dialog').getByRole('button', { name: 'Add intent' }).click();
  await expect(page.getByTestId('intent-dialog')).toHaveCount(0);
  const id = Object.keys((await api.getDoc()).model.intents).find((i) => !before.has(i));
  if (!id) throw new Error('no intent was added');
  return id;
}

/** Review → Share, then opens the link as its recipient would (read-only, with the banner). */
export async function openAsSharedLink(page: Page): Promise<void> {
  await toolbarAction(page, 'Share');
  const link = await page.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForFunction(() => !!(window as any).__netpol);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
}

export { expect };
