import { describe, expect, it } from 'vitest';
import { DENSE_FONT, MIN_TEXT_PX, denseCardDetail } from './card-detail.ts';

describe('denseCardDetail', () => {
  it('draws every line at zoom 1 and drops the small lines when they would be under 9 px', () => {
    expect(denseCardDetail(1)).toBe('full');
    expect(denseCardDetail(0.82)).toBe('full');
    // The 2,000 overview's fit at 1920x1080 (0.67) and at 1280x800 (0.40).
    expect(denseCardDetail(0.67)).toBe('summary');
    expect(denseCardDetail(0.4)).toBe('summary');
    expect(denseCardDetail(0.3)).toBe('title');
  });
  it('never draws a line under MIN_TEXT_PX on screen', () => {
    for (let z = 0.05; z <= 2; z += 0.01) {
      const d = denseCardDetail(z);
      if (d === 'full') expect(DENSE_FONT.line * z).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      if (d === 'summary') expect(DENSE_FONT.summary * z).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
  });
});
