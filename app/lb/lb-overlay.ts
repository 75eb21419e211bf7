// Canvas overlay for external traffic and assertions, on top of build-edges.ts:
//  - an edge from each external network to each load balancer that admits it (source ranges),
//    labelled with the admitted ports;
//  - with an external network or a load balancer selected, the path to every backend and port
//    is highlighted (edges coloured by the core's verdict), everything else dimmed;
//  - assertion edges: violated ones always (red), passing ones around the selection.
// All verdicts come from src/services/paths.ts and src/assertions/check.ts.

import { useMemo } from 'react';
import { MarkerType } from '@xyflow/react';
import type { Id, Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';
import { endpointIdOf } from '../../src/policy/reachability.ts';
import type { PathOutcome, PathResult } from '../../src/services/paths.ts';
import type { AssertionResult } from '../../src/assertions/check.ts';
import { aggregateOutcome, type ReachSummary } from '../../src/services/reach.ts';
import { loadBalancerLayoutId, serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import type { EdgeOutput } from '../flow/build-edges.ts';
import type { FlowEdge } from '../flow/flow-types.ts';
import { useReachability } from '../state/reachability.ts';
import { assertionResultsOf, pathList } from './derived.ts';

const COLOR = { external: '#d97706', assert: '#dc2626', assertOk: '#7c3aed' };
const MARK: Record<ReachSummary, string> = { reach: '✓', 'no-reach': '✗', conditional: '◐', partial: '◐' };

// The edge component styles by kind; these edges reuse the closest kind ('service' for the
// external entry, 'deny' for assertions) and get their look from the wrapper class `cls`
// (app/lb/lb.css), their labels from the id prefix (`ext:`, `assert:`).
function mkEdge(id: string, source: Id, target: Id, kind: 'external' | 'assert', label: string, color: string, cls: string, extra: Record<string, unknown> = {}): FlowEdge {
  return {
    id, source, target, type: 'floating',
    className: cls,
    data: { kind: kind === 'external' ? 'service' : 'deny', label, ...extra },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    deletable: false,
    selectable: true,
  };
}

const portText = (p: PathResult) => `${p.port.port}/${p.port.protocol}`;

/** Load-balancer paths grouped per (external, LB). Only the load-balancer entry (not node ports). */
function lbGroups(model: Model, paths: PathResult[]): Map<string, PathResult[]> {
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
export function admittedPorts(paths: PathResult[]): { port: string; outcome: ReachSummary }[] {
  const byPort = new Map<string, PathOutcome[]>();
  for (const p of paths) {
    if (!admittedAtLb(p)) continue;
    const k = portText(p);
    byPort.set(k, [...(byPort.get(k) ?? []), p.outcome]);
  }
  return [...byPort.entries()].map(([port, outcomes]) => ({ port, outcome: aggregateOutcome(outcomes) }));
}

function canvasId(model: Model, id: string): Id | null {
  if (model.workloads[id] || model.externals[id]) return id;
  const svc = serviceIdOfLoadBalancer(id);
  if (svc && model.services[svc]?.type === 'LoadBalancer') return id;
  return null;
}

/** Evaluator endpoint id of a model object (first part of a split external), for explain. */
function endpointOf(reach: Reachability | null, id: string): string | undefined {
  return reach ? endpointIdOf(reach, id) : undefined;
}

export interface OverlayInput {
  base: EdgeOutput;
  model: Model;
  reach: Reachability | null;
  paths: PathResult[];
  results: AssertionResult[];
  selection: ReadonlySet<Id>;
}

export function lbOverlay(input: OverlayInput): EdgeOutput {
  const { base, model, reach, paths, results, selection } = input;
  const groups = lbGroups(model, paths);
  const extra: FlowEdge[] = [];

  for (const [key, group] of groups) {
    const ports = admittedPorts(group);
    if (ports.length === 0) continue;
    const { sourceId, serviceId } = group[0];
    extra.push(mkEdge(`ext:${key}`, sourceId, loadBalancerLayoutId(serviceId), 'external', ports.map((p) => p.port).join(', '), COLOR.external, 'lb-ext'));
  }

  // Assertion edges.
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const a of Object.values(model.assertions ?? {})) {
    const s = canvasId(model, a.fromId);
    const t = canvasId(model, a.toId);
    const r = byId.get(a.id);
    if (!s || !t || !r) continue;
    if (r.ok && !selection.has(s) && !selection.has(t)) continue;
    const what = `${a.expect === 'reach' ? 'must reach' : 'must not reach'} ${a.port}/${a.protocol}`;
    const src = endpointOf(reach, a.fromId);
    const dst = endpointOf(reach, a.toId);
    extra.push(mkEdge(`assert:${a.id}`, s, t, 'assert', `${r.ok ? '✓' : '✗'} ${what}`, r.ok ? COLOR.assertOk : COLOR.assert, r.ok ? 'lb-assert assert-ok' : 'lb-assert assert-fail', {
      assertionId: a.id,
      // The edge component puts `intent-<state>` on the label: it colours the assertion label.
      state: r.ok ? 'met' : 'blocked',
      ...(src && dst && serviceIdOfLoadBalancer(a.toId) === undefined ? { explain: { src, dst, query: { protocol: a.protocol, port: a.port } } } : {}),
    }));
  }

  // Path highlight for a selected external network or load balancer.
  const picked = [...selection];
  const one = picked.length === 1 ? picked[0] : undefined;
  const lbSvc = one ? serviceIdOfLoadBalancer(one) : undefined;
  const isExt = one !== undefined && !!model.externals[one];
  if (!one || (!isExt && !(lbSvc && model.services[lbSvc]))) {
    if (base.focus) {
      for (const e of extra) {
        const near = selection.has(e.source) || selection.has(e.target);
        e.className = `${e.className ?? ''} ${near ? 'is-focus' : 'is-dimmed'}`;
      }
    }
    return { ...base, edges: extra.length ? [...base.edges, ...extra] : base.edges };
  }
  const relevant = [...groups.values()].flat().filter((p) => (isExt ? p.sourceId === one : p.serviceId === lbSvc));
  const focus = new Set<Id>([one]);
  // Per (LB, backend): outcome and per-port verdicts for the service-edge label.
  const perBackend = new Map<string, { outcomes: PathOutcome[]; ports: Map<string, PathOutcome[]> }>();
  const reachedLbs = new Set<Id>();
  const reachedExts = new Set<Id>();
  for (const p of relevant) {
    if (!admittedAtLb(p)) continue;
    const lbId = loadBalancerLayoutId(p.serviceId);
    reachedLbs.add(lbId);
    reachedExts.add(p.sourceId);
    focus.add(lbId);
    focus.add(p.sourceId);
    if (!p.backendId) continue;
    focus.add(p.backendId);
    const ns = model.workloads[p.backendId]?.namespaceId;
    if (ns) focus.add(ns);
    const key = `svc:${p.serviceId}>${p.backendId}`;
    const entry = perBackend.get(key) ?? { outcomes: [] as PathOutcome[], ports: new Map<string, PathOutcome[]>() };
    perBackend.set(key, entry);
    entry.outcomes.push(p.outcome);
    const pt = `${p.port.port}${p.targetPort !== undefined && p.targetPort !== p.port.port ? `→${p.targetPort}` : ''}`;
    entry.ports.set(pt, [...(entry.ports.get(pt) ?? []), p.outcome]);
  }
  const TONE: Record<ReachSummary, string> = { reach: 'path-reach', 'no-reach': 'path-block', conditional: 'path-caveat', partial: 'path-caveat' };
  const keep = (e: FlowEdge) => (e.className ?? '').split(' ').filter((c) => c.startsWith('lb-')).join(' ');
  const edges: FlowEdge[] = [];
  for (const e of [...base.edges, ...extra]) {
    const svcEntry = perBackend.get(e.id);
    if (svcEntry && e.data) {
      const outcome = aggregateOutcome(svcEntry.outcomes);
      const label = [...svcEntry.ports.entries()].map(([pt, os]) => `${pt} ${MARK[aggregateOutcome(os)]}`).join(', ');
      edges.push({ ...e, className: `lb-path is-focus ${TONE[outcome]}`, data: { ...e.data, label } });
    } else if (e.data && e.id.startsWith('ext:') && ((isExt && e.source === one && reachedLbs.has(e.target)) || (!isExt && e.target === one && reachedExts.has(e.source)))) {
      const mine = relevant.filter((p) => p.sourceId === e.source && loadBalancerLayoutId(p.serviceId) === e.target);
      const ports = admittedPorts(mine);
      const outcome = aggregateOutcome(ports.map((p) => (p.outcome === 'partial' ? 'conditional' : p.outcome)));
      edges.push({ ...e, className: `${keep(e)} lb-path is-focus ${TONE[outcome]}`, data: { ...e.data, label: ports.map((p) => `${p.port} ${MARK[p.outcome]}`).join(', ') } });
    } else if (e.id.startsWith('assert:') && focus.has(e.source) && focus.has(e.target)) {
      edges.push({ ...e, className: `${keep(e)} is-focus` });
    } else {
      edges.push({ ...e, className: `${keep(e)} is-dimmed` });
    }
  }
  return { ...base, edges, focus };
}

/** build-edges output plus the overlay, memoised on its inputs. */
export function useLbOverlay(base: EdgeOutput, model: Model, selection: ReadonlySet<Id>): EdgeOutput {
  const { reach, model: reachModel } = useReachability();
  return useMemo(() => {
    // Assertion results belong to the evaluated model (ids match the reach result).
    return lbOverlay({ base, model, reach, paths: pathList(model), results: assertionResultsOf(reachModel, reach), selection });
  }, [base, model, reach, reachModel, selection]);
}
