// Template "cluster guardrails": the platform team's ClusterNetworkPolicies (v1alpha2, semantics.md
// 3) — any of three parts:
//   - a Baseline default deny for every namespace except the system ones, with DNS allowed
//     (and monitoring allowed, when a monitoring namespace is chosen);
//   - an Admin Deny into a sensitive namespace except from listed namespaces (those are passed on
//     to the namespace's own NetworkPolicies);
//   - an Admin Pass for a monitoring namespace: its traffic skips the Admin denies and is decided
//     by the NetworkPolicies (and the Baseline).
// Policies have fixed names, so applying the pattern again replaces them instead of adding copies.

import { NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { ClusterPolicy, ClusterTier, Doc, Id, Model } from '../model/types.ts';
import { ids } from '../model/factory.ts';
import { MAX_PRIORITY } from '../k8s/cluster-policy-from-manifest.ts';
import { nsName, type TemplateInfo, type TemplateResult } from './common.ts';

export const CLUSTER_GUARDRAILS_INFO: TemplateInfo = {
  id: 'cluster-guardrails',
  title: 'Cluster guardrails',
  what:
    'ClusterNetworkPolicies above and below the namespaces\' NetworkPolicies: a Baseline default deny for every namespace but the system ones (DNS allowed), an Admin Deny into a sensitive namespace except from the namespaces you list, and an Admin Pass for monitoring. The Admin tier is applied before any NetworkPolicy; the Baseline only where no NetworkPolicy selects a pod.',
  assumptions: [
    'System namespaces kube-system, kube-public and kube-node-lease are left out of the Baseline default deny.',
    'DNS is kube-dns in kube-system (k8s-app: kube-dns), on UDP and TCP 53.',
    'The Baseline denies pod-to-pod traffic both ways and egress to every address (0.0.0.0/0, ::/0); cluster policies cannot match external clients on ingress, so load-balancer traffic from outside is not affected.',
    'The listed namespaces (and the sensitive namespace itself) are passed on to the sensitive namespace\'s NetworkPolicies, not accepted outright: its owners still decide.',
    'Monitoring is passed by the Admin tier and, with the Baseline default deny, accepted by the Baseline both ways (its egress to pods, and into every namespace), so namespaces without NetworkPolicies can be scraped.',
    'Namespaces are matched by their kubernetes.io/metadata.name label. Applying the pattern again replaces its policies (same names).',
  ],
};

export interface ClusterGuardrailsOptions {
  /** Baseline default deny (all namespaces except the system ones), DNS allowed. */
  baselineDefaultDeny: boolean;
  /** Admin Deny into this namespace… */
  sensitiveNamespaceId?: Id;
  /** …except from these namespaces (the sensitive namespace itself is always allowed). */
  allowedNamespaceIds?: Id[];
  /** Admin Pass for traffic from this namespace (e.g. monitoring). */
  monitoringNamespaceId?: Id;
}

export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];
export const GUARDRAIL_NAMES = { baseline: 'baseline-default-deny', monitoring: 'pass-monitoring', monitoringEgress: 'baseline-monitoring-egress' } as const;
export const sensitivePolicyName = (ns: string): string => `protect-${ns}`.slice(0, 253);

const byName = (ns: string) => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: ns } });

/** The existing v1alpha2 policy of that name (re-applying replaces it), or a new id. */
function slot(model: Model, name: string, tier: ClusterTier, wanted: number, used: Set<number>): { id: Id; priority: number; replaced: boolean } {
  const existing = Object.values(model.clusterPolicies ?? {}).find((p) => p.name === name && (p.version ?? 'v1alpha2') === 'v1alpha2');
  if (existing && existing.tier === tier) return { id: existing.id, priority: existing.priority, replaced: true };
  // A free priority near the wanted one, so the new policy does not tie with an existing one (L-ANP-01).
  let priority = wanted;
  while (used.has(priority) && priority < MAX_PRIORITY) priority++;
  used.add(priority);
  return { id: existing ? `${ids.clusterPolicy('ClusterNetworkPolicy', name)}-${tier.toLowerCase()}` : ids.clusterPolicy('ClusterNetworkPolicy', name), priority, replaced: false };
}

