// `npm run bench:ui`: loads a design of 500 workloads in 20 namespaces with 200 policies into
// the production build in headless Chromium and prints time to first render and frames per
// second while panning and zooming. Targets: first render <= 1 s and >= 50 fps at 500 workloads (>= 30 fps at 2,000), no pan frame over
// 100 ms, click to selection <= 50 ms, an edit to updated edges <= 100 ms.
//
// How: `vite build` into a temporary directory, `vite preview` it on a free port, seed the
// design into localStorage (the autosave key the app restores on start) with an init script,
// navigate, and let an in-page probe (bench/ui-page.ts) note on every animation frame when
// the nodes / namespaces / edges / evaluation result appeared (ms since navigation start).
// Then pan by dragging the empty pane with the mouse in small steps for ~3 s, and zoom with
// the wheel for ~3 s, while counting requestAnimationFrame callbacks in the page.
//
// Then clicks a namespace (click -> selected frame) and makes three edits through the test API
// (a label, a policy rule's port, a default-deny switch: edit -> new evaluation -> rendered frame),
// and prints the JS heap before and after. The same for 2,000 workloads / 1,000 policies.
//
// Options: --runs N (default 3), --sizes 500,2000 (default both), --ref REV (build a commit instead of the working tree),
// --no-build (reuse --out-dir), --out-dir DIR, --no-minify, --profile-out DIR (also save the profiles),
// (readable names in --profile output), --profile (CPU profile of the pan and of one edit: top functions by
// self time; --profile-edit 0|1|2 picks the edit: label, policy rule, default-deny), --trace FILE (Chrome trace of the pan), --css TEXT (extra CSS injected before the
// gestures, to try a fix without editing app/), --breakdown (run 1: the main thread's tasks of the
// click and of each edit, with their input events, callbacks, style, layout and paint), --headed.
// Exits non-zero only on errors (build, server, browser, the design never rendering), never
// because a target was missed.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { uiDesign } from './ui-design.ts';
import { LB_FOLD_MIN } from '../src/canvas/overview.ts';
import { DOM_COUNTS, FIND_PANE_POINT, VIEWPORT_TRANSFORM, probeScript, type Marks } from './ui-page.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const AUTOSAVE_KEY = 'netpol-designer:autosave'; // app/state/autosave.ts AUTOSAVE_KEY
/**
 * Issue 9's targets by design size: at 500 workloads first render <= 1 s and panning >= 50 fps;
 * at 2,000 workloads panning >= 30 fps (first render there is printed against 2 s, for reference).
 */
const targetsFor = (workloads: number) => (workloads <= 500 ? { firstRenderMs: 1000, fps: 50 } : { firstRenderMs: 2000, fps: 30 });
const TARGET_MAX_FRAME_MS = 100;
const TARGET_CLICK_MS = 50;
const TARGET_EDIT_MS = 100;
const GESTURE_MS = 3000;
const RENDER_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1600, height: 900 };

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs') ?? 3));
const PROFILE = flag('--profile');
/** Which edit the --profile run profiles (0 label, 1 policy rule, 2 default-deny). */
/** How many functions the --profile listing shows by inclusive time (--profile-lines N). */
/** Print the main thread's tasks of the click and of each edit (run 1). */
const BREAKDOWN = flag('--breakdown');
/** Also write each profile as a .cpuprofile file into this directory (--profile-out DIR). */
const PROFILE_OUT = opt('--profile-out');
const PROFILE_LINES = Number(opt('--profile-lines') ?? 25);
const PROFILE_EDIT = Number(opt('--profile-edit') ?? 0);
const TRACE = opt('--trace');
/** What-if experiments without touching app/: extra CSS added before the gestures. */
const EXTRA_CSS = opt('--css');

// ---------------------------------------------------------------- build and serve

/**
 * Builds the working tree, or with `ref` a committed tree (`git archive`, into a temporary
 * directory sharing node_modules), so a half-edited app/ of a colleague does not stop the bench.
 */
