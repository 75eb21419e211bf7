// What a cluster policy selects, as canvas node ids to highlight when the policy is chosen in the
// Cluster policies view: its subjects (pods, and the namespaces its namespace selector selects)
// and its rules' peers (pods, namespaces, external networks by address or domain name, hostNetwork
// pods on selected nodes). Asked of the evaluator's own predicates (cluster-rules.ts).
//
// Public API: clusterPolicyHighlight(model, policy): { subjects, peers };
//   clusterPeerMatchIds(model, peer), clusterSubjectMatchIds(model, subject): ids one selector matches

import type { ClusterPeer, ClusterPolicy, Id, Model } from '../model/types.ts';
import { clusterPeerMatches, clusterSubjectMatches } from '../policy/cluster-rules.ts';
import { buildEndpoints } from '../policy/endpoints.ts';
import { matchesSelector, namespaceLabels } from '../policy/selectors.ts';
import { endpointCanvasId } from './pairs.ts';

// Models are immutable: endpoints are built once per model however many selectors ask.
const builtCache = new WeakMap<Model, ReturnType<typeof buildEndpoints>>();
function endpointsOf(model: Model): ReturnType<typeof buildEndpoints> {
  let b = builtCache.get(model);
  if (!b) builtCache.set(model, (b = buildEndpoints(model)));
  return b;
}

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
    const built = endpointsOf(model);
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

/** The canvas nodes one peer matches (its namespaces too, for a namespaces / pods peer). */
export function clusterPeerMatchIds(model: Model, peer: ClusterPeer): Id[] {
  const out = new Set<Id>();
  const built = endpointsOf(model);
  built.endpoints.forEach((ep, i) => {
    const node = endpointCanvasId(ep, model);
    if (node && clusterPeerMatches(model, peer, built.refs[i])) out.add(node);
  });
  if (peer.namespaces) for (const id of namespacesOf(model, peer)) out.add(id);
  return [...out].sort();
}

/** The workloads (and, for a namespaces subject, namespaces) a subject selects. */
export function clusterSubjectMatchIds(model: Model, p: ClusterPolicy): Id[] {
  return clusterPolicyHighlight(model, { ...p, ingress: [], egress: [] }).subjects;
}
