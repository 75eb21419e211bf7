// Lint of the cluster-wide tiers (semantics.md 3, 4 "YAML and admin policies"):
//   L-ANP-01 (W) two policies of one tier and priority that can match the same connection: undefined order
//   L-ANP-02 (I) a `networks` peer that also covers pod addresses (0.0.0.0/0 ...): pod traffic matches it too
//   L-ANP-03 (I) experimental fields (nodes, domainNames, named ports): need the experimental CRDs
//   L-ANP-04 (W) a rule shadowed by an earlier rule or a higher-priority policy: it never decides anything
//   L-ANP-05 (I) a NetworkPolicy allow that an Admin Deny overrides: it never takes effect
//   L-ANP-06 (W) a cluster policy whose subject selects no pod of the design
//   L-ANP-07 (W) Baseline denies that leave pods without DNS (every namespace default-deny, DNS forgotten)
//
// The pairwise checks (01, 04, 05, 07) walk one representative endpoint per evaluation class
// (members of a class behave identically under every policy), and are skipped above
// `shadowMaxWorkloads` classes like the NetworkPolicy shadow check.

import type { ClusterPolicy, Direction, Model, Workload } from '../model/types.ts';
import { clusterPeerMatches, clusterSubjectMatches, rulesOf, tierDecide, tierPolicies } from '../policy/cluster-rules.ts';
import { buildEndpoints } from '../policy/endpoints.ts';
import { clusterPolicyLabel } from '../policy/explain.ts';
import { isPolicyPod, namespaceOf, ruleConnToward, ruleMatchesPeer, rulesFor, type PeerRef } from '../policy/np-rules.ts';
import { policiesSelecting } from '../policy/evaluate.ts';
import { connOf, contains, describeConn, intersect, isEmpty, union, emptyConn } from '../policy/portset.ts';
import type { ConnSet } from '../policy/reachability-types.ts';
import { ipSetOf, ipIntersect } from '../net/ipset.ts';
import { parseCidr } from '../net/ip.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';

const kindOf = (p: ClusterPolicy): string =>
  p.version === 'v1alpha1' ? (p.tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy') : 'ClusterNetworkPolicy';
const objectOf = (p: ClusterPolicy): string => `${kindOf(p)} ${p.name}`;
const ruleLabel = (p: ClusterPolicy, dir: Direction, i: number): string => {
  const r = rulesOf(p, dir)[i];
  return r?.name ? `\`${r.name}\`` : `${dir.toLowerCase()}[${i}]`;
};
const rulePath = (p: ClusterPolicy, dir: Direction, i: number): string =>
  `spec.${dir.toLowerCase()}[${i}]`;

interface Sample { ep: string; ref: PeerRef; workload?: Workload }

/** One representative endpoint per evaluation class (or every endpoint without a reachability). */
function samples(ctx: LintContext): Sample[] {
  const built = buildEndpoints(ctx.model);
  const out: Sample[] = [];
  const seen = new Set<number>();
  built.endpoints.forEach((e, i) => {
    const c = ctx.reach ? ctx.reach.classOf[ctx.reach.endpointIndex[e.id] ?? -1] : undefined;
    if (c !== undefined) {
      if (seen.has(c)) return;
      seen.add(c);
    }
    const ref = built.refs[i];
    out.push({ ep: e.name, ref, ...(ref.kind === 'workload' ? { workload: ref.workload } : {}) });
  });
  return out;
}

/** The DNS pods: the design's `k8s-app: kube-dns` workloads, or a stand-in CoreDNS in kube-system. */
function dnsTargets(model: Model): Workload[] {
  const own = Object.values(model.workloads).filter((w) => w.podLabels['k8s-app'] === 'kube-dns');
  if (own.length) return own;
  const ks = Object.values(model.namespaces).find((n) => n.name === 'kube-system');
  return [{ id: 'lint:coredns', namespaceId: ks?.id ?? 'ns:kube-system', name: 'coredns', kind: 'Deployment', podLabels: { 'k8s-app': 'kube-dns' },
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }] }];
}

