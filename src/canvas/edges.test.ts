import { describe, expect, it } from 'vitest';
import { evaluate } from '../policy/evaluate.ts';
import { sampleDoc } from '../layout/test-docs.ts';
import { addIntent } from '../doc/commands.ts';
import type { Model } from '../model/types.ts';
import { buildCanvasEdges, INNER_LIMIT, type CanvasEdgeInput } from './edges.ts';
import { parseEdgeId } from './ids.ts';

function input(model: Model, over: Partial<CanvasEdgeInput> = {}): CanvasEdgeInput {
  return {
    model, reach: evaluate(model), reachModel: model, selection: new Set(), view: 'allowed',
    intentState: () => undefined, collapsed: new Set(), paths: [], assertions: [], ...over,
  };
}

const nodesOf = (model: Model) => new Set([...Object.keys(model.workloads), ...Object.keys(model.externals), ...Object.keys(model.namespaces), 'lb:svc-lb']);

describe('buildCanvasEdges', () => {
  it('draws every allowed pair of a small design, inside namespaces too', () => {
    const { model } = sampleDoc(2, 3); // no policies: everything reaches everything
    const out = buildCanvasEdges(input(model));
    const reach = out.edges.filter((e) => e.kind === 'allow');
    // 6 workloads + 2 externals; pods reach each other and the externals (egress), externals reach pods.
    expect(reach.some((e) => e.source === 'wl-0-0' && e.target === 'wl-0-1')).toBe(true);
    expect(reach.some((e) => e.source === 'wl-0-0' && e.target === 'wl-1-2')).toBe(true);
    expect(out.inner['ns-0']).toEqual({ count: 6, drawn: true });
    expect(out.aggregated).toBe(false);
  });

  it('draws a collapsed namespace as one node: one edge per node pair with a count, inner flows counted', () => {
    const { model } = sampleDoc(2, 3);
    const out = buildCanvasEdges(input(model, { collapsed: new Set(['ns-0', 'ns-1']) }));
    const ids = out.edges.map((e) => e.id);
    expect(ids).toContain('nsreach:ns-0>ns-1');
    const e = out.edges.find((x) => x.id === 'nsreach:ns-0>ns-1')!;
    expect(e.count).toBe(9);
    expect(e.label).toMatch(/^9 flows · /);
    // Nothing ends at a workload that is not drawn.
    for (const x of out.edges) {
      expect(x.source.startsWith('wl-')).toBe(false);
      expect(x.target.startsWith('wl-')).toBe(false);
    }
    expect(out.inner['ns-0']).toEqual({ count: 6, drawn: false });
    expect(out.aggregated).toBe(true);
    // The load balancer's backends in a collapsed namespace: one grouped service edge.
    expect(ids).toContain('nsreach:lb:svc-lb>ns-0');
  });

  it('expanding one namespace shows its workloads and their own edges; the other stays one node', () => {
    const { model } = sampleDoc(2, 3);
    const out = buildCanvasEdges(input(model, { collapsed: new Set(['ns-1']) }));
    expect(out.edges.some((e) => e.id === 'reach:wl-0-0>wl-0-1')).toBe(true);
    expect(out.edges.some((e) => e.id === 'nsreach:wl-0-0>ns-1')).toBe(true);
    expect(out.edges.find((e) => e.id === 'nsreach:wl-0-0>ns-1')!.count).toBe(3);
    expect(out.edges.some((e) => e.target.startsWith('wl-1-'))).toBe(false);
  });

  it('draws many workloads of an open namespace into one compact namespace as one edge from the frame, the selected one apart', () => {
    const { model } = sampleDoc(2, 6);
    const out = buildCanvasEdges(input(model, { collapsed: new Set(['ns-1']) }));
    const fan = out.edges.find((e) => e.id === 'nsreach:ns-0>ns-1')!;
    expect(fan.count).toBe(36); // 6 workloads x 6 in ns-1
    expect(fan.label).toMatch(/^36 flows · /);
    expect(out.edges.find((e) => e.id === 'nsreach:ns-1>ns-0')!.count).toBe(36);
    expect(out.edges.some((e) => e.source.startsWith('wl-0-') && e.target === 'ns-1')).toBe(false);
    // Inside the open namespace, its workloads keep their own edges.
    expect(out.edges.some((e) => e.id === 'reach:wl-0-0>wl-0-1')).toBe(true);

    const picked = buildCanvasEdges(input(model, { collapsed: new Set(['ns-1']), selection: new Set(['wl-0-0']) }));
    expect(picked.edges.find((e) => e.id === 'nsreach:wl-0-0>ns-1')!.count).toBe(6);
    expect(picked.edges.find((e) => e.id === 'nsreach:ns-0>ns-1')!.count).toBe(30);
  });

  it('never drops connections inside a namespace silently: past the limit they are counted, and the selection still shows its own', () => {
    const { model } = sampleDoc(1, 10); // 90 pairs inside ns-0 > INNER_LIMIT
    expect(90).toBeGreaterThan(INNER_LIMIT);
    const all = buildCanvasEdges(input(model));
    expect(all.inner['ns-0']).toEqual({ count: 90, drawn: false });
    expect(all.edges.filter((e) => e.kind === 'allow' && e.source.startsWith('wl-') && e.target.startsWith('wl-'))).toHaveLength(0);
    const sel = buildCanvasEdges(input(model, { selection: new Set(['wl-0-3']) }));
    const mine = sel.edges.filter((e) => e.kind === 'allow' && e.source.startsWith('wl-') && e.target.startsWith('wl-'));
    expect(mine).toHaveLength(18); // 9 in, 9 out
    expect(mine.every((e) => e.source === 'wl-0-3' || e.target === 'wl-0-3')).toBe(true);
  });

  it('focuses the selection: its edges and neighbours stay, the rest is dimmed', () => {
    const { model } = sampleDoc(2, 2);
    const out = buildCanvasEdges(input(model, { selection: new Set(['wl-0-0']) }));
    expect(out.focus?.has('wl-0-1')).toBe(true);
    expect(out.edges.find((e) => e.id === 'reach:wl-0-0>wl-1-0')!.className).toContain('is-focus');
    expect(out.edges.find((e) => e.id === 'reach:wl-1-0>wl-1-1')!.className).toContain('is-dimmed');
  });

  it('ends an intent into a collapsed namespace at the namespace node', () => {
    let d = sampleDoc(2, 2);
    d = addIntent(d, { id: 'i1', fromId: 'wl-0-0', toId: 'wl-1-1', ports: [{ protocol: 'TCP', port: 80 }] });
    const out = buildCanvasEdges(input(d.model, { collapsed: new Set(['ns-1']) }));
    const it1 = out.edges.find((e) => e.id === 'intent:i1')!;
    expect([it1.source, it1.target]).toEqual(['wl-0-0', 'ns-1']);
    expect(it1.label).toBe('TCP 80');
  });

  it('gives every edge a canvas edge id whose ends are drawn nodes', () => {
    const { model } = sampleDoc(3, 4);
    const drawnNodes = nodesOf(model);
    for (const collapsed of [new Set<string>(), new Set(['ns-0', 'ns-2'])]) {
      for (const e of buildCanvasEdges(input(model, { collapsed })).edges) {
        expect(parseEdgeId(e.id)).not.toBeNull();
        expect(drawnNodes.has(e.source) && drawnNodes.has(e.target)).toBe(true);
      }
    }
  });
});

