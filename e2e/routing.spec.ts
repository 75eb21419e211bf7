// Edges are routed around nodes and labels never cover each other, a node or a namespace's
// header; no namespace header is cut. Checked on what the browser draws: every edge path is
// sampled (SVGPathElement.getPointAtLength) in screen pixels, on the example design at 1280x800
// and 1920x1080 and on a 500-workload import with a namespace opened.
import type { Page } from '@playwright/test';
import { edgeEnds, parseEdgeId } from '../src/canvas/ids.ts';
import type { Model } from '../src/model/types.ts';
import { expect, test, type Api } from './support/test.ts';
import { importBig } from './support/big-design.ts';

test.describe.configure({ timeout: 180_000 });

type Box = { x: number; y: number; w: number; h: number };

interface Drawn {
  nodes: { id: string; box: Box }[];
  edges: { id: string; points: { x: number; y: number }[] }[];
  labels: { id: string; text: string; box: Box }[];
  headers: { ns: string; box: Box; cut: string[] }[];
}

/** What the page draws, in screen pixels (only what is inside the canvas). */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
    };
    // Nodes an edge must not cross: workloads, external networks, load balancers, compact namespaces.
    const nodes = Array.from(document.querySelectorAll('.react-flow__node'))
      .filter((n) => !n.classList.contains('react-flow__node-namespace') || n.classList.contains('is-compact'))
      .map((n) => ({ id: n.getAttribute('data-id') ?? '', box: box(n) }));
    const edges = Array.from(document.querySelectorAll('.react-flow__edge')).map((g) => {
      const id = (g.getAttribute('data-testid') ?? '').replace(/^rf__edge-/, '');
      const path = g.querySelector('path.react-flow__edge-path') as SVGPathElement | null;
      const points: { x: number; y: number }[] = [];
      if (path) {
        const m = path.getScreenCTM()!;
        const len = path.getTotalLength();
        const n = Math.max(2, Math.ceil(len / 4));
        for (let i = 0; i <= n; i++) {
          const p = path.getPointAtLength((len * i) / n);
          points.push({ x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f });
        }
      }
      return { id, points };
    });
    const labels = Array.from(document.querySelectorAll('.edge-label, .edge-badge')).filter(visible)
      .map((l) => ({ id: l.getAttribute('data-edge-id') ?? '', text: l.textContent ?? '', box: box(l) }));
    const headers = Array.from(document.querySelectorAll('.ns-node .ns-header')).map((h) => {
      const cut: string[] = [];
      if (h.scrollWidth > h.clientWidth + 1) cut.push(`header "${h.textContent}" ${h.scrollWidth} > ${h.clientWidth}`);
      for (const c of Array.from(h.children)) {
        if (c.scrollWidth <= c.clientWidth + 1) continue;
        // An ellipsis is fine only for a long name that keeps the whole of it as its title.
        const name = c.classList.contains('ns-name') && (c.textContent ?? '').length > 24 && c.getAttribute('title') === c.textContent;
        if (!name) cut.push(`"${c.textContent}" ${c.scrollWidth} > ${c.clientWidth}`);
      }
      return { ns: h.closest('.ns-node')?.getAttribute('data-namespace') ?? '', box: box(h), cut };
    });
    return { nodes, edges, labels, headers };
  });
}

const overlap = (a: Box, b: Box, slack = 1) => a.x < b.x + b.w - slack && b.x < a.x + a.w - slack && a.y < b.y + b.h - slack && b.y < a.y + a.h - slack;
const inside = (p: { x: number; y: number }, b: Box, slack = 1.5) => p.x > b.x + slack && p.x < b.x + b.w - slack && p.y > b.y + slack && p.y < b.y + b.h - slack;

