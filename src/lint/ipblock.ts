// L-IPB-*: ipBlocks aimed at pods, Services or nodes, and "the internet" written as 0.0.0.0/0
// (or ::/0) without excepting the pod network (semantics 1.6, 2.1).

import { ipIntersect, ipIsEmpty, ipSubsetOf, validIpSetOf, type IpSet } from '../net/ipset.ts';
import { ipBlockSet } from '../policy/np-rules.ts';
import type { LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

const EVERYTHING = ['0.0.0.0/0', '::/0'];

/** True when the block lies inside `range` (a rule aimed at it, not a broad range that covers it). */
function within(block: IpSet, range: IpSet): boolean {
  return !ipIsEmpty(block) && !ipIsEmpty(range) && ipSubsetOf(block, range);
}

export const ipBlockRules: LintRuleSet = {
  family: 'ipblock',
  ids: ['L-IPB-02', 'L-IPB-03', 'L-IPB-04', 'L-IPB-05'],
  run(ctx) {
    const out: LintFinding[] = [];
    const { cluster } = ctx.model;
    // Design data may hold invalid CIDRs (reported by validation); they must not stop lint.
    const podRanges = validIpSetOf(cluster.podCidrs);
    const serviceRanges = validIpSetOf(cluster.serviceCidrs);
    const nodeRanges = validIpSetOf(cluster.nodeCidrs);
    const podIps = validIpSetOf(Object.values(ctx.model.workloads).flatMap((w) => (w.hostNetwork ? [] : w.podIPs ?? [])));
    for (const np of ctx.policies) {
      for (const r of policyRules(np)) {
        (r.peers ?? []).forEach((peer, j) => {
          if (!peer.ipBlock || EVERYTHING.includes(peer.ipBlock.cidr.trim())) return;
          const block = ipBlockSet(peer.ipBlock);
          const base = { objectId: np.id, object: ctx.policyLabel(np), path: `${r.path}.${r.peerKey}[${j}].ipBlock` };
          if (within(block, serviceRanges)) {
            out.push({
              ...base,
              id: 'L-IPB-03',
              severity: 'warning',
              message: `ipBlock ${peer.ipBlock.cidr} lies in the Service range: ClusterIPs are translated to pod IPs before policy applies, so this grants nothing`,
              hint: 'select the backend pods with podSelector/namespaceSelector instead',
            });
          } else if (within(block, nodeRanges)) {
            out.push({
              ...base,
              id: 'L-IPB-05',
              severity: 'info',
              message: `ipBlock ${peer.ipBlock.cidr} is a node address range: Cilium ignores it unless policy-cidr-match-mode=nodes, and SNATed traffic may come from a node's pod-gateway address instead`,
            });
          } else if (within(block, podRanges) || !ipIsEmpty(ipIntersect(block, podIps))) {
            out.push({
              ...base,
              id: 'L-IPB-02',
              severity: 'info',
              message: `ipBlock ${peer.ipBlock.cidr} covers pod addresses: it matches those pods on Calico and in the upstream tests, never on Cilium, and pod IPs change on restart`,
              hint: 'select pods with podSelector/namespaceSelector',
            });
          }
        });
      }
    }
    for (const np of ctx.policies) {
      for (const r of policyRules(np)) {
        (r.peers ?? []).forEach((peer, j) => {
          if (!peer.ipBlock || !EVERYTHING.includes(peer.ipBlock.cidr.trim())) return;
          const excepted = validIpSetOf(peer.ipBlock.except ?? []);
          // Only the pod ranges of the block's own address family matter.
          const family = validIpSetOf([peer.ipBlock.cidr.trim()]);
          const relevantPods = podRanges.filter(([lo, hi]) => ipSubsetOf([[lo, hi]], family));
          if (relevantPods.length > 0 && ipSubsetOf(relevantPods, excepted)) return;
          out.push({
            id: 'L-IPB-04',
            severity: 'info',
            objectId: np.id,
            object: ctx.policyLabel(np),
            path: `${r.path}.${r.peerKey}[${j}].ipBlock`,
            message: `ipBlock ${peer.ipBlock.cidr} without an except for the pod network also admits pods on plugins that match ipBlocks against pod IPs (Calico, upstream e2e), but not on Cilium`,
            hint: `add \`except: [${ctx.model.cluster.podCidrs.join(', ') || '<pod CIDR>'}]\` if only the outside world was meant`,
          });
        });
      }
    }
    return out;
  },
};
