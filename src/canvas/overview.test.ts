import { describe, expect, it } from 'vitest';
import { evaluate } from '../policy/evaluate.ts';
import { sampleDoc } from '../layout/test-docs.ts';
import type { Model } from '../model/types.ts';
import { checkAssertions } from '../assertions/check.ts';
import { CARD_SIZE, collapsedNamespaces, compactCard, defaultMode, DETAIL_ZOOM, namespaceSummaries, OVERVIEW_MIN_WORKLOADS, type OverviewView } from './overview.ts';
import type { Rect } from './geometry.ts';

const view = (over: Partial<OverviewView> = {}): OverviewView => ({ mode: 'layout', expanded: new Set(), collapsed: new Set(), zoom: 0.3, viewport: null, ...over });

function boxesOf(n: number): Map<string, Rect> {
  return new Map(Array.from({ length: n }, (_, i) => [`ns-${i}`, { x: i * 1000, y: 0, w: 900, h: 600 }]));
}

describe('collapsedNamespaces', () => {
  it('shows every namespace of a small design unless the user collapses one', () => {
    const { model } = sampleDoc(3, 4);
    expect(collapsedNamespaces(model, boxesOf(3), view())).toEqual(new Set());
    expect(collapsedNamespaces(model, boxesOf(3), view({ collapsed: new Set(['ns-1']) }))).toEqual(new Set(['ns-1']));
  });

  it('opens a large design in the overview; an expanded namespace shows its workloads', () => {
    const perNs = Math.ceil((OVERVIEW_MIN_WORKLOADS + 1) / 4);
    const { model } = sampleDoc(4, perNs);
    expect(collapsedNamespaces(model, boxesOf(4), view())).toEqual(new Set(['ns-0', 'ns-1', 'ns-2', 'ns-3']));
    expect(collapsedNamespaces(model, boxesOf(4), view({ expanded: new Set(['ns-2']) }))).toEqual(new Set(['ns-0', 'ns-1', 'ns-3']));
  });

  it('the overview draws every namespace as one node but those the user expands, whatever the size', () => {
    const { model } = sampleDoc(3, 2);
    expect(collapsedNamespaces(model, boxesOf(3), view({ mode: 'overview' }))).toEqual(new Set(['ns-0', 'ns-1', 'ns-2']));
    expect(collapsedNamespaces(model, boxesOf(3), view({ mode: 'overview', zoom: 2, expanded: new Set(['ns-1']) }))).toEqual(new Set(['ns-0', 'ns-2']));
    expect(defaultMode(model)).toBe('layout');
    expect(defaultMode(sampleDoc(2, OVERVIEW_MIN_WORKLOADS).model)).toBe('overview');
  });

  it('zoomed in, the namespaces in view show their workloads and the others stay compact', () => {
    const { model } = sampleDoc(4, 30);
    const viewport = { x: 950, y: 0, w: 1200, h: 500 }; // ns-1 and ns-2
    expect(collapsedNamespaces(model, boxesOf(4), view({ zoom: DETAIL_ZOOM, viewport }))).toEqual(new Set(['ns-0', 'ns-3']));
    // Not zoomed in far enough: all compact.
    expect(collapsedNamespaces(model, boxesOf(4), view({ zoom: DETAIL_ZOOM - 0.01, viewport })).size).toBe(4);
    // The user's collapse wins over the zoom.
    expect(collapsedNamespaces(model, boxesOf(4), view({ zoom: 1, viewport, collapsed: new Set(['ns-1']) }))).toEqual(new Set(['ns-0', 'ns-1', 'ns-3']));
  });
});

describe('namespaceSummaries', () => {
  function withPolicies(): Model {
    const { model } = sampleDoc(2, 3);
    // team-0: default deny ingress (empty selector, no rules), then allow from the internet to app-0.
    model.policies['p-deny'] = { id: 'p-deny', namespaceId: 'ns-0', name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
    model.policies['p-web'] = {
      id: 'p-web', namespaceId: 'ns-0', name: 'web', podSelector: { matchLabels: { app: 'app-0' } }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
    };
    // team-1: deny all egress; an allow-all-ingress policy is not a deny.
    model.policies['p-egress'] = { id: 'p-egress', namespaceId: 'ns-1', name: 'no-egress', podSelector: {}, policyTypes: ['Egress'] };
    model.policies['p-open'] = { id: 'p-open', namespaceId: 'ns-1', name: 'open', podSelector: {}, ingress: [{}] };
    model.assertions = {
      a1: { id: 'a1', fromId: 'wl-1-0', toId: 'wl-0-1', protocol: 'TCP', port: 80, expect: 'reach' },
    };
    return model;
  }

  it('counts workloads and reads default deny from policies and from the designed defaults', () => {
    const model = withPolicies();
    model.namespaceDefaults['ns-1'] = { denyIngress: true, denyEgress: false, allowDns: false };
    const s = namespaceSummaries({ model, reach: evaluate(model), assertions: [] });
    expect(s['ns-0']).toMatchObject({ name: 'team-0', workloads: 3, deny: { ingress: true, egress: false } });
    expect(s['ns-1']).toMatchObject({ workloads: 3, deny: { ingress: true, egress: true } });
  });

  it('names the external networks that reach a namespace and the load balancers in front of it', () => {
    const model = withPolicies();
    const s = namespaceSummaries({ model, reach: evaluate(model), assertions: [] });
    // team-0 admits the internet to app-0 only; the office (192.0.2.0/24) is inside 0.0.0.0/0 too.
    expect(s['ns-0'].fromExternals).toEqual(['internet', 'office']);
    expect(s['ns-0'].loadBalancers).toEqual(['lb:svc-lb']);
    // team-1 admits everything.
    expect(s['ns-1'].fromExternals).toEqual(['internet', 'office']);
    expect(s['ns-1'].loadBalancers).toEqual([]);
  });

  it('an isolated namespace is not exposed', () => {
    const { model } = sampleDoc(1, 2);
    model.policies.deny = { id: 'deny', namespaceId: 'ns-0', name: 'deny', podSelector: {}, policyTypes: ['Ingress'] };
    const s = namespaceSummaries({ model, reach: evaluate(model), assertions: [] });
    expect(s['ns-0'].fromExternals).toEqual([]);
  });

  it('counts failing assertions on both namespaces they involve', () => {
    const model = withPolicies();
    const reach = evaluate(model);
    const results = checkAssertions(model, reach);
    expect(results.find((r) => r.id === 'a1')?.ok).toBe(false); // team-1 may not send anything
    const s = namespaceSummaries({ model, reach, assertions: results });
    expect(s['ns-0'].failingAssertions).toBe(1);
    expect(s['ns-1'].failingAssertions).toBe(1);
  });
});

describe('compactCard', () => {
  const box = { x: 100, y: 200, w: 1000, h: 600 };
  it('keeps its screen size when zoomed out, centred in the namespace box', () => {
    const c = compactCard(box, 0.5);
    expect(c.scale).toBe(2);
    expect(c.w * 0.5).toBeCloseTo(CARD_SIZE.w);
    expect(c.x + c.w / 2).toBeCloseTo(600);
    expect(c.y + c.h / 2).toBeCloseTo(500);
  });
  it('never grows past the box, and is not shrunk when zoomed in', () => {
    expect(compactCard(box, 0.05).w).toBeLessThanOrEqual(1000);
    expect(compactCard(box, 0.05).h).toBeLessThanOrEqual(600);
    expect(compactCard(box, 2).scale).toBe(1);
  });
});
