// What a change to the design does, ordered by risk for a reviewer: new exposure to external
// networks and through load balancers first, then new cross-namespace reach, then other new
// reach, then reach taken away, then changes to policies that did not change reachability.
// Each entry says why, from the core's explain() of the pair.
//
// The pair comparison is the CLI's diffReachability and the policy comparison its
// diffPolicies, so `netpol diff` and the review panel never disagree.

import { clusterPolicyDiffName, diffPolicies, isClusterPolicyDiffName, type PolicyDiff } from '../diff/policy-diff.ts';
import { diffReachability, type PairChange, type ReachDiff } from '../diff/reachability-diff.ts';
import type { Id, Model } from '../model/types.ts';
import { ipDifference, ipIsEmpty, ipSetOf, ipUnion, toCidrs, type IpSet } from '../net/ipset.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { connOf, emptyConn, isEmpty, union } from '../policy/portset.ts';
import type { ConnSet, Reachability } from '../policy/reachability-types.ts';
import { formatConnSet } from '../report/conn-format.ts';
import { mergeExternalParts } from './external-parts.ts';
import { externalPaths, type PathResult } from '../services/paths.ts';

export type ReviewChangeKind =
  | 'external-exposure'
  | 'lb-exposure'
  | 'cross-namespace'
  | 'egress-external'
  | 'reach-added'
  | 'reach-removed'
  | 'exposure-removed'
  | 'policy-added'
  | 'policy-changed'
  | 'policy-deleted';

export type Risk = 'high' | 'medium' | 'low';

export interface ReviewChange {
  kind: ReviewChangeKind;
  risk: Risk;
  title: string;
  /** Display names (`ns/name`, network names), as in `netpol diff`. */
  src?: string;
  dst?: string;
  /** Canvas ids of src and dst (in the new design, or the base one when deleted there). */
  srcId?: string;
  dstId?: string;
  /** For pairs: as in diffReachability (new pair, pair gone, or ports differ). */
  change?: 'added' | 'removed' | 'changed';
  added?: ConnSet;
  removed?: ConnSet;
  /** Load-balancer exposure: the Service and the client addresses that gained (lost) reach. */
  serviceId?: Id;
  cidrs?: string[];
  policyId?: Id;
  explanation: string[];
}

export interface ReviewInput {
  baseModel: Model;
  newModel: Model;
  baseReach?: Reachability;
  newReach?: Reachability;
  reachDiff?: ReachDiff;
  policyDiff?: PolicyDiff;
}

/** Explaining a pair walks the policies; beyond this many changes the rest get a pointer instead. */
export const MAX_EXPLAINED = 200;

const BAND: Record<ReviewChangeKind, number> = {
  'external-exposure': 0,
  'lb-exposure': 0,
  'cross-namespace': 1,
  'egress-external': 2,
  'reach-added': 2,
  'reach-removed': 3,
  'exposure-removed': 3,
  'policy-added': 4,
  'policy-changed': 4,
  'policy-deleted': 4,
};

/** Order inside a band: direct exposure before exposure through a Service, and so on. */
const KIND_ORDER = Object.keys(BAND) as ReviewChangeKind[];

// ---------------------------------------------------------------- endpoint names -> ids

interface Side {
  model: Model;
  reach: Reachability;
  byName: Map<string, string>;
  kindOf: Map<string, string>;
}

function side(model: Model, reach: Reachability): Side {
  const byName = new Map<string, string>();
  const kindOf = new Map<string, string>();
  for (const e of reach.endpoints) {
    if (!byName.has(e.name)) byName.set(e.name, e.id);
    kindOf.set(e.name, e.kind);
    if (e.kind === 'external') {
      const net = model.externals[e.modelId]?.name;
      if (net) kindOf.set(net, 'external');
    }
  }
  return { model, reach, byName, kindOf };
}

/**
 * An endpoint id explain() accepts for a diff name. External parts are named
 * `network [cidrs]` by the diff and may be split differently from this side; an address of the
 * part stands in for it then (explain takes CIDRs as ad-hoc endpoints).
 */
function endpointId(s: Side, name: string): string | undefined {
  const direct = s.byName.get(name);
  if (direct) return direct;
  const part = /^(.*) \[([^,\]]+)/.exec(name);
  if (part) return part[2].trim();
  const net = Object.values(s.model.externals).find((e) => e.name === name);
  return net?.cidrs[0];
}

/** The canvas id of a diff name: workload / external model id, or the node endpoint. */
function canvasId(s: Side, name: string): string | undefined {
  const id = s.byName.get(name);
  if (id) {
    const e = s.reach.endpoints[s.reach.endpointIndex[id]];
    return e?.modelId;
  }
  const net = name.replace(/ \[.*\]$/, '');
  return Object.values(s.model.externals).find((e) => e.name === net)?.id;
}

