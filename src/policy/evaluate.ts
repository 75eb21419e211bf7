// All-pairs reachability under NetworkPolicy v1 (semantics.md 1), computed per equivalence
// class of endpoints.
//
// Public API:
//   evaluate(model): Reachability
//   evaluateOverrides(model): { reach, overrides }   (NetworkPolicy allows an Admin Deny stops, per class pair)
//   ingressAllowedFrom(model, dstWorkloadId, source): IngressFromResult   (for Services / LBs)
//
// How: (1) every selector, subject and peer is answered once as a bitset over endpoints, using
// an inverted label index; (2) endpoints are partitioned into classes by refining with those
// bitsets (plus named-port resolution and node placement), so members of a class behave
// identically; (3) per destination class an ingress column and per source class an egress row
// of interned conn-set ids is built from the rules (cached per isolating-policy set); (4) the
// class matrix is egress ∩ ingress.
//
// Tiers (semantics 3.2/3.8): cluster policies add their subject/peer bitsets to the refinement
// in step 2; per direction, a first-match walk over the Admin and Baseline rules gives per pair
// the connections Admin accepted (A) and denied (D) and Baseline denied (BD), and the verdict is
// A ∪ ((ALL − A − D) ∩ (NP-isolated ? NP : ALL − BD)) (`chain()`). Pairs no cluster rule
// touches keep the NetworkPolicy-only fast path. The walk runs once per distinct set of subject
// policies and over peer groups (classes every cluster rule of the direction treats alike,
// class-groups.ts), not over every peer class.

import type { Direction, LabelSelector, Model, NetworkPolicy, PolicyPeer, Workload } from '../model/types.ts';
import { ipIntersect, ipSetOf, ipSubsetOf, toCidrs } from '../net/ipset.ts';
import { andInto, forEachBit, hasBit, newBits, orInto, popcount, setBit, type Bits } from './bitset.ts';
import { buildEndpoints, ipBlockKey, splitByBlocks } from './endpoints.ts';
import { policiesOfNamespace } from './selection-index.ts';
import {
  effectiveTypes, ipBlockSet, isPolicyPod, namespaceOf, peersOfRule, resolveNamedPort, ruleConnToward,
  rulesFor, workloadIpSet, ruleMatchesPeer, type PeerRef,
} from './np-rules.ts';
import { allConn, ConnTable, emptyConn, intersect, union } from './portset.ts';
import { groupClasses, groupsIn, type ClassGroups } from './class-groups.ts';
import { clusterPeerMatches, clusterPortConn, combineTiers, rulesOf, tierDecide, tierPolicies } from './cluster-rules.ts';
import type { ClusterPeer, ClusterPolicy, ClusterRule, ClusterSubject } from '../model/types.ts';
import type { ConnSet, Reachability } from './reachability-types.ts';
import { isInvalidRequirement, matchesSelector, namespaceLabels, selectorKey } from './selectors.ts';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// ---------------------------------------------------------------- label index

class LabelIndex {
  private readonly byKeyValue = new Map<string, Map<string, number[]>>();
  private readonly cache = new Map<string, Bits>();
  constructor(private readonly n: number, private readonly universe: Bits, labelsOf: (i: number) => Record<string, string> | undefined) {
    for (let i = 0; i < n; i++) {
      const labels = labelsOf(i);
      if (!labels) continue;
      for (const k in labels) {
        let vals = this.byKeyValue.get(k);
        if (!vals) this.byKeyValue.set(k, (vals = new Map()));
        let list = vals.get(labels[k]);
        if (!list) vals.set(labels[k], (list = []));
        list.push(i);
      }
    }
  }

  private bitsOf(k: string, values?: readonly string[]): Bits {
    const b = newBits(this.n);
    const vals = this.byKeyValue.get(k);
    if (!vals) return b;
    if (values) {
      for (const v of values) for (const i of vals.get(v) ?? []) setBit(b, i);
    } else for (const list of vals.values()) for (const i of list) setBit(b, i);
    return b;
  }

  /** Members of the universe matching the selector. Do not mutate the result. */
  select(sel: LabelSelector): Bits {
    const key = selectorKey(sel);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out = this.universe.slice();
    for (const k in sel.matchLabels ?? {}) andInto(out, this.bitsOf(k, [sel.matchLabels![k]]));
    for (const req of sel.matchExpressions ?? []) {
      if (isInvalidRequirement(req)) { out.fill(0); continue; }
      switch (req.operator) {
        case 'In': andInto(out, this.bitsOf(req.key, req.values ?? [])); break;
        case 'Exists': andInto(out, this.bitsOf(req.key)); break;
        case 'NotIn': { const b = this.bitsOf(req.key, req.values ?? []); for (let i = 0; i < out.length; i++) out[i] &= ~b[i]; break; }
        case 'DoesNotExist': { const b = this.bitsOf(req.key); for (let i = 0; i < out.length; i++) out[i] &= ~b[i]; break; }
        default: out.fill(0);
      }
    }
    this.cache.set(key, out);
    return out;
  }
}

