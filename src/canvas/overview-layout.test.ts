import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../layout/test-docs.ts';
import { DENSE_GAP, overviewLayout, OVERVIEW_GAP } from './overview-layout.ts';
import { CARD_SIZE, DENSE_CARD_SIZE, DENSE_MIN_NAMESPACES } from './overview.ts';
import type { Rect } from './geometry.ts';

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
function bounds(rs: Rect[]): Rect {
  const x = Math.min(...rs.map((r) => r.x));
  const y = Math.min(...rs.map((r) => r.y));
  return { x, y, w: Math.max(...rs.map((r) => r.x + r.w)) - x, h: Math.max(...rs.map((r) => r.y + r.h)) - y };
}

function tallDoc(n: number) {
  const doc = sampleDoc(n, 3);
  // The document's layout: one tall column (as imports used to be laid out).
  Object.keys(doc.model.namespaces).forEach((id, i) => { doc.layout[id] = { x: 0, y: i * 400, w: 700, h: 360 }; });
  return doc;
}

describe('overviewLayout', () => {
  it('packs 20 compact namespaces to the viewport shape, nothing overlapping, room between them', () => {
    const doc = tallDoc(20);
    for (const aspect of [1.6, 1.78, 1.2]) {
      const at = overviewLayout(doc, new Set(), aspect);
      const rects = [...at.values()];
      expect(rects).toHaveLength(20 + 2 + 1); // namespaces, externals, the load balancer
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j])).toBe(false);
      const b = bounds(rects);
      // Close to the viewport's shape (within a row or column of cards).
      expect(b.w / b.h).toBeGreaterThan(aspect * 0.6);
      expect(b.w / b.h).toBeLessThan(aspect * 1.7);
      expect(at.get('ns-0')).toMatchObject({ w: CARD_SIZE.w, h: CARD_SIZE.h });
    }
  });

  it('packs 80 namespaces as dense cards that fill the viewport (each column count tried)', () => {
    const doc = tallDoc(80);
    doc.model.externals = {};
    doc.model.services = {};
    expect(80).toBeGreaterThan(DENSE_MIN_NAMESPACES);
    for (const aspect of [1.5, 1.8]) {
      const at = overviewLayout(doc, new Set(), aspect);
      const cards = Object.keys(doc.model.namespaces).map((id) => at.get(id)!);
      expect(cards[0]).toMatchObject({ w: DENSE_CARD_SIZE.w, h: DENSE_CARD_SIZE.h });
      for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i], cards[j])).toBe(false);
      // The zoom that fits it into a 1000-wide viewport is that of the best grid of cards.
      const b = bounds([...at.values()]);
      const vw = 1000;
      const vh = vw / aspect;
      const zoom = Math.min(vw / b.w, vh / b.h);
      let ideal = 0;
      for (let c = 1; c <= 80; c++) {
        const w = c * (DENSE_CARD_SIZE.w + DENSE_GAP.x) - DENSE_GAP.x;
        const h = Math.ceil(80 / c) * (DENSE_CARD_SIZE.h + DENSE_GAP.y) - DENSE_GAP.y;
        ideal = Math.max(ideal, Math.min(vw / w, vh / h));
      }
      expect(zoom).toBeGreaterThanOrEqual(ideal * 0.97);
      const cols = new Set(cards.map((r) => r.x)).size;
      expect(cols).toBeGreaterThan(5);
    }
  });

  it('keeps the document order (row by row) and gives an opened namespace its own size', () => {
    const doc = tallDoc(6);
    const at = overviewLayout(doc, new Set(['ns-2']), 1.6);
    expect(at.get('ns-2')).toMatchObject({ w: 700, h: 360 });
    const order = ['ns-0', 'ns-1', 'ns-2', 'ns-3', 'ns-4', 'ns-5'].map((id) => at.get(id)!);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      expect(b.y > a.y + a.h - 1 || (b.x >= a.x + a.w + OVERVIEW_GAP.x - 1)).toBe(true);
    }
    const rects = [...at.values()];
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j])).toBe(false);
  });

  it('puts externals and load balancers in columns on the left', () => {
    const doc = tallDoc(4);
    const at = overviewLayout(doc, new Set(), 1.6);
    const nsLeft = Math.min(...['ns-0', 'ns-1', 'ns-2', 'ns-3'].map((id) => at.get(id)!.x));
    for (const id of ['ext-a', 'ext-b', 'lb:svc-lb']) expect(at.get(id)!.x + at.get(id)!.w).toBeLessThan(nsLeft);
  });

  it('leaves filtered-out nodes out: what is left packs to the viewport', () => {
    const doc = tallDoc(20);
    const hidden = new Set([...Array.from({ length: 16 }, (_, i) => `ns-${i + 4}`), 'ext-b']);
    const at = overviewLayout(doc, new Set(), 1.6, hidden);
    expect([...at.keys()].sort()).toEqual(['ext-a', 'lb:svc-lb', 'ns-0', 'ns-1', 'ns-2', 'ns-3']);
    const b = bounds([...at.values()]);
    const all = bounds([...overviewLayout(doc, new Set(), 1.6).values()]);
    expect(b.w * b.h).toBeLessThan(all.w * all.h / 3);
  });
});