export function applyClusterGuardrails(doc: Doc, opts: ClusterGuardrailsOptions): TemplateResult {
  const model = doc.model;
  const summary: string[] = [];
  const created: ClusterPolicy[] = [];
  const usedOf = (tier: ClusterTier) => new Set(Object.values(model.clusterPolicies ?? {}).filter((p) => p.tier === tier).map((p) => p.priority));
  const adminUsed = usedOf('Admin');
  const baselineUsed = usedOf('Baseline');
  const monitoring = opts.monitoringNamespaceId && model.namespaces[opts.monitoringNamespaceId] ? nsName(model, opts.monitoringNamespaceId) : undefined;
  const sensitive = opts.sensitiveNamespaceId && model.namespaces[opts.sensitiveNamespaceId] ? nsName(model, opts.sensitiveNamespaceId) : undefined;
  const note = (replaced: boolean, what: string) => summary.push(`${replaced ? 'Replaced' : 'Added'} ${what}.`);

  if (monitoring) {
    const s = slot(model, GUARDRAIL_NAMES.monitoring, 'Admin', 10, adminUsed);
    created.push({
      id: s.id, name: GUARDRAIL_NAMES.monitoring, tier: 'Admin', priority: s.priority, subject: { namespaces: {} },
      ingress: [{ name: `pass-from-${monitoring}`.slice(0, 100), action: 'Pass', peers: [{ namespaces: byName(monitoring) }] }],
      egress: [],
    });
    note(s.replaced, `Admin \`${GUARDRAIL_NAMES.monitoring}\` (priority ${s.priority}): traffic from ${monitoring} skips the Admin denies and is decided by the NetworkPolicies`);
  }
  if (sensitive) {
    const name = sensitivePolicyName(sensitive);
    const s = slot(model, name, 'Admin', 20, adminUsed);
    const allowed = [...new Set([sensitive, ...(opts.allowedNamespaceIds ?? []).filter((id) => model.namespaces[id]).map((id) => nsName(model, id))])].sort();
    created.push({
      id: s.id, name, tier: 'Admin', priority: s.priority, subject: { namespaces: byName(sensitive) },
      ingress: [
        { name: 'pass-listed-namespaces', action: 'Pass', peers: [{ namespaces: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: allowed }] } }] },
        { name: 'deny-everything-else', action: 'Deny', peers: [{ namespaces: {} }] },
      ],
      egress: [],
    });
    note(s.replaced, `Admin \`${name}\` (priority ${s.priority}): nothing gets into ${sensitive} except from ${allowed.join(', ')}, which its NetworkPolicies decide`);
  }
  if (opts.baselineDefaultDeny) {
    const s = slot(model, GUARDRAIL_NAMES.baseline, 'Baseline', 100, baselineUsed);
    const dns = { pods: { namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } };
    created.push({
      id: s.id, name: GUARDRAIL_NAMES.baseline, tier: 'Baseline', priority: s.priority,
      subject: { namespaces: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'NotIn', values: SYSTEM_NAMESPACES }] } },
      ingress: [
        ...(monitoring ? [{ name: `accept-${monitoring}`.slice(0, 100), action: 'Accept' as const, peers: [{ namespaces: byName(monitoring) }] }] : []),
        { name: 'deny-all', action: 'Deny', peers: [{ namespaces: {} }] },
      ],
      egress: [
        { name: 'accept-dns', action: 'Accept', peers: [dns], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        { name: 'deny-all', action: 'Deny', peers: [{ namespaces: {} }, { networks: ['0.0.0.0/0', '::/0'] }] },
      ],
    });
    if (monitoring) {
      // Monitoring's own egress (scraping) would meet the default deny too: accept it first.
      const e = slot(model, GUARDRAIL_NAMES.monitoringEgress, 'Baseline', Math.max(0, s.priority - 10), baselineUsed);
      created.push({
        id: e.id, name: GUARDRAIL_NAMES.monitoringEgress, tier: 'Baseline', priority: e.priority, subject: { namespaces: byName(monitoring) },
        ingress: [], egress: [{ name: 'accept-pods', action: 'Accept', peers: [{ namespaces: {} }] }],
      });
      note(e.replaced, `Baseline \`${GUARDRAIL_NAMES.monitoringEgress}\` (priority ${e.priority}): ${monitoring} may connect to pods of every namespace before the default deny`);
    }
    note(s.replaced, `Baseline \`${GUARDRAIL_NAMES.baseline}\` (priority ${s.priority}): namespaces other than ${SYSTEM_NAMESPACES.join(', ')} are default-deny where no NetworkPolicy selects a pod; DNS to kube-dns stays open${monitoring ? `, and ${monitoring} may connect in` : ''}`);
  }
  if (created.length === 0) return { doc, summary: ['Choose at least one guardrail: nothing changed.'], created: [] };
  const next = { ...(model.clusterPolicies ?? {}) };
  for (const p of created) next[p.id] = p;
  return { doc: { ...doc, model: { ...model, clusterPolicies: next } }, summary, created: created.map((p) => p.id) };
}
