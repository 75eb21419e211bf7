import { describe, expect, it } from 'vitest';
import { widest } from './widest.ts';

describe('widest', () => {
  it('measures any number of rows (a spread into Math.max overflows above ~120k)', () => {
    const names = Array.from({ length: 300_000 }, (_, i) => `ns/w${i}`);
    expect(widest(names, (n) => n.length, 3)).toBe('ns/w299999'.length);
    expect(widest([], (n: string) => n.length, 3)).toBe(3);
  });
});
