import { describe, expect, it } from 'vitest';
import { synthetic } from '../../bench/synthetic.ts';
import { evaluate } from '../policy/evaluate.ts';
import { externalPaths } from '../services/paths.ts';
import { sampleDoc } from '../layout/test-docs.ts';
import type { Model, NetworkPolicy } from '../model/types.ts';
import { canvasPairs } from './pairs.ts';
import { buildCanvasEdges } from './edges.ts';
import { connectionsOf, type ConnectionsInput, type NodeConnections } from './connections-of.ts';

function inputOf(model: Model): ConnectionsInput {
  return { model, pairs: canvasPairs(evaluate(model), model), paths: externalPaths(model) };
}

const names = (rows: NodeConnections['incoming']) => rows.map((r) => r.peerName);

/** team-1's pods accept only app-0 of team-0 on TCP 8080; nothing else changes. */
function withPolicy(model: Model): Model {
  const np: NetworkPolicy = {
    id: 'np-1', namespaceId: 'ns-1', name: 'only-team-0', podSelector: {}, policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-0' } }, podSelector: { matchLabels: { app: 'app-0' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  };
  return { ...model, policies: { ...model.policies, [np.id]: np } };
}

describe('connectionsOf', () => {
  it('lists a workload\'s peers by name, each with the ports the edge shows and the pair to explain', () => {
    const model = withPolicy(sampleDoc(2, 2).model);
    const c = connectionsOf(inputOf(model), 'wl-0-0')!;
    // Out: its neighbour, both team-1 pods (TCP 8080 only), both external networks.
    expect(names(c.outgoing)).toEqual(['internet', 'office', 'team-0/app-1', 'team-1/app-0', 'team-1/app-1']);
    const toTeam1 = c.outgoing.find((r) => r.peer === 'wl-1-0')!;
    expect(toTeam1).toMatchObject({ peerKind: 'workload', ports: 'TCP 8080', count: 1, open: { kind: 'explain', src: 'wl-0-0', dst: 'wl-1-0' } });
    expect(c.outgoing.find((r) => r.peer === 'ext-a')).toMatchObject({ peerKind: 'external', ports: 'all' });
    // In: team-0's other pod and the external networks; team-1 pods reach it too (team-0 is open).
    expect(names(c.incoming)).toEqual(['internet', 'office', 'team-0/app-1', 'team-1/app-0', 'team-1/app-1']);
    expect(c.pairs).toEqual({ incoming: 5, outgoing: 5 });
    expect(c.inside).toBe(0);
  });

  it('groups a namespace\'s pairs by the peer namespace or network, as the overview draws them, and counts its inside apart', () => {
    const model = withPolicy(sampleDoc(2, 2).model);
    const c = connectionsOf(inputOf(model), 'ns-0')!;
    // Only app-0 reaches team-1: 1 pair of 4, on TCP 8080.
    expect(c.outgoing.map((r) => [r.peerName, r.peerKind, r.count, r.ports])).toEqual([
      ['internet', 'external', 2, 'all'], ['office', 'external', 2, 'all'], ['team-1', 'namespace', 2, 'TCP 8080'],
    ]);
    expect(c.outgoing.find((r) => r.peer === 'ns-1')!.open).toEqual({ kind: 'explain', src: 'wl-0-0', dst: 'wl-1-0' });
    expect(c.incoming.map((r) => [r.peerName, r.count])).toEqual([['internet', 2], ['office', 2], ['team-1', 4]]);
    expect(c.inside).toBe(2);
    expect(c.pairs).toEqual({ incoming: 8, outgoing: 6 });
  });

  it('lists a load balancer\'s admitted networks and its backends with the port mapping; a network lists the load balancers it enters', () => {
    const model = sampleDoc(2, 2).model;
    const input = inputOf(model);
    const lb = connectionsOf(input, 'lb:svc-lb')!;
    expect(lb.outgoing).toEqual([expect.objectContaining({ peer: 'wl-0-0', peerName: 'team-0/app-0', ports: '443→8443', viaLoadBalancer: true, open: { kind: 'paths' } })]);
    expect(names(lb.incoming)).toEqual(['internet', 'office']);
    expect(lb.incoming[0].ports).toMatch(/^443\/TCP/);
    expect(lb.pairs).toEqual({ incoming: 0, outgoing: 0 });
    const ext = connectionsOf(input, 'ext-a')!;
    expect(ext.outgoing.filter((r) => r.viaLoadBalancer).map((r) => [r.peer, r.peerName])).toEqual([['lb:svc-lb', 'team-0/front']]);
  });

  it('is null for an id that is no canvas node', () => {
    const model = sampleDoc(1, 1).model;
    expect(connectionsOf(inputOf(model), 'nope')).toBeNull();
    expect(connectionsOf(inputOf(model), 'lb:missing')).toBeNull();
  });

  describe('on the 500-workload design', () => {
    const { model } = synthetic(500, 200, 42);
    const reach = evaluate(model);
    const input: ConnectionsInput = { model, pairs: canvasPairs(reach, model), paths: [] };
    const touching = (id: string, nsOf: (x: string) => string | undefined) => input.pairs.filter((p) => nsOf(p.src) === id || nsOf(p.dst) === id);

    it('counts every allowed pair of each node exactly once: rows\' counts (+ inside) = the pairs canvasPairs has for it', () => {
      let checked = 0;
      for (const id of [...Object.keys(model.namespaces), ...Object.keys(model.workloads)]) {
        const c = connectionsOf(input, id)!;
        const nsOf = model.namespaces[id] ? (x: string) => model.workloads[x]?.namespaceId : (x: string) => x;
        const mine = touching(id, nsOf);
        const sum = (rows: NodeConnections['incoming']) => rows.reduce((n, r) => n + r.count, 0);
        expect(sum(c.incoming) + sum(c.outgoing) + c.inside, id).toBe(mine.length);
        expect(sum(c.incoming), id).toBe(c.pairs.incoming);
        expect(sum(c.outgoing), id).toBe(c.pairs.outgoing);
        // Rows are sorted by name and a peer appears once per direction.
        for (const rows of [c.incoming, c.outgoing]) {
          expect(names(rows)).toEqual([...names(rows)].sort());
          expect(new Set(rows.map((r) => r.peer)).size).toBe(rows.length);
        }
        checked += mine.length;
      }
      expect(checked).toBeGreaterThan(input.pairs.length);
    });

    it('a namespace\'s rows are the overview\'s namespace-pair edges drawn when it is selected: same peers, counts and ports', () => {
      const collapsed = new Set(Object.keys(model.namespaces));
      for (const ns of ['ns:kube-system', Object.keys(model.namespaces)[3]]) {
        const out = buildCanvasEdges({
          model, reach, reachModel: model, selection: new Set([ns]), view: 'allowed', intentState: () => undefined,
          collapsed, paths: [], assertions: [],
        });
        const drawn = out.edges.filter((e) => e.kind === 'ns-allow');
        const c = connectionsOf(input, ns)!;
        const inEdges = drawn.filter((e) => e.target === ns).map((e) => [e.source, e.label]).sort();
        const outEdges = drawn.filter((e) => e.source === ns).map((e) => [e.target, e.label]).sort();
        const label = (r: NodeConnections['incoming'][number]) => `${r.count} flow${r.count === 1 ? '' : 's'} · ${r.ports}`;
        expect(c.incoming.map((r) => [r.peer, label(r)]).sort(), ns).toEqual(inEdges);
        expect(c.outgoing.map((r) => [r.peer, label(r)]).sort(), ns).toEqual(outEdges);
        expect(c.incoming.length + c.outgoing.length).toBeGreaterThan(0);
        expect(c.inside).toBe(out.inner[ns]?.count ?? 0);
      }
    });
  });
});
