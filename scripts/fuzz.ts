// npm run fuzz [-- RUNS [SEED]]: the importer fuzz (src/k8s/fuzz/mutate.ts) for longer than the
// unit test. Prints how many inputs it tried, how many found a problem, and the first few.
import { loadCorpus } from './fuzz-corpus.ts';
import { prepare, runCase } from '../src/k8s/fuzz/mutate.ts';

const runs = Number(process.argv[2] ?? 20_000);
let seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const firstSeed = seed;
// mulberry32: small, seedable, good enough to pick cases.
const next = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
};

const entries = loadCorpus().map(prepare);
const found = new Map<string, string[]>();
let failures = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i++) {
  const r = runCase(entries, { entry: next(), object: next(), site: next(), mutation: next(), value: next() });
  if (r.problems.length === 0) continue;
  failures += 1;
  const kind = r.problems[0].replace(/:.*$/, '');
  const list = found.get(kind) ?? [];
  if (list.length < 5) list.push(`${r.description}: ${r.problems.join('; ')}`);
  found.set(kind, list);
}
const s = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`fuzz: tried ${runs} mutated inputs of ${entries.length} manifest sets in ${s} s (seed ${firstSeed}): ${failures} found a problem`);
for (const [kind, examples] of found) {
  console.log(`\n${kind}:`);
  for (const e of examples) console.log(`  - ${e}`);
}
process.exitCode = failures > 0 ? 1 : 0;
