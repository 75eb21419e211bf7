// `npm run bench`: one row per synthetic size with workloads, policies, classes, parse ms
// (YAML manifests -> model through src/k8s/import.ts), evaluate ms, output ms (the analyze JSON
// contract, streamed into a byte counter) and the peak RSS of a fresh process per size.
//
// `tsx bench/core.bench.ts --one 500 200` runs one size and prints its row as JSON.
// A second table compares evaluation of the 5,000 / 2,000 and 10,000 / 10,000 clusters without
// and with 200 ClusterNetworkPolicies (Admin and Baseline tiers) by CPU time, best of 10 alternating
// runs (`--tiers 5000 2000` prints one pair as JSON); the target is within 1.5x. Then the canvas's
// override-edge search on 500 / 200 with 200 cluster policies (`--overrides 0.3` prints one as JSON).
// Then "one edit re-evaluated" (evaluateIncremental, bench/incremental.bench.ts) per edit kind at
// 500 / 200 and 5,000 / 2,000 next to the full evaluation. Then the CLI as a whole process
// through the bin (bench/cli.bench.ts). Arguments narrow all of them to the given workload
// counts (`npm run bench -- 500 1000`); `--no-cli` skips the CLI part.

import { reachJsonChunks } from '../src/report/reach-json.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Model } from '../src/model/types.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { overriddenPairs } from '../src/canvas/cluster-denials.ts';
import { cliBench } from './cli.bench.ts';
import { incrementalOne, incrementalTable, type IncrementalRow } from './incremental.bench.ts';
import { SIZES, synthetic } from './synthetic.ts';

interface Row {
  workloads: number;
  policies: number;
  classes: number;
  parseMs: number | null;
  evaluateMs: number;
  outputMs: number;
  outputMB: number;
  peakMB: number;
}

type Importer = (files: { name: string; text: string }[]) => { model: Model };

async function loadImporter(): Promise<Importer | undefined> {
  try {
    const mod = (await import('../src/k8s/import.ts')) as { importManifests?: Importer };
    return mod.importManifests;
  } catch {
    return undefined;
  }
}

async function one(workloads: number, policies: number): Promise<Row> {
  const { model, files } = synthetic(workloads, policies);
  const importer = await loadImporter();
  let parseMs: number | null = null;
  if (importer) {
    const t = performance.now();
    importer(files);
    parseMs = performance.now() - t;
  }
  const t0 = performance.now();
  const r = evaluate(model);
  const evaluateMs = performance.now() - t0;
  const t1 = performance.now();
  let bytes = 0;
  // The CLI's own streaming writer, so the figure is what `netpol analyze --format json` pays.
  for (const chunk of reachJsonChunks(r)) bytes += chunk.length;
  const outputMs = performance.now() - t1;
  return {
    workloads: Object.keys(model.workloads).length,
    policies: Object.keys(model.policies).length,
    classes: r.classCount,
    parseMs,
    evaluateMs,
    outputMs,
    outputMB: bytes / 1e6,
    peakMB: process.resourceUsage().maxRSS / 1024,
  };
}

function fmt(r: Row): string {
  const cells = [r.workloads, r.policies, r.classes, r.parseMs === null ? 'n/a' : r.parseMs.toFixed(0), r.evaluateMs.toFixed(0), `${r.outputMs.toFixed(0)} (${r.outputMB.toFixed(1)} MB)`, r.peakMB.toFixed(0)];
  return `| ${cells.join(' | ')} |`;
}

const TIER_SIZES: readonly [number, number][] = [[5000, 2000], [10000, 10000]];
const CLUSTER_POLICIES = 200;
const TIER_REPEAT = 10;

interface TierRow {
  workloads: number; policies: number; classesWithout: number; classesWith: number;
  /** Best CPU ms (process.cpuUsage, user + system) of one evaluation. */
  withoutCpuMs: number; withCpuMs: number;
  /** Best wall-clock ms, for reference: on a shared machine it mostly measures the neighbours. */
  withoutMs: number; withMs: number;
  parseWithMs: number;
}