function kindOf(base: Side, next: Side, name: string): string {
  return next.kindOf.get(name) ?? base.kindOf.get(name) ?? next.kindOf.get(name.replace(/ \[.*\]$/, '')) ?? 'external';
}

const namespaceOfName = (name: string): string => name.slice(0, name.indexOf('/'));

// ---------------------------------------------------------------- pair changes

function classifyPair(base: Side, next: Side, c: PairChange): { kind: ReviewChangeKind; risk: Risk } {
  const srcKind = kindOf(base, next, c.src);
  const dstKind = kindOf(base, next, c.dst);
  if (isEmpty(c.added)) return { kind: 'reach-removed', risk: 'low' };
  if (srcKind === 'external') return { kind: 'external-exposure', risk: 'high' };
  if (srcKind === 'workload' && dstKind === 'workload' && namespaceOfName(c.src) !== namespaceOfName(c.dst)) {
    return { kind: 'cross-namespace', risk: 'medium' };
  }
  if (dstKind === 'external') return { kind: 'egress-external', risk: 'medium' };
  // Node traffic (hostNetwork, kubelet probes) is in-cluster but not pod-to-pod: medium.
  if (srcKind === 'node') return { kind: 'reach-added', risk: 'medium' };
  return { kind: 'reach-added', risk: 'low' };
}

function pairTitle(c: PairChange, kind: ReviewChangeKind): string {
  if (kind === 'reach-removed') {
    return c.change === 'removed'
      ? `${c.src} can no longer reach ${c.dst} (was ${formatConnSet(c.before)})`
      : `${c.src} → ${c.dst} no longer allows ${formatConnSet(c.removed)}`;
  }
  const what = formatConnSet(c.added);
  const lead = kind === 'external-exposure' ? 'External network ' : '';
  return c.change === 'added'
    ? `${lead}${c.src} can now reach ${c.dst} (${what})`
    : `${lead}${c.src} can now also reach ${c.dst} on ${what}`;
}

function explainPair(base: Side, next: Side, src: string, dst: string): string[] {
  // Why it is allowed now, or why it is denied now: both are questions about the new design.
  // A pair with an endpoint deleted from the design has no "now": say so.
  const s = endpointId(next, src);
  const d = endpointId(next, dst);
  if (!s || !d) {
    const gone = !s ? src : dst;
    return [`${gone} is not in the new design.`];
  }
  try {
    return explain(next.model, s, d).summary;
  } catch (e) {
    return [`No explanation: ${e instanceof Error ? e.message : String(e)}`];
  }
}

// ---------------------------------------------------------------- load-balancer exposure

interface ExposureGroup {
  sourceName: string;
  sourceId: string;
  serviceId: Id;
  serviceName: string;
  backendId: Id;
  backendName: string;
  /** Per `via|protocol|port|targetPort`: addresses that reach (reach or conditional). */
  reached: Map<string, { path: PathResult; set: IpSet }>;
}

function exposureGroups(paths: PathResult[]): Map<string, ExposureGroup> {
  const groups = new Map<string, ExposureGroup>();
  for (const p of paths) {
    if (p.outcome === 'no-reach' || !p.backendId || !p.backendName || p.targetPort === undefined) continue;
    // Keyed by names so a baseline from another file (other ids) still lines up.
    const key = `${p.sourceName}|${p.serviceName}|${p.backendName}`;
    let g = groups.get(key);
    if (!g) {
      g = { sourceName: p.sourceName, sourceId: p.sourceId, serviceId: p.serviceId, serviceName: p.serviceName, backendId: p.backendId, backendName: p.backendName, reached: new Map() };
      groups.set(key, g);
    }
    const portKey = `${p.via}|${p.port.protocol}|${p.port.port}|${p.targetPort}`;
    const prev = g.reached.get(portKey);
    const set = ipSetOf(p.cidrs);
    g.reached.set(portKey, { path: prev?.path ?? p, set: prev ? ipUnion(prev.set, set) : set });
  }
  return groups;
}

const viaText = (via: string) => (via === 'loadbalancer' ? 'load balancer' : 'node port');

