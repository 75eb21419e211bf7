// Why a connection is (not) allowed: per side, the isolating policies and matching rules.
// Walks the policies directly (no classes), and is tested to agree with evaluate().
//
// Public API:
//   explain(model, srcEndpointId, dstEndpointId, query?): Explanation
//   resolveEndpoint(model, text): { ok: true, endpoint } | { ok: false, error }
//   sideAllows(side, query?): whether one side lets the connection (or the queried port) through
//     text = `ns/name` (workload), an endpoint id, or a CIDR / IP (ad-hoc external endpoint)

import type { ClusterPolicy, Model, NetworkPolicy, Protocol, Workload } from '../model/types.ts';
import { combineTiers, rulesOf, tierDecide, type TierResult } from './cluster-rules.ts';
import { parseCidr } from '../net/ip.ts';
import { ipSetOf } from '../net/ipset.ts';
import { buildEndpoints } from './endpoints.ts';
import { policiesSelecting } from './evaluate.ts';
import { isPolicyPod, namespaceOf, ruleConnToward, ruleMatchesPeer, rulesFor, type PeerRef } from './np-rules.ts';
import { allConn, contains, describeConn, emptyConn, equals, intersect, isEmpty, subtract, union } from './portset.ts';
import type { ChainStep, ConnSet, Endpoint, Explanation, RuleContribution, SideExplanation } from './reachability-types.ts';

interface Resolved {
  endpoint: Endpoint;
  ref: PeerRef;
}

// Models are immutable: the endpoints of one model are built once, however many pairs are explained
// (the canvas explains the edges it marks as denied by a cluster policy).
const builtCache = new WeakMap<Model, { built: ReturnType<typeof buildEndpoints>; index: Map<string, number> }>();
function endpointsOf(model: Model): { built: ReturnType<typeof buildEndpoints>; index: Map<string, number> } {
  let hit = builtCache.get(model);
  if (!hit) {
    const built = buildEndpoints(model);
    hit = { built, index: new Map(built.endpoints.map((e, i) => [e.id, i])) };
    builtCache.set(model, hit);
  }
  return hit;
}

function lookup(model: Model, id: string): Resolved | undefined {
  const { built, index } = endpointsOf(model);
  const i = index.get(id) ?? -1;
  if (i >= 0) return { endpoint: built.endpoints[i], ref: built.refs[i] };
  const c = parseCidr(id.replace(/^ip:/, ''));
  if (!c.ok) return undefined;
  return {
    endpoint: { id: `ip:${c.canonical}`, kind: 'external', modelId: `ip:${c.canonical}`, name: c.canonical, cidrs: [c.canonical] },
    ref: { kind: 'addresses', set: ipSetOf([c.canonical]), node: false },
  };
}

export function resolveEndpoint(model: Model, text: string): { ok: true; endpoint: Endpoint } | { ok: false; error: string } {
  const t = text.trim();
  const { built } = endpointsOf(model);
  const byId = built.endpoints.find((e) => e.id === t);
  if (byId) return { ok: true, endpoint: byId };
  if (t.includes('/') && !parseCidr(t).ok) {
    const byName = built.endpoints.find((e) => e.kind === 'workload' && e.name === t);
    if (byName) return { ok: true, endpoint: byName };
    const [ns] = t.split('/');
    const known = Object.values(model.namespaces).some((n) => n.name === ns);
    return { ok: false, error: known ? `no workload named '${t}'` : `no workload named '${t}' (unknown namespace '${ns}')` };
  }
  const byExternalName = built.endpoints.find((e) => e.kind !== 'workload' && e.name === t);
  if (byExternalName) return { ok: true, endpoint: byExternalName };
  // An external network that ipBlocks split into parts has no single answer: name the parts.
  const ext = Object.values(model.externals).find((x) => x.name === t || x.id === t);
  if (ext) {
    const parts = built.endpoints.filter((e) => e.kind === 'external' && e.modelId === ext.id);
    const list = parts.map((p) => {
      const cidrs = p.cidrs ?? [];
      return `${p.id} (${cidrs.slice(0, 3).join(', ')}${cidrs.length > 3 ? `, ... ${cidrs.length - 3} more` : ''})`;
    });
    return { ok: false, error: `'${t}' is split into ${parts.length} parts that policies treat differently; ask about one part by id: ${list.join('; ')}, or about an address inside it` };
  }
  const c = parseCidr(t);
  if (c.ok) return { ok: true, endpoint: lookup(model, c.canonical)!.endpoint };
  return { ok: false, error: `'${text}' is neither namespace/name of a workload, an endpoint, nor an IP/CIDR (${c.error})` };
}

