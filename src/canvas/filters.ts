// Canvas filters: which nodes the canvas keeps when the user narrows it down to some namespaces,
// to what is exposed (reachable from an external network or behind a load balancer), to what
// is denied (blocked intents, connections an Admin Deny stops) or to what violates the design
// (failing assertions, lint problems). Pure: the facts come from the evaluation results, the
// result is a set of hidden canvas node ids that app/flow leaves out, in Overview and Layout
// mode alike (edges touching a hidden node go with it).
//
// Filters combine with AND. A workload is kept when it passes every active filter; a namespace
// is kept when one of its workloads is (or, for namespace-level facts such as a lint problem on
// one of its policies, when it is flagged itself); external networks and load balancers are
// kept when they pass the fact filters and, under a namespace filter, talk to a kept workload.

import type { Id, Model } from '../model/types.ts';
import type { LintFinding } from '../lint/types.ts';
import type { AssertionResult } from '../assertions/check.ts';
import { selectsWorkload } from '../services/backends.ts';
import { endpointNodeId, loadBalancerNodeId, serviceIdOfLoadBalancerNode } from './ids.ts';
import type { CanvasPair } from './pairs.ts';
import type { CanvasEdge, IntentState } from './types.ts';

export interface CanvasFilter {
  /** Namespaces to keep; empty = every namespace. */
  namespaces: readonly Id[];
  /** Only what an external network or a load balancer reaches (and those sources). */
  exposed: boolean;
  /** Only endpoints of blocked intents and of connections a cluster Deny stops. */
  denied: boolean;
  /** Only what a failing assertion or a lint problem is about. */
  violations: boolean;
}

export const NO_FILTER: CanvasFilter = { namespaces: [], exposed: false, denied: false, violations: false };

export function isFilterActive(f: CanvasFilter): boolean {
  return f.namespaces.length > 0 || f.exposed || f.denied || f.violations;
}

/** What the fact filters test, as canvas node ids (workloads, externals, `lb:` nodes, namespaces). */
export interface FilterFacts {
  exposed: ReadonlySet<Id>;
  denied: ReadonlySet<Id>;
  violations: ReadonlySet<Id>;
  /** Workloads each external network / load balancer node talks to (either direction). */
  links: ReadonlyMap<Id, ReadonlySet<Id>>;
}

export interface FactInput {
  model: Model;
  /** Allowed canvas pairs of the evaluation (canvasPairs), [] before the first result. */
  pairs: readonly CanvasPair[];
  intentState: (intentId: Id) => IntentState | undefined;
  /** Pairs whose allowed traffic a cluster Deny stops (cluster-denials.ts overriddenPairs). */
  clusterDenied: readonly { src: Id; dst: Id }[];
  assertions: readonly AssertionResult[];
  findings: readonly LintFinding[];
}

/** Canvas nodes a lint finding is about: a workload, a load balancer, or the object's namespace. */
function findingNodes(model: Model, f: LintFinding): Id[] {
  const id = f.objectId;
  if (!id) return [];
  if (model.workloads[id] || model.externals[id] || model.namespaces[id]) return [id];
  const svc = model.services[id];
  if (svc) return svc.type === 'LoadBalancer' ? [loadBalancerNodeId(svc.id), svc.namespaceId] : [svc.namespaceId];
  const np = model.policies[id];
  if (np) return [np.namespaceId];
  return [];
}

export function filterFacts(input: FactInput): FilterFacts {
  const { model } = input;
  const exposed = new Set<Id>();
  const denied = new Set<Id>();
  const violations = new Set<Id>();
  const links = new Map<Id, Set<Id>>();
  const link = (outside: Id, w: Id) => {
    const s = links.get(outside) ?? new Set<Id>();
    s.add(w);
    links.set(outside, s);
  };
  const isOutside = (id: Id) => !!model.externals[id] || serviceIdOfLoadBalancerNode(id) !== undefined;

  for (const p of input.pairs) {
    if (isOutside(p.src) && model.workloads[p.dst]) {
      exposed.add(p.src);
      exposed.add(p.dst);
    }
    if (isOutside(p.src) && model.workloads[p.dst]) link(p.src, p.dst);
    if (isOutside(p.dst) && model.workloads[p.src]) link(p.dst, p.src);
  }
  for (const svc of Object.values(model.services)) {
    if (svc.type !== 'LoadBalancer') continue;
    const lb = loadBalancerNodeId(svc.id);
    for (const w of Object.values(model.workloads)) {
      if (w.namespaceId !== svc.namespaceId || !selectsWorkload(svc, w)) continue;
      exposed.add(lb);
      exposed.add(w.id);
      link(lb, w.id);
    }
  }

  const ends = (a: Id, b: Id, into: Set<Id>) => {
    for (const id of [a, b]) {
      const n = endpointNodeId(model, id);
      if (n) into.add(n);
    }
  };
  for (const i of Object.values(model.intents)) {
    if (input.intentState(i.id) === 'blocked') ends(i.fromId, i.toId, denied);
  }
  for (const p of input.clusterDenied) ends(p.src, p.dst, denied);

  for (const r of input.assertions) {
    const a = model.assertions?.[r.id];
    if (!r.ok && a) ends(a.fromId, a.toId, violations);
  }
  for (const f of input.findings) {
    if (f.severity === 'info') continue;
    for (const n of findingNodes(model, f)) violations.add(n);
  }
  return { exposed, denied, violations, links };
}