/** Wall and CPU ms of one call. */
function timed(fn: () => void): { wall: number; cpu: number } {
  const t = performance.now();
  const u = process.cpuUsage();
  fn();
  const d = process.cpuUsage(u);
  return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
}

/**
 * The same cluster without and with 200 ClusterNetworkPolicies, evaluated alternately in one
 * process, best of TIER_REPEAT each, by CPU time: on a shared machine wall time mostly measures
 * the neighbours, the process's own CPU time much less so, and alternating gives both runs the
 * same conditions.
 */
async function tiersOne(workloads: number, policies: number): Promise<TierRow> {
  const without = synthetic(workloads, policies, 42).model;
  const withCnp = synthetic(workloads, policies, 42, { clusterPolicies: CLUSTER_POLICIES });
  const row: TierRow = {
    workloads, policies, classesWithout: 0, classesWith: 0,
    withoutCpuMs: Infinity, withCpuMs: Infinity, withoutMs: Infinity, withMs: Infinity, parseWithMs: 0,
  };
  for (let k = 0; k < TIER_REPEAT; k++) {
    const a = timed(() => { row.classesWithout = evaluate(without).classCount; });
    row.withoutCpuMs = Math.min(row.withoutCpuMs, a.cpu);
    row.withoutMs = Math.min(row.withoutMs, a.wall);
    const b = timed(() => { row.classesWith = evaluate(withCnp.model).classCount; });
    row.withCpuMs = Math.min(row.withCpuMs, b.cpu);
    row.withMs = Math.min(row.withMs, b.wall);
  }
  // Parsing last: its garbage would otherwise land in the timed evaluations' collections.
  const importer = await loadImporter();
  const tp = performance.now();
  importer?.(withCnp.files);
  row.parseWithMs = performance.now() - tp;
  return row;
}

/** Before/after table for the cluster-wide tiers. */
function tiersTable(self: string, sizeArgs: string[]): void {
  const sizes = sizeArgs.length ? TIER_SIZES.filter(([w]) => sizeArgs.includes(String(w))) : TIER_SIZES;
  if (sizes.length === 0) return;
  console.log('');
  console.log(`| workloads | policies | cluster policies | classes | evaluate CPU ms (best of ${TIER_REPEAT}) | vs without (target <= 1.5x) | wall ms (best of ${TIER_REPEAT}) | parse ms |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [w, p] of sizes) {
    const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--tiers', String(w), String(p)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = res.stdout.trim().split('\n').pop() ?? '';
    if (res.status !== 0 || !line.startsWith('{')) {
      console.log(`| ${w} | ${p} | ${CLUSTER_POLICIES} | failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const r = JSON.parse(line) as TierRow;
    console.log(`| ${w} | ${p} | 0 | ${r.classesWithout} | ${r.withoutCpuMs.toFixed(0)} | (without) | ${r.withoutMs.toFixed(0)} | |`);
    console.log(`| ${w} | ${p} | ${CLUSTER_POLICIES} | ${r.classesWith} | ${r.withCpuMs.toFixed(0)} | ${(r.withCpuMs / r.withoutCpuMs).toFixed(2)}x | ${r.withMs.toFixed(0)} (${(r.withMs / r.withoutMs).toFixed(2)}x) | ${r.parseWithMs.toFixed(0)} |`);
  }
}

const INCREMENTAL_SIZES: readonly [number, number][] = [[500, 200], [5000, 2000]];

