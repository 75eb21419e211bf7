import { describe, expect, it } from 'vitest';
import { nearestInDirection, rovingStop, type NavRect } from './spatial-nav.ts';

// A namespace (container, header on top) holding web | api over db, an external to its left.
const rects: NavRect[] = [
  { id: 'ns', x: 100, y: 0, w: 400, h: 300, container: true },
  { id: 'web', x: 120, y: 40, w: 150, h: 60 },
  { id: 'api', x: 320, y: 40, w: 150, h: 60 },
  { id: 'db', x: 320, y: 180, w: 150, h: 60 },
  { id: 'inet', x: -200, y: 60, w: 120, h: 50 },
];

describe('nearestInDirection', () => {
  it('goes to the nearest node in the arrow direction, preferring ones in line', () => {
    expect(nearestInDirection(rects, 'web', 'right')).toBe('api');
    expect(nearestInDirection(rects, 'api', 'left')).toBe('web');
    expect(nearestInDirection(rects, 'api', 'down')).toBe('db');
    expect(nearestInDirection(rects, 'db', 'up')).toBe('api');
    expect(nearestInDirection(rects, 'web', 'left')).toBe('inet');
    expect(nearestInDirection(rects, 'inet', 'right')).toBe('web');
  });

  it('a namespace is reached at its header: up from its top workloads, down into them', () => {
    expect(nearestInDirection(rects, 'web', 'up')).toBe('ns');
    expect(['web', 'api']).toContain(nearestInDirection(rects, 'ns', 'down'));
  });

  it('off the edge stays put (null); an unknown start gives null', () => {
    expect(nearestInDirection(rects, 'api', 'right')).toBeNull();
    expect(nearestInDirection(rects, 'db', 'down')).toBeNull();
    expect(nearestInDirection(rects, 'nope', 'down')).toBeNull();
  });

  it('far off-axis nodes lose to a nearer one in line even when closer as the crow flies', () => {
    const r: NavRect[] = [
      { id: 'a', x: 0, y: 0, w: 100, h: 40 },
      { id: 'diag', x: 130, y: 90, w: 100, h: 40 },
      { id: 'inline', x: 260, y: 0, w: 100, h: 40 },
    ];
    expect(nearestInDirection(r, 'a', 'right')).toBe('inline');
  });
});

describe('rovingStop', () => {
  it('keeps the focused node, else the first selected, else the top-left one', () => {
    expect(rovingStop(rects, 'db', ['api'])).toBe('db');
    expect(rovingStop(rects, 'gone', ['api'])).toBe('api');
    expect(rovingStop(rects, null, [])).toBe('ns'); // top first, then left
    expect(rovingStop([], null, [])).toBeNull();
  });
});
