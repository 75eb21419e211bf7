// What a cluster policy selects, as canvas node ids to highlight when the policy is chosen in the
// Cluster policies view: its subjects (pods, and the namespaces its namespace selector selects)
// and its rules' peers (pods, namespaces, external networks by address or domain name, hostNetwork
// pods on selected nodes). Asked of the evaluator's own predicates (cluster-rules.ts).
//
// Public API: clusterPolicyHighlight(model, policy): { subjects, peers }

import type { ClusterPeer, ClusterPolicy, Id, Model } from '../model/types.ts';
import { clusterPeerMatches, clusterSubjectMatches } from '../policy/cluster-rules.ts';
import { buildEndpoints } from '../policy/endpoints.ts';
import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';
import { endpointCanvasId } from './pairs.ts';

export interface ClusterHighlight {
  /** Workloads the policy applies to, and the namespaces whose pods it selects. */
  subjects: Id[];
  /** Canvas nodes some rule's peer matches (not already subjects). */
  peers: Id[];
}

/** Namespaces a namespace selector (or a pods peer's namespaceSelector) selects. */
function namespacesOf(model: Model, peer: { namespaces?: ClusterPeer['namespaces']; pods?: ClusterPeer['pods'] }): Id[] {
  const sel = peer.namespaces ?? peer.pods?.namespaceSelector;
  if (!sel) return [];
  return Object.values(model.namespaces).filter((n) => matchesSelector(sel, namespaceLabels(n))).map((n) => n.id);
}

export function clusterPolicyHighlight(model: Model, p: ClusterPolicy): ClusterHighlight {
  const subjects = new Set<Id>();
  for (const w of Object.values(model.workloads)) if (clusterSubjectMatches(model, p, w)) subjects.add(w.id);
  // A namespaces subject selects whole namespaces: highlight them (a pods subject, only its pods).
  if (p.subject.namespaces) for (const id of namespacesOf(model, p.subject)) subjects.add(id);
  const peers = new Set<Id>();
  const all = [...p.ingress, ...p.egress].flatMap((r) => r.peers);
  if (all.length > 0) {
    const built = buildEndpoints(model);
    built.endpoints.forEach((ep, i) => {
      const node = endpointCanvasId(ep, model);
      if (!node) return;
      if (all.some((x) => clusterPeerMatches(model, x, built.refs[i]))) peers.add(node);
    });
    for (const x of all) if (x.namespaces) for (const id of namespacesOf(model, x)) peers.add(id);
  }
  for (const id of subjects) peers.delete(id);
  return { subjects: [...subjects].sort(), peers: [...peers].sort() };
}