function build(outDir: string, minify: boolean, ref?: string): void {
  const t0 = performance.now();
  let cwd = ROOT;
  let srcDir: string | null = null;
  if (ref) {
    srcDir = mkdtempSync(join(tmpdir(), 'netpol-ui-bench-src-'));
    const archive = spawnSync('git', ['archive', '--format=tar', ref], { cwd: ROOT, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${String(archive.stderr)}`);
    const untar = spawnSync('tar', ['-x', '-C', srcDir], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${String(untar.stderr)}`);
    symlinkSync(join(ROOT, 'node_modules'), join(srcDir, 'node_modules'));
    cwd = srcDir;
  }
  try {
    // `--mode e2e`: the production bundle plus the small window test API (app/test-api.ts),
    // through which the edit rows make their edits as the Inspector would.
    const args = [VITE, 'build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...(minify ? [] : ['--minify', 'false'])];
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})${ref ? '' : '; to bench the last commit instead of the working tree: --ref HEAD'}`);
  } finally {
    if (srcDir) rmSync(srcDir, { recursive: true, force: true });
  }
  console.log(`built ${ref ? `${ref} (git archive)` : 'the working tree'} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${minify ? 'minified' : 'not minified'}) -> ${outDir}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function preview(outDir: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d) => { log += String(d); });
  proc.stderr?.on('data', (d) => { log += String(d); });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`vite preview exited (${proc.exitCode}): ${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { url, proc };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  proc.kill('SIGTERM');
  throw new Error(`vite preview did not answer on ${url} within 30 s: ${log}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- measuring

interface FrameStats {
  fps: number;
  worst1s: number;
  maxGapMs: number;
  frames: number;
  inputs: number;
  longTasks: number;
  longTaskMs: number;
  cdp: Record<string, number>;
}

interface RunResult {
  marks: Marks;
  counts: { nodes: number; namespaces: number; edges: number; edgeLabels: number; domElements: number; status: string };
  heapMB: number;
  pan: FrameStats;
  zoom: FrameStats;
  panMoved: boolean;
  /** Click on a namespace node until a frame shows it selected (ms). */
  clickToSelected?: number;
  /** From the click until the frame that drew the selection's neighbourhood (its edges, the rest faded). */
  clickToFocus?: number;
  /** Main-thread CPU time from the click until the selected frame (ms, from a trace: load-independent). */
  clickCpu?: number;
  /** Per edit kind: ms until the new evaluation is in the store, and until the frame after it was rendered. */
  edits: Record<string, { sync?: number; evalMs?: number; result?: number; frame?: number; painted?: number; cpu?: number; why?: string }>;
  heapAfterMB: number;
  /** Main-thread long tasks (> 50 ms) from navigation until the canvas settled. */
  load: { longTasks: number; longTaskMs: number; longestMs: number; longestAt: number };
}

function frameStats(frames: number[], start: number, end: number): Pick<FrameStats, 'fps' | 'worst1s' | 'maxGapMs' | 'frames'> {
  const dur = end - start;
  const fps = dur > 0 ? (frames.length * 1000) / dur : 0;
  // Worst 1-second window: every window [t, t+1000) starting at the start or at a frame, inside the gesture.
  let worst = Infinity;
  const starts = [start, ...frames.filter((t) => t + 1000 <= end)];
  for (const s of starts) {
    if (s + 1000 > end) continue;
    let n = 0;
    for (const t of frames) if (t >= s && t < s + 1000) n++;
    worst = Math.min(worst, n);
  }
  if (worst === Infinity) worst = fps;
  let maxGap = 0;
  const pts = [start, ...frames, end];
  for (let i = 1; i < pts.length; i++) maxGap = Math.max(maxGap, pts[i] - pts[i - 1]);
  return { fps, worst1s: worst, maxGapMs: maxGap, frames: frames.length };
}

const CDP_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount'];

async function cdpMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Runs `gesture` while counting frames; returns fps figures and CDP metric deltas. */
async function measureGesture(page: Page, cdp: CDPSession, gesture: () => Promise<number>): Promise<FrameStats> {
  const before = await cdpMetrics(cdp);
  const start = (await page.evaluate('window.__uiBench.startFrames()')) as number;
  const inputs = await gesture();
  const { frames, end, longTasks } = (await page.evaluate('window.__uiBench.stopFrames()')) as { frames: number[]; end: number; longTasks: [number, number][] };
  const after = await cdpMetrics(cdp);
  const cdpDelta: Record<string, number> = {};
  for (const k of CDP_METRICS) cdpDelta[k] = (after[k] ?? 0) - (before[k] ?? 0);
  const lt = longTasks.filter(([t]) => t >= start);
  return { ...frameStats(frames.filter((t) => t >= start), start, end), inputs, longTasks: lt.length, longTaskMs: lt.reduce((s, [, d]) => s + d, 0), cdp: cdpDelta };
}

