// Auto layout timing: the whole layout of synthetic imports (bench/synthetic.ts), in Node,
// median of a few runs. `npx tsx bench/layout.bench.ts [workloads...]`.
import { emptyDoc } from '../src/model/factory.ts';
import { autoLayout } from '../src/layout/elk.ts';
import { layoutProblems } from '../src/layout/check.ts';
import { synthetic } from './synthetic.ts';
import { foldNamespaces } from './ui-design.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
// 500/20: the bench:ui design (500 workloads folded into 20 namespaces, 200 policies).
const cases: [number, number | null][] = sizes.length ? sizes.map((n) => [n, null]) : [[100, null], [500, 20], [500, null], [2000, null]];
for (const [n, folded] of cases) {
  const base = synthetic(n, Math.round(n * 0.4), 42).model;
  const model = folded ? foldNamespaces(base, folded) : base;
  const doc = { ...emptyDoc('bench'), model };
  const times: number[] = [];
  let layout = await autoLayout(doc);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    layout = await autoLayout(doc);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  let w = 0;
  let h = 0;
  for (const l of Object.values(layout)) {
    w = Math.max(w, l.x + (l.w ?? 0));
    h = Math.max(h, l.y + (l.h ?? 0));
  }
  console.log(`${n} workloads, ${Object.keys(model.namespaces).length} namespaces: auto layout ${times[1]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}), ${w}x${h} (aspect ${(w / h).toFixed(2)}), problems ${layoutProblems(doc, layout).length}`);
}
