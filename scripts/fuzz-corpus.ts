// The manifest sets the fuzzer mutates: the samples and the importer fixtures, each imported
// as one set (policies act on the workloads next to them). Node only (reads files): used by
// the fuzz test and `npm run fuzz`, never by the core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CorpusEntry } from '../src/k8s/fuzz/mutate.ts';

const repo = join(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const SETS = ['samples/online-shop', 'samples/lint-demo', 'samples/lb/cluster', 'samples/lb/local'];
const SINGLE_FILES = 'src/k8s/fixtures';

export function loadCorpus(): CorpusEntry[] {
  const read = (p: string) => ({ name: relative(repo, p), text: readFileSync(p, 'utf8') });
  const sets = SETS.map((d) => ({ name: d, files: yamlFiles(join(repo, d)).map(read) }));
  const singles = yamlFiles(join(repo, SINGLE_FILES)).map((p) => ({ name: relative(repo, p), files: [read(p)] }));
  return [...sets, ...singles].filter((e) => e.files.length > 0);
}