/** Drags the empty pane in a slow circle (radius 150 px) for GESTURE_MS. Returns mouse events sent. */
async function pan(page: Page, at: { x: number; y: number }): Promise<number> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  const t0 = performance.now();
  let n = 0;
  for (;;) {
    const t = performance.now() - t0;
    if (t >= GESTURE_MS) break;
    const a = (2 * Math.PI * t) / 1500;
    await page.mouse.move(at.x + 150 * Math.sin(a), at.y + 150 * (1 - Math.cos(a)));
    n++;
    const next = t0 + n * 8; // at most one move per 8 ms (~120 Hz input)
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  return n;
}

/** Wheel-zooms in for half of GESTURE_MS, then out, at `at`. Returns wheel events sent. */
async function zoom(page: Page, at: { x: number; y: number }): Promise<number> {
  await page.mouse.move(at.x, at.y);
  const t0 = performance.now();
  let n = 0;
  for (;;) {
    const t = performance.now() - t0;
    if (t >= GESTURE_MS) break;
    await page.mouse.wheel(0, t < GESTURE_MS / 2 ? -8 : 8);
    n++;
    const next = t0 + n * 16;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return n;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }

function topSelfTime(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n = 20): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const total = [...byFn.values()].reduce((a, b) => a + b, 0);
  return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** Functions by inclusive time (a function counted once per sample however deep it recurses). */
function topTotalTime(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n = 25): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const total = new Map<string, number>();
  profile.samples.forEach((sid, i) => {
    const seen = new Set<string>();
    for (let id: number | undefined = sid; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  });
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The next profile the page takes with console.profile() / console.profileEnd(). */
async function consoleProfileOf(cdp: CDPSession): Promise<CpuProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', (e) => resolve({ ...e.profile, samples: e.profile.samples ?? [], timeDeltas: e.profile.timeDeltas ?? [] })));
}

async function printProfile(cdp: CDPSession, what: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  printProfileOf(profile, what);
}

function printProfileOf(profile: CpuProfile, what: string): void {
  if (PROFILE_OUT) {
    const file = join(PROFILE_OUT, `${what.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile written to ${file} (open it in Chrome DevTools' Performance panel)`);
  }
  console.log(`\nCPU profile of ${what} (run 1, main thread), top self time:`);
  for (const line of topSelfTime(profile)) console.log(`  ${line}`);
  console.log('top total (inclusive) time:');
  for (const line of topTotalTime(profile, PROFILE_LINES)) console.log(`  ${line}`);
}

async function runOnce(browser: Browser, url: string, designText: string, expectedNodes: number, expectedNamespaces: number, run: number): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript({ content: probeScript(AUTOSAVE_KEY, designText, expectedNodes, expectedNamespaces) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (PROFILE && run === 1) await startProfile(cdp);
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction('window.__uiBench && window.__uiBench.done', undefined, { timeout: RENDER_TIMEOUT_MS, polling: 250 });
    } catch {
      const partial = (await page.evaluate('window.__uiBench && window.__uiBench.marks').catch(() => null)) as Marks | null;
      const counts = await page.evaluate(DOM_COUNTS).catch(() => null);
      throw new Error(`the design did not finish rendering within ${RENDER_TIMEOUT_MS / 1000} s: marks ${JSON.stringify(partial)}, DOM ${JSON.stringify(counts)}${errors.length ? `, page errors: ${errors.join('; ')}` : ''}`);
    }
    if (PROFILE && run === 1) await printProfile(cdp, 'loading (navigation until the canvas settled)');
    const marks = (await page.evaluate('window.__uiBench.marks')) as Marks;
    const loadTasks = (await page.evaluate('window.__uiBench.longTasks')) as [number, number][];
    const counts = (await page.evaluate(DOM_COUNTS)) as RunResult['counts'] & { heap: number | null };
    const m = await cdpMetrics(cdp);
    const heapMB = (m.JSHeapUsedSize ?? counts.heap ?? 0) / 2 ** 20;
    if (EXTRA_CSS) await page.addStyleTag({ content: EXTRA_CSS });
    await sleep(500);

    const at = (await page.evaluate(FIND_PANE_POINT)) as { x: number; y: number } | null;
    if (!at) throw new Error('no empty pane area found to drag');
    const before = (await page.evaluate(VIEWPORT_TRANSFORM)) as string;
    if (TRACE && run === 1) await browser.startTracing(page, { path: TRACE, screenshots: false });
    if (PROFILE && run === 1) await startProfile(cdp);
    const panStats = await measureGesture(page, cdp, () => pan(page, at));
    if (PROFILE && run === 1) await printProfile(cdp, 'the pan');
    if (TRACE && run === 1) {
      await browser.stopTracing();
      console.log(`trace of the pan written to ${TRACE}`);
    }
    const after = (await page.evaluate(VIEWPORT_TRANSFORM)) as string;
    await sleep(300);
    const zoomStats = await measureGesture(page, cdp, () => zoom(page, at));
    await sleep(500);
    const traceClick = !(PROFILE && run === 1) && !TRACE;
    if (traceClick) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', ...(BREAKDOWN ? ['devtools.timeline'] : [])] });
    if (PROFILE && run === 1) {
      // Ten clicks on different namespaces in one profile: one 30 ms click is too few samples.
      await startProfile(cdp);
      for (let i = 1; i <= 10; i++) {
        await clickSelect(page, i);
        await page.keyboard.press('Escape');
        await sleep(200);
      }
      await printProfile(cdp, 'ten clicks selecting a namespace (and Escape after each)');
    }
    const clickToSelected = await clickSelect(page);
    const clickToFocus = await clickFocusTime(page);
    const clickTrace = traceClick ? await browser.stopTracing() : null;
    const clickCpu = clickTrace ? mainThreadCpu(clickTrace, 'bench-click-start', 'bench-click-end') : undefined;
    if (clickTrace && BREAKDOWN && run === 1) console.log(['main-thread tasks of the click (start, length, parts of 1 ms or more):', ...taskBreakdown(clickTrace, 'bench-click-start', 'bench-click-end')].join('\n  '));
    await page.keyboard.press('Escape');
    await sleep(300);
    const edits: RunResult['edits'] = {};
    for (const kind of EDIT_KINDS) {
      const profiling = PROFILE && run === 1 && kind === EDIT_KINDS[PROFILE_EDIT];
      // Profiled from the edit until its frame only (console.profile in the page), not the work after it.
      const consoleProfile = profiling ? consoleProfileOf(cdp) : null;
      if (profiling) await page.evaluate('window.__benchProfile = true');
      const traced = !(PROFILE && run === 1) && !TRACE;
      if (traced) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'] });
      edits[kind] = (await page.evaluate(`(${EDIT_SCRIPT})(${JSON.stringify(kind)})`)) as RunResult['edits'][string];
      if (traced) {
        const trace = await browser.stopTracing();
        edits[kind].cpu = mainThreadCpu(trace, 'bench-edit-start', 'bench-edit-end');
        edits[kind].painted = paintedAfter(trace, 'bench-edit-start', 'bench-edit-end');
        if (BREAKDOWN && run === 1) console.log([`main-thread tasks of the edit (${kind}):`, ...taskBreakdown(trace, 'bench-edit-start', 'bench-edit-end')].join('\n  '));
      }
      if (consoleProfile) {
        printProfileOf(await consoleProfile, `the edit (${kind}) until its edges' frame`);
        await page.evaluate('window.__benchProfile = false');
      }
      if (edits[kind].why) console.log(`edit ${kind}: ${edits[kind].why}`);
      await sleep(800); // let lint and the canvas settle before the next edit
    }
    const heapAfterMB = ((await cdpMetrics(cdp)).JSHeapUsedSize ?? 0) / 2 ** 20;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const loadLongest = loadTasks.reduce((a, t) => (t[1] > a[1] ? t : a), [0, 0]);
    return { marks, counts, heapMB, heapAfterMB, clickToSelected, clickToFocus, clickCpu, edits, pan: panStats, zoom: zoomStats, panMoved: before !== after,
      load: { longTasks: loadTasks.length, longTaskMs: loadTasks.reduce((a, [, d]) => a + d, 0), longestMs: loadLongest[1], longestAt: loadLongest[0] } };
  } finally {
    await context.close();
  }
}