/** Every rule at once, as a list of what is wrong (empty when the drawing is clean). */
async function problems(page: Page, api: Api): Promise<string[]> {
  const model = (await api.getDoc()).model as unknown as Model;
  const d = await drawn(page);
  const out: string[] = [];
  for (const e of d.edges) {
    const ref = parseEdgeId(e.id);
    const ends = ref && edgeEnds(model, ref);
    const own = new Set([ends?.src, ends?.dst]);
    // An edge into a collapsed namespace ends at its card.
    for (const id of [...own]) {
      const w = id ? model.workloads[id] : undefined;
      if (w) own.add(w.namespaceId);
    }
    for (const n of d.nodes) {
      if (own.has(n.id)) continue;
      const hit = e.points.find((p) => inside(p, n.box));
      if (hit) out.push(`edge ${e.id} crosses node ${n.id} at ${Math.round(hit.x)},${Math.round(hit.y)}`);
    }
  }
  for (let i = 0; i < d.labels.length; i++) {
    const a = d.labels[i];
    for (let j = i + 1; j < d.labels.length; j++) {
      if (overlap(a.box, d.labels[j].box)) out.push(`label "${a.text}" overlaps label "${d.labels[j].text}"`);
    }
    for (const n of d.nodes) if (overlap(a.box, n.box)) out.push(`label "${a.text}" (${a.id}) covers node ${n.id}`);
    for (const h of d.headers) if (overlap(a.box, h.box)) out.push(`label "${a.text}" covers the header of ${h.ns}`);
  }
  for (const h of d.headers) for (const c of h.cut) out.push(`namespace ${h.ns}: header cut: ${c}`);
  return out;
}

async function fit(page: Page) {
  await page.locator('.react-flow__controls-fitview').click();
  // The settled view decides label sizes and placement.
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const size = page.viewportSize()!;
  await page.screenshot({ path: `docs/screenshots/issue9-routing-${name}-${size.width}x${size.height}.png` });
}

test('the example design: edges go around nodes, labels cover nothing, headers are whole (1280x800 and 1920x1080)', async ({ page, api }) => {
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await expect(page.locator('.react-flow__edge').first()).toBeAttached();
    await fit(page);
    const edges = await page.locator('.react-flow__edge').count();
    expect(edges).toBeGreaterThan(10);
    await expect.poll(() => problems(page, api), { timeout: 10_000, message: `at ${size.width}x${size.height}` }).toEqual([]);
    await shot(page, 'example');
  }
});

test('dragging a node reroutes its edges around the others', async ({ page, api, canvas }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  await fit(page);
  const doc = await api.getDoc();
  const internet = Object.keys((doc.model as unknown as Model).externals)[0];
  const before = await page.getByTestId(/^rf__edge-reach:ext:internet>/).first().locator('path.react-flow__edge-path').getAttribute('d');
  // The Internet moves down beside the workloads: its edges must find their way past them.
  await canvas.dragNode(internet, 0, 300);
  await page.waitForTimeout(300);
  const after = await page.getByTestId(/^rf__edge-reach:ext:internet>/).first().locator('path.react-flow__edge-path').getAttribute('d');
  expect(after).not.toBe(before);
  await expect.poll(() => problems(page, api), { timeout: 10_000 }).toEqual([]);
});

test('a 500-workload import: the overview and an opened namespace route around nodes and keep labels clear', async ({ page, api }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const doc = await importBig(page, api);
  await fit(page);
  await expect.poll(() => problems(page, api), { timeout: 10_000, message: 'overview' }).toEqual([]);
  await shot(page, '500-overview');
  const ns = Object.values(doc.model.namespaces).find((n) => n.name !== 'kube-system')!;
  await page.getByRole('button', { name: `Show the workloads of ${ns.name}`, exact: true }).click();
  await expect(page.locator('.react-flow__node-workload').first()).toBeVisible();
  await page.waitForTimeout(600);
  await expect.poll(() => problems(page, api), { timeout: 10_000, message: 'expanded' }).toEqual([]);
  await shot(page, '500-expanded');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await fit(page);
  await expect.poll(() => problems(page, api), { timeout: 10_000, message: 'expanded at 1920x1080' }).toEqual([]);
  await shot(page, '500-expanded');
});
