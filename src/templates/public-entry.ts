// Template "public entry, private mesh" (semantics 2.7): a LoadBalancer Service for each chosen
// public workload, default-deny ingress in their namespaces, pods keep talking to each other,
// and the public workloads admit the load-balancer path from the source the pod really sees
// under the cluster settings (node addresses / client ranges / LB addresses).

import { ids } from '../model/factory.ts';
import type { Doc, Id, IngressRule, Model, NetworkPolicy, PolicyPort, Service, ServicePort, Workload } from '../model/types.ts';
import { fillMissingLayout } from '../layout/grid.ts';
import { serviceBackends } from '../services/backends.ts';
import { lbIngressPeers } from '../services/lb-peer.ts';
import { nsName, templatePolicy, withPolicies, type TemplateInfo, type TemplateResult } from './common.ts';

export const PUBLIC_ENTRY_INFO: TemplateInfo = {
  id: 'public-entry',
  title: 'Public entry, private mesh',
  what:
    'Exposes the chosen workloads through a LoadBalancer Service, denies all other ingress in their namespaces, keeps pod-to-pod traffic inside the cluster open, and lets the public workloads accept load-balancer traffic only.',
  assumptions: [
    'The load-balancer peer follows the cluster settings: node addresses for externalTrafficPolicy Cluster with an SNATing proxy, client ranges for Local or Cilium DSR, lbSourceCidrs for proxy / direct-to-pod load balancers.',
    'With node addresses, every node process and hostNetwork pod is admitted too, and node ports stay open (loadBalancerSourceRanges never cover them).',
    'Client ranges are the Service loadBalancerSourceRanges when set, otherwise every address outside the cluster pod, Service and node ranges.',
  ],
};

export interface PublicEntryOptions {
  workloadIds: Id[];
  externalTrafficPolicy?: 'Cluster' | 'Local';
  /** Restrict the load balancer to these client ranges (loadBalancerSourceRanges). */
  sourceRanges?: string[];
  /** Allow ingress from every pod of the cluster in the affected namespaces (default true). */
  meshIngress?: boolean;
}

function servicePortsFor(w: Workload): ServicePort[] {
  const ports = w.ports.length > 0 ? w.ports : [{ containerPort: 80, name: 'http' }];
  const named = ports.length > 1;
  return ports.map((cp, i) => ({
    ...(cp.name ? { name: cp.name } : named ? { name: `port-${i + 1}` } : {}),
    protocol: cp.protocol ?? 'TCP',
    port: cp.containerPort,
    // a named targetPort resolves the same way for the Service and the policy (semantics 5.3)
    ...(cp.name ? { targetPort: cp.name } : {}),
  }));
}

function freeServiceName(model: Model, namespaceId: Id, base: string): string {
  const taken = new Set(Object.values(model.services).filter((s) => s.namespaceId === namespaceId).map((s) => s.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function applyPublicEntry(doc: Doc, opts: PublicEntryOptions): TemplateResult {
  let model = doc.model;
  const summary: string[] = [];
  const created: Id[] = [];
  const policies: NetworkPolicy[] = [];
  const publics = opts.workloadIds.map((id) => model.workloads[id]).filter((w): w is Workload => !!w);
  if (publics.length === 0) return { doc, summary: ['No public workload chosen: nothing changed.'], created };

  const services: Record<Id, Service> = { ...model.services };
  for (const w of publics) {
    const existing = Object.values(model.services).find((s) => s.type === 'LoadBalancer' && serviceBackends(model, s).backends.includes(w.id));
    let svc = existing;
    if (!svc) {
      const name = freeServiceName(model, w.namespaceId, w.name);
      svc = {
        id: ids.service(nsName(model, w.namespaceId), name),
        namespaceId: w.namespaceId,
        name,
        type: 'LoadBalancer',
        selector: { ...w.podLabels },
        ports: servicePortsFor(w),
        ...(opts.externalTrafficPolicy ? { externalTrafficPolicy: opts.externalTrafficPolicy } : {}),
        ...(opts.sourceRanges?.length ? { loadBalancerSourceRanges: [...opts.sourceRanges] } : {}),
      };
      services[svc.id] = svc;
      model = { ...model, services };
      created.push(svc.id);
      summary.push(`Created LoadBalancer Service ${nsName(model, w.namespaceId)}/${name} for ${w.name}.`);
    } else {
      summary.push(`Reused LoadBalancer Service ${nsName(model, svc.namespaceId)}/${svc.name} for ${w.name}.`);
    }

    const r = serviceBackends(model, svc);
    const targetPorts: PolicyPort[] = [];
    for (const sp of r.ports) {
      const tp = sp.endpoints.find((e) => e.workloadId === w.id)?.targetPort;
      if (tp !== undefined && !targetPorts.some((p) => p.port === tp && p.protocol === sp.protocol)) targetPorts.push({ protocol: sp.protocol, port: tp });
    }
    const { kind, peers: from, seen, warnings } = lbIngressPeers(model, svc);
    if (kind === 'node') summary.push(`${w.name} admits the load balancer from the node addresses (${model.cluster.nodeCidrs.join(', ')}): ${seen.text}.`);
    else if (kind === 'lb') summary.push(`${w.name} admits the load balancer addresses (${seen.cidrs.join(', ')}): ${seen.text}.`);
    else summary.push(`${w.name} admits the client ranges (${from.map((p) => p.ipBlock!.cidr).join(', ')}): ${seen.text}.`);
    summary.push(...warnings);
    // An empty `from` would admit every source: without a peer to name, admit nothing and say so.
    if (from.length === 0) {
      summary.push(`${w.name}: no load-balancer source addresses are known (set the node CIDRs or load-balancer source CIDRs in the cluster settings); no ingress rule was written, so the load balancer cannot reach it yet.`);
      continue;
    }
    const rule: IngressRule = { from, ...(targetPorts.length ? { ports: targetPorts } : {}) };
    const selector = { matchLabels: { ...w.podLabels } };
    const p = templatePolicy(withPolicies(model, policies), w.namespaceId, `${w.name}-from-load-balancer`, 'public entry: admit the load-balancer path', {
      podSelector: selector,
      policyTypes: ['Ingress'],
      ingress: [rule],
    });
    policies.push(p);
  }

  for (const nsId of [...new Set(publics.map((w) => w.namespaceId))].sort()) {
    const scratch = withPolicies(model, policies);
    policies.push(templatePolicy(scratch, nsId, 'default-deny-ingress', 'public entry: deny all other ingress', { podSelector: {}, policyTypes: ['Ingress'] }));
    if (opts.meshIngress ?? true) {
      policies.push(templatePolicy(withPolicies(model, policies), nsId, 'allow-from-cluster-pods', 'public entry: private mesh', {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: {} }] }],
      }));
    }
    summary.push(`Namespace ${nsName(model, nsId)}: all ingress denied except ${opts.meshIngress ?? true ? 'from pods of the cluster and ' : ''}the load-balancer path to the public workloads.`);
  }
  created.push(...policies.map((p) => p.id));
  const next: Doc = { ...doc, model: withPolicies(model, policies) };
  return { doc: { ...next, layout: fillMissingLayout(next) }, summary, created };
}
