import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addExternal, addNamespace, addWorkload } from '../doc/commands.ts';
import { canDeleteEdge, describeEdge, edgesAround, stepEdge } from './edge-nav.ts';
import type { NavRect } from './spatial-nav.ts';

// api in the middle; web above it, db to its right, inet below-left, lb below.
const rects: NavRect[] = [
  { id: 'api', x: 100, y: 100, w: 100, h: 40 },
  { id: 'web', x: 100, y: 0, w: 100, h: 40 },
  { id: 'db', x: 300, y: 100, w: 100, h: 40 },
  { id: 'inet', x: -100, y: 250, w: 100, h: 40 },
  { id: 'lb', x: 100, y: 250, w: 100, h: 40 },
];
const edges = [
  { id: 'reach:inet>api', source: 'inet', target: 'api' },
  { id: 'reach:api>db', source: 'api', target: 'db' },
  { id: 'intent:i1', source: 'web', target: 'api' },
  { id: 'reach:web>api', source: 'web', target: 'api' },
  { id: 'svc:lb>api', source: 'lb', target: 'api' },
  { id: 'reach:web>db', source: 'web', target: 'db' },
  { id: 'self', source: 'api', target: 'api' },
];

describe('edgesAround', () => {
  it('orders the edges at a node clockwise from 12 o\'clock by the other end, ties by id; others and loops left out', () => {
    expect(edgesAround(edges, rects, 'api').map((e) => e.id)).toEqual([
      'intent:i1', 'reach:web>api', // web, straight up (both directions/kinds, id order)
      'reach:api>db', // db, to the right
      'svc:lb>api', // lb, straight down
      'reach:inet>api', // inet, down-left
    ]);
    expect(edgesAround(edges, rects, 'nobody')).toEqual([]);
  });

  it('an edge whose other end is not drawn comes last', () => {
    const more = [...edges, { id: 'reach:api>gone', source: 'api', target: 'gone' }];
    expect(edgesAround(more, rects, 'api').at(-1)?.id).toBe('reach:api>gone');
  });
});

describe('stepEdge', () => {
  it('] starts at the first edge and goes round; [ starts at the last and goes back', () => {
    expect(stepEdge(edges, rects, 'api', null, 1)).toEqual({ edge: edges[2], index: 0, count: 5, other: 'web' });
    expect(stepEdge(edges, rects, 'api', 'intent:i1', 1)?.edge.id).toBe('reach:web>api');
    expect(stepEdge(edges, rects, 'api', 'reach:inet>api', 1)?.edge.id).toBe('intent:i1');
    expect(stepEdge(edges, rects, 'api', null, -1)).toMatchObject({ edge: { id: 'reach:inet>api' }, index: 4, other: 'inet' });
    expect(stepEdge(edges, rects, 'api', 'intent:i1', -1)?.edge.id).toBe('reach:inet>api');
  });

  it('an edge of another node starts over; a node without edges gives null', () => {
    // From db: api lies to the left (9 o'clock), web up-left (later clockwise).
    expect(stepEdge(edges, rects, 'db', 'intent:i1', 1)?.edge.id).toBe('reach:api>db');
    expect(stepEdge(edges, rects, 'db', 'reach:api>db', 1)?.edge.id).toBe('reach:web>db');
    expect(stepEdge(edges, rects, 'lonely', null, 1)).toBeNull();
  });
});

describe('canDeleteEdge and describeEdge', () => {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns-shop', name: 'shop', at: { x: 0, y: 0 } });
  d = addWorkload(d, { id: 'wl:web', namespaceId: 'ns-shop', name: 'web', at: { x: 20, y: 60 } });
  d = addExternal(d, { id: 'ext:internet', name: 'Internet', at: { x: -300, y: 0 } });
  const intent = { id: 'intent:i1', source: 'ext:internet', target: 'wl:web', kind: 'intent' as const, intentId: 'i1', label: 'TCP 80 ✓' };
  const reach = { id: 'reach:ext:internet>wl:web', source: 'ext:internet', target: 'wl:web', kind: 'allow' as const, label: 'TCP 80' };

  it('only an intent can be deleted, and not while read-only', () => {
    expect(canDeleteEdge(intent, false)).toBe(true);
    expect(canDeleteEdge(intent, true)).toBe(false);
    expect(canDeleteEdge(reach, false)).toBe(false);
  });

  it('names the kind, both ends and the label, and the keys that apply', () => {
    expect(describeEdge(d.model, intent, false)).toBe('Intent Internet → shop/web: TCP 80 ✓. Enter selects, Delete removes it; ] and [ for the next and previous, Escape back to the node.');
    expect(describeEdge(d.model, intent, true)).toMatch(/^Intent Internet → shop\/web: TCP 80 ✓\. Enter selects;/);
    expect(describeEdge(d.model, reach, false)).toMatch(/^Allowed connection Internet → shop\/web: TCP 80\. Enter selects;/);
  });
});
