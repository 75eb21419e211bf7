// Service-port and load-balancer lint (semantics.md 2, 4 "Services and load balancers"):
//   L-PORT-06  a rule allows a Service port but not the backends' targetPort
//   L-LB-01    node-address ipBlock for LB traffic while the backend sees client / LB addresses
//   L-LB-03    relying on loadBalancerSourceRanges (node ports bypass them; maybe not enforced)
//   L-LB-04    direct-to-pod LB whose backends do not admit the LB / health-check addresses
//   L-LB-05    externalTrafficPolicy Cluster (SNAT) with client-CIDR ipBlocks
//   L-LB-06    a LoadBalancer whose backends admit nothing from the LB path   (new id)
//   L-LB-07    egress ipBlock to an in-cluster load balancer IP                (new id)

import type { Model, NetworkPolicy, Service, Workload } from '../model/types.ts';
import { ipDifference, ipIntersect, toCidrs } from '../net/ipset.ts';
import { ipBlockSet, isPolicyPod, ruleConnToward, ruleMatchesPeer } from '../policy/np-rules.ts';
import { contains } from '../policy/portset.ts';
import { servicePortLabel } from '../services/backends.ts';
import { validIpSet } from '../services/ingress-side.ts';
import { internetCidrs, pathsFromSource, seenSource } from '../services/paths.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

function svcLabel(ctx: LintContext, svc: Service): string {
  return `Service ${ctx.namespaceName(svc.namespaceId)}/${svc.name}`;
}

