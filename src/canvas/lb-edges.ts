// External traffic and assertions on the canvas, on top of the reachability edges:
//  - an edge from each external network to each load balancer that admits it (source ranges),
//    labelled with the admitted ports;
//  - with an external network or a load balancer selected, the path to every backend and port
//    is highlighted (edges coloured by the core's verdict), everything else dimmed;
//  - assertion edges: violated ones always (red), passing ones around the selection.
// All verdicts come from src/services/paths.ts and src/assertions/check.ts.

import type { Id, Model } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { endpointIdOf } from '../policy/reachability.ts';
import { UNKNOWN_SETTING_LABEL, type PathOutcome, type PathResult } from '../services/paths.ts';
import type { AssertionResult } from '../assertions/check.ts';
import { aggregateOutcome, type ReachSummary } from '../services/reach.ts';
import { endpointNodeId, formatEdgeId, loadBalancerNodeId, parseEdgeId, serviceIdOfLoadBalancerNode } from './ids.ts';
import type { CanvasEdgeOutput } from './edges.ts';
import type { CanvasEdge } from './types.ts';

const COLOR = { external: '#d97706', assert: '#dc2626', assertOk: '#7c3aed' };
const MARK: Record<ReachSummary, string> = { reach: '✓', 'no-reach': '✗', conditional: '◐', partial: '◐' };
const TONE: Record<ReachSummary, string> = { reach: 'path-reach', 'no-reach': 'path-block', conditional: 'path-caveat', partial: 'path-caveat' };

const portText = (p: PathResult) => `${p.port.port}/${p.port.protocol}`;

