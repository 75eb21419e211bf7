// `npm run bench:collab`: the collaboration server on loopback, measured with real clients
// (src/server/node-client.ts: the same providers the browser uses). Prints figures; asserts nothing.
//   1. 20 clients in one room editing: propagation latency p50 / p95 (target p95 <= 50 ms)
//   2. 50 rooms x 10 clients, each editing once a second: server CPU and memory
//   3. initial sync of a 500-workload design to a new client (target <= 1 s)
//   4. server killed and restarted: time until every client is back, and nothing lost
// The server runs as its own process (CPU and memory read from /proc), as in production.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';
import { hasDesign, readDesign, writeDesign } from '../src/collab/y-design.ts';
import { join, newRoomKeys, until, type Participant } from '../src/server/node-client.ts';
import { uiDesign } from './ui-design.ts';

const PORT = Number(process.env.BENCH_COLLAB_PORT ?? 4497);
const URL = `ws://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(joinPath(tmpdir(), 'netpol-bench-collab-'));
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', String(PORT), '--data', dataDir, '--max-clients', '100'], { stdio: 'ignore' });
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {
      // starting
    }
    if (Date.now() - t0 > 30_000) throw new Error('server did not start');
    await sleep(50);
  }
}

async function killServer(): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return;
  const gone = new Promise((r) => s.once('exit', r));
  s.kill('SIGKILL');
  await gone;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The server process's CPU time (user + system, seconds) and resident memory (MB). */
function serverUsage(): { cpu: number; rssMb: number } {
  const pid = server?.pid;
  if (!pid) return { cpu: 0, rssMb: 0 };
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu: ticks / 100, rssMb: rss ? Number(rss[1]) / 1024 : 0 };
}

async function room(clients: number, keys = newRoomKeys()): Promise<Participant[]> {
  const first = join(URL, keys, 'editor', { create: true });
  await first.synced;
  const rest = Array.from({ length: clients - 1 }, () => join(URL, keys, 'editor'));
  await Promise.all(rest.map((p) => p.synced));
  return [first, ...rest];
}

async function latency(): Promise<void> {
  const ps = await room(20);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const writer = ps[i % ps.length] as Participant;
    const others = ps.filter((p) => p !== writer);
    const seen = new Map<Participant, number>();
    const handlers = others.map((p) => {
      const m = p.designDoc.getMap('bench');
      const h = () => {
        if (!seen.has(p) && m.get('tick') === i) seen.set(p, performance.now());
      };
      m.observe(h);
      return () => m.unobserve(h);
    });
    const t0 = performance.now();
    writer.designDoc.getMap('bench').set('tick', i);
    await until(() => seen.size === others.length, 5000, `tick ${i}`);
    for (const t of seen.values()) samples.push(t - t0);
    handlers.forEach((off) => off());
    await sleep(15);
  }
  console.log(`1. 20 clients, one room, 200 edits (each seen by 19): propagation p50 ${ms(pct(samples, 50))}, p95 ${ms(pct(samples, 95))}, max ${ms(Math.max(...samples))} (target p95 <= 50 ms)`);
  ps.forEach((p) => p.destroy());
}

async function load(): Promise<void> {
  const before = serverUsage();
  const rooms: Participant[][] = [];
  for (let r = 0; r < 50; r++) rooms.push(await room(10));
  const joined = serverUsage();
  const all = rooms.flat();
  const seconds = 10;
  const t0 = serverUsage();
  const wall0 = performance.now();
  for (let s = 0; s < seconds; s++) {
    // Each client edits once per second, spread over the second.
    all.forEach((p, i) => setTimeout(() => p.designDoc.getMap('layout').set(`n${i}`, { x: s, y: i }), (i / all.length) * 1000));
    await sleep(1000);
  }
  await sleep(500);
  const t1 = serverUsage();
  const wall = (performance.now() - wall0) / 1000;
  const converged = rooms.every((ps) => ps.every((p) => p.designDoc.getMap('layout').size === 10));
  console.log(`2. 50 rooms x 10 clients (1,000 documents), every client editing once a second for ${seconds} s: ` +
    `server CPU ${((100 * (t1.cpu - t0.cpu)) / wall).toFixed(0)}% of one core, memory ${t1.rssMb.toFixed(0)} MB ` +
    `(idle ${before.rssMb.toFixed(0)} MB, after joining ${joined.rssMb.toFixed(0)} MB); every room converged: ${converged ? 'yes' : 'NO'}`);
  all.forEach((p) => p.destroy());
}

async function initialSync(): Promise<void> {
  const { doc, counts } = await uiDesign(500, 20, 200);
  const keys = newRoomKeys();
  const owner = join(URL, keys, 'editor', { create: true });
  await owner.synced;
  owner.designDoc.transact(() => writeDesign(owner.designDoc, null, doc));
  const bytes = Y.encodeStateAsUpdate(owner.designDoc).length;
  await until(() => !owner.design.hasUnsyncedChanges, 10_000, 'upload');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const fresh = join(URL, keys, 'reviewer');
    await fresh.synced;
    if (!hasDesign(fresh.designDoc)) throw new Error('no design after sync');
    const got = readDesign(fresh.designDoc);
    times.push(performance.now() - t0);
    if (Object.keys(got.model.workloads).length !== counts.workloads) throw new Error('incomplete design');
    fresh.destroy();
  }
  console.log(`3. initial sync of a ${counts.workloads}-workload design (${counts.policies} policies, ${(bytes / 1024).toFixed(0)} KB as Yjs) to a new client, ` +
    `connect + sync + readDesign: median ${ms(pct(times, 50))}, worst ${ms(Math.max(...times))} of 5 (target <= 1 s)`);
  owner.destroy();
}

async function restart(): Promise<void> {
  const keys = newRoomKeys();
  const ps = await room(10, keys);
  ps[0]!.designDoc.getMap('meta').set('name', 'before');
  await until(() => ps.every((p) => p.designDoc.getMap('meta').get('name') === 'before'), 5000, 'before');
  await killServer();
  // Edits during the outage, one per client.
  ps.forEach((p, i) => p.designDoc.getMap('layout').set(`offline-${i}`, { x: i, y: 0 }));
  await sleep(500);
  const t0 = performance.now();
  await startServer();
  const up = performance.now() - t0;
  await until(() => ps.every((p) => p.design.isSynced && p.review.isSynced && !p.design.hasUnsyncedChanges), 30_000, 'reconnect');
  await until(() => ps.every((p) => p.designDoc.getMap('layout').size === 10), 30_000, 'merge');
  const back = performance.now() - t0;
  const late = join(URL, keys, 'editor');
  await late.synced;
  const lost = 10 - late.designDoc.getMap('layout').size;
  console.log(`4. server killed (SIGKILL) with 10 clients, each editing while it was down: process up again after ${ms(up)}, ` +
    `every client reconnected and merged ${ms(back)} after the restart; edits lost: ${lost} (a new client sees all 10: ${lost === 0 ? 'yes' : 'NO'}), name kept: ${late.designDoc.getMap('meta').get('name') === 'before' ? 'yes' : 'NO'}`);
  late.destroy();
  ps.forEach((p) => p.destroy());
}

async function main(): Promise<void> {
  console.log(`collaboration server bench on loopback (${URL}, Node ${process.version})`);
  await startServer();
  try {
    await latency();
    await load();
    await initialSync();
    await restart();
  } finally {
    await killServer();
  }
  process.exit(0);
}

void main().catch(async (e) => {
  console.error(e);
  await killServer();
  process.exit(1);
});