/** Exposure present in `to` and not in `from`: one entry per source, Service and backend. */
function exposureDelta(from: Map<string, ExposureGroup>, to: Map<string, ExposureGroup>, gained: boolean): ReviewChange[] {
  const out: ReviewChange[] = [];
  for (const [key, g] of to) {
    const before = from.get(key);
    let conn = emptyConn();
    let cidrs: IpSet = [];
    const explanation: string[] = [];
    const vias = new Set<string>();
    const ports = new Set<string>();
    for (const [portKey, r] of g.reached) {
      const delta = ipDifference(r.set, before?.reached.get(portKey)?.set ?? []);
      if (ipIsEmpty(delta)) continue;
      conn = union(conn, connOf(r.path.port.protocol, r.path.targetPort));
      cidrs = ipUnion(cidrs, delta);
      vias.add(viaText(r.path.via));
      ports.add(`${r.path.port.protocol} ${r.path.port.port} → ${r.path.targetPort}`);
      if (explanation.length === 0) explanation.push(...r.path.hops.map((h) => h.text));
      else explanation.push(`Also via ${viaText(r.path.via)}: service port ${r.path.port.protocol} ${r.path.port.port} -> targetPort ${r.path.targetPort}.`);
    }
    if (isEmpty(conn)) continue;
    const from_ = toCidrs(cidrs);
    const through = `${[...vias].join(' and ')} ${g.serviceName} (service port ${[...ports].join(', ')})`;
    const title = gained
      ? `${g.sourceName} can now reach ${g.backendName} through ${through} from ${from_.join(', ')}`
      : `${g.sourceName} can no longer reach ${g.backendName} through ${through}`;
    out.push({
      kind: gained ? 'lb-exposure' : 'exposure-removed',
      risk: gained ? 'high' : 'low',
      title,
      src: g.sourceName,
      dst: g.backendName,
      srcId: g.sourceId,
      dstId: g.backendId,
      serviceId: g.serviceId,
      cidrs: from_,
      ...(gained ? { added: conn } : { removed: conn }),
      explanation: gained ? explanation : [`${g.sourceName} reached ${g.backendName} through ${through} before; it does not now.`],
    });
  }
  return out;
}

// ---------------------------------------------------------------- policies

function policyIdByName(model: Model, name: string): Id | undefined {
  if (isClusterPolicyDiffName(name)) return Object.values(model.clusterPolicies ?? {}).find((p) => clusterPolicyDiffName(p) === name)?.id;
  const slash = name.indexOf('/');
  const ns = name.slice(0, slash);
  const n = name.slice(slash + 1);
  return Object.values(model.policies).find((p) => p.name === n && (model.namespaces[p.namespaceId]?.name ?? '') === ns)?.id;
}

function policyChanges(base: Model, next: Model, d: PolicyDiff): ReviewChange[] {
  const out: ReviewChange[] = [];
  for (const name of d.added) {
    out.push({ kind: 'policy-added', risk: 'low', title: `Policy ${name} added`, policyId: policyIdByName(next, name), explanation: [] });
  }
  for (const c of d.changed) {
    out.push({ kind: 'policy-changed', risk: 'low', title: `Policy ${c.name} changed (${c.fields.join(', ')})`, policyId: policyIdByName(next, c.name), explanation: [] });
  }
  for (const name of d.removed) {
    out.push({ kind: 'policy-deleted', risk: 'low', title: `Policy ${name} deleted`, policyId: policyIdByName(base, name), explanation: [] });
  }
  return out;
}

