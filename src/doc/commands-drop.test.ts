import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addNamespace, addWorkload } from './commands.ts';
import { dropPaletteItem, planDragEnd } from './commands-drop.ts';
import { WORKLOAD_SIZE } from '../layout/sizes.ts';

function twoNamespaces() {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'a', name: 'a', at: { x: 0, y: 0 }, size: { w: 300, h: 200 } });
  d = addNamespace(d, { id: 'b', name: 'b', at: { x: 600, y: 0 }, size: { w: 300, h: 200 } });
  d = addWorkload(d, { id: 'w', namespaceId: 'a', name: 'web', at: { x: 20, y: 60 } });
  return d;
}

describe('dropping palette items', () => {
  it('puts a workload into the namespace under the pointer, growing it to fit', () => {
    const d = twoNamespaces();
    const r = dropPaletteItem(d, 'workload', { x: 290, y: 190 });
    const id = r.created!;
    expect(r.doc.model.workloads[id].namespaceId).toBe('a');
    const rel = r.doc.layout[id];
    expect(r.doc.layout.a.w).toBeGreaterThanOrEqual(rel.x + WORKLOAD_SIZE.w);
    expect(r.doc.layout.a.h).toBeGreaterThanOrEqual(rel.y + WORKLOAD_SIZE.h);
  });

  it('gives a workload dropped outside every namespace a namespace of its own and says so', () => {
    const r = dropPaletteItem(twoNamespaces(), 'workload', { x: 400, y: 600 });
    const ns = r.doc.model.workloads[r.created!].namespaceId;
    expect(r.doc.model.namespaces[ns].name).toBe('default');
    expect(r.message?.text).toMatch(/created namespace 'default'/);
  });

  it('refuses a load balancer without any namespace', () => {
    const r = dropPaletteItem(emptyDoc(), 'loadbalancer', { x: 0, y: 0 });
    expect(r.created).toBeNull();
    expect(r.message?.kind).toBe('error');
  });
});

describe('the end of a drag', () => {
  it('keeps a workload in its namespace (below the title) and grows the namespace past its border', () => {
    const d = twoNamespaces();
    const plan = planDragEnd(d, { w: { x: 200, y: 10 } });
    expect(plan.positions.w).toEqual({ x: 200, y: 40 });
    expect(plan.positions.a).toEqual({ w: 200 + WORKLOAD_SIZE.w + 20, h: 200 });
    expect(plan.moves).toEqual([]);
  });

  it('asks to move a workload dropped inside another namespace, and sends back one dropped outside', () => {
    const d = twoNamespaces();
    expect(planDragEnd(d, { w: { x: 650, y: 60 } }).moves).toEqual([{ workloadId: 'w', toNamespaceId: 'b', at: { x: 50, y: 60 } }]);
    const out = planDragEnd(d, { w: { x: 20, y: 500 } });
    expect(out.droppedOutside).toBe(true);
    expect(out.positions.w).toBeUndefined();
  });

  it('moves a namespace and its grown size together when both are in the same gesture', () => {
    const d = twoNamespaces();
    const plan = planDragEnd(d, { w: { x: 200, y: 60 }, a: { x: 10, y: 10 } });
    expect(plan.positions.a).toEqual({ x: 10, y: 10, w: 420, h: 200 });
  });
});
