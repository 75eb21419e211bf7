import { describe, expect, it } from 'vitest';
import { evaluate } from '../policy/evaluate.ts';
import { sampleDoc } from '../layout/test-docs.ts';
import type { Model } from '../model/types.ts';
import { checkAssertions } from '../assertions/check.ts';
import { canvasPairs } from './pairs.ts';
import { makeEdge } from './edges.ts';
import {
  NO_FILTER, applyCanvasFilter, filterFacts, hiddenSummary, isFilterActive, keptEdges, type CanvasFilter, type FactInput,
} from './filters.ts';

/** Three namespaces of two workloads; team-0 and team-1 deny all ingress, team-0 admits the internet to app-0. */
function design(): Model {
  const { model } = sampleDoc(3, 2);
  model.policies.deny0 = { id: 'deny0', namespaceId: 'ns-0', name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
  model.policies.web = {
    id: 'web', namespaceId: 'ns-0', name: 'web', podSelector: { matchLabels: { app: 'app-0' } }, policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
  };
  model.policies.deny1 = { id: 'deny1', namespaceId: 'ns-1', name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
  model.policies.deny2 = { id: 'deny2', namespaceId: 'ns-2', name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
  // No LB: exposure comes from the policies only.
  delete model.services['svc-lb'];
  return model;
}

function facts(model: Model, over: Partial<FactInput> = {}) {
  const reach = evaluate(model);
  return filterFacts({
    model, pairs: canvasPairs(reach, model), intentState: () => undefined, clusterDenied: [],
    assertions: checkAssertions(model, reach), findings: [], ...over,
  });
}

const filter = (over: Partial<CanvasFilter>): CanvasFilter => ({ ...NO_FILTER, ...over });

describe('canvas filters', () => {
  it('hide nothing when no filter is active', () => {
    const model = design();
    expect(isFilterActive(NO_FILTER)).toBe(false);
    const r = applyCanvasFilter(model, NO_FILTER, facts(model));
    expect(r.hidden.size).toBe(0);
    expect(r.total).toBe(0);
  });

  it('a namespace filter keeps those namespaces, their workloads and the outside nodes talking to them', () => {
    const model = design();
    const r = applyCanvasFilter(model, filter({ namespaces: ['ns-0'] }), facts(model));
    expect([...r.hidden].sort()).toEqual(['ns-1', 'ns-2', 'wl-1-0', 'wl-1-1', 'wl-2-0', 'wl-2-1']);
    // ext-a (internet) reaches app-0 of team-0 and stays; the office network is inside 0.0.0.0/0 too.
    expect(r.hidden.has('ext-a')).toBe(false);
    expect(r.counts).toEqual({ namespaces: 2, workloads: 4, externals: 0, loadBalancers: 0 });
    expect(hiddenSummary(r)).toBe('4 workloads, 2 namespaces');
  });

  it('outside nodes that talk to no kept workload go under a namespace filter', () => {
    const model = design();
    // team-1 neither admits nor sends anything outside.
    model.policies.egress1 = { id: 'egress1', namespaceId: 'ns-1', name: 'no-egress', podSelector: {}, policyTypes: ['Egress'] };
    const r = applyCanvasFilter(model, filter({ namespaces: ['ns-1'] }), facts(model));
    expect(r.hidden.has('ext-a')).toBe(true);
    expect(r.hidden.has('ext-b')).toBe(true);
    expect(r.hidden.has('ns-1')).toBe(false);
  });

  it('exposure keeps what an external network reaches, the networks that reach it and its namespace', () => {
    const model = design();
    const r = applyCanvasFilter(model, filter({ exposed: true }), facts(model));
    const kept = [...Object.keys(model.namespaces), ...Object.keys(model.workloads), ...Object.keys(model.externals)].filter((id) => !r.hidden.has(id));
    expect(kept.sort()).toEqual(['ext-a', 'ext-b', 'ns-0', 'wl-0-0']);
  });

  it('exposure counts workloads behind a load balancer, and the load balancer itself', () => {
    const { model } = sampleDoc(2, 2);
    for (const ns of ['ns-0', 'ns-1']) model.policies[`d-${ns}`] = { id: `d-${ns}`, namespaceId: ns, name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
    const r = applyCanvasFilter(model, filter({ exposed: true }), facts(model));
    expect(r.hidden.has('lb:svc-lb')).toBe(false);
    expect(r.hidden.has('wl-0-0')).toBe(false);
    expect(r.hidden.has('wl-0-1')).toBe(true);
    expect(r.hidden.has('ns-1')).toBe(true);
  });

  it('denied keeps both ends of blocked intents and of connections a cluster Deny stops', () => {
    const model = design();
    model.intents.i1 = { id: 'i1', fromId: 'wl-2-0', toId: 'wl-1-1', ports: [] };
    model.intents.i2 = { id: 'i2', fromId: 'ext-a', toId: 'wl-0-0', ports: [] };
    const f = facts(model, {
      intentState: (id) => (id === 'i1' ? 'blocked' : 'met'),
      clusterDenied: [{ src: 'wl-0-1', dst: 'wl-2-1' }],
    });
    const r = applyCanvasFilter(model, filter({ denied: true }), f);
    const keptWl = Object.keys(model.workloads).filter((id) => !r.hidden.has(id)).sort();
    expect(keptWl).toEqual(['wl-0-1', 'wl-1-1', 'wl-2-0', 'wl-2-1']);
    // The met intent's ends are not denied.
    expect(r.hidden.has('wl-0-0')).toBe(true);
    expect(r.hidden.has('ext-a')).toBe(true);
  });

  it('violations keep the ends of failing assertions and what lint problems are about (a policy flags its namespace)', () => {
    const model = design();
    model.assertions = {
      a1: { id: 'a1', fromId: 'wl-1-0', toId: 'wl-0-1', protocol: 'TCP', port: 80, expect: 'reach' }, // fails: deny0
      a2: { id: 'a2', fromId: 'wl-1-0', toId: 'wl-2-0', protocol: 'TCP', port: 80, expect: 'no-reach' }, // holds
    };
    const f = facts(model, {
      findings: [
        { id: 'L-X', severity: 'warning', objectId: 'deny2', message: 'x' },
        { id: 'L-Y', severity: 'info', objectId: 'wl-1-1', message: 'only info' },
      ],
    });
    const r = applyCanvasFilter(model, filter({ violations: true }), f);
    const kept = [...Object.keys(model.namespaces), ...Object.keys(model.workloads)].filter((id) => !r.hidden.has(id)).sort();
    expect(kept).toEqual(['ns-0', 'ns-1', 'ns-2', 'wl-0-1', 'wl-1-0']);
  });

  it('filters combine: exposed workloads of the chosen namespaces only', () => {
    const model = design();
    model.policies.web1 = { ...model.policies.web!, id: 'web1', namespaceId: 'ns-1' };
    const f = facts(model);
    const both = applyCanvasFilter(model, filter({ exposed: true, namespaces: ['ns-1'] }), f);
    const keptWl = Object.keys(model.workloads).filter((id) => !both.hidden.has(id));
    expect(keptWl).toEqual(['wl-1-0']);
    expect(both.hidden.has('ns-0')).toBe(true);
  });

  it('edges go with their hidden ends', () => {
    const edges = [makeEdge('a', 'wl-0-0', 'wl-0-1', 'allow', ''), makeEdge('b', 'ns-1', 'ns-0', 'ns-allow', '3')];
    expect(keptEdges(edges, new Set(['ns-1'])).map((e) => e.id)).toEqual(['a']);
    expect(keptEdges(edges, new Set())).toBe(edges);
  });
});