/** "one edit re-evaluated" per edit kind (bench/incremental.bench.ts), a fresh process per size. */
function incrementalSection(self: string, sizeArgs: string[]): void {
  const sizes = sizeArgs.length ? INCREMENTAL_SIZES.filter(([w]) => sizeArgs.includes(String(w))) : INCREMENTAL_SIZES;
  if (sizes.length === 0) return;
  const rows: IncrementalRow[] = [];
  for (const [w, p] of sizes) {
    const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--incremental', String(w), String(p)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = res.stdout.trim().split('\n').pop() ?? '';
    if (res.status !== 0 || !line.startsWith('{')) {
      console.log(`\n| ${w} | ${p} | incremental failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    rows.push(JSON.parse(line) as IncrementalRow);
  }
  console.log('');
  for (const l of incrementalTable(rows)) console.log(l);
}

const OVERRIDE_SIZE: [number, number] = [500, 200];

/**
 * The canvas's override search (NetworkPolicy allows an Admin Deny stops, drawn without a
 * selection) on the 500 / 200 cluster with 200 ClusterNetworkPolicies, all namespaces isolated
 * and with 30% of them without NetworkPolicies (where Baseline denies replace the default allow):
 * CPU ms of overriddenPairs on a fresh model, best of TIER_REPEAT (warm).
 */
function overridesOne(openShare: number): { cpuMs: number; pairs: number; endpoints: number } {
  const [w, p] = OVERRIDE_SIZE;
  let cpuMs = Infinity;
  let pairs = 0;
  let endpoints = 0;
  for (let k = 0; k < TIER_REPEAT; k++) {
    const m = synthetic(w, p, 42, { clusterPolicies: CLUSTER_POLICIES, openShare }).model;
    const reach = evaluate(m);
    endpoints = reach.endpoints.length;
    cpuMs = Math.min(cpuMs, timed(() => { pairs = overriddenPairs(m, reach).length; }).cpu);
  }
  return { cpuMs, pairs, endpoints };
}

function overridesTable(self: string, sizeArgs: string[]): void {
  if (sizeArgs.length && !sizeArgs.includes(String(OVERRIDE_SIZE[0]))) return;
  console.log('');
  console.log(`| override search: workloads | policies | cluster policies | namespaces without NetworkPolicies | endpoints | CPU ms (best of ${TIER_REPEAT}) | override pairs |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const open of [0, 0.3]) {
    const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--overrides', String(open)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = res.stdout.trim().split('\n').pop() ?? '';
    if (res.status !== 0 || !line.startsWith('{')) {
      console.log(`| ${OVERRIDE_SIZE[0]} | failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const r = JSON.parse(line) as ReturnType<typeof overridesOne>;
    console.log(`| ${OVERRIDE_SIZE[0]} | ${OVERRIDE_SIZE[1]} | ${CLUSTER_POLICIES} | ${open * 100}% | ${r.endpoints} | ${r.cpuMs.toFixed(0)} | ${r.pairs} |`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--incremental') {
    console.log(JSON.stringify(incrementalOne(Number(args[1]), Number(args[2]))));
    return;
  }
  if (args[0] === '--overrides') {
    console.log(JSON.stringify(overridesOne(Number(args[1]))));
    return;
  }
  if (args[0] === '--tiers') {
    console.log(JSON.stringify(await tiersOne(Number(args[1]), Number(args[2]))));
    return;
  }
  if (args[0] === '--one') {
    console.log(JSON.stringify(await one(Number(args[1]), Number(args[2]))));
    return;
  }
  const sizeArgs = args.filter((a) => !a.startsWith('--'));
  const only = sizeArgs.length ? SIZES.filter(([w]) => sizeArgs.includes(String(w))) : SIZES;
  console.log('| workloads | policies | classes | parse ms | evaluate ms | output ms (size) | peak MB |');
  console.log('|---|---|---|---|---|---|---|');
  const self = fileURLToPath(import.meta.url);
  for (const [w, p] of only) {
    // A fresh process per size so peak memory belongs to that size alone.
    const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--one', String(w), String(p)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = res.stdout.trim().split('\n').pop() ?? '';
    if (res.status !== 0 || !line.startsWith('{')) {
      console.log(`| ${w} | ${p} | failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    console.log(fmt(JSON.parse(line) as Row));
  }
  tiersTable(self, sizeArgs);
  overridesTable(self, sizeArgs);
  incrementalSection(self, sizeArgs);
  if (!args.includes('--no-cli')) cliBench({ only: sizeArgs.map(Number) });
}

await main();
