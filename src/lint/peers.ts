// L-PEER-02: two list items (OR) where one item with both keys (AND) was probably meant.
// L-PEER-04: hostNetwork workloads as subjects or peers, which most plugins ignore (1.2).

import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';
import { namespaceOf } from '../policy/np-rules.ts';
import type { LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

export const peerRules: LintRuleSet = {
  family: 'peers',
  ids: ['L-PEER-02', 'L-PEER-04'],
  run(ctx) {
    const out: LintFinding[] = [];
    const hostNet = ctx.model.cluster.profile.hostNetworkIsPod ? [] : Object.values(ctx.model.workloads).filter((w) => w.hostNetwork);
    for (const np of ctx.policies) {
      const base = { id: 'L-PEER-04', severity: 'info' as const, objectId: np.id, object: ctx.policyLabel(np) };
      const subjects = hostNet.filter((w) => w.namespaceId === np.namespaceId && matchesSelector(np.podSelector, w.podLabels));
      if (subjects.length > 0) {
        out.push({
          ...base,
          path: 'spec.podSelector',
          message: `selects hostNetwork workloads (${subjects.map((w) => ctx.workloadLabel(w)).join(', ')}); most plugins ignore them: their traffic is node traffic and this policy does not restrict it`,
        });
      }
      for (const r of policyRules(np)) {
        (r.peers ?? []).forEach((peer, j) => {
          if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return;
          const hit = hostNet.filter((w) => {
            const nsOk = peer.namespaceSelector
              ? matchesSelector(peer.namespaceSelector, namespaceLabels(namespaceOf(ctx.model, w.namespaceId)))
              : w.namespaceId === np.namespaceId;
            return nsOk && (!peer.podSelector || matchesSelector(peer.podSelector, w.podLabels));
          });
          if (hit.length === 0) return;
          out.push({
            ...base,
            path: `${r.path}.${r.peerKey}[${j}]`,
            message: `peer selects hostNetwork workloads (${hit.map((w) => ctx.workloadLabel(w)).join(', ')}), which selectors do not match on most plugins; their traffic comes from the node address`,
            hint: 'reach hostNetwork pods with an ipBlock of the node addresses',
          });
        });
      }
    }
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