/** A trace's events and its two `performance.mark`s (undefined when either is missing). */
function markedTrace(trace: Buffer, from: string, to: string): { evs: TraceEvent[]; a: TraceEvent; b: TraceEvent } | undefined {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const evs = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  const a = evs.find((e) => e.name === from);
  const b = evs.find((e) => e.name === to);
  return a && b ? { evs, a, b } : undefined;
}

/**
 * ms from the `from` mark until the end of the main thread's first Paint after the `to` mark
 * (a trace with `devtools.timeline`): the frame's style, layout and paint included.
 */
function paintedAfter(trace: Buffer, from: string, to: string): number | undefined {
  const marked = markedTrace(trace, from, to);
  if (!marked) return undefined;
  const { evs, a, b } = marked;
  const paint = evs.filter((e) => e.pid === b.pid && e.tid === b.tid && e.name === 'Paint' && e.ph === 'X' && e.ts >= b.ts)
    .sort((x, y) => x.ts - y.ts)[0];
  return paint ? (paint.ts + (paint.dur ?? 0) - a.ts) / 1000 : undefined;
}

/**
 * The renderer main thread's tasks between two marks (a trace with `devtools.timeline`), each
 * with its start (ms after `from`), duration and what ran in it for 1 ms or more: an input
 * event, a script callback, style, layout or paint. For --breakdown.
 */