function npAllowed(model: Model, subject: Workload, dir: Direction, peer: PeerRef, dst: Workload | undefined): { conn: ConnSet; policies: string[] } | null {
  const pols = policiesSelecting(model, subject, dir);
  if (pols.length === 0) return null;
  let conn = emptyConn();
  const names: string[] = [];
  for (const np of pols) {
    for (const rule of rulesFor(np, dir)) {
      if (!ruleMatchesPeer(model, rule, dir, np.namespaceId, peer)) continue;
      const c = ruleConnToward(rule, dst, model.cluster.profile);
      if (isEmpty(c)) continue;
      conn = union(conn, c);
      const name = `${namespaceOf(model, np.namespaceId).name}/${np.name}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return { conn, policies: names };
}

function staticChecks(ctx: LintContext, pols: ClusterPolicy[]): LintFinding[] {
  const out: LintFinding[] = [];
  const model = ctx.model;
  const pods = Object.values(model.workloads).filter((w) => isPolicyPod(w, model.cluster.profile));
  const podIps = ipSetOf(pods.flatMap((w) => w.podIPs ?? []).filter((ip) => parseCidr(ip).ok).concat(model.cluster.podCidrs.filter((c) => parseCidr(c).ok)));
  for (const p of pols) {
    if (ctx.hasWorkloads && !pods.some((w) => clusterSubjectMatches(model, p, w))) {
      out.push({ id: 'L-ANP-06', severity: 'warning', objectId: p.id, object: objectOf(p), path: 'spec.subject',
        message: `${clusterPolicyLabel(p)} selects no pod of the design: none of its rules applies`,
        hint: 'Check the subject selectors against the namespace and pod labels (hostNetwork pods are never subjects).' });
    }
    const experimental = new Set<string>();
    for (const dir of ['Ingress', 'Egress'] as const) {
      rulesOf(p, dir).forEach((r, i) => {
        r.peers.forEach((peer, pi) => {
          if (peer.nodes) experimental.add('nodes');
          if (peer.domainNames) experimental.add('domainNames');
          if (peer.networks && ipIntersect(ipSetOf(peer.networks.filter((c) => parseCidr(c).ok)), podIps).length > 0) {
            out.push({ id: 'L-ANP-02', severity: 'info', objectId: p.id, object: objectOf(p), path: `${rulePath(p, dir, i)}.to[${pi}].networks`,
              message: `rule ${ruleLabel(p, dir, i)} (${r.action}) networks ${peer.networks.join(', ')} also match pod addresses: pod-to-pod traffic is ${r.action === 'Deny' ? 'denied' : r.action === 'Accept' ? 'accepted' : 'passed'} by it too`,
              hint: 'To keep it for traffic leaving the cluster, put a Pass (or the intended action) for pod peers (namespaces: {}) before this rule.' });
          }
        });
        if (r.ports?.some((x) => x.namedPort !== undefined)) experimental.add('named ports');
      });
    }
    if (experimental.size) {
      out.push({ id: 'L-ANP-03', severity: 'info', objectId: p.id, object: objectOf(p),
        message: `${clusterPolicyLabel(p)} uses experimental fields (${[...experimental].join(', ')})`,
        hint: 'They need the experimental channel of the network-policy-api CRDs and support in the network plugin; elsewhere the API server rejects or ignores them.' });
    }
  }
  return out;
}

export const clusterTierRules: LintRuleSet = {
  family: 'cluster-tiers',
  ids: ['L-ANP-01', 'L-ANP-02', 'L-ANP-03', 'L-ANP-04', 'L-ANP-05', 'L-ANP-06', 'L-ANP-07'],
  run(ctx) {
    const model = ctx.model;
    const pols = [...tierPolicies(model, 'Admin'), ...tierPolicies(model, 'Baseline')];
    if (pols.length === 0) return [];
    const out = staticChecks(ctx, pols);
    const all = samples(ctx);
    if (all.length > ctx.options.shadowMaxWorkloads) return out;
    const subjects = all.filter((s) => s.workload && isPolicyPod(s.workload, model.cluster.profile));

    const decided = new Set<string>(); // `${policyId}|${dir}|${ruleIndex}` that decided something
    const matched = new Set<string>(); // rules whose subject and peers match some pair
    const ties = new Map<string, { a: ClusterPolicy; b: ClusterPolicy; dir: Direction; example: string }>();
    const overridden = new Map<string, { np: string; admin: string; conn: ConnSet; example: string; objectId?: string }>();
    for (const s of subjects) {
      const w = s.workload!;
      const mine = pols.filter((p) => clusterSubjectMatches(model, p, w));
      if (mine.length === 0) continue;
      for (const peer of all) {
        if (peer === s) continue;
        for (const dir of ['Ingress', 'Egress'] as const) {
          const dst = dir === 'Egress' ? peer.workload : w;
          const pairText = dir === 'Egress' ? `${s.ep} -> ${peer.ep}` : `${peer.ep} -> ${s.ep}`;
          const matching = mine.filter((p) => rulesOf(p, dir).some((r, i) => {
            const hit = r.peers.some((x) => clusterPeerMatches(model, x, peer.ref));
            if (hit) matched.add(`${p.id}|${dir}|${i}`);
            return hit;
          }));
          if (matching.length === 0) continue;
          for (const [i, a] of matching.entries()) {
            for (const b of matching.slice(i + 1)) {
              if (a.tier === b.tier && a.priority === b.priority) {
                const key = [a.id, b.id].sort().join('|');
                if (!ties.has(key)) ties.set(key, { a, b, dir, example: pairText });
              }
            }
          }
          const admin = tierDecide(model, 'Admin', dir, w, peer.ref, dst);
          const baseline = tierDecide(model, 'Baseline', dir, w, peer.ref, dst);
          for (const st of [...admin.steps, ...baseline.steps]) decided.add(`${st.policyId}|${dir}|${st.ruleIndex}`);
          if (!isEmpty(admin.denied)) {
            const np = npAllowed(model, w, dir, peer.ref, dst);
            const lost = np ? intersect(np.conn, admin.denied) : emptyConn();
            if (np && !isEmpty(lost)) {
              const step = admin.steps.find((st) => st.action === 'Deny' && !isEmpty(intersect(st.conn, lost)))!;
              const cp = model.clusterPolicies![step.policyId];
              for (const name of np.policies) {
                const key = `${name}|${cp.id}|${step.ruleIndex}|${dir}`;
                const prev = overridden.get(key);
                if (!prev) overridden.set(key, { np: name, admin: `${clusterPolicyLabel(cp)} rule ${ruleLabel(cp, dir, step.ruleIndex)}`, conn: lost, example: pairText,
                  objectId: Object.values(model.policies).find((x) => `${namespaceOf(model, x.namespaceId).name}/${x.name}` === name)?.id });
              }
            }
          }
        }
      }
    }

    for (const { a, b, dir, example } of ties.values()) {
      out.push({ id: 'L-ANP-01', severity: 'warning', objectId: a.id, object: objectOf(a),
        message: `${clusterPolicyLabel(a)} and ${clusterPolicyLabel(b)} have the same priority and both match ${dir.toLowerCase()} traffic (e.g. ${example}): the API leaves their order undefined (the designer applies them by name)`,
        hint: 'Give them different priorities so the order is the one you mean.' });
    }
    for (const p of pols) {
      for (const dir of ['Ingress', 'Egress'] as const) {
        rulesOf(p, dir).forEach((_, i) => {
          const k = `${p.id}|${dir}|${i}`;
          if (!matched.has(k) || decided.has(k)) return;
          out.push({ id: 'L-ANP-04', severity: 'warning', objectId: p.id, object: objectOf(p), path: rulePath(p, dir, i),
            message: `rule ${ruleLabel(p, dir, i)} (${rulesOf(p, dir)[i].action}) never decides anything: every connection it matches is decided first by an earlier rule or a policy of higher priority (lower number)`,
            hint: 'Move it up (or give its policy a lower priority number), narrow the earlier rule, or remove it.' });
        });
      }
    }
    for (const o of overridden.values()) {
      out.push({ id: 'L-ANP-05', severity: 'info', ...(o.objectId ? { objectId: o.objectId } : {}), object: `NetworkPolicy ${o.np}`,
        message: `its allow of ${describeConn(o.conn)} (e.g. ${o.example}) never takes effect: ${o.admin} denies it first`,
        hint: 'The Admin tier overrides NetworkPolicies; ask the platform team for a Pass or Accept if this traffic is intended.' });
    }
    out.push(...dnsCheck(ctx, subjects));
    return out;
  },
};

/** L-ANP-07: pods whose egress to DNS (UDP 53) a Baseline Deny stops, where no NetworkPolicy decides egress. */
function dnsCheck(ctx: LintContext, subjects: Sample[]): LintFinding[] {
  const model = ctx.model;
  const targets = dnsTargets(model);
  const byRule = new Map<string, { p: ClusterPolicy; i: number; pods: Set<string> }>();
  for (const s of subjects) {
    const w = s.workload!;
    if (targets.includes(w) || policiesSelecting(model, w, 'Egress').length > 0) continue;
    for (const dns of targets) {
      const ref: PeerRef = { kind: 'workload', workload: dns };
      const admin = tierDecide(model, 'Admin', 'Egress', w, ref, dns);
      if (contains(admin.accepted, 'UDP', 53) || contains(admin.denied, 'UDP', 53)) continue;
      const base = tierDecide(model, 'Baseline', 'Egress', w, ref, dns);
      if (!contains(base.denied, 'UDP', 53)) continue;
      const step = base.steps.find((st) => st.action === 'Deny' && !isEmpty(intersect(st.conn, connOf('UDP', 53))))!;
      const p = model.clusterPolicies![step.policyId];
      const key = `${p.id}|${step.ruleIndex}`;
      const e = byRule.get(key) ?? { p, i: step.ruleIndex, pods: new Set<string>() };
      e.pods.add(s.ep);
      byRule.set(key, e);
    }
  }
  return [...byRule.values()].map(({ p, i, pods }) => {
    const list = [...pods].sort();
    return {
      id: 'L-ANP-07', severity: 'warning' as const, objectId: p.id, object: objectOf(p), path: rulePath(p, 'Egress', i),
      message: `rule ${ruleLabel(p, 'Egress', i)} denies DNS (UDP 53 to kube-dns) for ${list.length} pod(s) without egress NetworkPolicies (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', ...' : ''}): name lookups fail`,
      hint: 'Put an Accept for UDP and TCP 53 to the kube-dns pods before the Deny (the "cluster guardrails" pattern does).',
    };
  });
}
