// The connections of one canvas node as a list for people (the Inspector's "Connections"): what
// the canvas draws around it, including what a crowded overview only summarises ("⇠ 19 ns",
// "+N more") or draws once the node is selected.
//
// - A workload or an external network: one row per allowed canvas pair (pairs.ts) touching it,
//   the peer being the other node. An external network also lists the load balancers that admit
//   it (the canvas's entry edges, lb-edges.ts).
// - A namespace: its workloads' pairs grouped by the node the overview draws the other end as
//   (edges.ts drawnNodeOf with every namespace compact: the peer's namespace, or the external
//   network), ports merged: the rows are the namespace-pair edges of the overview, one each.
//   Pairs between its own workloads are counted apart (`inside`, the card's inner flows).
// - A load balancer: the external networks it admits, and its backends with the port mapping.
//
// Ports read as on the edges (formatConnSet; the service edges' `80→8080`). Rows are sorted by
// the peer's name. Each row says what opens its explanation: an endpoint pair for the Explain
// tab, or the Paths tab for load-balancer paths (a load balancer is no endpoint of the evaluator).

import type { Id, Model } from '../model/types.ts';
import type { ConnSet } from '../policy/reachability-types.ts';
import { union } from '../policy/portset.ts';
import { formatConnSet } from '../report/conn-format.ts';
import { serviceBackends } from '../services/backends.ts';
import type { PathResult } from '../services/paths.ts';
import { canvasLabel, loadBalancerNodeId, parseNodeId, type NodeKind } from './ids.ts';
import type { CanvasPair } from './pairs.ts';
import { drawnNodeOf, servicePortsText } from './edges.ts';
import { lbEntryLabel, lbGroups } from './lb-edges.ts';

/** What activating a row opens. */
export type ConnectionOpen =
  /** The Explain tab, for this endpoint pair (ids as in Reachability). */
  | { kind: 'explain'; src: string; dst: string }
  /** The Paths tab, for the selected external network or load balancer. */
  | { kind: 'paths' };

export interface ConnectionRow {
  /** Canvas node id of the other end. */
  peer: Id;
  peerKind: NodeKind;
  peerName: string;
  /** Protocols and ports, as the canvas edge labels write them. */
  ports: string;
  /** Workload pairs behind the row (1 for a workload's own row and for load-balancer rows). */
  count: number;
  /** A load-balancer path (entry or backend), not a NetworkPolicy-allowed pair. */
  viaLoadBalancer?: boolean;
  open: ConnectionOpen;
}

export interface NodeConnections {
  /** Connections into the node ("Reached from"), by peer name. */
  incoming: ConnectionRow[];
  /** Connections out of it ("Reaches"), by peer name. */
  outgoing: ConnectionRow[];
  /** Allowed canvas pairs behind the rows, per direction (load-balancer rows not included). */
  pairs: { incoming: number; outgoing: number };
  /** A namespace: allowed pairs between its own workloads (not rows). 0 otherwise. */
  inside: number;
}

export interface ConnectionsInput {
  /** The model the pairs were evaluated from (ids and names match). */
  model: Model;
  /** Allowed pairs between canvas nodes (pairs.ts canvasPairs). */
  pairs: readonly CanvasPair[];
  /** External paths through load balancers (services/paths.ts), for the load-balancer rows. */
  paths?: readonly PathResult[];
}

interface Acc {
  peer: Id;
  conn: ConnSet;
  count: number;
  explain: { src: string; dst: string };
}

const byName = (a: ConnectionRow, b: ConnectionRow) =>
  (a.peerName < b.peerName ? -1 : a.peerName > b.peerName ? 1 : a.peer < b.peer ? -1 : a.peer > b.peer ? 1 : 0);

function rowsOf(model: Model, acc: Map<Id, Acc>): ConnectionRow[] {
  const rows: ConnectionRow[] = [];
  for (const a of acc.values()) {
    const ref = parseNodeId(model, a.peer);
    if (!ref) continue;
    rows.push({
      peer: a.peer, peerKind: ref.kind, peerName: canvasLabel(model, a.peer), ports: formatConnSet(a.conn), count: a.count,
      open: { kind: 'explain', ...a.explain },
    });
  }
  return rows;
}