const policyName = (model: Model, np: NetworkPolicy): string => `${namespaceOf(model, np.namespaceId).name}/${np.name}`;

function side(model: Model, dir: 'Egress' | 'Ingress', subject: Resolved, peer: Resolved, dstWorkload: Workload | undefined): SideExplanation {
  const profile = model.cluster.profile;
  const base = { direction: dir, subject: subject.endpoint.id, isolatingPolicies: [] as string[], contributions: [] as RuleContribution[] };
  if (subject.ref.kind !== 'workload' || !isPolicyPod(subject.ref.workload, profile)) return { ...base, status: 'not-a-pod', allowed: allConn() };
  if (subject.endpoint.id === peer.endpoint.id) return { ...base, status: 'self', allowed: allConn() };
  const w = subject.ref.workload;
  const pols = policiesSelecting(model, w, dir);
  // Own node: cluster policies' ingress peers are pods only, so they never decide node traffic.
  if (dir === 'Ingress' && pols.length > 0 && isOwnNode(model, peer, w)) return { ...base, isolatingPolicies: pols.map((p) => p.id), status: 'own-node', allowed: allConn() };
  let np: ConnSet | null = null;
  const contributions: RuleContribution[] = [];
  if (pols.length > 0) {
    np = emptyConn();
    for (const p of pols) {
      rulesFor(p, dir).forEach((rule, ruleIndex) => {
        if (!ruleMatchesPeer(model, rule, dir, p.namespaceId, peer.ref)) return;
        const conn = ruleConnToward(rule, dstWorkload, profile);
        contributions.push({ policyId: p.id, ruleIndex, allowed: conn });
        np = union(np!, conn);
      });
    }
  }
  const npSide: SideExplanation = pols.length === 0
    ? { ...base, status: 'not-isolated', allowed: allConn() }
    : { ...base, isolatingPolicies: pols.map((p) => p.id), status: 'isolated', contributions, allowed: np! };
  if (!model.clusterPolicies || Object.keys(model.clusterPolicies).length === 0) return npSide;
  const admin = tierDecide(model, 'Admin', dir, w, peer.ref, dstWorkload);
  const baseline = tierDecide(model, 'Baseline', dir, w, peer.ref, dstWorkload);
  if (admin.steps.length === 0 && baseline.steps.length === 0) return npSide;
  const allowed = combineTiers(admin, np, baseline);
  const rest = subtract(subtract(allConn(), admin.accepted), admin.denied);
  // Baseline decisions only count for what reached that tier (not isolated by a NetworkPolicy).
  const baselineSteps = np === null ? baseline.steps.map((st) => ({ ...st, conn: intersect(st.conn, rest) })).filter((st) => !isEmpty(st.conn)) : [];
  const chain = chainSteps(model, npSide, admin, np, baselineSteps, rest, allowed);
  return {
    ...npSide,
    allowed,
    ...(np !== null ? { networkPolicyAllowed: np } : {}),
    admin: admin.steps,
    baseline: baselineSteps,
    tierNotes: chain.map((st) => st.text),
    chain,
  };
}

