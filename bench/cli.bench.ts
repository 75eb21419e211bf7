// The CLI as people run it: whole processes through bin/netpol.mjs (the built bundle), on
// synthetic clusters written to a temporary folder, stdout to /dev/null. Prints wall time
// (median of a few runs for the quick ones) and peak RSS (GNU time, when installed) next to
// the targets of issue 12. Called from core.bench.ts.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubectlDump, kubectlJsonDump } from './kubectl-dump.ts';
import { synthetic, type SyntheticOptions } from './synthetic.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bin = join(root, 'bin', 'netpol.mjs');
const GNU_TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  /** User + system CPU seconds (GNU time): steadier than wall time on a shared machine. */
  cpu: number | null;
  peakMB: number | null;
  status: number | null;
}

/** One process; stdout to /dev/null, peak RSS from GNU time when it is there. */
function runOnce(args: string[], timeoutMs: number): Run {
  const out = openSync('/dev/null', 'w');
  const rssFile = join(tmpdir(), `netpol-bench-rss-${process.pid}`);
  const timed = existsSync(GNU_TIME);
  const cmd = timed ? GNU_TIME : process.execPath;
  const argv = timed ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args] : args;
  const t = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', out, 'pipe'], timeout: timeoutMs, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t) / 1000;
  closeSync(out);
  let peakMB: number | null = null;
  let cpu: number | null = null;
  if (timed && existsSync(rssFile)) {
    const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) peakMB = kb / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
    rmSync(rssFile, { force: true });
  }
  return { seconds, cpu, peakMB, status: r.status };
}

function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRuns(args: string[], runs: number, timeoutMs = 600_000): Run {
  return median(Array.from({ length: runs }, () => runOnce(args, timeoutMs)));
}

function writeCluster(dir: string, workloads: number, policies: number, options?: SyntheticOptions): { dir: string; files: { name: string; text: string }[] } {
  const { files } = synthetic(workloads, policies, 42, options);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  return { dir, files };
}

const fmtS = (r: Run) =>
  r.status === null ? `> timeout` : `${r.seconds.toFixed(2)} s${r.cpu === null ? '' : ` (cpu ${r.cpu.toFixed(2)} s)`}${r.status !== 0 && r.status !== 1 ? ` (exit ${r.status})` : ''}`;
const fmtMB = (r: Run) => (r.peakMB === null ? 'n/a' : r.peakMB.toFixed(0));

export interface CliBenchOptions {
  /** Workload counts to include (empty: all). */
  only: number[];
}

export function cliBench(opts: CliBenchOptions): void {
  const want = (w: number) => opts.only.length === 0 || opts.only.includes(w);
  // Make sure the bundle is current before timing anything.
  spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
  const work = mkdtempSync(join(tmpdir(), 'netpol-bench-'));
  try {
    console.log('\nCLI, whole process through bin/netpol.mjs (stdout to /dev/null; wall time, CPU = user + system):\n');
    console.log('| command | input | time | peak MB | target |');
    console.log('|---|---|---|---|---|');
    const node = timeRuns(['-e', '0'], 7);
    const help = timeRuns([bin, '--help'], 7);
    console.log(`| node -e 0 | | ${fmtS(node)} | ${fmtMB(node)} | |`);
    console.log(`| netpol --help | | ${fmtS(help)} (${(help.seconds / node.seconds).toFixed(1)}x node) | ${fmtMB(help)} | within 3x node -e 0 |`);
    const sizes: [number, number, SyntheticOptions | undefined, string][] = [
      [500, 200, undefined, '≤ 0.5 s'],
      [1000, 500, undefined, '≤ 0.8 s'],
      [5000, 2000, undefined, '≤ 3 s'],
      [10000, 10000, undefined, '≤ 15 s, ≤ 600 MB'],
      [10000, 10000, { openShare: 0.27 }, '≤ 15 s, ≤ 600 MB'],
    ];
    let big: string | undefined;
    for (const [w, p, o, target] of sizes) {
      if (!want(w)) continue;
      const { dir } = writeCluster(join(work, `${w}-${p}${o ? '-dense' : ''}`), w, p, o);
      if (!o && w === 10000) big = dir;
      const r = timeRuns([bin, 'analyze', dir, '--format', 'json'], w <= 1000 ? 5 : w <= 5000 ? 3 : 1);
      console.log(`| analyze --format json | ${w} / ${p}${o ? ` dense (${o.openShare! * 100}% open namespaces)` : ''} | ${fmtS(r)} | ${fmtMB(r)} | ${target} |`);
    }
    if (want(10000)) {
      const lint = timeRuns([bin, 'lint', big!], 1);
      console.log(`| lint | 10000 / 10000 | ${fmtS(lint)} | ${fmtMB(lint)} | ≤ 60 s |`);
    }
    if (want(8500) || want(10000)) {
      // kubectl get -A -o yaml of ~8,500 workloads (~48 MB) and -o json of ~4,000 (~48 MB: JSON
      // is about twice as long), just under the 50 MB file limit.
      const dumps: [string, string, number][] = [
        ['kubectl List dump, YAML', kubectlDump(synthetic(8500, 8500).files), 8500],
        ['kubectl List dump, JSON', kubectlJsonDump(synthetic(4000, 4000).files), 4000],
      ];
      for (const [label, dump, w] of dumps) {
        const file = join(work, label.endsWith('JSON') ? 'cluster-dump.json' : 'cluster-dump.yaml');
        writeFileSync(file, dump);
        const inputBytes = Buffer.byteLength(dump);
        const r = timeRuns([bin, 'analyze', file, '--format', 'json'], 1);
        // Both sides in bytes (the peak column is MiB, the input MB).
        const ratio = r.peakMB === null ? undefined : (r.peakMB * 1024 * 1024) / inputBytes;
        const verdict = ratio === undefined ? '' : ratio <= 10 ? ': met' : ': missed';
        console.log(`| import + analyze (${label}) | ${(inputBytes / 1e6).toFixed(0)} MB, ${w} / ${w} | ${fmtS(r)} | ${fmtMB(r)}${ratio === undefined ? '' : ` (${ratio.toFixed(1)}x input)`} | ≤ 10x input${verdict} |`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
