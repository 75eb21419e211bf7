// Auto layout as the user waits for it: a production (e2e-mode) build in headless Chromium,
// the 500-workload import, Design -> Auto layout, time from the click until the new layout is
// committed (one undo step more) and how long the main thread was blocked meanwhile (the
// longest frame gap). Works against any build with the e2e test API, so before/after can be
// compared: `npx tsx bench/layout-ui.bench.ts http://127.0.0.1:PORT [runs]`.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';
import { synthetic } from './synthetic.ts';
import { uiDesign } from './ui-design.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4187';
const runs = Number(process.argv.slice(3).find((a) => /^\d+$/.test(a)) ?? 3);
// --import: the 500-workload YAML import (25 namespaces); default: bench:ui's design file (20 namespaces).
const viaImport = process.argv.includes('--import');
const yaml = synthetic(500, 200, 42).files.map((f) => f.text).join('\n---\n');
const design = viaImport ? null : await uiDesign();

const WATCH = `(() => {
  const api = window.__netpol;
  const depth = api.undoDepth();
  const lay = { click: 0, end: 0, worst: 0 };
  window.__lay = lay;
  let last = 0;
  const tick = (t) => {
    if (last) lay.worst = Math.max(lay.worst, t - last);
    last = t;
    if (api.undoDepth() !== depth) { lay.end = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  document.addEventListener('click', () => { lay.click = performance.now(); requestAnimationFrame(tick); }, { once: true, capture: true });
})()`;

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
if (design) await page.addInitScript({ content: `localStorage.setItem('netpol-designer:autosave', ${JSON.stringify(design.text)})` });
await page.goto(url);
await page.waitForFunction('!!window.__netpol');
if (!design) await page.evaluate(`window.__netpol.loadYaml(${JSON.stringify(yaml)})`);
await page.waitForTimeout(3000); // evaluation and first render settle
const results: { ms: number; worstFrame: number }[] = [];
for (let i = 0; i < runs; i++) {
  await page.getByRole('banner').getByRole('button', { name: 'Design', exact: true }).click();
  const item = page.getByRole('menu').getByRole('menuitem', { name: 'Auto layout', exact: true });
  await item.waitFor();
  // In the page (plain source: tsx's helpers do not exist there): watch frames and the undo depth from the click on.
  await page.evaluate(WATCH);
  await item.click();
  await page.waitForFunction('window.__lay.end > 0', null, { timeout: 60_000 });
  const r = (await page.evaluate('window.__lay')) as { click: number; end: number; worst: number };
  results.push({ ms: r.end - r.click, worstFrame: r.worst });
  await page.waitForTimeout(1500);
}
await browser.close();
const ms = results.map((r) => r.ms).sort((a, b) => a - b);
console.log(`auto layout, 500 workloads (${design ? 'design file, 20 namespaces' : 'YAML import, 25 namespaces'}): ${results.map((r) => `${r.ms.toFixed(0)} ms (longest frame ${r.worstFrame.toFixed(0)} ms)`).join('; ')}; median ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms`);