/** `Admin \`name\` (priority 10)`, or `Baseline \`default\`` for the v1alpha1 singleton. */
export function clusterPolicyLabel(p: ClusterPolicy): string {
  return p.version === 'v1alpha1' && p.tier === 'Baseline' ? `Baseline \`${p.name}\`` : `${p.tier} \`${p.name}\` (priority ${p.priority})`;
}

function stepText(model: Model, dir: 'Egress' | 'Ingress', st: TierResult['steps'][number]): string {
  const p = model.clusterPolicies![st.policyId];
  const rule = rulesOf(p, dir)[st.ruleIndex];
  const ruleName = rule?.name ? `\`${rule.name}\`` : `${dir.toLowerCase()}[${st.ruleIndex}]`;
  const tie = st.tie ? ' (another policy of this tier has the same priority and also matches: the API leaves their order undefined)' : '';
  return `${clusterPolicyLabel(p)} rule ${ruleName}: ${st.action} ${describeConn(st.conn)}${tie}`;
}

/** The chain as steps: Admin decisions, then the NetworkPolicy tier, then Baseline, then the verdict. */
function chainSteps(model: Model, npSide: SideExplanation, admin: TierResult, np: ConnSet | null, baselineSteps: TierResult['steps'], rest: ConnSet, allowed: ConnSet): ChainStep[] {
  const dir = npSide.direction;
  const npNames = (ids: readonly string[]) => ids.map((id) => `\`${policyName(model, model.policies[id])}\``).join(', ');
  const decision = (tier: 'Admin' | 'Baseline', st: TierResult['steps'][number], prefix = ''): ChainStep => ({
    tier, kind: 'decision', text: `${prefix}${stepText(model, dir, st)}`, clusterPolicyId: st.policyId, action: st.action,
  });
  const steps: ChainStep[] = admin.steps.map((st) => decision('Admin', st));
  if (np !== null && !isEmpty(intersect(admin.denied, np))) {
    const ids = [...new Set(npSide.contributions.filter((c) => !isEmpty(intersect(c.allowed, admin.denied))).map((c) => c.policyId))];
    steps.push({ tier: 'NetworkPolicy', kind: 'overridden', policyIds: ids,
      text: `— the NetworkPolicy allow ${npNames(ids)} never takes effect for ${describeConn(intersect(admin.denied, np))}` });
  }
  if (!isEmpty(rest)) {
    if (np !== null) {
      const got = intersect(rest, np);
      // Name the policies whose rules let something of the rest through; if none, the isolating ones.
      const allowing = [...new Set(npSide.contributions.filter((c) => !isEmpty(intersect(c.allowed, rest))).map((c) => c.policyId))];
      steps.push(isEmpty(got)
        ? { tier: 'NetworkPolicy', kind: 'network-policy', policyIds: npSide.isolatingPolicies, text: `→ NetworkPolicy ${npNames(npSide.isolatingPolicies)} isolates the pod and allows none of the rest` }
        : { tier: 'NetworkPolicy', kind: 'network-policy', policyIds: allowing, text: `→ NetworkPolicy ${npNames(allowing)} allows ${describeConn(got)}` });
    } else {
      steps.push({ tier: 'NetworkPolicy', kind: 'to-baseline', text: '→ no NetworkPolicy selects the pod for this direction: on to the Baseline tier' });
      for (const st of baselineSteps) steps.push(decision('Baseline', st, '→ '));
      if (baselineSteps.length === 0) steps.push({ tier: 'Default', kind: 'default', text: '→ no Baseline rule matches: default allow' });
    }
  }
  const outcome = isEmpty(allowed) ? 'denied' : equals(allowed, allConn()) ? 'allowed' : 'partial';
  steps.push({ tier: 'Result', kind: 'result', outcome, text: outcome === 'denied' ? '→ denied' : outcome === 'allowed' ? '→ allowed' : `→ allowed ${describeConn(allowed)}` });
  return steps;
}