// ---------------------------------------------------------------- compiled rules

interface CompiledRule {
  /** Peer classes; undefined = every endpoint (no from/to). */
  peers: Bits | undefined;
  /** Ports that do not depend on the destination. */
  fixed: number;
  /** Named ports, resolved on the destination workload. */
  named: { name: string; proto: 'TCP' | 'UDP' | 'SCTP' }[];
}

export function evaluate(model: Model): Reachability {
  return evaluateWith(model, false).reach;
}

/**
 * The evaluation plus, per class pair (row-major like `matrix`), the NetworkPolicy-only conn id
 * where NetworkPolicies allow something that an Admin Deny stops entirely (else 0); null when no
 * cluster policy applies. The pair is denied, and the side an explanation reports first (egress,
 * then ingress: the side denied outright by a cluster policy) is isolated by NetworkPolicies
 * that allow something there: exactly the pairs whose explanation has an `overridden` step on
 * that side (cluster-denials.ts draws them).
 */
export function evaluateOverrides(model: Model): { reach: Reachability; overrides: Int32Array | null } {
  return evaluateWith(model, true);
}

function evaluateWith(model: Model, withOverrides: boolean): { reach: Reachability; overrides: Int32Array | null } {
  const t0 = now();
  const profile = model.cluster.profile;
  const { endpoints, refs } = buildEndpoints(model);
  const n = endpoints.length;
  const policies = Object.values(model.policies).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const workloadAt = (i: number): Workload | undefined => {
    const r = refs[i];
    return r.kind === 'workload' ? r.workload : undefined;
  };
  const policyPods = newBits(n);
  for (let i = 0; i < n; i++) {
    const w = workloadAt(i);
    if (w && isPolicyPod(w, profile)) setBit(policyPods, i);
  }
  const podIndex = new LabelIndex(n, policyPods, (i) => (hasBit(policyPods, i) ? workloadAt(i)!.podLabels : undefined));

  // Workloads per namespace, and namespace selectors answered over namespace labels.
  const nsMembers = new Map<string, Bits>();
  for (let i = 0; i < n; i++) {
    const w = workloadAt(i);
    if (!w || !hasBit(policyPods, i)) continue;
    let b = nsMembers.get(w.namespaceId);
    if (!b) nsMembers.set(w.namespaceId, (b = newBits(n)));
    setBit(b, i);
  }
  const nsIds = new Set<string>([...Object.keys(model.namespaces), ...nsMembers.keys()]);
  const nsSelCache = new Map<string, Bits>();
  const nsLabelsOf = new Map<string, Record<string, string>>();
  for (const id of nsIds) if (nsMembers.has(id)) nsLabelsOf.set(id, namespaceLabels(namespaceOf(model, id)));
  const nsSelect = (sel: LabelSelector): Bits => {
    const key = selectorKey(sel);
    let b = nsSelCache.get(key);
    if (!b) {
      b = newBits(n);
      for (const [id, labels] of nsLabelsOf) if (matchesSelector(sel, labels)) orInto(b, nsMembers.get(id)!);
      nsSelCache.set(key, b);
    }
    return b;
  };
  const emptyBits = newBits(n);

  // Every distinct peer as an endpoint bitset.
  const peerCache = new Map<string, Bits>();
  const peerBits = (peer: PolicyPeer, nsId: string): Bits => {
    const key = peer.ipBlock
      ? `ip:${ipBlockKey(peer.ipBlock.cidr, peer.ipBlock.except)}:${peer.podSelector || peer.namespaceSelector ? 'x' : ''}`
      : `sel:${peer.namespaceSelector ? selectorKey(peer.namespaceSelector) : `ns=${nsId}`}:${peer.podSelector ? selectorKey(peer.podSelector) : '*'}`;
    let b = peerCache.get(key);
    if (b) return b;
    if (peer.ipBlock) {
      b = newBits(n);
      if (!peer.podSelector && !peer.namespaceSelector) {
        const set = blockSet(peer.ipBlock);
        for (let i = 0; i < n; i++) if (peerIpMatch(set, refs[i])) setBit(b, i);
      }
    } else if (!peer.podSelector && !peer.namespaceSelector) {
      b = emptyBits;
    } else {
      b = (peer.namespaceSelector ? nsSelect(peer.namespaceSelector) : nsMembers.get(nsId) ?? emptyBits).slice();
      if (peer.podSelector) andInto(b, podIndex.select(peer.podSelector));
    }
    peerCache.set(key, b);
    return b;
  };
  const blockSets = new Map<string, ReturnType<typeof workloadIpSet>>();
  const workloadIps = new Map<Workload, ReturnType<typeof workloadIpSet>>();
  function blockSet(block: { cidr: string; except?: string[] }): ReturnType<typeof workloadIpSet> {
    const key = ipBlockKey(block.cidr, block.except);
    let set = blockSets.get(key);
    if (!set) blockSets.set(key, (set = ipBlockSet(block)));
    return set;
  }
  function peerIpMatch(set: ReturnType<typeof workloadIpSet>, ref: PeerRef): boolean {
    if (ref.kind === 'workload') {
      let ips = workloadIps.get(ref.workload);
      if (!ips) workloadIps.set(ref.workload, (ips = workloadIpSet(ref.workload, profile)));
      return ips.length > 0 && ipIntersect(ips, set).length > 0;
    }
    if (ref.node) return profile.ipBlockMatchesNodes && ipIntersect(ref.set, set).length > 0;
    return ref.set.length > 0 && ipSubsetOf(ref.set, set);
  }

  // Subjects per policy, and the named ports any policy uses.
  const subjects: Bits[] = policies.map((np) => {
    const b = (nsMembers.get(np.namespaceId) ?? emptyBits).slice();
    andInto(b, podIndex.select(np.podSelector));
    return b;
  });
  const namedPorts = new Set<string>();
  const ruleSets: Bits[] = [];
  for (const np of policies) {
    for (const dir of ['Ingress', 'Egress'] as const) {
      for (const rule of rulesFor(np, dir)) {
        for (const p of rule.ports ?? []) if (typeof p.port === 'string') namedPorts.add(`${p.protocol ?? 'TCP'}/${p.port}`);
        for (const peer of peersOfRule(rule, dir) ?? []) ruleSets.push(peerBits(peer, np.namespaceId));
      }
    }
  }

  // Cluster policies (Admin tier, then Baseline), their subjects and peers as endpoint bitsets.
  const clusterPols: ClusterPolicy[] = [...tierPolicies(model, 'Admin'), ...tierPolicies(model, 'Baseline')];
  // Shared per selector pair: subjects repeat across policies (and as peers), so equal ones are
  // one bitset and refine the classes once. Do not mutate the result.
  const selectorPairCache = new Map<string, Bits>();
  const selectorPair = (nsSel: LabelSelector, podSel?: LabelSelector): Bits => {
    const key = JSON.stringify([selectorKey(nsSel), podSel ? selectorKey(podSel) : null]);
    let b = selectorPairCache.get(key);
    if (b) return b;
    b = nsSelect(nsSel).slice();
    if (podSel) andInto(b, podIndex.select(podSel));
    selectorPairCache.set(key, b);
    return b;
  };
  const subjectBits = (sub: ClusterSubject): Bits =>
    sub.namespaces ? selectorPair(sub.namespaces) : sub.pods ? selectorPair(sub.pods.namespaceSelector, sub.pods.podSelector) : emptyBits;
  const clusterPeerCache = new Map<string, Bits>();
  const clusterPeerBits = (peer: ClusterPeer): Bits => {
    const key = JSON.stringify(peer);
    let b = clusterPeerCache.get(key);
    if (b) return b;
    if (peer.namespaces) b = selectorPair(peer.namespaces);
    else if (peer.pods) b = selectorPair(peer.pods.namespaceSelector, peer.pods.podSelector);
    else if (peer.networks) {
      // Address peers match like ipBlocks (pods by IP per the profile, 3.4), one CIDR at a time.
      b = newBits(n);
      const sets = peer.networks.map((cidr) => blockSet({ cidr }));
      for (let i = 0; i < n; i++) if (sets.some((set) => peerIpMatch(set, refs[i]))) setBit(b, i);
    } else {
      b = newBits(n);
      for (let i = 0; i < n; i++) if (clusterPeerMatches(model, peer, refs[i])) setBit(b, i);
    }
    clusterPeerCache.set(key, b);
    return b;
  };
  const clusterSubjects: Bits[] = clusterPols.map((p) => subjectBits(p.subject));
  for (const p of clusterPols) {
    for (const rule of [...p.ingress, ...p.egress]) {
      for (const port of rule.ports ?? []) if (port.namedPort !== undefined) namedPorts.add(`*/${port.namedPort}`);
      for (const peer of rule.peers) ruleSets.push(clusterPeerBits(peer));
    }
  }

  // ---- classes: initial key, then refinement by every subject and peer set
  const hostNodes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const w = workloadAt(i);
    if (w?.hostNetwork && w.nodeName && !hasBit(policyPods, i)) hostNodes.add(w.nodeName);
    const r = refs[i];
    if (r.kind === 'addresses' && r.nodeName !== undefined) hostNodes.add(r.nodeName);
  }
  const named = [...namedPorts].sort();
  const initialKey = (i: number): string => {
    const w = workloadAt(i);
    if (!w) return `ep:${endpoints[i].id}`;
    const ports = named.map((k) => {
      const [proto, name] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)];
      // `*`: a cluster policy's named port, which matches the container port in any protocol.
      return w.ports.filter((cp) => cp.name === name && (proto === '*' || (cp.protocol ?? 'TCP') === proto))
        .map((cp) => `${cp.protocol ?? 'TCP'}${cp.containerPort}`).sort().join(',');
    });
    const node = hostNodes.size > 0 && w.nodeName ? w.nodeName : '';
    return `wl:${hasBit(policyPods, i) ? 'pod' : 'host'}:${node}:${ports.join('|')}`;
  };
  // Endpoints that every subject and peer set (and the initial key) treat alike form one class,
  // numbered densely in endpoint order so class ids are stable for equal inputs; rep = first member.
  const { groupOf: classOfEp, count: classCount, reps: rep } = groupClasses(n, [...subjects, ...clusterSubjects, ...ruleSets], initialKey);

  // ---- compile rules over classes
  const table = new ConnTable();
  const classBitsCache = new Map<Bits, Bits>();
  const toClassBits = (b: Bits): Bits => {
    let out = classBitsCache.get(b);
    if (!out) {
      out = newBits(classCount);
      if (popcount(b) < classCount) forEachBit(b, (i) => setBit(out!, classOfEp[i]));
      else for (let c = 0; c < classCount; c++) if (hasBit(b, rep[c])) setBit(out, c);
      classBitsCache.set(b, out);
    }
    return out;
  };
  const compiled = new Map<string, CompiledRule[]>(); // `${policyIdx}:${dir}`
  const compile = (pi: number, dir: Direction): CompiledRule[] => {
    const key = `${pi}:${dir}`;
    let rules = compiled.get(key);
    if (rules) return rules;
    const np = policies[pi];
    rules = rulesFor(np, dir).map((rule) => {
      const peers = peersOfRule(rule, dir);
      let peerClasses: Bits | undefined;
      if (peers && peers.length > 0) {
        peerClasses = newBits(classCount);
        for (const p of peers) orInto(peerClasses, toClassBits(peerBits(p, np.namespaceId)));
      }
      const fixedRule = { ...rule, ports: rule.ports?.filter((p) => typeof p.port !== 'string') };
      const hasNamed = (rule.ports ?? []).some((p) => typeof p.port === 'string');
      const fixed = hasNamed && fixedRule.ports!.length === 0 ? 0 : table.id(ruleConnToward(fixedRule, undefined, profile));
      const namedList = (rule.ports ?? []).filter((p) => typeof p.port === 'string').map((p) => ({ name: p.port as string, proto: p.protocol ?? 'TCP' }));
      return { peers: peerClasses, fixed, named: namedList };
    });
    compiled.set(key, rules);
    return rules;
  };
  const namedCache = new Map<string, number>();
  const ruleConnToClass = (r: CompiledRule, dstClass: number): number => {
    if (r.named.length === 0) return r.fixed;
    // Named ports resolve on destination pods only; hostNetwork workloads are node traffic.
    const w = hasBit(policyPods, rep[dstClass]) ? workloadAt(rep[dstClass]) : undefined;
    let id = r.fixed;
    for (const { name, proto } of r.named) {
      const key = `${dstClass}:${proto}/${name}`;
      let c = namedCache.get(key);
      if (c === undefined) namedCache.set(key, (c = table.id(resolveNamedPort(w, name, proto))));
      id = table.union(id, c);
    }
    return id;
  };

  // Isolating policies per class and direction.
  const types = policies.map(effectiveTypes);
  // Policies whose subjects contain each class, per direction (ascending policy index).
  const isolatingIn: number[][] = Array.from({ length: classCount }, () => []);
  const isolatingEg: number[][] = Array.from({ length: classCount }, () => []);
  policies.forEach((_, pi) => {
    const inT = types[pi].has('Ingress');
    const egT = types[pi].has('Egress');
    forEachBit(toClassBits(subjects[pi]), (c) => {
      if (inT) isolatingIn[c].push(pi);
      if (egT) isolatingEg[c].push(pi);
    });
  });
  const isolating = (c: number, dir: Direction): number[] => (dir === 'Ingress' ? isolatingIn : isolatingEg)[c];

  // NetworkPolicy tier, ingress at destination class d: conn id per source class (null = not isolated).
  const columnCache = new Map<string, Int32Array>();
  const npColumn = (d: number): Int32Array | null => {
    const pols = isolating(d, 'Ingress');
    if (pols.length === 0) return null;
    const rules = pols.flatMap((pi) => compile(pi, 'Ingress'));
    const dependsOnDst = rules.some((r) => r.named.length > 0);
    const key = `${pols.join(',')}${dependsOnDst ? `@${d}` : ''}`;
    let col = columnCache.get(key);
    if (col) return col;
    col = new Int32Array(classCount);
    for (const r of rules) {
      const conn = ruleConnToClass(r, d);
      if (conn === 0) continue;
      if (!r.peers) for (let s = 0; s < classCount; s++) col[s] = table.union(col[s], conn);
      else forEachBit(r.peers, (s) => { col![s] = table.union(col![s], conn); });
    }
    columnCache.set(key, col);
    return col;
  };
  const rowCache = new Map<string, Int32Array>();
  const npRow = (s: number): Int32Array | null => {
    const pols = isolating(s, 'Egress');
    if (pols.length === 0) return null;
    const key = pols.join(',');
    let row = rowCache.get(key);
    if (row) return row;
    row = new Int32Array(classCount);
    for (const r of pols.flatMap((pi) => compile(pi, 'Egress'))) {
      if (r.named.length === 0) {
        if (r.fixed === 0) continue;
        if (!r.peers) for (let d = 0; d < classCount; d++) row[d] = table.union(row[d], r.fixed);
        else forEachBit(r.peers, (d) => { row![d] = table.union(row![d], r.fixed); });
      } else {
        const each = (d: number): void => { row![d] = table.union(row![d], ruleConnToClass(r, d)); };
        if (!r.peers) for (let d = 0; d < classCount; d++) each(d);
        else forEachBit(r.peers, each);
      }
    }
    rowCache.set(key, row);
    return row;
  };

  // Ingress from the destination's own node is always allowed (1.9). The node endpoint stands
  // for the cluster's nodes as seen by policy (ipBlocks on node addresses), i.e. every node but
  // the pod's own: reporting "nodes -> every pod: all" would hide whether other nodes (and what
  // is SNATed to them) get in. The own-node rule is stated by explain() instead. A hostNetwork
  // workload placed on the same named node is that own node.
  const hostNodeOf = new Array<string | undefined>(classCount);
  const podNodeOf = new Array<string | undefined>(classCount);
  for (let c = 0; c < classCount; c++) {
    const r = refs[rep[c]];
    if (r.kind === 'addresses' && r.nodeName !== undefined) hostNodeOf[c] = r.nodeName; // a design node
    const w = workloadAt(rep[c]);
    if (!w?.nodeName) continue;
    if (hasBit(policyPods, rep[c])) podNodeOf[c] = w.nodeName;
    else hostNodeOf[c] = w.nodeName;
  }

  // ---- cluster tiers: per subject class and direction, first-match decisions toward every peer class
  interface CompiledClusterRule {
    action: ClusterRule['action']; peers: Bits; fixed: number; named: string[];
    /** The rule's peers as peer groups of its direction (see `peerGroups`), filled on first use. */
    groups?: Int32Array;
  }
  const clusterCompiled: Record<Direction, CompiledClusterRule[][]> = { Ingress: [], Egress: [] };
  const rulePeersCache = new Map<string, Bits>();
  const compileCluster = (pi: number, dir: Direction): CompiledClusterRule[] => {
    let rules = clusterCompiled[dir][pi];
    if (rules) return rules;
    rules = rulesOf(clusterPols[pi], dir).map((rule) => {
      // Equal peer lists share one class set (and so refine the peer groups once).
      const peersKey = JSON.stringify(rule.peers);
      let peers = rulePeersCache.get(peersKey);
      if (!peers) {
        peers = newBits(classCount);
        for (const p of rule.peers) orInto(peers, toClassBits(clusterPeerBits(p)));
        rulePeersCache.set(peersKey, peers);
      }
      const ports = rule.ports ?? [];
      const fixedPorts = ports.filter((p) => p.namedPort === undefined);
      const fixed = ports.length === 0 ? ConnTable.ALL : fixedPorts.reduce((id, p) => table.union(id, table.id(clusterPortConn(p, undefined))), 0);
      return { action: rule.action, peers, fixed, named: ports.flatMap((p) => (p.namedPort !== undefined ? [p.namedPort] : [])) };
    });
    clusterCompiled[dir][pi] = rules;
    return rules;
  };
  const clusterNamedCache = new Map<string, Int32Array>();
  /** A cluster rule's named port resolved on a destination class (any protocol, policy pods only). */
  const clusterNamedConn = (dstClass: number, name: string): number => {
    let byClass = clusterNamedCache.get(name);
    if (!byClass) clusterNamedCache.set(name, (byClass = new Int32Array(classCount).fill(-1)));
    let c = byClass[dstClass];
    if (c < 0) {
      const w = hasBit(policyPods, rep[dstClass]) ? workloadAt(rep[dstClass]) : undefined;
      byClass[dstClass] = c = table.id(clusterPortConn({ namedPort: name }, w));
    }
    return c;
  };
  const clusterConnToClass = (r: CompiledClusterRule, dstClass: number): number => {
    if (r.named.length === 0) return r.fixed;
    let id = r.fixed;
    for (const name of r.named) id = table.union(id, clusterNamedConn(dstClass, name));
    return id;
  };
  // Classes every cluster policy's subject treats alike share their cluster-tier decisions.
  const tiered = clusterPols.length > 0;
  const subjectGroups = tiered ? groupClasses(classCount, clusterSubjects.map(toClassBits)) : undefined;
  /** Per subject group, the cluster policies selecting it (the index into clusterPols keeps tier order). */
  const polsOfSubject: number[][] = subjectGroups
    ? Array.from(subjectGroups.reps, (c) => clusterPols.flatMap((_, pi) => (hasBit(toClassBits(clusterSubjects[pi]), c) ? [pi] : [])))
    : [];
  /**
   * Peer classes per direction grouped by the cluster rules naming them and, for egress, by how
   * those rules' named ports resolve on them (egress named ports resolve on the peer): the
   * first-match walk gives every class of a group the same decisions.
   */
  const peerGroupsByDir = new Map<Direction, ClassGroups>();
  const peerGroups = (dir: Direction): ClassGroups => {
    let g = peerGroupsByDir.get(dir);
    if (g) return g;
    const rules = clusterPols.flatMap((_, pi) => compileCluster(pi, dir));
    const names = dir === 'Egress' ? [...new Set(rules.flatMap((r) => r.named))] : [];
    const key = names.length ? (p: number): string => names.map((name) => clusterNamedConn(p, name)).join(',') : undefined;
    peerGroupsByDir.set(dir, (g = groupClasses(classCount, rules.map((r) => r.peers), key)));
    return g;
  };
  /** Per direction and subject group: its policies with rules in that direction, their cache key, and (ingress) named ports. */
  interface SubjectSide { pols: number[]; key: string; names: string[] }
  const sides: Record<Direction, SubjectSide[]> = { Ingress: [], Egress: [] };
  const sideOf = (sg: number, dir: Direction): SubjectSide => {
    let side = sides[dir][sg];
    if (side) return side;
    const pols = polsOfSubject[sg].filter((pi) => rulesOf(clusterPols[pi], dir).length > 0);
    // Ingress named ports resolve on the subject itself (egress ones on the peer, see peerGroups).
    const names = dir === 'Ingress' ? [...new Set(pols.flatMap((pi) => compileCluster(pi, dir).flatMap((r) => r.named)))].sort() : [];
    sides[dir][sg] = side = { pols, key: `${dir}:${pols.join(',')}`, names };
    return side;
  };
  // A decision code stands for an (Admin accepted, Admin denied, Baseline denied) triple of conn ids; 0 = nothing decided.
  const codeIndex = new Map<number, Map<number, Map<number, number>>>();
  const codeParts: [number, number, number][] = [[0, 0, 0]];
  const codeOf = (a: number, d: number, bd: number): number => {
    let byD = codeIndex.get(a);
    if (!byD) codeIndex.set(a, (byD = new Map()));
    let byBD = byD.get(d);
    if (!byBD) byD.set(d, (byBD = new Map()));
    let id = byBD.get(bd);
    if (id === undefined) {
      byBD.set(bd, (id = codeParts.length));
      codeParts.push([a, d, bd]);
    }
    return id;
  };
  const tierCache = new Map<string, Int32Array | null>();
  /**
   * For subject class c: per peer group of the direction (`peerGroups(dir).groupOf` of a peer
   * class), the decision code toward it; null = no cluster rule decides anything for c.
   */
  const tierCodes = (c: number, dir: Direction): Int32Array | null => {
    const side = sideOf(subjectGroups!.groupOf[c], dir);
    const { pols } = side;
    if (pols.length === 0) return null;
    // Classes whose ingress named ports resolve alike share.
    let key = side.key;
    if (side.names.length > 0) key += `@${side.names.map((name) => clusterNamedConn(c, name)).join(',')}`;
    const hit = tierCache.get(key);
    if (hit !== undefined) return hit;
    // The first-match walk over peer groups (a group's classes are alike for every rule).
    const groups = peerGroups(dir);
    const G = groups.count;
    const A = new Int32Array(G), D = new Int32Array(G), BD = new Int32Array(G), undecided = new Int32Array(G);
    for (const tier of ['Admin', 'Baseline'] as const) {
      undecided.fill(ConnTable.ALL);
      for (const pi of pols) {
        if (clusterPols[pi].tier !== tier) continue;
        for (const r of compileCluster(pi, dir)) {
          const inRule = (r.groups ??= groupsIn(groups, r.peers));
          for (let k = 0; k < inRule.length; k++) {
            const g = inRule[k];
            const u = undecided[g];
            if (u === 0) continue;
            const conn = clusterConnToClass(r, dir === 'Ingress' ? c : groups.reps[g]);
            const take = table.intersect(conn, u);
            if (take === 0) continue;
            if (r.action === 'Deny') {
              if (tier === 'Admin') D[g] = table.union(D[g], take);
              else BD[g] = table.union(BD[g], take);
            } else if (r.action === 'Accept' && tier === 'Admin') A[g] = table.union(A[g], take);
            undecided[g] = table.subtract(u, conn);
          }
        }
      }
    }
    const codes = new Int32Array(G);
    let any = false;
    for (let g = 0; g < G; g++) {
      if ((A[g] | D[g] | BD[g]) === 0) continue;
      codes[g] = codeOf(A[g], D[g], BD[g]);
      any = true;
    }
    const out = any ? codes : null;
    tierCache.set(key, out);
    return out;
  };
  /** The chain for one side: A ∪ ((ALL − A − D) ∩ (isolated ? np : ALL − BD)). */
  const chainOf = (code: number, isolated: boolean, np: number): number => {
    const [a, d, bd] = codeParts[code];
    const rest = table.subtract(table.subtract(ConnTable.ALL, a), d);
    const below = isolated ? table.intersect(rest, np) : table.subtract(rest, bd);
    return table.union(a, below);
  };
  // Memo of the chain per code: one value when not isolated, one per NetworkPolicy conn id otherwise.
  const openMemo: number[] = [];
  const isolatedMemo: Int32Array[] = [];
  /** The chain for one side: A ∪ ((ALL − A − D) ∩ (isolated ? np : ALL − BD)). */
  const chain = (code: number, isolated: boolean, np: number): number => {
    if (!isolated) {
      let v = openMemo[code];
      if (v === undefined) openMemo[code] = v = chainOf(code, false, ConnTable.ALL);
      return v;
    }
    let memo = isolatedMemo[code];
    if (!memo || memo.length <= np) {
      const grown = new Int32Array(Math.max(64, (np + 1) * 2)).fill(-1);
      if (memo) grown.set(memo);
      isolatedMemo[code] = memo = grown;
    }
    let v = memo[np];
    if (v < 0) memo[np] = v = chainOf(code, true, np);
    return v;
  };

  const matrix = new Int32Array(classCount * classCount);
  const cols: (Int32Array | null)[] = [];
  const inTiers: (Int32Array | null)[] = [];
  for (let d = 0; d < classCount; d++) {
    cols.push(npColumn(d));
    inTiers.push(tiered ? tierCodes(d, 'Ingress') : null);
  }
  // Peer groups of every class: a pair's cluster decisions are a small-table lookup.
  const inPeerGroup = tiered ? peerGroups('Ingress').groupOf : undefined;
  const egPeerGroup = tiered ? peerGroups('Egress').groupOf : undefined;
  for (let s = 0; s < classCount; s++) {
    const row = npRow(s);
    const egCodes = tiered ? tierCodes(s, 'Egress') : null;
    const inGroup = inPeerGroup ? inPeerGroup[s] : 0;
    const base = s * classCount;
    for (let d = 0; d < classCount; d++) {
      let e = row ? row[d] : ConnTable.ALL;
      if (egCodes !== null) {
        const code = egCodes[egPeerGroup![d]];
        if (code !== 0) e = chain(code, row !== null, e);
      }
      if (e === 0) continue;
      const col = cols[d];
      let i = col ? col[s] : ConnTable.ALL;
      if (col && hostNodeOf[s] !== undefined && hostNodeOf[s] === podNodeOf[d]) i = ConnTable.ALL;
      const inCodes = inTiers[d];
      if (inCodes !== null) {
        const code = inCodes[inGroup];
        if (code !== 0) i = chain(code, col !== null, i);
      }
      matrix[base + d] = table.intersect(e, i);
    }
  }

  // Only on request, in its own pass over the denied pairs, so evaluate() pays nothing for it.
  let overrides: Int32Array | null = null;
  if (withOverrides && tiered) {
    overrides = new Int32Array(classCount * classCount);
    const adminDenies = (code: number): boolean => code !== 0 && codeParts[code][1] !== 0;
    for (let s = 0; s < classCount; s++) {
      const row = npRow(s);
      const egCodes = tierCodes(s, 'Egress');
      const inGroup = inPeerGroup![s];
      const base = s * classCount;
      for (let d = 0; d < classCount; d++) {
        if (matrix[base + d] !== 0) continue;
        const eNp = row ? row[d] : ConnTable.ALL;
        const eCode = egCodes ? egCodes[egPeerGroup![d]] : 0;
        const e = eCode !== 0 ? chain(eCode, row !== null, eNp) : eNp;
        const col = cols[d];
        let iNp = col ? col[s] : ConnTable.ALL;
        if (col && hostNodeOf[s] !== undefined && hostNodeOf[s] === podNodeOf[d]) iNp = ConnTable.ALL;
        const inCodes = inTiers[d];
        const iCode = inCodes ? inCodes[inGroup] : 0;
        const i = iCode !== 0 ? chain(iCode, col !== null, iNp) : iNp;
        const np = table.intersect(eNp, iNp);
        if (np === 0) continue;
        // The side an explanation names: denied outright by a cluster policy (a side no
        // NetworkPolicy isolates is only ever denied by one), egress first.
        let over = false;
        if (e === 0 && (row === null || adminDenies(eCode))) over = row !== null && eNp !== 0;
        else if (i === 0 && (col === null || adminDenies(iCode))) over = col !== null && iNp !== 0;
        if (over) overrides[base + d] = np;
      }
    }
  }

  const endpointIndex: Record<string, number> = {};
  endpoints.forEach((e, i) => { endpointIndex[e.id] = i; });
  const ms = now() - t0;
  const reach: Reachability = {
    endpoints,
    endpointIndex,
    classOf: Array.from(classOfEp),
    classCount,
    connSets: table.sets,
    matrix,
    stats: { classes: classCount, endpoints: n, ms },
  };
  return { reach, overrides };
}

