// Which workloads a selector in the policy editor matches, asked of the core's own predicates,
// plus a short text for the editor.

import type { Id, LabelSelector, Model, NetworkPolicy, PolicyPeer } from '../../../src/model/types.ts';
import { isSubject, peerMatches } from '../../../src/policy/np-rules.ts';
import { endpointLabel } from '../endpoint-label.ts';

export function targetMatches(model: Model, np: NetworkPolicy, podSelector: LabelSelector = np.podSelector): Id[] {
  const probe = { ...np, podSelector };
  return Object.values(model.workloads)
    .filter((w) => isSubject(model, probe, w))
    .map((w) => w.id);
}

export function peerMatchIds(model: Model, np: NetworkPolicy, peer: PolicyPeer): Id[] {
  return Object.values(model.workloads)
    .filter((w) => peerMatches(model, peer, np.namespaceId, { kind: 'workload', workload: w }))
    .map((w) => w.id);
}

export function describeMatches(model: Model, ids: Id[]): string {
  if (ids.length === 0) return 'Matches no workload in this design.';
  const names = ids.slice(0, 4).map((id) => endpointLabel(model, id));
  const more = ids.length > 4 ? `, and ${ids.length - 4} more` : '';
  return `Matches ${ids.length} workload${ids.length === 1 ? '' : 's'}: ${names.join(', ')}${more}.`;
}
