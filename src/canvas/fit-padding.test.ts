import { describe, expect, it } from 'vitest';
import { clearance, drawnExtras, FIT_GAP, FIT_MIN, fitPadding, fitPaddingFor, overhang, withOverhang } from './fit-padding.ts';

// A 772 x 530 canvas (1280x800 with the panels and the bottom drawer open).
const canvas = { w: 772, h: 530 };
const findBar = { x: 15, y: 15, w: 260, h: 26 };
const statusLine = { x: 55, y: 530 - 33, w: 700, h: 18 };
const zoomControls = { x: 15, y: 530 - 118, w: 26, h: 103 };
const minimap = { x: 772 - 165, y: 530 - 111, w: 150, h: 96 };

describe('clearance', () => {
  it('clears each overlay from the side that costs the least of the canvas', () => {
    expect(clearance(canvas, findBar)).toEqual({ side: 'top', px: 41 });
    expect(clearance(canvas, statusLine)).toEqual({ side: 'bottom', px: 33 });
    expect(clearance(canvas, zoomControls)).toEqual({ side: 'left', px: 41 });
  });

  it('ignores what has no size or lies outside the canvas', () => {
    expect(clearance(canvas, { x: 10, y: 10, w: 0, h: 20 })).toBeNull();
    expect(clearance(canvas, { x: 900, y: 10, w: 50, h: 20 })).toBeNull();
  });
});

describe('fitPadding', () => {
  it('leaves room for the Find bar, the status line and the zoom controls (plus a gap)', () => {
    expect(fitPadding(canvas, [findBar, statusLine, zoomControls])).toEqual({
      top: 41 + FIT_GAP, bottom: 33 + FIT_GAP, left: 41 + FIT_GAP, right: FIT_MIN,
    });
  });

  it('a taller status line (wrapped text) or a minimap pushes the fit further in', () => {
    const wrapped = { ...statusLine, y: 530 - 50, h: 35 };
    expect(fitPadding(canvas, [wrapped]).bottom).toBe(50 + FIT_GAP);
    const p = fitPadding(canvas, [statusLine, minimap]);
    // The minimap costs 111/530 of the height or 165/772 of the width: it is cleared from the bottom.
    expect(p.bottom).toBe(111 + FIT_GAP);
  });

  it('with no overlays keeps a small margin; never leaves less than a third of the canvas', () => {
    expect(fitPadding(canvas, [])).toEqual({ top: FIT_MIN, right: FIT_MIN, bottom: FIT_MIN, left: FIT_MIN });
    const small = { w: 300, h: 200 };
    const p = fitPadding(small, [{ x: 0, y: 0, w: 300, h: 90 }, { x: 0, y: 110, w: 300, h: 90 }]);
    expect(small.h - p.top - p.bottom).toBeGreaterThanOrEqual(small.h / 3 - 1);
  });
});

describe('overhang', () => {
  const nodes = [{ x: 0, y: 0, w: 100, h: 50 }, { x: 300, y: 200, w: 100, h: 50 }];
  it('is how far routes and labels reach past the nodes, per side', () => {
    // A route climbing 20 above the top row, a label 12 past the right column.
    expect(overhang(nodes, [{ x: 50, y: -20, w: 300, h: 10 }, { x: 380, y: 100, w: 32, h: 14 }])).toEqual({ top: 20, right: 12, bottom: 0, left: 0 });
  });
  it('is nothing for what stays inside the nodes\' box, or without nodes', () => {
    expect(overhang(nodes, [{ x: 10, y: 10, w: 300, h: 100 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(overhang([], [{ x: -50, y: -50, w: 10, h: 10 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
  it('adds to the overlays\' padding at the zoom it is drawn at', () => {
    expect(withOverhang({ top: 40, right: 12, bottom: 30, left: 60 }, { top: 20, right: 12, bottom: 0, left: 0 }, 0.5)).toEqual({ top: 50, right: 18, bottom: 30, left: 60 });
  });
});

describe('drawnExtras', () => {
  it('takes each route\'s bounding box and each placed label\'s box (hidden labels have none)', () => {
    const routes = [{ points: [{ x: 0, y: 10 }, { x: 0, y: -30 }, { x: 200, y: -30 }, { x: 200, y: 10 }] }];
    const labels = [{ box: { x: 80, y: -40, w: 40, h: 14 } }, {}];
    expect(drawnExtras(routes, labels)).toEqual([{ x: 0, y: -30, w: 200, h: 40 }, { x: 80, y: -40, w: 40, h: 14 }]);
  });
});

describe('fitPaddingFor', () => {
  it('grows the overlays\' padding by what routes and labels draw past the nodes and open namespaces', () => {
    const drawn = {
      nodes: new Map([['a', { x: 0, y: 0, w: 100, h: 50 }]]),
      containers: new Map([['ns', { x: 200, y: 0, w: 300, h: 200 }]]),
      // A route climbing 40 above the row; a label past the namespace's right side by 20.
      routes: new Map([['e', { points: [{ x: 50, y: 0 }, { x: 50, y: -40 }, { x: 300, y: -40 }, { x: 300, y: 0 }] }]]),
      placements: new Map([['e', { box: { x: 480, y: 100, w: 40, h: 14 } }], ['f', {}]]),
    };
    expect(fitPaddingFor({ top: 40, right: 12, bottom: 30, left: 60 }, drawn, 0.5)).toEqual({ top: 60, right: 22, bottom: 30, left: 60 });
  });
});
