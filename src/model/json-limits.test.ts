import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { shapeProblem } from './json-limits.ts';

describe('shapeProblem', () => {
  it('names a document nested too deep or too large', () => {
    expect(shapeProblem({ a: { b: { c: 1 } } }, { maxDepth: 2, maxExpandedNodes: 100 })).toBe('the document is nested more than 2 levels deep');
    expect(shapeProblem({ a: [1, 2, 3] }, { maxDepth: 10, maxExpandedNodes: 4 })).toMatch(/^the document expands to more than 4 nodes/);
    expect(shapeProblem({ a: [1, 2, 3] }, { maxDepth: 10, maxExpandedNodes: 5 })).toBeUndefined();
  });

  it('counts a shared node once per reference (an alias bomb expands), and refuses a cycle', () => {
    const leaf = [1, 2, 3, 4];
    const shared = { a: leaf, b: leaf, c: leaf };
    expect(shapeProblem(shared, { maxDepth: 10, maxExpandedNodes: 15 })).toMatch(/expands to more than 15/);
    expect(shapeProblem(shared, { maxDepth: 10, maxExpandedNodes: 16 })).toBeUndefined();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(shapeProblem(loop, { maxDepth: 10, maxExpandedNodes: 100 })).toBe('the document refers to itself (recursive alias)');
  });

  it('gives the same answer without memoising when the caller knows the value is a tree', () => {
    const tree = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 2 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const limits = fc.record({ maxDepth: fc.integer({ min: 1, max: 6 }), maxExpandedNodes: fc.integer({ min: 1, max: 40 }) });
    let problems = 0;
    fc.assert(fc.property(tree, limits, (v, lim) => {
      const memoised = shapeProblem(v, lim);
      if (memoised) problems += 1;
      expect(shapeProblem(v, lim, { tree: true })).toBe(memoised);
    }), { numRuns: 500 });
    expect(problems).toBeGreaterThan(50); // both limits were hit, not only clean values
  });
});