// The node endpoint stands for the nodes other than the destination's own (see evaluate.ts);
// a hostNetwork workload (node traffic) is the own node when both sit on the same named node.
function isOwnNode(model: Model, peer: Resolved, dst: Workload): boolean {
  if (peer.ref.kind === 'addresses' && peer.ref.nodeName !== undefined) return peer.ref.nodeName === dst.nodeName;
  const src = peer.ref.kind === 'workload' ? peer.ref.workload : undefined;
  return !!src && !isPolicyPod(src, model.cluster.profile) && !!src.nodeName && src.nodeName === dst.nodeName;
}

/** Whether one side of an explanation lets the connection (or the queried port) through. */
export function sideAllows(side: SideExplanation, query?: { protocol: Protocol; port: number }): boolean {
  return query ? contains(side.allowed, query.protocol, query.port) : !isEmpty(side.allowed);
}

export function explain(model: Model, srcEndpointId: string, dstEndpointId: string, query?: { protocol: Protocol; port: number }): Explanation {
  const src = lookup(model, srcEndpointId);
  const dst = lookup(model, dstEndpointId);
  if (!src) throw new Error(`unknown endpoint '${srcEndpointId}'`);
  if (!dst) throw new Error(`unknown endpoint '${dstEndpointId}'`);
  const dstWorkload = dst.ref.kind === 'workload' ? dst.ref.workload : undefined;
  const egress = side(model, 'Egress', src, dst, dstWorkload);
  const ingress = side(model, 'Ingress', dst, src, dstWorkload);
  const allowed = src.endpoint.id === dst.endpoint.id ? allConn() : intersect(egress.allowed, ingress.allowed);
  const verdict = query
    ? contains(allowed, query.protocol, query.port) ? 'allowed' : 'denied'
    : isEmpty(allowed) ? 'denied' : equals(allowed, allConn()) ? 'allowed' : 'partial';
  const summary = [
    sideSummary(model, egress, src.endpoint, dst.endpoint),
    sideSummary(model, ingress, dst.endpoint, src.endpoint),
    query
      ? `Result: ${query.protocol}/${query.port} from ${src.endpoint.name} to ${dst.endpoint.name} is ${verdict}.`
      : `Result: ${src.endpoint.name} -> ${dst.endpoint.name}: ${verdict === 'denied' ? 'denied' : `allowed ${describeConn(allowed)}`}.`,
    ...(src.endpoint.kind === 'node' && ingress.status === 'isolated'
      ? [`Note: this is traffic from other nodes; the pod's own node (kubelet probes, traffic SNATed on that node) is always allowed.`]
      : []),
  ];
  return { src: src.endpoint, dst: dst.endpoint, ...(query ? { query } : {}), allowed, verdict, egress, ingress, summary };
}

function sideSummary(model: Model, s: SideExplanation, subject: Endpoint, peer: Endpoint): string {
  const at = `${s.direction} at ${subject.name}`;
  if (s.tierNotes) return `${at}: ${s.tierNotes.join(' ')}.`;
  switch (s.status) {
    case 'not-a-pod': return `${at}: not a pod, no NetworkPolicy applies.`;
    case 'self': return `${at}: a pod may always talk to itself.`;
    case 'own-node': return `${at}: traffic from the pod's own node is always allowed.`;
    case 'not-isolated': return `${at} is not isolated (no policy selects it for ${s.direction.toLowerCase()}): everything allowed.`;
    default: break;
  }
  const names = s.isolatingPolicies.map((id) => policyName(model, model.policies[id])).join(', ');
  const verb = s.direction === 'Ingress' ? 'admits' : 'allows traffic to';
  if (s.contributions.length === 0) return `${at} is isolated by ${names}; no rule ${verb} ${peer.name}.`;
  const rules = s.contributions
    .map((c) => `${policyName(model, model.policies[c.policyId])} ${s.direction.toLowerCase()}[${c.ruleIndex}] allows ${describeConn(c.allowed)}`)
    .join('; ');
  return `${at} is isolated by ${names}; ${rules}.`;
}
