// "one edit re-evaluated": evaluateIncremental() after one design edit of each kind the canvas
// makes, next to a full evaluate() of the same design. Run by `npm run bench` (core.bench.ts);
// `tsx bench/incremental.bench.ts 500 200` prints one size.
//
// Each edit is applied and undone alternately (WARM times unmeasured, then REPEAT times each way)
// on the synthetic cluster; the figures are the medians of those re-evaluations in wall time and
// in CPU time of this process (the machine is shared: CPU time is what the code costs, wall time
// what a user would have waited), next to the median of FULL full evaluations. Every edited result
// is checked against evaluate() once, so the figures are for right answers.

import type { Model, NetworkPolicy } from '../src/model/types.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { evaluateIncremental, type IncrementalState } from '../src/policy/incremental.ts';
import { connKey } from '../src/policy/portset.ts';
import { connBetween } from '../src/policy/reachability.ts';
import type { Reachability } from '../src/policy/reachability-types.ts';
import { synthetic } from './synthetic.ts';

const WARM = 3;
const REPEAT = 10;
const FULL = 5;

export interface EditRow { edit: string; medianMs: number; cpuMs: number; maxMs: number; rows: number; cols: number; mode: string }
export interface IncrementalRow { workloads: number; policies: number; classes: number; fullMs: number; fullCpuMs: number; firstMs: number; edits: EditRow[] }

type Edit = { name: string; apply: (m: Model) => Model };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs f, returning its wall and CPU milliseconds. */
function timed(f: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

function edits(m: Model): Edit[] {
  const wl = Object.values(m.workloads).sort((a, b) => (a.id < b.id ? -1 : 1));
  const target = wl[Math.floor(wl.length / 3)];
  const withRule = Object.values(m.policies).find((p) => (p.ingress ?? []).some((r) => (r.ports ?? []).some((x) => typeof x.port === 'number')))!;
  const nsId = target.namespaceId;
  const dd: NetworkPolicy = { id: 'bench/default-deny', name: 'bench-default-deny', namespaceId: nsId, podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
  const extra: NetworkPolicy = {
    id: 'bench/extra', name: 'bench-extra', namespaceId: nsId, podSelector: { matchLabels: { app: target.podLabels.app ?? 'x' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { 'bench-client': 'yes' } } }], ports: [{ port: 7000 }] }],
  };
  const victim = Object.values(m.policies).sort((a, b) => (a.id < b.id ? -1 : 1))[7];
  return [
    { name: 'a workload label', apply: (x) => ({ ...x, workloads: { ...x.workloads, [target.id]: { ...target, podLabels: { ...target.podLabels, 'bench-client': 'yes' } } } }) },
    {
      name: 'a policy rule (port)',
      apply: (x) => {
        const ingress = withRule.ingress!.map((r, i) => (i === 0 ? { ...r, ports: (r.ports ?? []).map((p) => (typeof p.port === 'number' ? { ...p, port: p.port + 1 } : p)) } : r));
        return { ...x, policies: { ...x.policies, [withRule.id]: { ...withRule, ingress } } };
      },
    },
    { name: 'a default-deny switch', apply: (x) => ({ ...x, policies: { ...x.policies, [dd.id]: dd } }) },
    { name: 'add a policy', apply: (x) => ({ ...x, policies: { ...x.policies, [extra.id]: extra } }) },
    { name: 'remove a policy', apply: (x) => { const policies = { ...x.policies }; delete policies[victim.id]; return { ...x, policies }; } },
    {
      name: 'add a workload',
      apply: (x) => ({ ...x, workloads: { ...x.workloads, 'bench/new': { ...target, id: 'bench/new', name: 'bench-new', podLabels: { app: 'bench-new' } } } }),
    },
    { name: 'remove a workload', apply: (x) => { const workloads = { ...x.workloads }; delete workloads[target.id]; return { ...x, workloads }; } },
  ];
}

function sameAs(got: Reachability, want: Reachability): boolean {
  if (got.endpoints.length !== want.endpoints.length) return false;
  // Every pair at 500 endpoints; a sample of sources at larger sizes (every destination).
  const step = Math.max(1, Math.floor(want.endpoints.length / 300));
  for (let s = 0; s < want.endpoints.length; s += step) {
    for (const d of want.endpoints) {
      const a = want.endpoints[s].id;
      if (connKey(connBetween(got, a, d.id)) !== connKey(connBetween(want, a, d.id))) return false;
    }
  }
  return true;
}

export function incrementalOne(workloads: number, policies: number): IncrementalRow {
  const { model } = synthetic(workloads, policies);
  const fulls: number[] = [];
  const fullCpus: number[] = [];
  let classes = 0;
  for (let k = 0; k < FULL; k++) {
    const f = timed(() => { classes = evaluate(model).classCount; });
    fulls.push(f.wall);
    fullCpus.push(f.cpu);
  }
  let state!: IncrementalState;
  const firstMs = timed(() => { state = evaluateIncremental(null, model).state; }).wall;
  const rows: EditRow[] = [];
  for (const e of edits(model)) {
    const edited = e.apply(model);
    const walls: number[] = [];
    const cpus: number[] = [];
    let info = { rows: 0, cols: 0, mode: '' };
    for (let k = 0; k < (WARM + REPEAT) * 2; k++) {
      const m = k % 2 === 0 ? edited : model;
      let out!: ReturnType<typeof evaluateIncremental>;
      const t = timed(() => { out = evaluateIncremental(state, m); });
      state = out.state;
      if (k >= WARM * 2) { walls.push(t.wall); cpus.push(t.cpu); }
      if (k === 0) {
        info = out.info;
        if (!sameAs(out.reach, evaluate(edited))) throw new Error(`${e.name}: incremental result differs from evaluate()`);
      }
    }
    rows.push({ edit: e.name, medianMs: median(walls), cpuMs: median(cpus), maxMs: Math.max(...walls), rows: info.rows, cols: info.cols, mode: info.mode });
  }
  return { workloads: Object.keys(model.workloads).length, policies: Object.keys(model.policies).length, classes, fullMs: median(fulls), fullCpuMs: median(fullCpus), firstMs, edits: rows };
}

export function incrementalTable(rows: IncrementalRow[]): string[] {
  const out = [
    '| workloads | policies | classes | one edit re-evaluated | median ms (wall) | median ms (CPU) | max ms (wall) | rows / cols recomputed | full evaluate ms (wall / CPU) | target |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const target = r.workloads <= 1000 ? '<= 5 ms' : '<= 50 ms';
    const full = `${r.fullMs.toFixed(1)} / ${r.fullCpuMs.toFixed(1)}`;
    out.push(`| ${r.workloads} | ${r.policies} | ${r.classes} | (first evaluation, builds the state) | ${r.firstMs.toFixed(1)} | | | | ${full} | |`);
    for (const e of r.edits) {
      const met = e.cpuMs <= (r.workloads <= 1000 ? 5 : 50) ? 'met' : 'missed';
      out.push(`| ${r.workloads} | ${r.policies} | | ${e.edit} | ${e.medianMs.toFixed(2)} | ${e.cpuMs.toFixed(2)} | ${e.maxMs.toFixed(1)} | ${e.rows} / ${e.cols}${e.mode === 'incremental' ? '' : ` (${e.mode})`} | ${full} | ${target} (${met}) |`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [w, p] = process.argv.slice(2).map(Number);
  const sizes: [number, number][] = w ? [[w, p]] : [[500, 200], [5000, 2000]];
  console.log(incrementalTable(sizes.map(([a, b]) => incrementalOne(a, b))).join('\n'));
}
