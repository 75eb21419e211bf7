// Issue 8 fuzz test: mutations of the samples and fixtures never throw, never hit an internal
// error, and never widen access compared with deleting the mutated element. Fixed seed, so a
// failure reproduces; `npm run fuzz` runs many more cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/fuzz-corpus.ts';
import { prepare, runCase } from './mutate.ts';

const entries = loadCorpus().map(prepare);
const choice = fc.record({ entry: fc.nat(), object: fc.nat(), site: fc.nat(), mutation: fc.nat(), value: fc.nat() });

describe('importer fuzz (mutated manifests)', () => {
  it('has a corpus with NetworkPolicies to mutate', () => {
    expect(entries.length).toBeGreaterThan(4);
    expect(entries.flatMap((e) => e.objects).filter((o) => o.kind === 'NetworkPolicy').length).toBeGreaterThan(10);
  });

  it('never throws, never reports an internal error and never widens access', () => {
    fc.assert(
      fc.property(choice, (c) => {
        const r = runCase(entries, c);
        if (r.problems.length > 0) throw new Error(`${r.description}: ${r.problems.join('; ')}`);
      }),
      { seed: 8, numRuns: 2000 },
    );
  }, 180_000);
});
