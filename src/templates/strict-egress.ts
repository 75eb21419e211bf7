// Template "strict egress": only a chosen egress-gateway workload may open connections to
// external networks; every other workload in scope keeps in-cluster egress (DNS included) and
// loses direct external egress.

import type { Doc, Id, NetworkPolicy, PolicyPeer } from '../model/types.ts';
import { nsName, templatePolicy, withPolicies, type TemplateInfo, type TemplateResult } from './common.ts';

export const STRICT_EGRESS_INFO: TemplateInfo = {
  id: 'strict-egress',
  title: 'Strict egress through a gateway',
  what:
    'Every workload in the chosen namespaces may open connections only to pods inside the cluster (DNS included); only the egress-gateway workload may reach external networks.',
  assumptions: [
    'Workloads reach the outside by sending to the gateway (a proxy or NAT pod); NetworkPolicy cannot redirect traffic by itself.',
    'In-cluster means pods selected by namespaceSelector {}: node addresses and hostNetwork pods (NodeLocal DNSCache, the API server on the host) are not included.',
    'The gateway may reach the external networks of the design, or every address when the design has none.',
    'Namespaces kube-system, kube-public and kube-node-lease are left alone unless chosen explicitly.',
  ],
};

export interface StrictEgressOptions {
  gatewayId: Id;
  /** Namespaces to restrict; default: every namespace except the kube-* system namespaces. */
  namespaceIds?: Id[];
  /** What the gateway may reach; default: the design's external networks (all addresses if none). */
  externalCidrs?: string[];
}

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function applyStrictEgress(doc: Doc, opts: StrictEgressOptions): TemplateResult {
  const model = doc.model;
  const gw = model.workloads[opts.gatewayId];
  if (!gw) return { doc, summary: ['Choose an egress-gateway workload: nothing changed.'], created: [] };
  const scope = (opts.namespaceIds ?? Object.values(model.namespaces).filter((n) => !SYSTEM.has(n.name)).map((n) => n.id)).slice().sort();
  if (!scope.includes(gw.namespaceId)) scope.push(gw.namespaceId);
  const policies: NetworkPolicy[] = [];
  const summary: string[] = [];
  for (const nsId of scope) {
    policies.push(templatePolicy(withPolicies(model, policies), nsId, 'egress-in-cluster-only', 'strict egress: pods may only reach pods', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {} }] }],
    }));
    summary.push(`Namespace ${nsName(model, nsId)}: egress limited to pods in the cluster (DNS to kube-dns included).`);
  }
  const cidrs = opts.externalCidrs ?? Object.values(model.externals).flatMap((e) => e.cidrs);
  const targets = cidrs.length > 0 ? cidrs : ['0.0.0.0/0', '::/0'];
  const to: PolicyPeer[] = targets.map((cidr) => ({ ipBlock: { cidr } }));
  policies.push(templatePolicy(withPolicies(model, policies), gw.namespaceId, `${gw.name}-egress-external`, 'strict egress: the gateway reaches external networks', {
    podSelector: { matchLabels: { ...gw.podLabels } },
    policyTypes: ['Egress'],
    egress: [{ to }],
  }));
  summary.push(`${nsName(model, gw.namespaceId)}/${gw.name} is the egress gateway: it may reach ${targets.join(', ')}.`);
  return { doc: { ...doc, model: withPolicies(model, policies) }, summary, created: policies.map((p) => p.id) };
}
