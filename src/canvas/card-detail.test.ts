import { describe, expect, it } from 'vitest';
import { CARD_FONT, DENSE_FONT, MIN_TEXT_PX, SIDE_NODE_FONT, cardDetail, denseCardDetail, normalCardDetail, sideNodeDetail } from './card-detail.ts';

describe.each([
  { rule: 'denseCardDetail', detail: denseCardDetail, font: { line: DENSE_FONT.line, summary: [DENSE_FONT.summary] } },
  { rule: 'normalCardDetail', detail: normalCardDetail, font: { line: CARD_FONT.line, summary: [CARD_FONT.summary, CARD_FONT.summaryTitle] } },
])('$rule', ({ detail, font }) => {
  it('never draws a line under MIN_TEXT_PX on screen', () => {
    for (let z = 0.05; z <= 2; z += 0.01) {
      const d = detail(z);
      if (d === 'full') expect(font.line * z).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      if (d === 'summary') for (const px of font.summary) expect(px * z).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
  });
});

describe('denseCardDetail', () => {
  it('draws every line at zoom 1 and drops the small lines when they would be under 9 px', () => {
    expect(denseCardDetail(1)).toBe('full');
    expect(denseCardDetail(0.82)).toBe('full');
    // The 2,000 overview's fit at 1920x1080 (0.67) and at 1280x800 (0.40).
    expect(denseCardDetail(0.67)).toBe('summary');
    expect(denseCardDetail(0.4)).toBe('summary');
    expect(denseCardDetail(0.3)).toBe('title');
  });
});

describe('normalCardDetail (an overview of up to 40 namespaces)', () => {
  it('draws every line from 12 px on screen, else the name and one larger line, else the name', () => {
    expect(normalCardDetail(1)).toBe('full');
    expect(normalCardDetail(0.75)).toBe('full');
    // The 500-workload overview's fit at 1280x800 with the panels open (~0.47).
    expect(normalCardDetail(0.47)).toBe('summary');
    expect(normalCardDetail(0.4)).toBe('title');
  });
  it('cardDetail picks the dense or the normal rule', () => {
    expect(cardDetail(0.7, true)).toBe(denseCardDetail(0.7));
    expect(cardDetail(0.7, false)).toBe('summary');
  });
});

describe('sideNodeDetail (load balancers and external networks of a large design)', () => {
  it('drops the 11 px lines below 9 px on screen and keeps a brief node readable down to 0.45', () => {
    expect(sideNodeDetail(0.82)).toBe('full');
    expect(sideNodeDetail(0.6)).toBe('brief');
    expect(SIDE_NODE_FONT.briefTitle * 0.45).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    for (let z = 0.05; z <= 2; z += 0.01) if (sideNodeDetail(z) === 'full') expect(SIDE_NODE_FONT.line * z).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });
});
