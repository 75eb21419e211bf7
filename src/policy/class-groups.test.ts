import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBit, newBits, setBit, type Bits } from './bitset.ts';
import { groupClasses, groupsIn } from './class-groups.ts';

const bits = (n: number, members: number[]): Bits => {
  const b = newBits(n);
  for (const i of members) setBit(b, i);
  return b;
};

describe('groupClasses', () => {
  it('puts classes together exactly when every set and the initial key treat them alike', () => {
    // sets {1,2,3} and {3,4}; key separates even from odd
    const g = groupClasses(6, [bits(6, [1, 2, 3]), bits(6, [3, 4])], (c) => (c === 5 ? 'x' : ''));
    expect(Array.from(g.groupOf)).toEqual([0, 1, 1, 2, 3, 4]);
    expect(Array.from(g.reps)).toEqual([0, 1, 3, 4, 5]);
    expect(g.count).toBe(5);
    expect(Array.from(groupsIn(g, bits(6, [1, 2, 3])))).toEqual([1, 2]);
    expect(Array.from(groupsIn(g, bits(6, [3, 4])))).toEqual([2, 3]);
  });

  it('no sets and no key: one group', () => {
    const g = groupClasses(4, []);
    expect(Array.from(g.groupOf)).toEqual([0, 0, 0, 0]);
    expect(g.count).toBe(1);
  });

  it('is the coarsest partition respecting the sets, whatever their order', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 70 }).chain((n) => fc.tuple(
        fc.constant(n),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 })), { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      )),
      ([n, lists, keys]) => {
        const sets = lists.map((l) => bits(n, l));
        const g = groupClasses(n, sets, (c) => String(keys[c]));
        const same = (a: number, b: number): boolean => keys[a] === keys[b] && sets.every((s) => hasBit(s, a) === hasBit(s, b));
        let mismatches = 0;
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if ((g.groupOf[a] === g.groupOf[b]) !== same(a, b)) mismatches++;
        expect(mismatches).toBe(0);
        // dense, numbered by lowest class, reps are the lowest classes
        for (let k = 0; k < g.count; k++) {
          expect(g.groupOf[g.reps[k]]).toBe(k);
          for (let c = 0; c < g.reps[k]; c++) expect(g.groupOf[c]).not.toBe(k);
          if (k > 0) expect(g.reps[k]).toBeGreaterThan(g.reps[k - 1]);
        }
        const reversed = groupClasses(n, [...sets].reverse(), (c) => String(keys[c]));
        expect(Array.from(reversed.groupOf)).toEqual(Array.from(g.groupOf));
        for (const s of sets) {
          const inside = Array.from(groupsIn(g, s));
          for (let c = 0; c < n; c++) expect(inside.includes(g.groupOf[c])).toBe(hasBit(s, c));
        }
      },
    ));
  });
});
