// Cluster assumptions are unknown until set: the canvas never draws the Internet reaching a
// workload directly because of a node range, and a path waiting for an unset setting is drawn as
// conditional, saying what to set.
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { addExternal, addIntent, addLoadBalancer, addNamespace, addWorkload, setNamespaceDefaults } from '../doc/commands.ts';
import { updateCluster } from '../doc/commands-lb.ts';
import { exportManifests } from '../k8s/export.ts';
import { evaluate } from '../policy/evaluate.ts';
import { intentStatus } from '../policy/intent-status.ts';
import { externalPaths } from '../services/paths.ts';
import { buildCanvasEdges } from './edges.ts';

/** shop/web (8080) behind a LoadBalancer 80 -> 8080, ingress denied by default, Internet -> LB intent. */
function publicEntry(nodeCidrs?: string[]): Doc {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns', name: 'shop', at: { x: 0, y: 0 } });
  d = addWorkload(d, { id: 'web', namespaceId: 'ns', name: 'web', ports: [{ containerPort: 8080 }], at: { x: 20, y: 60 } });
  d = addLoadBalancer(d, { id: 'lb', namespaceId: 'ns', name: 'web', selector: { app: 'web' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], at: { x: -300, y: 0 } });
  d = addExternal(d, { id: 'inet', name: 'Internet', at: { x: -600, y: 0 } });
  d = setNamespaceDefaults(d, 'ns', { denyIngress: true, denyEgress: false, allowDns: false });
  if (nodeCidrs) d = updateCluster(d, { nodeCidrs });
  return addIntent(d, { id: 'i', fromId: 'inet', toId: 'lb' });
}

function canvas(d: Doc) {
  const reach = evaluate(d.model);
  const status = intentStatus(d.model, reach);
  const out = buildCanvasEdges({
    model: d.model, reach, reachModel: d.model, selection: new Set(), view: 'allowed', collapsed: new Set(),
    intentState: (id) => (status[id]?.met ? 'met' : status[id]?.needs?.length ? 'conditional' : 'blocked'),
    intentNeeds: (id) => status[id]?.needs,
    paths: externalPaths(d.model), assertions: [],
  });
  return { status, edges: out.edges };
}

describe('unknown cluster assumptions', () => {
  it('a new design has no node CIDR, and none goes into the generated policies', () => {
    const d = publicEntry();
    expect(d.model.cluster.nodeCidrs).toEqual([]);
    expect(exportManifests(d.model)).not.toContain('10.0.0.0/16');
  });

  it('the SNATed load-balancer path is conditional on the node CIDRs, drawn so, never Internet -> web', () => {
    const { status, edges } = canvas(publicEntry());
    expect(status.i).toMatchObject({ met: false, needs: ['nodeCidrs'] });
    const intent = edges.find((e) => e.intentId === 'i')!;
    expect(intent.state).toBe('conditional');
    expect(intent.label).toMatch(/◐ if node CIDRs set/);
    const ext = edges.find((e) => e.source === 'inet' && e.target === 'lb:lb' && !e.intentId)!;
    expect(ext.label).toMatch(/◐ if node CIDRs set/);
    expect(ext.state).toBe('conditional');
    expect(edges.some((e) => e.kind === 'allow' && e.source === 'inet' && e.target === 'web')).toBe(false);
  });

  it('with the node CIDRs set the intent is met, and the node range inside 0.0.0.0/0 is still no Internet -> web edge', () => {
    const d = publicEntry(['10.0.0.0/16']);
    expect(exportManifests(d.model)).toContain('10.0.0.0/16');
    const { status, edges } = canvas(d);
    expect(status.i.met).toBe(true);
    expect(edges.find((e) => e.intentId === 'i')!.state).toBe('met');
    expect(edges.find((e) => e.source === 'inet' && e.target === 'lb:lb' && !e.intentId)!.state).toBeUndefined();
    // The evaluator does let the Internet fragment 10.0.0.0/16 reach web; that is the nodes, not the Internet.
    const reach = evaluate(d.model);
    expect(reach.endpoints.filter((e) => e.modelId === 'inet').length).toBeGreaterThan(1);
    expect(edges.some((e) => e.kind === 'allow' && e.source === 'inet' && e.target === 'web')).toBe(false);
  });

  it('an external network drawn wholly inside the cluster ranges keeps its edges', () => {
    let d = publicEntry(['10.0.0.0/16']);
    d = addExternal(d, { id: 'nodes', name: 'nodes', cidrs: ['10.0.0.0/16'], at: { x: -600, y: 300 } });
    const { edges } = canvas(d);
    expect(edges.some((e) => e.kind === 'allow' && e.source === 'nodes' && e.target === 'web')).toBe(true);
  });
});
