// The automatic layout is shaped for the canvas: the example design fits a 1280x800 window's
// canvas (~770x530) readably, big designs are a landscape block rather than a row or column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldNamespaces } from '../../bench/ui-design.ts';
import { synthetic } from '../../bench/synthetic.ts';
import { importManifests } from '../k8s/import.ts';
import { emptyDoc } from '../model/factory.ts';
import type { Doc, Layout } from '../model/types.ts';
import { layoutProblems } from './check.ts';
import { autoLayout } from './elk.ts';
import { LayoutCancelled, namespaceOrder, packedLayout } from './pack.ts';
import { EXTERNAL_SIZE, LOAD_BALANCER_SIZE, WORKLOAD_SIZE } from './sizes.ts';
import { sampleDoc } from './test-docs.ts';

/** Bounding box of the top-level nodes (workloads lie inside their namespace). */
function bounds(doc: Doc, l: Layout): { w: number; h: number } {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const [id, n] of Object.entries(l)) {
    if (doc.model.workloads[id]) continue;
    const size = doc.model.externals[id] ? EXTERNAL_SIZE : id.startsWith('lb:') ? LOAD_BALANCER_SIZE : { w: n.w!, h: n.h! };
    x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + size.w); y1 = Math.max(y1, n.y + size.h);
  }
  return { w: x1 - x0, h: y1 - y0 };
}

/** The zoom React Flow's fitView picks (padding as a fraction, as the canvas passes it). */
function fitZoom(b: { w: number; h: number }, vw: number, vh: number, padding = 0.06): number {
  const pad = (v: number): number => 2 * Math.floor((v - v / (1 + padding)) * 0.5);
  return Math.min((vw - pad(vw)) / b.w, (vh - pad(vh)) / b.h);
}

function exampleDoc(): Doc {
  const text = readFileSync(join(import.meta.dirname, '../../public/samples/example-shop.yaml'), 'utf8');
  const doc: Doc = { ...emptyDoc('example'), model: importManifests([{ name: 'example-shop.yaml', text }]).model };
  doc.model.externals['ext:internet'] = { id: 'ext:internet', name: 'Internet', cidrs: ['0.0.0.0/0', '::/0'] };
  return doc;
}

function bigDoc(): Doc {
  const model = foldNamespaces(synthetic(500, 200, 42).model, 20);
  return { ...emptyDoc('big'), model };
}

describe('packed layout', () => {
  it('lays the example shop out readably in a 770x530 canvas', async () => {
    const doc = exampleDoc();
    expect(Object.keys(doc.model.namespaces)).toHaveLength(3);
    const l = await autoLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    const b = bounds(doc, l);
    expect(b.w / b.h).toBeGreaterThanOrEqual(1.2);
    expect(b.w / b.h).toBeLessThanOrEqual(2.0);
    expect(fitZoom(b, 770, 530)).toBeGreaterThanOrEqual(0.75);
    // The web load balancer is level with web, its backend.
    const lb = l['lb:svc:shop/web']!;
    const web = l['wl:shop/Deployment/web']!;
    const webTop = l['ns:shop']!.y + web.y;
    expect(lb.y < webTop + WORKLOAD_SIZE.h && lb.y + LOAD_BALANCER_SIZE.h > webTop).toBe(true);
    // shop talks to data more than to monitoring: data is shop's neighbour.
    expect(l['ns:data']!.y).toBe(l['ns:shop']!.y);
  });

  // Its speed is measured by `npm run bench` (no timed assertions in unit tests).
  it('packs 20 namespaces / 500 workloads into a landscape block', async () => {
    const doc = bigDoc();
    expect(Object.keys(doc.model.namespaces)).toHaveLength(20);
    const l = await packedLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    const b = bounds(doc, l);
    expect(b.w / b.h).toBeGreaterThanOrEqual(0.8);
    expect(b.w / b.h).toBeLessThanOrEqual(2.5);
    const nsIds = Object.keys(doc.model.namespaces);
    expect(new Set(nsIds.map((id) => l[id]!.x)).size).toBeGreaterThan(1);
    expect(new Set(nsIds.map((id) => l[id]!.y)).size).toBeGreaterThan(1);
  });

  it('keeps many small namespaces out of a single row or column', async () => {
    const doc = sampleDoc(20, 2);
    const l = await packedLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    const b = bounds(doc, l);
    expect(b.w / b.h).toBeGreaterThanOrEqual(0.8);
    expect(b.w / b.h).toBeLessThanOrEqual(2.5);
  });

  it('is deterministic, whatever the order of the model\'s objects', async () => {
    const doc = bigDoc();
    const first = await packedLayout(doc);
    expect(await packedLayout(structuredClone(doc))).toEqual(first);
    const shuffled = structuredClone(doc);
    for (const key of ['namespaces', 'workloads', 'policies', 'services', 'externals'] as const) {
      const entries = Object.entries(shuffled.model[key]).reverse();
      (shuffled.model as unknown as Record<string, unknown>)[key] = Object.fromEntries(entries);
    }
    expect(await packedLayout(shuffled)).toEqual(first);
  });

  it('lays a namespace out along its traffic (layered, sources on top)', async () => {
    const doc = sampleDoc(1, 4);
    // d -> b -> a; c unconnected.
    doc.model.intents = {
      i1: { id: 'i1', fromId: 'wl-0-3', toId: 'wl-0-1', ports: [] },
      i2: { id: 'i2', fromId: 'wl-0-1', toId: 'wl-0-0', ports: [] },
    };
    const l = await autoLayout(doc);
    expect(layoutProblems(doc, l)).toEqual([]);
    expect(l['wl-0-3']!.y).toBeLessThan(l['wl-0-1']!.y);
    expect(l['wl-0-1']!.y).toBeLessThan(l['wl-0-0']!.y);
  });

  it('shapes the layout to the viewport it is given', async () => {
    const doc = bigDoc();
    const wide = bounds(doc, await packedLayout(doc, { aspect: 2.4 }));
    const tall = bounds(doc, await packedLayout(doc, { aspect: 0.7 }));
    expect(wide.w / wide.h).toBeGreaterThan(tall.w / tall.h);
    expect(wide.w / wide.h).toBeGreaterThan(1.5);
    expect(tall.w / tall.h).toBeLessThan(1.1);
  });

  it('reports its progress and stops when cancelled', async () => {
    const doc = bigDoc();
    const seen: [number, number][] = [];
    await packedLayout(doc, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
    const signal = { aborted: false };
    const run = packedLayout(doc, { signal, onProgress: () => { signal.aborted = true; } });
    await expect(run).rejects.toBeInstanceOf(LayoutCancelled);
  });

  it('orders namespaces by their ties', () => {
    const between = new Map([['x|z', 3], ['y|z', 1]]);
    expect(namespaceOrder(['x', 'y', 'z'], between, new Map([['y', 1]]))).toEqual(['y', 'z', 'x']);
  });
});
