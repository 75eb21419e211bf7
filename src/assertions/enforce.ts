// "Enforce with an Admin Deny": for a violated "must not reach" assertion, the ClusterNetworkPolicy
// (v1alpha2, tier Admin) that denies exactly that protocol/port between the two ends, placed
// before every other Admin policy so no earlier Accept or Pass lets it through (semantics.md 3.2).
// Pods are matched by namespace name and their pod labels; an external destination by its CIDRs
// (egress at the source). Admin policies cannot match external clients on ingress (3.4), so an
// assertion from an external network or load balancer is not offered.
//
// Public API: adminDenyFor(model, assertion): { ok: true; policy } | { ok: false; reason }

import { ids, NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { Assertion, ClusterPolicy, ClusterRule, Model } from '../model/types.ts';
import { tierPolicies } from '../policy/cluster-rules.ts';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';

function freeName(model: Model, base: string): string {
  const taken = new Set(Object.values(model.clusterPolicies ?? {}).map((p) => p.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function adminDenyFor(model: Model, a: Assertion): { ok: true; policy: ClusterPolicy } | { ok: false; reason: string } {
  if (a.expect !== 'no-reach') return { ok: false, reason: 'only a "must not reach" assertion is enforced by a Deny' };
  const src = model.workloads[a.fromId];
  if (!src) return { ok: false, reason: 'cluster policies apply to pods: the source must be a workload (they cannot match external clients on ingress)' };
  if (src.hostNetwork) return { ok: false, reason: 'the source is a hostNetwork workload: cluster policies never select it' };
  const dstW = model.workloads[a.toId];
  const dstExt = model.externals[a.toId];
  if (!dstW && !dstExt) return { ok: false, reason: 'the destination must be a workload or an external network' };
  const nsName = (id: string) => model.namespaces[id]?.name ?? id;
  const ports = [{ protocol: a.protocol, port: a.port }];
  const ruleName = `deny-${a.protocol.toLowerCase()}-${a.port}`;
  const podsOf = (w: typeof src) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: nsName(w.namespaceId) } }, podSelector: { matchLabels: { ...w.podLabels } } });
  let subject: ClusterPolicy['subject'];
  let ingress: ClusterRule[] = [];
  let egress: ClusterRule[] = [];
  let toName: string;
  if (dstW) {
    if (dstW.hostNetwork) return { ok: false, reason: 'the destination is a hostNetwork workload: cluster policies never select it' };
    // Ingress at the destination: the deny holds whatever the source's own policies say.
    subject = { pods: podsOf(dstW) };
    ingress = [{ name: ruleName, action: 'Deny', peers: [{ pods: podsOf(src) }], ports }];
    toName = dstW.name;
  } else {
    if (dstExt!.cidrs.length === 0) return { ok: false, reason: 'the external network has no addresses' };
    subject = { pods: podsOf(src) };
    egress = [{ name: ruleName, action: 'Deny', peers: [{ networks: [...dstExt!.cidrs].slice(0, 25) }], ports }];
    toName = dstExt!.name;
  }
  const admin = tierPolicies(model, 'Admin');
  const first = admin.length ? admin[0].priority : 10;
  const priority = Math.max(0, first - 1);
  const name = freeName(model, `enforce-${slug(src.name)}-to-${slug(toName)}-${a.port}`.slice(0, 253));
  return {
    ok: true,
    policy: { id: ids.clusterPolicy('ClusterNetworkPolicy', name), name, tier: 'Admin', priority, subject, ingress, egress, annotations: { 'netpol-designer/enforces': a.id } },
  };
}