function taskBreakdown(trace: Buffer, from: string, to: string): string[] {
  const marked = markedTrace(trace, from, to);
  if (!marked) return ['(marks not in the trace)'];
  const { evs, a, b } = marked;
  const mine = evs.filter((e) => e.pid === a.pid && e.tid === a.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) >= a.ts && e.ts <= b.ts + 20_000);
  const kinds = new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'MajorGC', 'MinorGC', 'v8.run', 'ParseHTML', 'RunMicrotasks', 'v8.callFunction']);
  return tasks.sort((x, y) => x.ts - y.ts).map((t) => {
    const end = t.ts + (t.dur ?? 0);
    const parts = mine.filter((e) => e !== t && kinds.has(e.name) && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 1000)
      .map((e) => `${e.name}${(e.args as { data?: { type?: string } } | undefined)?.data?.type ? `(${(e.args as { data: { type: string } }).data.type})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
    return `+${((t.ts - a.ts) / 1000).toFixed(1).padStart(6)} ms  ${((t.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${parts.join(', ')}`;
  }).filter((line) => !/ {2}0\.\d ms {2}$/.test(line));
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

/**
 * CPU time (thread time, so a loaded machine does not inflate it) of the renderer main thread's
 * tasks between two `performance.mark`s, from a Chrome trace with the `toplevel` category.
 */
function mainThreadCpu(trace: Buffer, from: string, to: string): number | undefined {
  const marked = markedTrace(trace, from, to);
  if (!marked) return undefined;
  const { evs, a, b } = marked;
  const tasks = evs.filter((e) => e.pid === a.pid && e.tid === a.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask'
    && e.ts + (e.dur ?? 0) >= a.ts && e.ts <= b.ts);
  let us = 0;
  for (const t of tasks) {
    const dur = t.dur ?? 0;
    // A task cut by the window counts in proportion (thread time is not split inside a task).
    const inside = Math.min(t.ts + dur, b.ts) - Math.max(t.ts, a.ts);
    us += dur > 0 ? ((t.tdur ?? dur) * Math.max(0, inside)) / dur : 0;
  }
  return us / 1000;
}

// ---------------------------------------------------------------- click and edits

/**
 * Clicks the top middle of a namespace node (the first, or the `nth`) and returns ms from the pointerdown until the first
 * animation frame in which that node carries React Flow's `selected` class (undefined after 5 s). Also notes
 * (window.__uiBench.focus) the first frame in which the canvas has committed that selection's neighbourhood (its
 * edges and the fading of the rest: the test API's drawnFocus; an older build without it leaves it empty).
 */
async function clickSelect(page: Page, nth = 0): Promise<number | undefined> {
  const box = await page.locator('.react-flow__node-namespace').nth(nth).boundingBox();
  if (!box) return undefined;
  await page.evaluate(`(() => {
    const st = window.__uiBench;
    st.click = undefined;
    st.focus = undefined;
    document.addEventListener('pointerdown', (e) => {
      const t0 = performance.now();
      performance.mark('bench-click-start');
      const node = e.target instanceof Element ? e.target.closest('.react-flow__node') : null;
      if (!node) { st.click = -1; return; }
      const id = node.getAttribute('data-id');
      const api = window.__netpol;
      const tick = () => {
        const now = performance.now() - t0;
        if (st.click === undefined && node.classList.contains('selected')) {
          st.click = now;
          performance.mark('bench-click-end');
        }
        if (st.focus === undefined && api && api.drawnFocus && api.drawnFocus().includes(id)) st.focus = now;
        const done = st.click !== undefined && (st.focus !== undefined || !api || !api.drawnFocus);
        if (!done && now < 5000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  })()`);
  await page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
  await page.waitForFunction('window.__uiBench.click !== undefined', undefined, { timeout: 6000 }).catch(() => undefined);
  const v = (await page.evaluate('window.__uiBench.click')) as number | undefined;
  return v === undefined || v < 0 ? undefined : v;
}

/** ms from the last clickSelect's pointerdown to the frame that drew the selection's neighbourhood. */
async function clickFocusTime(page: Page): Promise<number | undefined> {
  await page.waitForFunction('window.__uiBench.focus !== undefined', undefined, { timeout: 6000 }).catch(() => undefined);
  return (await page.evaluate('window.__uiBench.focus')) as number | undefined;
}

const EDIT_KINDS = ['a workload label', 'a policy rule (port)', 'a default-deny switch'] as const;

/**
 * In the page: makes one edit through the test API (the same document command the Inspector
 * runs), then notes when the evaluation of the edited design is in the store and the first
 * animation frame that paints it.
 */
const EDIT_SCRIPT = `async (kind) => {
  const api = window.__netpol;
  if (!api) return { why: 'no test API (not an e2e-mode build)' };
  const doc = api.getDoc();
  const m = doc.model;
  const byId = (a, b) => (a.id < b.id ? -1 : 1);
  const wl = Object.values(m.workloads).sort(byId);
  const w = wl[Math.floor(wl.length / 3)];
  // An older build (--ref) may lack a method: that row stays empty.
  if ((kind === 'a workload label' && !api.setPodLabels) || (kind === 'a default-deny switch' && !api.setNamespaceDefaults)) return { why: 'this build has no test API method for it' };
  const before = api.getReachability();
  if (window.__benchProfile) console.profile('bench-edit');
  performance.mark('bench-edit-start');
  const t0 = performance.now();
  if (kind === 'a workload label') api.setPodLabels(w.id, { ...w.podLabels, app: (w.podLabels.app || 'x') + '-edited' });
  else if (kind === 'a policy rule (port)') {
    const p = Object.values(m.policies).sort(byId).find((x) => (x.ingress || []).length > 0);
    if (!p) return { why: 'no policy with an ingress rule' };
    api.setRulePort(p.id, 'ingress', 0, 7777);
  } else {
    const cur = m.namespaceDefaults[w.namespaceId];
    api.setNamespaceDefaults(w.namespaceId, cur && cur.denyIngress ? null : { denyIngress: true, denyEgress: false, allowDns: false });
  }
  const sync = performance.now() - t0;
  // The canvas renders a new result synchronously, in the task that stores it (React's sync
  // lane via useSyncExternalStore, effects included): the first animation frame that finds it
  // in the store, with the canvas drawing the edited design, is the frame that paints the new
  // edges. Time in that frame's callback, as for
  // the click. (Waiting for a frame after the poll instead counted the work scheduled after
  // that paint: the lint copy and the YAML view.)
  let frameAt;
  const watch = () => requestAnimationFrame(() => {
    // The canvas draws the edited design (an older build without drawnDoc: the result alone).
    const drawn = !api.drawnDoc || api.drawnDoc() === api.getDoc();
    if (api.getReachability() !== before && drawn) {
      frameAt = performance.now() - t0;
      performance.mark('bench-edit-end');
      if (window.__benchProfile) console.profileEnd('bench-edit');
    }
    else if (performance.now() - t0 < 30000) watch();
  });
  watch();
  const deadline = t0 + 30000;
  while (api.getReachability() === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  if (api.getReachability() === before) {
    if (window.__benchProfile) console.profileEnd('bench-edit');
    return { why: 'no new evaluation within 30 s' };
  }
  const result = performance.now() - t0;
  const evalMs = api.getReachability().stats.ms;
  while (frameAt === undefined) await new Promise((r) => requestAnimationFrame(r));
  const frame = frameAt;
  return { sync, evalMs, result, frame };
}`;

// ---------------------------------------------------------------- report

const ms = (v: number | undefined) => (v === undefined ? '-' : `${Math.round(v)} ms`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const verdict = (ok: boolean) => (ok ? 'target met' : 'target missed');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function report(results: RunResult[], workloads: number): void {
  const { firstRenderMs: TARGET_FIRST_RENDER_MS, fps: TARGET_FPS } = targetsFor(workloads);
  const head = ['', ...results.map((_, i) => `run ${i + 1}`), 'median'];
  const row = (label: string, f: (r: RunResult) => number | undefined, fmt: (v: number | undefined) => string) => {
    const vs = results.map(f);
    const ok = vs.filter((v): v is number => v !== undefined);
    return [label, ...vs.map(fmt), ok.length ? fmt(median(ok)) : '-'];
  };
  const fps = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(1));
  const num = (v: number | undefined) => (v === undefined ? '-' : String(Math.round(v)));
  console.log(`\n${table([
    head,
    row('first contentful paint', (r) => r.marks.firstContentfulPaint, ms),
    row('first node', (r) => r.marks.firstNode, ms),
    row('first render: all namespaces visible', (r) => r.marks.allNamespaces, ms),
    row('all nodes rendered', (r) => r.marks.allNodes, ms),
    row('evaluation shown', (r) => r.marks.evaluated, ms),
    row('first edge (any: LB wiring)', (r) => r.marks.firstEdge, ms),
    row('first reachability edge', (r) => r.marks.firstReachEdge, ms),
    row('all edges (last change)', (r) => r.marks.edgesLastChange, ms),
    row('load: long tasks (> 50 ms)', (r) => r.load.longTasks, num),
    row('load: long task total', (r) => r.load.longTaskMs, ms),
    row('load: longest task', (r) => r.load.longestMs, ms),
    row('load: longest task started at', (r) => r.load.longestAt, ms),
    row('pan fps (avg)', (r) => r.pan.fps, fps),
    row('pan fps (worst 1 s)', (r) => r.pan.worst1s, fps),
    row('pan longest frame', (r) => r.pan.maxGapMs, ms),
    row('pan mouse moves sent', (r) => r.pan.inputs, num),
    row('zoom fps (avg)', (r) => r.zoom.fps, fps),
    row('zoom fps (worst 1 s)', (r) => r.zoom.worst1s, fps),
    row('zoom longest frame', (r) => r.zoom.maxGapMs, ms),
    row('zoom wheel events sent', (r) => r.zoom.inputs, num),
    row('nodes rendered', (r) => r.counts.nodes, num),
    row('edges rendered', (r) => r.counts.edges, num),
    row('edge labels', (r) => r.counts.edgeLabels, num),
    row('DOM elements', (r) => r.counts.domElements, num),
    row('JS heap used (MB)', (r) => r.heapMB, (v) => (v === undefined ? '-' : v.toFixed(1))),
    row('JS heap used after the edits (MB)', (r) => r.heapAfterMB, (v) => (v === undefined ? '-' : v.toFixed(1))),
    row('click -> node selected (frame)', (r) => r.clickToSelected, ms),
    row('click -> its neighbourhood drawn (frame)', (r) => r.clickToFocus, ms),
    row('click: main-thread CPU (trace)', (r) => r.clickCpu, ms),
    ...EDIT_KINDS.flatMap((k) => [
      row(`edit ${k} -> document updated (sync part)`, (r) => r.edits[k]?.sync, ms),
      row(`edit ${k}: evaluation itself (stats.ms)`, (r) => r.edits[k]?.evalMs, ms),
      row(`edit ${k} -> new evaluation`, (r) => r.edits[k]?.result, ms),
      row(`edit ${k} -> edges rendered (frame)`, (r) => r.edits[k]?.frame, ms),
      row(`edit ${k} -> that frame painted (trace)`, (r) => r.edits[k]?.painted, ms),
      row(`edit ${k}: main-thread CPU (trace)`, (r) => r.edits[k]?.cpu, ms),
    ]),
  ])}`);
  console.log(`\nmain thread during the gesture (median of runs; ms unless a count):`);
  const cdpRows = [['', 'long tasks', 'long task ms', 'task', 'script', 'layout', 'style', 'layouts', 'style recalcs']];
  for (const [name, get] of [['pan', (r: RunResult) => r.pan], ['zoom', (r: RunResult) => r.zoom]] as const) {
    const s = results.map(get);
    const md = (f: (x: FrameStats) => number) => String(Math.round(median(s.map(f))));
    cdpRows.push([name, md((x) => x.longTasks), md((x) => x.longTaskMs), md((x) => x.cdp.TaskDuration * 1000), md((x) => x.cdp.ScriptDuration * 1000),
      md((x) => x.cdp.LayoutDuration * 1000), md((x) => x.cdp.RecalcStyleDuration * 1000), md((x) => x.cdp.LayoutCount), md((x) => x.cdp.RecalcStyleCount)]);
  }
  console.log(table(cdpRows));
  console.log(`status bar: ${results[0].counts.status}`);
  if (results.some((r) => !r.panMoved)) console.log('WARNING: the viewport did not move during a pan: the drag did not reach the pane');

  const firstRender = median(results.map((r) => r.marks.allNamespaces ?? Infinity));
  const panFps = median(results.map((r) => r.pan.fps));
  const panWorst = median(results.map((r) => r.pan.worst1s));
  const zoomFps = median(results.map((r) => r.zoom.fps));
  const zoomWorst = median(results.map((r) => r.zoom.worst1s));
  console.log(`\ntargets (median of ${results.length} runs):`);
  console.log(`  time to first render ${Math.round(firstRender)} ms (<= ${TARGET_FIRST_RENDER_MS} ms): ${verdict(firstRender <= TARGET_FIRST_RENDER_MS)}`);
  console.log(`  pan fps ${panFps.toFixed(1)} avg, ${panWorst.toFixed(1)} worst 1 s (>= ${TARGET_FPS}): ${verdict(panFps >= TARGET_FPS && panWorst >= TARGET_FPS)}`);
  console.log(`  zoom fps ${zoomFps.toFixed(1)} avg, ${zoomWorst.toFixed(1)} worst 1 s (>= ${TARGET_FPS}): ${verdict(zoomFps >= TARGET_FPS && zoomWorst >= TARGET_FPS)}`);
  const panMax = median(results.map((r) => r.pan.maxGapMs));
  console.log(`  pan longest frame ${Math.round(panMax)} ms (<= ${TARGET_MAX_FRAME_MS} ms): ${verdict(panMax <= TARGET_MAX_FRAME_MS)}`);
  const click = median(results.map((r) => r.clickToSelected ?? Infinity));
  console.log(`  click -> selected ${Math.round(click)} ms (<= ${TARGET_CLICK_MS} ms): ${verdict(click <= TARGET_CLICK_MS)}`);
  const focus = median(results.map((r) => r.clickToFocus ?? Infinity));
  if (Number.isFinite(focus)) console.log(`  click -> its neighbourhood drawn ${Math.round(focus)} ms (the selection's edges, the rest faded; a render just after the selected frame)`);
  for (const k of EDIT_KINDS) {
    const v = median(results.map((r) => r.edits[k]?.frame ?? Infinity));
    console.log(`  edit ${k} -> edges ${Math.round(v)} ms (<= ${TARGET_EDIT_MS} ms): ${verdict(v <= TARGET_EDIT_MS)}`);
  }
}

// ---------------------------------------------------------------- main

/** Designs benched: workloads, namespaces, policies (`--sizes 500,2000`; default both). */
const SIZES: Record<string, [number, number, number]> = { 500: [500, 20, 200], 2000: [2000, 80, 1000] };

async function main(): Promise<void> {
  const sizes = (opt('--sizes') ?? '500,2000').split(',').filter((k) => SIZES[k]);
  const designs = [];
  for (const k of sizes) {
    const design = await uiDesign(...SIZES[k]);
    const c = design.counts;
    console.log(`design: ${c.namespaces} namespaces, ${c.workloads} workloads, ${c.policies} policies, ${c.services} services `
      + `(${c.loadBalancers} LoadBalancer), ${c.externals} external networks -> ${c.namespaces + c.externals + c.loadBalancers} canvas nodes; `
      + `${design.layoutEngine} layout ${Math.round(design.layoutMs)} ms; design file ${(design.text.length / 1024).toFixed(0)} KiB`);
    designs.push(design);
  }

  const ownDir = !opt('--out-dir');
  const outDir = opt('--out-dir') ?? mkdtempSync(join(tmpdir(), 'netpol-ui-bench-'));
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    if (!flag('--no-build')) build(outDir, !flag('--no-minify'), opt('--ref'));
    const srv = await preview(outDir);
    server = srv.proc;
    // scripts/chromium.mjs has no type declarations: a computed specifier keeps tsc quiet.
    const chromiumMjs = '../scripts/chromium.mjs';
    const { chromiumArgs, chromiumExecutable } = (await import(chromiumMjs)) as { chromiumArgs: string[]; chromiumExecutable: () => string | undefined };
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs, headless: !flag('--headed') });
    console.log(`chromium ${browser.version()} (headless), viewport ${VIEWPORT.width}x${VIEWPORT.height}, ${RUNS} runs, serving ${srv.url}`);
    for (const design of designs) {
      const c = design.counts;
      // The overview draws namespaces, externals and load balancers (many of them on their
      // namespace's card instead: src/canvas/overview.ts foldedLoadBalancers); workloads only when expanded.
      const expectedNodes = c.namespaces + c.externals + (c.loadBalancers > LB_FOLD_MIN ? 0 : c.loadBalancers);
      console.log(`\n== ${c.workloads} workloads / ${c.policies} policies ==`);
      const results: RunResult[] = [];
      for (let i = 1; i <= RUNS; i++) {
        results.push(await runOnce(browser, srv.url, design.text, expectedNodes, c.namespaces, i));
        process.stdout.write(`run ${i} done\n`);
      }
      report(results, c.workloads);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    if (server && server.exitCode === null) server.kill('SIGTERM');
    if (ownDir && !flag('--no-build')) rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:ui failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
