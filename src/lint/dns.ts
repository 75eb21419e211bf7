// L-DNS-01: pods isolated for egress that cannot reach cluster DNS on both UDP 53 and TCP 53.
//
// The DNS pods are the design's own `k8s-app: kube-dns` workloads when it has them; otherwise a
// stand-in CoreDNS pod in kube-system (labels and container ports as kubeadm deploys it), so the
// check also works on an application's manifests alone.

import type { Workload } from '../model/types.ts';
import { effectiveTypes, isPolicyPod, isSubject, ruleConnToward, ruleMatchesPeer } from '../policy/np-rules.ts';
import { contains, emptyConn, union } from '../policy/portset.ts';
import type { ConnSet } from '../policy/reachability-types.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';

const DNS_LABEL = 'k8s-app';
const DNS_VALUE = 'kube-dns';

function dnsTargets(ctx: LintContext): Workload[] {
  const own = Object.values(ctx.model.workloads).filter((w) => w.podLabels[DNS_LABEL] === DNS_VALUE);
  if (own.length > 0) return own;
  const kubeSystem = Object.values(ctx.model.namespaces).find((n) => n.name === 'kube-system');
  return [
    {
      id: 'lint:coredns',
      namespaceId: kubeSystem?.id ?? 'ns:kube-system',
      name: 'coredns',
      kind: 'Deployment',
      podLabels: { [DNS_LABEL]: DNS_VALUE },
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    },
  ];
}

export const dnsRules: LintRuleSet = {
  family: 'dns',
  ids: ['L-DNS-01'],
  run(ctx) {
    const out: LintFinding[] = [];
    const profile = ctx.model.cluster.profile;
    const egressPolicies = ctx.policies.filter((np) => effectiveTypes(np).has('Egress'));
    if (egressPolicies.length === 0) return out;
    const targets = dnsTargets(ctx);
    const workloads = Object.values(ctx.model.workloads).sort((a, b) => (ctx.workloadLabel(a) < ctx.workloadLabel(b) ? -1 : 1));
    for (const w of workloads) {
      if (!isPolicyPod(w, profile) || targets.includes(w)) continue;
      const applying = egressPolicies.filter((np) => isSubject(ctx.model, np, w));
      if (applying.length === 0) continue;
      // What the egress rules allow toward DNS: any DNS pod counts, and an ipBlock rule is
      // given the benefit of the doubt (NodeLocal DNSCache and similar are reached by IP).
      let toDns: ConnSet = emptyConn();
      for (const np of applying) {
        for (const rule of np.egress ?? []) {
          const byIp = (rule.to ?? []).some((p) => p.ipBlock);
          for (const dns of targets) {
            if (byIp || ruleMatchesPeer(ctx.model, rule, 'Egress', np.namespaceId, { kind: 'workload', workload: dns })) {
              toDns = union(toDns, ruleConnToward(rule, dns, profile));
            }
          }
        }
      }
      const missing = (['UDP', 'TCP'] as const).filter((p) => !contains(toDns, p, 53));
      if (missing.length === 0) continue;
      out.push({
        id: 'L-DNS-01',
        severity: 'warning',
        objectId: w.id,
        object: ctx.workloadLabel(w),
        message:
          `is isolated for egress (by ${applying.map((np) => ctx.policyLabel(np).replace('NetworkPolicy ', '')).join(', ')}) ` +
          `but no egress rule allows ${missing.map((p) => `${p} 53`).join(' and ')} to the cluster DNS pods` +
          (missing.length === 2 ? ': name resolution fails' : ''),
        hint: 'allow egress to `namespaceSelector: {kubernetes.io/metadata.name: kube-system}` + `podSelector: {k8s-app: kube-dns}` on UDP 53 and TCP 53',
      });
    }
    return out;
  },
};
