// L-IPB-04: "the internet" written as 0.0.0.0/0 (or ::/0) without excepting the cluster ranges.

import { ipSetOf, ipSubsetOf } from '../net/ipset.ts';
import type { LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

const EVERYTHING = ['0.0.0.0/0', '::/0'];

export const ipBlockRules: LintRuleSet = {
  family: 'ipblock',
  ids: ['L-IPB-04'],
  run(ctx) {
    const out: LintFinding[] = [];
    const podRanges = ipSetOf(ctx.model.cluster.podCidrs);
    for (const np of ctx.policies) {
      for (const r of policyRules(np)) {
        (r.peers ?? []).forEach((peer, j) => {
          if (!peer.ipBlock || !EVERYTHING.includes(peer.ipBlock.cidr.trim())) return;
          const excepted = ipSetOf(peer.ipBlock.except ?? []);
          // Only the pod ranges of the block's own address family matter.
          const family = ipSetOf([peer.ipBlock.cidr.trim()]);
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
