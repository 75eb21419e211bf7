// Constructors for empty documents, default cluster settings and ids.

import { DOC_VERSION } from './types.ts';
import type { ClusterProfile, ClusterSettings, Doc, Id, Model, Review } from './types.ts';

export const PROFILES: Record<Exclude<ClusterProfile['name'], 'custom'>, ClusterProfile> = {
  // The upstream conformance expectations (semantics.md 1.6, 1.12, 6).
  upstream: {
    name: 'upstream',
    ipBlockMatchesPods: true,
    ipBlockMatchesNodes: true,
    hostNetworkIsPod: false,
    serviceProxy: 'kube-proxy',
    endPortSupported: true,
  },
  cilium: {
    name: 'cilium',
    ipBlockMatchesPods: false,
    ipBlockMatchesNodes: false,
    hostNetworkIsPod: false,
    serviceProxy: 'cilium-snat',
    endPortSupported: false,
  },
  // netpol-analyzer's known differences from upstream: ipBlocks and admin `networks` never match
  // pods, and hostNetwork pods are ordinary pods matched by selectors (issue 10 "Also").
  'netpol-analyzer-compat': {
    name: 'netpol-analyzer-compat',
    ipBlockMatchesPods: false,
    ipBlockMatchesNodes: true,
    hostNetworkIsPod: true,
    serviceProxy: 'kube-proxy',
    endPortSupported: true,
  },
};

export function defaultClusterSettings(): ClusterSettings {
  return {
    profile: { ...PROFILES.upstream },
    // Unknown until the user sets it: an invented range would go into generated policies.
    nodeCidrs: [],
    podCidrs: ['10.244.0.0/16'],
    serviceCidrs: ['10.96.0.0/12'],
  };
}

export function emptyModel(): Model {
  return {
    namespaces: {},
    workloads: {},
    services: {},
    policies: {},
    externals: {},
    intents: {},
    namespaceDefaults: {},
    cluster: defaultClusterSettings(),
  };
}

export function emptyDoc(name = 'Untitled design'): Doc {
  return { version: DOC_VERSION, name, model: emptyModel(), layout: {} };
}

export function emptyReview(): Review {
  return { comments: {}, versions: {}, decisions: {} };
}

// Ids of imported objects are derived from their Kubernetes identity, so importing the same
// manifests twice yields the same ids. Objects created in the designer get random ids.
export const ids = {
  namespace: (name: string): Id => `ns:${name}`,
  workload: (ns: string, kind: string, name: string): Id => `wl:${ns}/${kind}/${name}`,
  service: (ns: string, name: string): Id => `svc:${ns}/${name}`,
  policy: (ns: string, name: string): Id => `np:${ns}/${name}`,
  external: (name: string): Id => `ext:${name}`,
  /** Cluster policies by kind and name: a CNP and an ANP may share a name. */
  clusterPolicy: (kind: string, name: string): Id => `${kind === 'ClusterNetworkPolicy' ? 'cnp' : kind === 'AdminNetworkPolicy' ? 'anp' : 'banp'}:${name}`,
  node: (name: string): Id => `node:${name}`,
};

let counter = 0;
/** A fresh random id with a readable prefix, e.g. `wl-k3j9x2`. */
export function newId(prefix: string): Id {
  counter = (counter + 1) % 1296;
  const rand = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${prefix}-${rand}${counter.toString(36)}`;
}

/** The label the control plane sets on every namespace (semantics.md 1.5). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
