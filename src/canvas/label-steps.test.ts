import { describe, expect, it } from 'vitest';
import { labelScale } from './labels.ts';
import { LABEL_SCALE_STEPS, steppedLabelScale } from './label-steps.ts';

describe('steppedLabelScale', () => {
  it('keeps labels at least their screen size, at most a quarter larger', () => {
    for (let z = 0.05; z <= 2; z += 0.01) {
      const s = steppedLabelScale(z);
      expect(s).toBeGreaterThanOrEqual(labelScale(z) - 1e-9);
      expect(s).toBeLessThanOrEqual(labelScale(z) * 1.25 + 1e-9);
      expect(LABEL_SCALE_STEPS).toContain(s);
    }
  });

  it('changes only a few times over a whole zoom gesture', () => {
    const seen = new Set<number>();
    for (let z = 0.2; z <= 1; z *= 1.02) seen.add(steppedLabelScale(z)); // ~80 wheel steps
    expect(seen.size).toBeLessThanOrEqual(8); // zoom 0.2 -> 1: scale 5 -> 1 in steps of 25%
    expect(steppedLabelScale(0.5)).toBeCloseTo(1.25 ** 4);
    expect(steppedLabelScale(1.5)).toBe(1);
  });
});