function add(acc: Map<Id, Acc>, peer: Id, p: CanvasPair): void {
  const a = acc.get(peer);
  if (a) {
    a.conn = union(a.conn, p.conn);
    a.count++;
  } else acc.set(peer, { peer, conn: p.conn, count: 1, explain: p.explain });
}

/**
 * The connections of canvas node `nodeId` (a namespace, workload, external network or load
 * balancer node id), or null when `model` has no such node.
 */
export function connectionsOf(input: ConnectionsInput, nodeId: Id): NodeConnections | null {
  const { model, pairs } = input;
  const ref = parseNodeId(model, nodeId);
  if (!ref) return null;
  const inc = new Map<Id, Acc>();
  const out = new Map<Id, Acc>();
  let inside = 0;
  let pairsIn = 0;
  let pairsOut = 0;
  if (ref.kind === 'namespace') {
    // The overview's grouping: every namespace compact, a workload drawn by its namespace.
    const compact = new Set(Object.keys(model.namespaces));
    const peerOf = (id: Id) => drawnNodeOf(model, compact, id);
    const mine = (id: Id) => model.workloads[id]?.namespaceId === nodeId;
    for (const p of pairs) {
      const s = mine(p.src);
      const d = mine(p.dst);
      if (s && d) inside++;
      else if (s) {
        add(out, peerOf(p.dst), p);
        pairsOut++;
      } else if (d) {
        add(inc, peerOf(p.src), p);
        pairsIn++;
      }
    }
  } else if (ref.kind !== 'loadbalancer') {
    for (const p of pairs) {
      if (p.src === nodeId) {
        add(out, p.dst, p);
        pairsOut++;
      } else if (p.dst === nodeId) {
        add(inc, p.src, p);
        pairsIn++;
      }
    }
  }
  const incoming = rowsOf(model, inc);
  const outgoing = rowsOf(model, out);
  if (ref.kind === 'external' || ref.kind === 'loadbalancer') {
    const lbRows = loadBalancerRows(input, nodeId, ref.kind === 'loadbalancer' ? ref.serviceId : null);
    incoming.push(...lbRows.incoming);
    outgoing.push(...lbRows.outgoing);
  }
  incoming.sort(byName);
  outgoing.sort(byName);
  return { incoming, outgoing, pairs: { incoming: pairsIn, outgoing: pairsOut }, inside };
}

/** An external network's entries into load balancers, or a load balancer's (`serviceId`) entries and backends. */
function loadBalancerRows(input: ConnectionsInput, nodeId: Id, serviceId: Id | null): { incoming: ConnectionRow[]; outgoing: ConnectionRow[] } {
  const { model } = input;
  const incoming: ConnectionRow[] = [];
  const outgoing: ConnectionRow[] = [];
  const row = (peer: Id, ports: string): ConnectionRow | null => {
    const r = parseNodeId(model, peer);
    return r && { peer, peerKind: r.kind, peerName: canvasLabel(model, peer), ports, count: 1, viaLoadBalancer: true, open: { kind: 'paths' } };
  };
  for (const group of lbGroups(model, input.paths ?? []).values()) {
    const { sourceId, serviceId: svc } = group[0];
    if (serviceId === null ? sourceId !== nodeId : svc !== serviceId) continue;
    const ports = lbEntryLabel(group);
    if (!ports) continue;
    const r = serviceId === null ? row(loadBalancerNodeId(svc), ports) : row(sourceId, ports);
    if (r) (serviceId === null ? outgoing : incoming).push(r);
  }
  const svc = serviceId === null ? undefined : model.services[serviceId];
  if (svc) {
    for (const wid of serviceBackends(model, svc).backends) {
      const r = row(wid, servicePortsText(svc, model.workloads[wid]));
      if (r) outgoing.push(r);
    }
  }
  return { incoming, outgoing };
}