describe('buildCanvasEdges in a crowded overview', () => {
  const nsPairs = (out: ReturnType<typeof buildCanvasEdges>, model: Model) =>
    out.edges.filter((e) => e.kind === 'ns-allow' && model.namespaces[e.source] && model.namespaces[e.target]);

  it('summarises namespaces reached from most others on the node instead of drawing every edge; the counts add up', () => {
    const { model } = sampleDoc(8, 1); // no policies: every namespace reaches every other
    const collapsed = new Set(Object.keys(model.namespaces));
    const out = buildCanvasEdges(input(model, { collapsed }));
    expect(nsPairs(out, model)).toHaveLength(0);
    for (const ns of collapsed) {
      // The 7 other namespaces and the 2 external networks.
      expect(out.tails[ns].from).toMatchObject({ nodes: 9, flows: 9 });
      expect(out.tails[ns].to).toMatchObject({ nodes: 9 });
      expect(out.tails[ns].from!.ports).toBe('all');
    }
    expect(out.bundled).toBe(8 * 7 + 2 * 8 * 2);
    expect(out.edges.filter((e) => e.kind === 'ns-allow')).toHaveLength(0);
    expect(out.aggregated).toBe(true);
  });

  it('draws all of a selected namespace\'s connections, the others stay summarised', () => {
    const { model } = sampleDoc(8, 1);
    const collapsed = new Set(Object.keys(model.namespaces));
    const out = buildCanvasEdges(input(model, { collapsed, selection: new Set(['ns-0']) }));
    const mine = nsPairs(out, model);
    expect(mine).toHaveLength(14);
    expect(mine.every((e) => e.source === 'ns-0' || e.target === 'ns-0')).toBe(true);
    expect(out.tails['ns-1'].from!.nodes).toBe(8);
  });

  it('leaves a small expanded design alone', () => {
    const { model } = sampleDoc(8, 1);
    const out = buildCanvasEdges(input(model, { collapsed: new Set(['ns-0']) }));
    expect(out.tails).toEqual({});
    expect(out.bundled).toBe(0);
  });
});

describe('buildCanvasEdges with folded load balancers', () => {
  it('draws a folded load balancer by its namespace card: no edge ends at it, its backends are not wired again', () => {
    const { model } = sampleDoc(3, 2);
    const collapsed = new Set(Object.keys(model.namespaces));
    const plain = buildCanvasEdges(input(model, { collapsed }));
    expect(plain.edges.some((e) => e.source === 'lb:svc-lb')).toBe(true);
    const out = buildCanvasEdges(input(model, { collapsed, folded: new Set(['lb:svc-lb']) }));
    expect(out.edges.some((e) => e.source === 'lb:svc-lb' || e.target === 'lb:svc-lb')).toBe(false);
  });
});

describe('hub peers in words', () => {
  it('says which of a hub\'s peers are namespaces and which external networks', async () => {
    const { hubPeersShort, hubPeersLong } = await import('./edges.ts');
    expect(hubPeersShort({ nodes: 19, networks: 0, flows: 40, ports: 'UDP 53' })).toBe('19 ns');
    expect(hubPeersShort({ nodes: 24, networks: 5, flows: 40, ports: 'UDP 53' })).toBe('19 ns + 5 ext');
    expect(hubPeersLong({ nodes: 24, networks: 5, flows: 40, ports: 'UDP 53' })).toBe('19 namespaces and 5 external networks');
    expect(hubPeersLong({ nodes: 1, networks: 1, flows: 1, ports: 'TCP 443' })).toBe('1 external network');
  });
});