// ---------------------------------------------------------------- ingress from an arbitrary source

export interface IngressFromResult {
  /** Whether any NetworkPolicy isolates the destination for ingress. */
  isolated: boolean;
  /** Connections admitted from every address of the source (or from the workload). */
  allowed: ConnSet;
  /** For IP sources: the source split into parts that the rules treat alike. */
  parts: { cidrs: string[]; allowed: ConnSet }[];
  /**
   * The destination is a policy pod, so traffic from its own node is admitted whatever
   * `allowed` says (semantics 1.9); callers that SNAT to the backend's node apply this.
   */
  ownNodeBypass: boolean;
}

/**
 * What `dstWorkloadId`'s ingress side admits from a workload or from addresses. For `ip`:
 * `node: true` marks node addresses (SNATed Service / LB traffic, hostNetwork sources), which
 * an ipBlock matches by overlap and only when `profile.ipBlockMatchesNodes`; empty `cidrs`
 * is an unknown source, answered with the rules that admit every source (one part, no cidrs).
 */
export function ingressAllowedFrom(
  model: Model,
  dstWorkloadId: string,
  source: { kind: 'ip'; cidrs: string[]; node?: boolean } | { kind: 'workload'; id: string },
): IngressFromResult {
  const dst = model.workloads[dstWorkloadId];
  if (!dst) throw new Error(`unknown workload '${dstWorkloadId}'`);
  const profile = model.cluster.profile;
  const isPod = isPolicyPod(dst, profile);
  const pols = isPod ? ingressPolicies(model, dst) : [];
  const admitted = (peer: PeerRef): ConnSet => {
    if (!isPod) return allConn();
    let c: ConnSet | null = null;
    if (pols.length > 0) {
      c = emptyConn();
      for (const np of pols) {
        for (const rule of rulesFor(np, 'Ingress')) {
          if (ruleMatchesPeer(model, rule, 'Ingress', np.namespaceId, peer)) c = union(c, ruleConnToward(rule, dst, profile));
        }
      }
    }
    // Admin and Baseline ingress peers are pods only: they decide nothing for address sources.
    if (peer.kind !== 'workload' || !model.clusterPolicies) return c ?? allConn();
    return combineTiers(tierDecide(model, 'Admin', 'Ingress', dst, peer, dst), c, tierDecide(model, 'Baseline', 'Ingress', dst, peer, dst));
  };
  if (source.kind === 'workload') {
    const w = model.workloads[source.id];
    if (!w) throw new Error(`unknown workload '${source.id}'`);
    const allowed = source.id === dstWorkloadId ? allConn() : admitted({ kind: 'workload', workload: w });
    return { isolated: pols.length > 0, allowed, parts: [], ownNodeBypass: isPod };
  }
  const set = ipSetOf(source.cidrs);
  const blocks = pols.flatMap((np) => rulesFor(np, 'Ingress').flatMap((r) => (peersOfRule(r, 'Ingress') ?? []).flatMap((p) => (p.ipBlock ? [ipBlockSet(p.ipBlock)] : []))));
  const node = source.node === true;
  const pieces = set.length === 0 ? [set] : splitByBlocks(set, blocks);
  const parts = pieces.map((p) => ({ cidrs: toCidrs(p), allowed: admitted({ kind: 'addresses', set: p, node }) }));
  const allowed = parts.length === 0 ? emptyConn() : parts.map((p) => p.allowed).reduce((a, b) => intersect(a, b));
  return { isolated: pols.length > 0, allowed, parts, ownNodeBypass: isPod };
}

export function ingressPolicies(model: Model, dst: Workload): NetworkPolicy[] {
  return policiesSelecting(model, dst, 'Ingress');
}

export function policiesSelecting(model: Model, w: Workload, dir: Direction): NetworkPolicy[] {
  if (!isPolicyPod(w, model.cluster.profile)) return [];
  // Sorted by id already.
  return policiesOfNamespace(model, w.namespaceId).filter((np) => effectiveTypes(np).has(dir) && matchesSelector(np.podSelector, w.podLabels));
}