/** Load-balancer paths grouped per (external, LB). Only the load-balancer entry (not node ports). */
export function lbGroups(model: Model, paths: readonly PathResult[]): Map<string, PathResult[]> {
  const out = new Map<string, PathResult[]>();
  for (const p of paths) {
    if (p.via !== 'loadbalancer' || !model.externals[p.sourceId] || model.services[p.serviceId]?.type !== 'LoadBalancer') continue;
    const key = `${p.sourceId}>${p.serviceId}`;
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
  return out;
}

/** Whether the load balancer itself admits (some part of) the source on this path. */
const admittedAtLb = (p: PathResult) => !p.hops.some((h) => h.kind === 'source-range' && h.verdict === 'block');

/** Ports the LB admits from the source, in service-port order, with the overall outcome per port. */
export function admittedPorts(paths: readonly PathResult[]): { port: string; outcome: ReachSummary }[] {
  const byPort = new Map<string, PathOutcome[]>();
  for (const p of paths) {
    if (!admittedAtLb(p)) continue;
    const k = portText(p);
    byPort.set(k, [...(byPort.get(k) ?? []), p.outcome]);
  }
  return [...byPort.entries()].map(([port, outcome]) => ({ port, outcome: aggregateOutcome(outcome) }));
}

/** Readable names of the unknown cluster settings the admitted, not-reaching paths wait for. */
export function unknownSettings(paths: readonly PathResult[]): string[] {
  const out = new Set<string>();
  for (const p of paths) if (admittedAtLb(p) && p.outcome !== 'reach' && p.seen.unknown) out.add(UNKNOWN_SETTING_LABEL[p.seen.unknown]);
  return [...out];
}

/**
 * What an external network -> load balancer edge says: the admitted ports, and the cluster
 * settings a conditional path waits for (`80/TCP, 443/TCP ◐ if node CIDRs set`). Empty when the
 * load balancer admits nothing from it.
 */
export function lbEntryLabel(group: readonly PathResult[]): string {
  const ports = admittedPorts(group);
  if (ports.length === 0) return '';
  const needs = unknownSettings(group);
  return `${ports.map((p) => p.port).join(', ')}${needs.length ? ` ◐ if ${needs.join(', ')} set` : ''}`;
}

export interface LbEdgeInput {
  base: CanvasEdgeOutput;
  model: Model;
  reach: Reachability | null;
  paths: readonly PathResult[];
  results: readonly AssertionResult[];
  selection: ReadonlySet<Id>;
  /** The drawn node of a canvas node (a workload of a collapsed namespace: the namespace). */
  drawn: (id: Id) => Id;
}

const withClass = (e: CanvasEdge, cls: string): CanvasEdge => ({ ...e, className: [e.className, cls].filter(Boolean).join(' ') });
/** The edge's own look classes (lb-*, assert-*), without focus state. */
const lookOf = (e: CanvasEdge) => (e.className ?? '').split(' ').filter((c) => c.startsWith('lb-') || c.startsWith('assert-')).join(' ');

export function lbEdges(input: LbEdgeInput): CanvasEdgeOutput {
  const { base, model, reach, paths, results, selection, drawn } = input;
  const groups = lbGroups(model, paths);
  const extra: CanvasEdge[] = [];

  for (const group of groups.values()) {
    const ports = admittedPorts(group);
    if (ports.length === 0) continue;
    const { sourceId, serviceId } = group[0];
    // A path that waits for an unknown cluster assumption is drawn as conditional, saying what to set.
    const needs = unknownSettings(group);
    extra.push({
      // A folded load balancer (overview.ts) is drawn by its namespace's card: the path ends there.
      id: formatEdgeId({ kind: 'ext', externalId: sourceId, serviceId }), source: sourceId, target: drawn(loadBalancerNodeId(serviceId)),
      kind: 'service', label: lbEntryLabel(group),
      color: COLOR.external, className: needs.length ? 'lb-ext lb-conditional' : 'lb-ext',
      ...(needs.length ? { needs, state: 'conditional' as const } : {}),
    });
  }

  const byId = new Map(results.map((r) => [r.id, r]));
  for (const a of Object.values(model.assertions ?? {})) {
    const s0 = endpointNodeId(model, a.fromId);
    const t0 = endpointNodeId(model, a.toId);
    const r = byId.get(a.id);
    if (!s0 || !t0 || !r) continue;
    const s = drawn(s0);
    const t = drawn(t0);
    if (r.ok && !selection.has(s0) && !selection.has(t0)) continue;
    const what = `${a.expect === 'reach' ? 'must reach' : 'must not reach'} ${a.port}/${a.protocol}`;
    const src = reach ? endpointIdOf(reach, a.fromId) : undefined;
    const dst = reach ? endpointIdOf(reach, a.toId) : undefined;
    extra.push({
      id: formatEdgeId({ kind: 'assert', assertionId: a.id }), source: s, target: t, kind: 'deny',
      label: `${r.ok ? '✓' : '✗'} ${what}`, color: r.ok ? COLOR.assertOk : COLOR.assert,
      className: r.ok ? 'lb-assert assert-ok' : 'lb-assert assert-fail',
      assertionId: a.id, state: r.ok ? 'met' : 'blocked',
      ...(src && dst && serviceIdOfLoadBalancerNode(a.toId) === undefined ? { explain: { src, dst, query: { protocol: a.protocol, port: a.port } } } : {}),
    });
  }

  // Path highlight for a selected external network or load balancer.
  const picked = [...selection];
  const one = picked.length === 1 ? picked[0] : undefined;
  const lbSvc = one ? serviceIdOfLoadBalancerNode(one) : undefined;
  const isExt = one !== undefined && !!model.externals[one];
  if (!one || (!isExt && !(lbSvc && model.services[lbSvc]))) {
    const dimmed = base.focus
      ? extra.map((e) => withClass(e, selection.has(e.source) || selection.has(e.target) ? 'is-focus' : 'is-dimmed'))
      : extra;
    return { ...base, edges: dimmed.length ? [...base.edges, ...dimmed] : base.edges };
  }
  const relevant = [...groups.values()].flat().filter((p) => (isExt ? p.sourceId === one : p.serviceId === lbSvc));
  const focus = new Set<Id>([one]);
  // Per drawn service edge (LB -> backend, or LB -> collapsed namespace): outcomes per port.
  const perEdge = new Map<string, { outcomes: PathOutcome[]; ports: Map<string, PathOutcome[]> }>();
  const reachedLbs = new Set<Id>();
  const reachedExts = new Set<Id>();
  for (const p of relevant) {
    if (!admittedAtLb(p)) continue;
    const lbId = loadBalancerNodeId(p.serviceId);
    reachedLbs.add(lbId);
    reachedExts.add(p.sourceId);
    focus.add(lbId);
    focus.add(p.sourceId);
    if (!p.backendId) continue;
    const at = drawn(p.backendId);
    focus.add(at);
    const ns = model.workloads[p.backendId]?.namespaceId;
    if (ns) focus.add(ns);
    const key = at === p.backendId
      ? formatEdgeId({ kind: 'svc', serviceId: p.serviceId, workloadId: p.backendId })
      : formatEdgeId({ kind: 'nsreach', src: lbId, dst: at });
    const entry = perEdge.get(key) ?? { outcomes: [] as PathOutcome[], ports: new Map<string, PathOutcome[]>() };
    perEdge.set(key, entry);
    entry.outcomes.push(p.outcome);
    const pt = `${p.port.port}${p.targetPort !== undefined && p.targetPort !== p.port.port ? `→${p.targetPort}` : ''}`;
    entry.ports.set(pt, [...(entry.ports.get(pt) ?? []), p.outcome]);
  }
  const edges: CanvasEdge[] = [];
  for (const e of [...base.edges, ...extra]) {
    const entry = perEdge.get(e.id);
    const ref = parseEdgeId(e.id);
    if (entry && e.kind === 'service') {
      const outcome = aggregateOutcome(entry.outcomes);
      const label = [...entry.ports.entries()].map(([pt, os]) => `${pt} ${MARK[aggregateOutcome(os)]}`).join(', ');
      edges.push({ ...e, className: `lb-path is-focus ${TONE[outcome]}`, label });
    } else if (ref?.kind === 'ext' && ((isExt && e.source === one && reachedLbs.has(e.target)) || (!isExt && e.target === one && reachedExts.has(e.source)))) {
      const mine = relevant.filter((p) => p.sourceId === e.source && loadBalancerNodeId(p.serviceId) === e.target);
      const ports = admittedPorts(mine);
      const outcome = aggregateOutcome(ports.map((p) => (p.outcome === 'partial' ? 'conditional' : p.outcome)));
      edges.push({ ...e, className: `${lookOf(e)} lb-path is-focus ${TONE[outcome]}`.trim(), label: ports.map((p) => `${p.port} ${MARK[p.outcome]}`).join(', ') });
    } else if (ref?.kind === 'assert' && focus.has(e.source) && focus.has(e.target)) {
      edges.push({ ...e, className: `${lookOf(e)} is-focus`.trim() });
    } else {
      edges.push({ ...e, className: `${lookOf(e)} is-dimmed`.trim() });
    }
  }
  return { ...base, edges, focus };
}
