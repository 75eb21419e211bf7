// L-PEER-02: two list items (OR) where one item with both keys (AND) was probably meant.

import type { LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

export const peerRules: LintRuleSet = {
  family: 'peers',
  ids: ['L-PEER-02'],
  run(ctx) {
    const out: LintFinding[] = [];
    for (const np of ctx.policies) {
      for (const r of policyRules(np)) {
        const peers = r.peers ?? [];
        const nsOnly = peers.some((p) => p.namespaceSelector && !p.podSelector && !p.ipBlock);
        const podOnly = peers.some((p) => p.podSelector && !p.namespaceSelector && !p.ipBlock);
        if (nsOnly && podOnly) {
          out.push({
            id: 'L-PEER-02',
            severity: 'warning',
            objectId: np.id,
            object: ctx.policyLabel(np),
            path: `${r.path}.${r.peerKey}`,
            message: `\`${r.peerKey}\` has a namespaceSelector-only item and a podSelector-only item: they are ORed (those namespaces OR these pods of ${ctx.namespaceName(np.namespaceId)}), not ANDed`,
            hint: 'put namespaceSelector and podSelector under one `-` if "these pods in those namespaces" was meant',
          });
        }
      }
    }
    return out;
  },
};
