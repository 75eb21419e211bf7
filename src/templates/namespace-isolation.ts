// Template "namespace isolation": pods of a namespace talk to their own namespace (and DNS)
// only; any other namespace needs an explicit rule. Optionally the cross-namespace flows
// that the design allows today are kept as explicit rules, computed by the evaluator.

import type { Doc, EgressRule, Id, IngressRule, NetworkPolicy } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { connBetween } from '../policy/reachability.ts';
import { isEmpty } from '../policy/portset.ts';
import { connToPorts, DNS_PEER, DNS_PORTS, namespacePeer, nsName, templatePolicy, withPolicies, type TemplateInfo, type TemplateResult } from './common.ts';

export const NAMESPACE_ISOLATION_INFO: TemplateInfo = {
  id: 'namespace-isolation',
  title: 'Namespace isolation',
  what:
    'Workloads in the namespace may talk to each other and to DNS; connections to or from other namespaces, external networks and load balancers are denied unless a rule allows them explicitly.',
  assumptions: [
    'DNS is kube-dns in kube-system (k8s-app: kube-dns), on UDP and TCP 53.',
    'With "keep existing cross-namespace flows", every workload pair that can talk across the namespace boundary today gets an explicit rule for exactly the ports it has now.',
    'External networks and load-balancer traffic are cut: add rules (or apply "public entry") for them.',
  ],
};

export interface NamespaceIsolationOptions {
  namespaceId: Id;
  /** Keep today's cross-namespace workload flows as explicit rules (default false). */
  preserveCrossNamespace?: boolean;
}

export function applyNamespaceIsolation(doc: Doc, opts: NamespaceIsolationOptions): TemplateResult {
  const model = doc.model;
  const nsId = opts.namespaceId;
  if (!model.namespaces[nsId]) return { doc, summary: ['Choose a namespace: nothing changed.'], created: [] };
  const name = nsName(model, nsId);
  const policies: NetworkPolicy[] = [];
  const summary: string[] = [`Namespace ${name}: ingress and egress limited to the namespace itself, plus DNS.`];
  policies.push(templatePolicy(model, nsId, 'namespace-isolation', 'namespace isolation', {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ podSelector: {} }] }],
    egress: [{ to: [{ podSelector: {} }] }, { to: [DNS_PEER], ports: DNS_PORTS }],
  }));

  if (opts.preserveCrossNamespace) {
    const reach = evaluate(model);
    const inside = Object.values(model.workloads).filter((w) => w.namespaceId === nsId).sort((a, b) => (a.id < b.id ? -1 : 1));
    const outside = Object.values(model.workloads).filter((w) => w.namespaceId !== nsId).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const w of inside) {
      const egress: EgressRule[] = [];
      const ingress: IngressRule[] = [];
      for (const o of outside) {
        const peer = { ...namespacePeer(model, o.namespaceId), podSelector: { matchLabels: { ...o.podLabels } } };
        const out = connBetween(reach, w.id, o.id);
        if (!isEmpty(out)) {
          const ports = connToPorts(out);
          egress.push({ to: [peer], ...(ports ? { ports } : {}) });
          summary.push(`Kept ${w.name} -> ${nsName(model, o.namespaceId)}/${o.name}.`);
        }
        const inn = connBetween(reach, o.id, w.id);
        if (!isEmpty(inn)) {
          const ports = connToPorts(inn);
          ingress.push({ from: [peer], ...(ports ? { ports } : {}) });
          summary.push(`Kept ${nsName(model, o.namespaceId)}/${o.name} -> ${w.name}.`);
        }
      }
      if (egress.length === 0 && ingress.length === 0) continue;
      policies.push(templatePolicy(withPolicies(model, policies), nsId, `${w.name}-cross-namespace`, 'namespace isolation: flows kept from before', {
        podSelector: { matchLabels: { ...w.podLabels } },
        policyTypes: [...(ingress.length ? ['Ingress' as const] : []), ...(egress.length ? ['Egress' as const] : [])],
        ...(ingress.length ? { ingress } : {}),
        ...(egress.length ? { egress } : {}),
      }));
    }
  }
  return { doc: { ...doc, model: withPolicies(model, policies) }, summary, created: policies.map((p) => p.id) };
}