export interface FilterResult {
  /** Canvas node ids not drawn (a hidden namespace's workloads are listed too). */
  hidden: Set<Id>;
  /** How many of each are hidden, for the "N hidden by filters" indicator. */
  counts: { namespaces: number; workloads: number; externals: number; loadBalancers: number };
  total: number;
}

/** Which canvas nodes the filter hides (nothing when no filter is active). */
export function applyCanvasFilter(model: Model, filter: CanvasFilter, facts: FilterFacts): FilterResult {
  const hidden = new Set<Id>();
  const counts = { namespaces: 0, workloads: 0, externals: 0, loadBalancers: 0 };
  if (!isFilterActive(filter)) return { hidden, counts, total: 0 };
  const nsWanted = filter.namespaces.length ? new Set(filter.namespaces) : null;
  const sets = [filter.exposed && facts.exposed, filter.denied && facts.denied, filter.violations && facts.violations]
    .filter((s): s is ReadonlySet<Id> => !!s);
  const passes = (id: Id) => sets.every((s) => s.has(id));

  const keptWorkloads = new Set<Id>();
  const nsWithKept = new Set<Id>();
  for (const w of Object.values(model.workloads)) {
    if (nsWanted && !nsWanted.has(w.namespaceId)) continue;
    if (!passes(w.id)) continue;
    keptWorkloads.add(w.id);
    nsWithKept.add(w.namespaceId);
  }
  for (const ns of Object.values(model.namespaces)) {
    const wanted = !nsWanted || nsWanted.has(ns.id);
    // A namespace flagged itself (e.g. a lint problem on one of its policies) stays for that filter.
    const keep = wanted && (nsWithKept.has(ns.id) || (sets.length > 0 ? passes(ns.id) : true));
    if (!keep) {
      hidden.add(ns.id);
      counts.namespaces++;
    }
  }
  for (const w of Object.values(model.workloads)) {
    if (keptWorkloads.has(w.id)) continue;
    hidden.add(w.id);
    counts.workloads++;
  }
  const outsideKept = (id: Id) => {
    if (!passes(id)) return false;
    if (!nsWanted) return true;
    for (const w of facts.links.get(id) ?? []) if (keptWorkloads.has(w)) return true;
    return false;
  };
  for (const e of Object.values(model.externals)) {
    if (outsideKept(e.id)) continue;
    hidden.add(e.id);
    counts.externals++;
  }
  for (const svc of Object.values(model.services)) {
    if (svc.type !== 'LoadBalancer') continue;
    const lb = loadBalancerNodeId(svc.id);
    const inNs = !nsWanted || nsWanted.has(svc.namespaceId);
    if (inNs && outsideKept(lb)) continue;
    hidden.add(lb);
    counts.loadBalancers++;
  }
  const total = counts.namespaces + counts.workloads + counts.externals + counts.loadBalancers;
  return { hidden, counts, total };
}

/** The edges whose both ends are drawn. */
export function keptEdges(edges: readonly CanvasEdge[], hidden: ReadonlySet<Id>): CanvasEdge[] {
  if (hidden.size === 0) return edges as CanvasEdge[];
  return edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
}

/** "12 workloads, 2 namespaces hidden by filters" — the indicator's text, largest first. */
export function hiddenSummary(r: FilterResult): string {
  const parts: [number, string, string][] = [
    [r.counts.workloads, 'workload', 'workloads'],
    [r.counts.namespaces, 'namespace', 'namespaces'],
    [r.counts.externals, 'external network', 'external networks'],
    [r.counts.loadBalancers, 'load balancer', 'load balancers'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}
