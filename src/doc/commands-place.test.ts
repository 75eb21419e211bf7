import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { WORKLOAD_SIZE } from '../layout/sizes.ts';
import { addExternal, addNamespace, addWorkload } from './commands.ts';
import { freeSlot, placePaletteItem } from './commands-drop.ts';

describe('palette items placed from the keyboard', () => {
  it('land at the viewport centre when it is free', () => {
    const d = emptyDoc();
    expect(freeSlot(d, 'external', { x: 500, y: 300 })).toEqual({ x: 500, y: 300 });
  });

  it('move to the nearest free slot instead of covering a node', () => {
    const d = addExternal(emptyDoc(), { id: 'e', at: { x: 410, y: 265 } });
    const p = freeSlot(d, 'external', { x: 500, y: 300 });
    expect(p).not.toEqual({ x: 500, y: 300 });
    const r = placePaletteItem(d, 'external', { x: 500, y: 300 });
    const l = r.doc.layout[r.created!];
    const e = d.layout.e;
    const apart = l.x >= e.x + 180 || l.x + 180 <= e.x || l.y >= e.y + 70 || l.y + 70 <= e.y;
    expect(apart).toBe(true);
  });

  it('a workload goes into the namespace at the centre, beside (not onto) its workloads', () => {
    let d = addNamespace(emptyDoc(), { id: 'ns', name: 'shop', at: { x: 0, y: 0 }, size: { w: 900, h: 500 } });
    d = addWorkload(d, { id: 'w', namespaceId: 'ns', at: { x: 350, y: 205 } });
    const r = placePaletteItem(d, 'workload', { x: 450, y: 250 });
    const wl = r.doc.model.workloads[r.created!];
    expect(wl.namespaceId).toBe('ns');
    const a = r.doc.layout[wl.id];
    const b = d.layout.w;
    const apart = a.x >= b.x + WORKLOAD_SIZE.w || a.x + WORKLOAD_SIZE.w <= b.x || a.y >= b.y + WORKLOAD_SIZE.h || a.y + WORKLOAD_SIZE.h <= b.y;
    expect(apart).toBe(true);
  });
});
