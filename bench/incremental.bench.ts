// "one edit re-evaluated": evaluateIncremental() after one design edit of each kind the canvas
// makes, next to a full evaluate() of the same design. Run by `npm run bench` (core.bench.ts);
// `tsx bench/incremental.bench.ts 500 200` prints one size.
//
// Each edit is applied and undone alternately (REPEAT times each way) on the synthetic cluster;
// the figure is the median of those re-evaluations, the full evaluation the median of FULL runs.
// Every edited result is checked against evaluate() once, so the figures are for right answers.

import type { Model, NetworkPolicy } from '../src/model/types.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { evaluateIncremental, type IncrementalState } from '../src/policy/incremental.ts';
import { connKey } from '../src/policy/portset.ts';
import { connBetween } from '../src/policy/reachability.ts';
import type { Reachability } from '../src/policy/reachability-types.ts';
import { synthetic } from './synthetic.ts';

const REPEAT = 5;
const FULL = 3;

export interface EditRow { edit: string; medianMs: number; maxMs: number; rows: number; cols: number; mode: string }
export interface IncrementalRow { workloads: number; policies: number; classes: number; fullMs: number; firstMs: number; edits: EditRow[] }

type Edit = { name: string; apply: (m: Model) => Model };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
  let classes = 0;
  for (let k = 0; k < FULL; k++) {
    const t = performance.now();
    classes = evaluate(model).classCount;
    fulls.push(performance.now() - t);
  }
  let t = performance.now();
  let state: IncrementalState = evaluateIncremental(null, model).state;
  const firstMs = performance.now() - t;
  const rows: EditRow[] = [];
  for (const e of edits(model)) {
    const edited = e.apply(model);
    const times: number[] = [];
    let info = { rows: 0, cols: 0, mode: '' };
    for (let k = 0; k < REPEAT * 2; k++) {
      const m = k % 2 === 0 ? edited : model;
      t = performance.now();
      const out = evaluateIncremental(state, m);
      times.push(performance.now() - t);
      state = out.state;
      if (k === 0) {
        info = out.info;
        if (!sameAs(out.reach, evaluate(edited))) throw new Error(`${e.name}: incremental result differs from evaluate()`);
      }
    }
    rows.push({ edit: e.name, medianMs: median(times), maxMs: Math.max(...times), rows: info.rows, cols: info.cols, mode: info.mode });
  }
  return { workloads: Object.keys(model.workloads).length, policies: Object.keys(model.policies).length, classes, fullMs: median(fulls), firstMs, edits: rows };
}

export function incrementalTable(rows: IncrementalRow[]): string[] {
  const out = [
    '| workloads | policies | classes | one edit re-evaluated | median ms | max ms | rows / cols recomputed | full evaluate ms | target |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const target = r.workloads <= 1000 ? '<= 5 ms' : '<= 50 ms';
    out.push(`| ${r.workloads} | ${r.policies} | ${r.classes} | (first evaluation, builds the state) | ${r.firstMs.toFixed(1)} | | | ${r.fullMs.toFixed(1)} | |`);
    for (const e of r.edits) out.push(`| ${r.workloads} | ${r.policies} | | ${e.edit} | ${e.medianMs.toFixed(2)} | ${e.maxMs.toFixed(1)} | ${e.rows} / ${e.cols}${e.mode === 'incremental' ? '' : ` (${e.mode})`} | ${r.fullMs.toFixed(1)} | ${target} |`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [w, p] = process.argv.slice(2).map(Number);
  const sizes: [number, number][] = w ? [[w, p]] : [[500, 200], [5000, 2000]];
  console.log(incrementalTable(sizes.map(([a, b]) => incrementalOne(a, b))).join('\n'));
}