function sortedServices(ctx: LintContext): Service[] {
  const key = (s: Service) => `${ctx.namespaceName(s.namespaceId)}/${s.name}`;
  return Object.values(ctx.model.services).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

// ---------------------------------------------------------------- L-PORT-06

function portRuleFindings(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const model = ctx.model;
  const profile = model.cluster.profile;
  // Only Service ports with an endpoint whose targetPort differs from the port can be mixed up.
  const resolved = sortedServices(ctx)
    .map((svc) => ({ svc, r: ctx.serviceBackends(svc) }))
    .filter(({ r }) => r.ports.some((sp) => sp.endpoints.some((e) => e.targetPort !== sp.port)));
  const resolvedIn = new Map<string, typeof resolved>();
  for (const x of resolved) resolvedIn.set(x.svc.namespaceId, [...(resolvedIn.get(x.svc.namespaceId) ?? []), x]);
  for (const np of ctx.policies) {
    for (const visit of policyRules(np)) {
      if (!visit.ports || visit.ports.length === 0) continue;
      // Ingress rules apply to the policy's subjects, which live in its namespace.
      for (const { svc, r } of visit.dir === 'Ingress' ? resolvedIn.get(np.namespaceId) ?? [] : resolved) {
        for (const sp of r.ports) {
          const wrong: string[] = [];
          for (const e of sp.endpoints) {
            if (e.targetPort === sp.port) continue;
            const w = model.workloads[e.workloadId];
            if (!isPolicyPod(w, profile)) continue;
            // ingress rules apply to the policy's subjects; egress rules to the peers they match
            const applies = visit.dir === 'Ingress'
              ? w.namespaceId === np.namespaceId && ctx.ingressPolicies(w).some((p) => p.id === np.id)
              : ruleMatchesPeer(model, visit.rule, 'Egress', np.namespaceId, { kind: 'workload', workload: w });
            if (!applies) continue;
            const conn = ruleConnToward(visit.rule, w, profile);
            if (contains(conn, sp.protocol, sp.port) && !contains(conn, sp.protocol, e.targetPort)) wrong.push(`${ctx.workloadLabel(w)} listens on ${e.targetPort}`);
          }
          if (wrong.length === 0) continue;
          out.push({
            id: 'L-PORT-06',
            severity: 'warning',
            objectId: np.id,
            object: ctx.policyLabel(np),
            path: `${visit.path}.ports`,
            message: `allows ${sp.protocol} ${sp.port}, the port of ${svcLabel(ctx, svc)} (${servicePortLabel(sp)}), but policy sees the backends' targetPort: ${wrong.join('; ')}`,
            hint: `allow the targetPort instead (or the named port \`${typeof sp.targetPort === 'string' ? sp.targetPort : 'of the container'}\`), not the Service port`,
          });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- load balancers

interface BackendBlocks {
  w: Workload;
  np: NetworkPolicy;
  path: string;
  cidr: string;
  onNodes: boolean;
}

/** ipBlock peers in the ingress rules that apply to the backends, classified against node CIDRs. */
function backendIpBlocks(ctx: LintContext, model: Model, backends: Workload[]): BackendBlocks[] {
  const nodes = validIpSet(model.cluster.nodeCidrs);
  const out: BackendBlocks[] = [];
  for (const w of backends) {
    for (const np of ctx.ingressPolicies(w)) {
      for (const v of policyRules(np)) {
        if (v.dir !== 'Ingress') continue;
        (v.peers ?? []).forEach((p, k) => {
          if (!p.ipBlock) return;
          const set = ipBlockSet(p.ipBlock);
          if (set.length === 0) return;
          out.push({ w, np, path: `${v.path}.from[${k}].ipBlock`, cidr: p.ipBlock.cidr, onNodes: nodes.length > 0 && ipIntersect(set, nodes).length > 0 });
        });
      }
    }
  }
  return out;
}

function lbFindings(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const model = ctx.model;
  const c = model.cluster;
  for (const svc of sortedServices(ctx)) {
    if (svc.type !== 'LoadBalancer') continue;
    const base = { objectId: svc.id, object: svcLabel(ctx, svc) };
    const r = ctx.serviceBackends(svc);
    const backends = r.backends.map((id) => model.workloads[id]);
    const seen = seenSource(model, svc, 'loadbalancer', []);
    const blocks = backendIpBlocks(ctx, model, backends);

    // L-LB-03: the ranges do not protect the node ports (nor anything, when not enforced):
    // report only when a client outside the ranges really gets to a backend that way.
    const ranges = svc.loadBalancerSourceRanges ?? [];
    if (ranges.length > 0 && backends.length > 0) {
      const outside = toCidrs(ipDifference(validIpSet(internetCidrs(model)), validIpSet(ranges)));
      const notEnforced = c.lbSourceRangesEnforced === false;
      const leaks = pathsFromSource(model, { id: 'outside', name: 'clients outside the ranges', cidrs: outside }, svc)
        .filter((p) => p.outcome !== 'no-reach' && (p.via === 'nodeport' || notEnforced));
      if (leaks.length > 0) {
        const vias = [...new Set(leaks.map((p) => (p.via === 'nodeport' ? 'the node ports (kube-proxy never applies the ranges to them)' : 'the load balancer itself (the platform does not enforce the ranges)')))];
        const cilium = c.profile.serviceProxy !== 'kube-proxy' ? '; in-cluster clients of the LB IP are not filtered on Cilium either' : '';
        out.push({
          ...base,
          id: 'L-LB-03',
          severity: notEnforced ? 'warning' : 'info',
          path: 'spec.loadBalancerSourceRanges',
          message: `relies on loadBalancerSourceRanges (${ranges.join(', ')}), but clients outside them reach ${[...new Set(leaks.map((p) => p.backendName))].join(', ')} through ${vias.join(' and ')}${cilium}`,
          hint: 'also restrict the backends with an ingress NetworkPolicy for the sources the pods really see (semantics 2.7), or set allocateLoadBalancerNodePorts: false where the platform allows it',
        });
      }
    }

    // L-LB-01 / L-LB-05: the ipBlocks do not match what the pod sees
    for (const b of blocks) {
      const where = { objectId: b.np.id, object: ctx.policyLabel(b.np), path: b.path };
      if (b.onNodes && seen.kind !== 'node') {
        out.push({
          ...where,
          id: 'L-LB-01',
          severity: 'warning',
          message: `admits ${b.cidr} (node addresses) for ${ctx.workloadLabel(b.w)}, a backend of ${svcLabel(ctx, svc)}, but on this path ${seen.text}`,
          hint: seen.kind === 'client' ? 'admit the client ranges (e.g. the loadBalancerSourceRanges) instead' : 'admit the load balancer addresses (lbSourceCidrs) instead',
        });
      }
      if (!b.onNodes && seen.kind === 'node') {
        out.push({
          ...where,
          id: 'L-LB-05',
          severity: 'info',
          message: `admits the client range ${b.cidr} for ${ctx.workloadLabel(b.w)}, but ${svcLabel(ctx, svc)} uses externalTrafficPolicy: Cluster with SNAT: LB clients arrive from node addresses, so this rule never matches them; they get in only when the LB lands on the pod's own node`,
          hint: 'set externalTrafficPolicy: Local to keep client addresses, or admit the node addresses (semantics 2.7)',
        });
      }
    }

    // L-LB-06 / L-LB-04: the path as a whole admits nothing
    if (backends.length === 0) continue;
    const clients = ranges.length > 0 ? ranges : internetCidrs(model);
    const paths = pathsFromSource(model, { id: 'clients', name: 'allowed clients', cidrs: clients }, svc, ['loadbalancer']);
    const withBackend = paths.filter((p) => p.backendId !== undefined && p.targetPort !== undefined);
    const policyBlocked = withBackend.length > 0 && withBackend.every((p) => p.outcome === 'no-reach' && p.hops.at(-1)?.kind === 'ingress-policy');
    if (policyBlocked) {
      const direct = (c.lbDeliveryMode ?? 'vip-passthrough') === 'direct-to-pod';
      out.push({
        ...base,
        id: direct ? 'L-LB-04' : 'L-LB-06',
        severity: 'warning',
        message: direct
          ? `the backends' ingress policies do not admit the direct-to-pod load balancer addresses (${(c.lbSourceCidrs ?? []).join(', ') || 'unset'}): traffic and health checks fail, backends are marked unhealthy`
          : `no backend admits traffic arriving through the load balancer (${seen.text})`,
        hint: 'add an ingress rule for the source the pods see on this path (the "public entry" template does it per cluster settings)',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- L-LB-07

function lbIpEgressFindings(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const lbs = sortedServices(ctx).filter((s) => s.type === 'LoadBalancer' && (s.status?.loadBalancerIPs ?? []).length > 0);
  if (lbs.length === 0) return out;
  for (const np of ctx.policies) {
    for (const v of policyRules(np)) {
      if (v.dir !== 'Egress') continue;
      (v.peers ?? []).forEach((p, k) => {
        if (!p.ipBlock) return;
        const set = ipBlockSet(p.ipBlock);
        for (const svc of lbs) {
          const ips = validIpSet(svc.status!.loadBalancerIPs!);
          if (ipIntersect(ips, set).length === 0) continue;
          out.push({
            id: 'L-LB-07',
            severity: 'warning',
            objectId: np.id,
            object: ctx.policyLabel(np),
            path: `${v.path}.to[${k}].ipBlock`,
            message: `egress ipBlock ${p.ipBlock.cidr} covers the load balancer IP of ${svcLabel(ctx, svc)} (${svc.status!.loadBalancerIPs!.join(', ')}), an in-cluster Service: kube-proxy sends pod traffic for the LB IP straight to the backend pods, so policy sees the backends, not this IP`,
            hint: 'allow egress to the backend pods (pod/namespace selector) on their targetPort instead',
          });
        }
      });
    }
  }
  return out;
}

export const serviceLbRules: LintRuleSet = {
  family: 'services-lb',
  ids: ['L-PORT-06', 'L-LB-01', 'L-LB-03', 'L-LB-04', 'L-LB-05', 'L-LB-06', 'L-LB-07'],
  run(ctx) {
    return [...portRuleFindings(ctx), ...lbFindings(ctx), ...lbIpEgressFindings(ctx)];
  },
};
