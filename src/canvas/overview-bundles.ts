// Fewer edges in a crowded overview, none dropped silently. The connections between compact
// nodes (one per node pair, from edges.ts) go through two steps:
//
// 1. Hubs. A node reached from (or reaching) at least half of the other nodes — DNS in
//    kube-system, monitoring — is a hub: those connections are not drawn one by one, the hub says
//    "reached from N namespaces · ports" (its `from` / `to` summary) instead; the other ends do
//    not count them again.
// 2. Ranking. When more than `maxEdges` connections are left, they are drawn heaviest first
//    (most workload pairs behind them), at most `perNode` per node; the long tail is counted on
//    each end as "+N more".
//
// Pinned connections (the selection's) are always drawn and never counted. The counts are
// exact: for every node, drawn + more + connections a hub summarises (its own summaries, or the
// other end's) = every connection touching it.

import type { Id } from '../model/types.ts';
import type { ConnSet } from '../policy/reachability-types.ts';
import { union } from '../policy/portset.ts';

export interface Link {
  key: string;
  src: Id;
  dst: Id;
  /** Workload pairs behind the connection (ranking weight). */
  flows: number;
  conn: ConnSet;
  /** Always drawn (touches the selection). */
  pinned?: boolean;
}

export interface HubSummary {
  /** How many nodes the hub's summarised connections come from (or go to). */
  nodes: number;
  /** Those nodes (namespaces or external networks), to say which kinds they are. */
  peers: Id[];
  flows: number;
  conn: ConnSet;
}

export interface NodeTail {
  /** Connections of this node that are not drawn and that no hub summarises. */
  more: number;
  /** Connections into this hub, summarised. */
  from?: HubSummary;
  /** Connections out of this hub, summarised. */
  to?: HubSummary;
}

export interface BundleOptions {
  /** Ranking draws at most this many connections per node... */
  perNode: number;
  /** ...and this many in all (pinned included), once more than this are left after the hubs. */
  maxEdges: number;
  /** A hub needs at least this many connections in one direction... */
  hubMin: number;
  /** ...and at least this share of the other nodes. */
  hubShare: number;
}

export const DEFAULT_BUNDLE_OPTIONS: BundleOptions = { perNode: 2, maxEdges: 60, hubMin: 5, hubShare: 0.5 };

export interface BundleResult {
  /** Keys of the links to draw. */
  drawn: Set<string>;
  /** Keys of the links a hub summarises. */
  hubbed: Set<string>;
  tails: Map<Id, NodeTail>;
  /** Links not drawn. */
  hidden: number;
}

export function bundleLinks(links: readonly Link[], opts: BundleOptions = DEFAULT_BUNDLE_OPTIONS): BundleResult {
  const drawn = new Set<string>();
  const tails = new Map<Id, NodeTail>();
  const tail = (id: Id) => {
    let t = tails.get(id);
    if (!t) tails.set(id, (t = { more: 0 }));
    return t;
  };
  const nodes = new Set<Id>();
  const indeg = new Map<Id, number>();
  const outdeg = new Map<Id, number>();
  for (const l of links) {
    nodes.add(l.src);
    nodes.add(l.dst);
    if (l.pinned) continue;
    indeg.set(l.dst, (indeg.get(l.dst) ?? 0) + 1);
    outdeg.set(l.src, (outdeg.get(l.src) ?? 0) + 1);
  }
  const threshold = Math.max(opts.hubMin, Math.ceil(opts.hubShare * (nodes.size - 1)));
  const hubIn = (id: Id) => (indeg.get(id) ?? 0) >= threshold;
  const hubOut = (id: Id) => (outdeg.get(id) ?? 0) >= threshold;
  const add = (s: HubSummary | undefined, l: Link, peer: Id): HubSummary => (s
    ? { nodes: s.nodes + 1, peers: [...s.peers, peer], flows: s.flows + l.flows, conn: union(s.conn, l.conn) }
    : { nodes: 1, peers: [peer], flows: l.flows, conn: l.conn });

  const rest: Link[] = [];
  const hubbed = new Set<string>();
  let pinned = 0;
  for (const l of links) {
    if (l.pinned) {
      drawn.add(l.key);
      pinned++;
      continue;
    }
    const atIn = hubIn(l.dst);
    const atOut = hubOut(l.src);
    if (!atIn && !atOut) {
      rest.push(l);
      continue;
    }
    if (atIn) tail(l.dst).from = add(tails.get(l.dst)?.from, l, l.src);
    if (atOut) tail(l.src).to = add(tails.get(l.src)?.to, l, l.dst);
    hubbed.add(l.key);
  }

  if (pinned + rest.length <= opts.maxEdges) {
    for (const l of rest) drawn.add(l.key);
  } else {
    const deg = new Map<Id, number>();
    let budget = Math.max(0, opts.maxEdges - pinned);
    const ranked = [...rest].sort((a, b) => b.flows - a.flows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const l of ranked) {
      const ds = deg.get(l.src) ?? 0;
      const dd = deg.get(l.dst) ?? 0;
      if (budget > 0 && ds < opts.perNode && dd < opts.perNode) {
        drawn.add(l.key);
        deg.set(l.src, ds + 1);
        deg.set(l.dst, dd + 1);
        budget--;
      } else {
        tail(l.src).more++;
        tail(l.dst).more++;
      }
    }
  }
  return { drawn, hubbed, tails, hidden: links.length - drawn.size };
}