/** For added and changed policies: the reach changes whose explanation cites the policy. */
function linkPolicies(all: ReviewChange[], next: Model): void {
  const pairs = all.filter((c) => c.src !== undefined && c.explanation.length > 0);
  for (const c of all) {
    if (!c.kind.startsWith('policy-')) continue;
    const np = c.policyId && c.kind !== 'policy-deleted' ? next.policies[c.policyId] : undefined;
    const cp = c.policyId && c.kind !== 'policy-deleted' ? next.clusterPolicies?.[c.policyId] : undefined;
    const name = np ? `${next.namespaces[np.namespaceId]?.name ?? '?'}/${np.name}` : undefined;
    // Explanations cite policies as `ns/name ingress[i]` or in the isolating list; cluster
    // policies as "Admin `name` (priority n)" in the tier chain.
    const cited = name ? pairs.filter((p) => p.explanation.some((l) => new RegExp(`(^|[\\s,])${escapeRegExp(name)}([\\s,;]|$)`).test(l)))
      : cp ? pairs.filter((p) => p.explanation.some((l) => l.includes(`${cp.tier} \`${cp.name}\``)))
      : [];
    if (cited.length > 0) c.explanation = [`Named in the explanations of: ${cited.map((p) => `${p.src} → ${p.dst}`).join(', ')}.`];
    else if (c.kind === 'policy-deleted') c.explanation = ['See the reachability changes above for what this removes; none means the other policies already covered it.'];
    else c.explanation = ['No reachability change cites this policy: the edit does not change who can reach whom, or its effect is masked by other policies.'];
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- entry points

/** Every change between two designs, most risky first. */
export function reviewChangesFrom(input: ReviewInput): ReviewChange[] {
  const { baseModel, newModel } = input;
  const baseReach = input.baseReach ?? evaluate(baseModel);
  const newReach = input.newReach ?? evaluate(newModel);
  const reachDiff = input.reachDiff ?? diffReachability(baseModel, baseReach, newModel, newReach);
  const policyDiff = input.policyDiff ?? diffPolicies(baseModel, newModel);
  const base = side(baseModel, baseReach);
  const next = side(newModel, newReach);

  // Which part of a split external network explain() asks about, per merged row.
  const explainNames = new Map<ReviewChange, { src: string; dst: string }>();
  const pairs: ReviewChange[] = mergeExternalParts(reachDiff.changes).map(({ change: c, cidrs, explainSrc, explainDst }) => {
    const { kind, risk } = classifyPair(base, next, c);
    const ids = kind === 'reach-removed' && c.change === 'removed' ? base : next;
    const srcId = canvasId(ids, c.src) ?? canvasId(base, c.src);
    const dstId = canvasId(ids, c.dst) ?? canvasId(base, c.dst);
    const row: ReviewChange = {
      kind,
      risk,
      title: pairTitle(c, kind),
      src: c.src,
      dst: c.dst,
      ...(srcId ? { srcId } : {}),
      ...(dstId ? { dstId } : {}),
      change: c.change,
      ...(isEmpty(c.added) ? {} : { added: c.added }),
      ...(isEmpty(c.removed) ? {} : { removed: c.removed }),
      ...(cidrs ? { cidrs } : {}),
      explanation: [],
    };
    if (explainSrc !== c.src || explainDst !== c.dst) explainNames.set(row, { src: explainSrc, dst: explainDst });
    return row;
  });

  const baseExposure = exposureGroups(externalPaths(baseModel));
  const newExposure = exposureGroups(externalPaths(newModel));
  const exposure = [...exposureDelta(baseExposure, newExposure, true), ...exposureDelta(newExposure, baseExposure, false)];

  const all = [...pairs, ...exposure, ...policyChanges(baseModel, newModel, policyDiff)];
  const byText = (a?: string, b?: string) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  const order = (k: ReviewChangeKind) => KIND_ORDER.indexOf(k);
  all.sort((a, b) => BAND[a.kind] - BAND[b.kind] || order(a.kind) - order(b.kind) || byText(a.src, b.src) || byText(a.dst, b.dst) || byText(a.title, b.title));

  let explained = 0;
  for (const c of all) {
    if (c.kind === 'lb-exposure' || c.kind === 'exposure-removed' || c.kind.startsWith('policy-')) continue;
    if (explained++ >= MAX_EXPLAINED) {
      c.explanation = [`Not explained here (more than ${MAX_EXPLAINED} changes): ask the Explain panel or \`netpol explain\` about this pair.`];
      continue;
    }
    const names = explainNames.get(c);
    c.explanation = explainPair(base, next, names?.src ?? c.src!, names?.dst ?? c.dst!);
  }
  linkPolicies(all, newModel);
  return all;
}

export function reviewChanges(baseModel: Model, newModel: Model): ReviewChange[] {
  return reviewChangesFrom({ baseModel, newModel });
}

// ---------------------------------------------------------------- canvas marks

export interface ReviewMarks {
  /** Keyed `srcId->dstId` with canvas ids (load balancers as `lb:<serviceId>`). */
  edges: Record<string, 'added' | 'removed' | 'changed'>;
  policies: Record<Id, 'added' | 'changed' | 'deleted'>;
}

export function reviewMarks(changes: readonly ReviewChange[]): ReviewMarks {
  const edges: ReviewMarks['edges'] = {};
  const policies: ReviewMarks['policies'] = {};
  const mark = (key: string, m: 'added' | 'removed' | 'changed') => {
    const prev = edges[key];
    edges[key] = prev && prev !== m ? 'changed' : m;
  };
  for (const c of changes) {
    if (c.policyId && c.kind.startsWith('policy-')) {
      policies[c.policyId] = c.kind === 'policy-added' ? 'added' : c.kind === 'policy-deleted' ? 'deleted' : 'changed';
      continue;
    }
    const src = c.srcId ?? c.src;
    const dst = c.dstId ?? c.dst;
    if (!src || !dst) continue;
    if (c.serviceId) {
      const m = c.kind === 'lb-exposure' ? 'added' : 'removed';
      mark(`${src}->lb:${c.serviceId}`, m);
      mark(`lb:${c.serviceId}->${dst}`, m);
      continue;
    }
    mark(`${src}->${dst}`, c.change ?? 'changed');
  }
  return { edges, policies };
}
