import { describe, expect, it } from 'vitest';
import { refitOnResize, stillAtFit } from './fit-hold.ts';

const fit = { x: 120.25, y: -40.5, zoom: 0.4137 };

describe('stillAtFit', () => {
  it('is the view the last fit set, within rounding', () => {
    expect(stillAtFit(fit, fit)).toBe(true);
    expect(stillAtFit(fit, { x: 120.5, y: -40.3, zoom: 0.41372 })).toBe(true);
  });

  it('is not once the user panned or zoomed, or before any fit', () => {
    expect(stillAtFit(fit, { ...fit, x: fit.x + 12 })).toBe(false);
    expect(stillAtFit(fit, { ...fit, y: fit.y - 3 })).toBe(false);
    expect(stillAtFit(fit, { ...fit, zoom: fit.zoom * 1.1 })).toBe(false);
    expect(stillAtFit(null, fit)).toBe(false);
  });
});

describe('refitOnResize', () => {
  const open = { w: 772, h: 530 };
  const closed = { w: 772, h: 718 };

  it('fits again when the bottom drawer opens or closes while the design is at fit', () => {
    expect(refitOnResize(open, closed, fit, fit)).toBe(true);
    expect(refitOnResize(closed, open, fit, fit)).toBe(true);
  });

  it('leaves a view the user moved, an unchanged size and a canvas not laid out yet alone', () => {
    expect(refitOnResize(open, closed, fit, { ...fit, x: 300 })).toBe(false);
    expect(refitOnResize(open, { w: 772.4, h: 530.3 }, fit, fit)).toBe(false);
    expect(refitOnResize({ w: 0, h: 0 }, open, fit, fit)).toBe(false);
    expect(refitOnResize(open, { w: 0, h: 0 }, fit, fit)).toBe(false);
  });
});
