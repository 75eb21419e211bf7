// Incremental re-evaluation for the canvas: an edit recomputes only the endpoint classes and
// the class-matrix rows and columns it touches, reusing the previous evaluation's state.
//
// Public API:
//   evaluateIncremental(prev, model, full?): { reach, state, info }
//
// Same semantics and result as evaluate() (NetworkPolicy tier, semantics.md 1): a property test
// holds the two to equal connections for every endpoint pair over random edit sequences. Designs
// with cluster policies (Admin / Baseline tiers) are answered by evaluate() itself: the tiers are
// not incremental.
//
// How. Every selector a policy uses (its subject, each rule peer) is a *key* with a member set
// of endpoints. An endpoint's class is its signature: an initial key (pod or host, node when
// host nodes matter, container ports) plus the keys it belongs to, so members of a class match
// exactly the same selectors and resolve named ports alike. Class ids stay stable across edits
// and the class matrix is kept. Per edit:
//   - policy added / changed / removed: keys it introduces are tested on the endpoints that can
//     match them (by namespace), keys no policy uses any more are dropped; the classes its old and
//     new subjects select get their rows (egress) or columns (ingress) recomputed;
//   - workload added / changed: its keys are tested, it joins (or founds) its signature's class;
//   - namespace labels changed: its workloads retest the namespace-selector keys;
//   - anything else (externals, nodes, cluster settings, the set of ipBlocks, host nodes):
//     a rebuild from scratch.
// Only new classes' rows and columns and the dirty subjects' rows / columns are computed, pair by
// pair. The state passed in is taken over by the returned one; passing a state a second time
// rebuilds from scratch, so the result only ever depends on `model` — the time on `prev`.

import type { ClusterProfile, Direction, EgressRule, IngressRule, Model, NetworkPolicy, PolicyPeer, Workload } from '../model/types.ts';
import { buildEndpoints, collectBlocks, ipBlockKey, workloadEndpoint } from './endpoints.ts';
import { evaluate } from './evaluate.ts';
import { effectiveTypes, ipBlockSet, isPolicyPod, namespaceOf, peerMatches, peersOfRule, ruleConnToward, rulesFor, workloadIpSet, type PeerRef } from './np-rules.ts';
import { ipIntersect, ipSubsetOf, type IpSet } from '../net/ipset.ts';
import { ConnTable } from './portset.ts';
import type { Endpoint, Reachability } from './reachability-types.ts';
import { matchesSelector, namespaceLabels, selectorKey } from './selectors.ts';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Opaque evaluation state to hand back with the next design. */
export interface IncrementalState {
  /** @internal */
  readonly inner: Inner | null;
}

export interface IncrementalInfo {
  /** full: rebuilt from scratch; incremental: reused the previous state; reference: evaluate() (cluster tiers). */
  mode: 'full' | 'incremental' | 'reference';
  /** Class-matrix rows and columns computed (incremental mode). */
  rows: number;
  cols: number;
}

/**
 * `full`, when given, is evaluate(model) already computed by the caller (it then seeds a rebuild
 * instead of a second evaluation): a worker can show a first result before building the state.
 */
export function evaluateIncremental(prev: IncrementalState | null | undefined, model: Model, full?: Reachability): { reach: Reachability; state: IncrementalState; info: IncrementalInfo } {
  const t0 = now();
  if (Object.keys(model.clusterPolicies ?? {}).length > 0) {
    if (prev?.inner) prev.inner.handle = null;
    return { reach: full ?? evaluate(model), state: { inner: null }, info: { mode: 'reference', rows: 0, cols: 0 } };
  }
  const old = prev?.inner;
  let inner: Inner;
  let mode: IncrementalInfo['mode'];
  // A state is used once: the handle that last came out of an evaluation is the live one.
  if (old && old.handle === prev && old.update(model)) {
    inner = old;
    mode = 'incremental';
  } else {
    inner = new Inner(model);
    mode = 'full';
  }
  const state: IncrementalState = { inner };
  inner.handle = state;
  // From scratch, evaluate() fills the matrix faster than pair by pair (it works per column).
  const { rows, cols } = inner.recompute(mode === 'full' ? full ?? evaluate(model) : undefined);
  const reach = inner.result(now() - t0);
  reach.stats.ms = now() - t0;
  return { reach, state, info: { mode, rows, cols } };
}

// ---------------------------------------------------------------- structures

interface Key {
  id: number;
  text: string;
  /** Only workloads of this namespace can be members (subjects, peers without a namespaceSelector). */
  ns?: string;
  /** Namespace selector of the peer, when it has one (membership follows namespace labels). */
  nsSelector?: PolicyPeer['namespaceSelector'];
  /** An ipBlock peer: any endpoint can be a member. */
  ip: boolean;
  /** Namespace-selector keys: whether each namespace matches. */
  byNs?: Map<string, boolean>;
  test: (model: Model, ref: PeerRef) => boolean;
  uses: number;
  members: Set<Ep>;
  /** Policies whose subject this key is. */
  subjectOf: Set<Compiled>;
}

interface Ep {
  id: string;
  ref: PeerRef;
  endpoint: Endpoint;
  /** Workload namespace (workloads only). */
  ns?: string;
  initial: string;
  keys: Set<Key>;
  cls: Cls | null;
}

interface Cls {
  id: number;
  sig: string;
  members: Set<Ep>;
  keys: Set<number>;
  rep: Ep;
}

interface Rule {
  uid: number;
  rule: IngressRule | EgressRule;
  /** Peer key ids; null = every endpoint (no from/to). */
  peers: number[] | null;
  /** Conn id when it does not depend on the destination (no named ports), else -1. */
  fixed: number;
}

interface Compiled {
  np: NetworkPolicy;
  subject: Key;
  /** null: the policy does not isolate in that direction. */
  ingress: Rule[] | null;
  egress: Rule[] | null;
  keys: Key[];
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Ids whose values differ between two records (added, removed or changed). */
function changedIds<T>(a: Record<string, T>, b: Record<string, T>): string[] {
  if (a === b) return [];
  const out: string[] = [];
  const ka = Object.keys(a);
  for (const id of ka) {
    const y = b[id];
    if (y === undefined || !deepEqual(a[id], y)) out.push(id);
  }
  const kb = Object.keys(b);
  if (kb.length !== ka.length || out.length > 0) for (const id of kb) if (a[id] === undefined) out.push(id);
  return out;
}

function hostNodesOf(model: Model): string {
  const s = new Set<string>();
  const profile = model.cluster.profile;
  for (const w of Object.values(model.workloads)) if (w.hostNetwork && w.nodeName && !isPolicyPod(w, profile)) s.add(w.nodeName);
  for (const n of Object.values(model.nodes ?? {})) s.add(n.name);
  return [...s].sort().join('\n');
}

function blockKeys(model: Model): string {
  return [...collectBlocks(model).keys()].sort().join('\n');
}

/** The ipBlocks of one policy, as text (empty when it has none). */
function policyBlocks(np: NetworkPolicy | undefined): string {
  if (!np) return '';
  const keys: string[] = [];
  for (const dir of ['Ingress', 'Egress'] as const) {
    for (const r of rulesFor(np, dir)) for (const p of peersOfRule(r, dir) ?? []) if (p.ipBlock) keys.push(ipBlockKey(p.ipBlock.cidr, p.ipBlock.except));
  }
  return [...new Set(keys)].sort().join('\n');
}

// ---------------------------------------------------------------- the state

class Inner {
  /** The one handle that may continue from this state. */
  handle: IncrementalState | null = null;
  model: Model;
  private table = new ConnTable();
  private keys = new Map<string, Key>();
  private keyById = new Map<number, Key>();
  private nextKey = 0;
  private nextRule = 0;
  private keysByNs = new Map<string, Set<Key>>();
  private nsSelKeys = new Set<Key>();
  private ipKeys = new Set<Key>();
  private eps = new Map<string, Ep>();
  private epsByNs = new Map<string, Set<Ep>>();
  /** Workload endpoint ids, sorted (the order of evaluate()'s endpoints); then the others. */
  private workloadIds: string[] = [];
  private otherIds: string[] = [];
  private policies = new Map<string, Compiled>();
  private classes = new Map<string, Cls>();
  private clsById: (Cls | undefined)[] = [];
  private freeIds: number[] = [];
  private hostNodes: string;
  private cap = 0;
  private matrix = new Int32Array(0);
  // Per edit: what to recompute.
  private dirtyEps = new Set<Ep>();
  private newClasses = new Set<Cls>();
  private rowKeys = new Set<Key>();
  private colKeys = new Set<Key>();

  constructor(model: Model) {
    this.model = model;
    this.hostNodes = hostNodesOf(model);
    const built = buildEndpoints(model);
    built.endpoints.forEach((e, i) => {
      const ref = built.refs[i];
      if (ref.kind === 'workload') this.addWorkload(ref.workload, e);
      else {
        const ep: Ep = { id: e.id, ref, endpoint: e, initial: `ep:${e.id}`, keys: new Set(), cls: null };
        this.eps.set(e.id, ep);
        this.otherIds.push(e.id);
        this.dirtyEps.add(ep);
      }
    });
    for (const np of Object.values(model.policies).sort(byId)) this.policies.set(np.id, this.compile(np));
  }

  /**
   * Applies the differences between the current model and `next`. False when they are of a
   * kind that needs a rebuild (nothing changed in that case).
   */
  update(next: Model): boolean {
    const prev = this.model;
    if (next === prev) return true;
    if (!deepEqual(prev.cluster, next.cluster) || !deepEqual(prev.externals, next.externals) || !deepEqual(prev.nodes ?? {}, next.nodes ?? {})) return false;
    const nsIds = new Set([...Object.keys(prev.namespaces), ...Object.keys(next.namespaces)]);
    const nsLabelsChanged: string[] = [];
    for (const id of nsIds) {
      const a = prev.namespaces[id];
      const b = next.namespaces[id];
      if (a === b) continue;
      if (!a || !b || a.name !== b.name) return false;
      if (!deepEqual(a.labels, b.labels)) nsLabelsChanged.push(id);
    }
    const policyIds = changedIds(prev.policies, next.policies);
    const workloadIds = changedIds(prev.workloads, next.workloads);
    // ipBlocks split external networks into endpoints: a changed set of blocks is a rebuild.
    if (policyIds.some((id) => policyBlocks(prev.policies[id]) !== policyBlocks(next.policies[id])) && blockKeys(prev) !== blockKeys(next)) return false;
    if (workloadIds.some((id) => prev.workloads[id]?.hostNetwork || next.workloads[id]?.hostNetwork) && hostNodesOf(next) !== this.hostNodes) return false;

    this.model = next;
    // Policies: introduce the new versions' keys before releasing the old ones, so a key both use survives.
    const released: Compiled[] = [];
    for (const id of policyIds) {
      const was = this.policies.get(id);
      const np = next.policies[id];
      if (was) { released.push(was); this.markSubjects(was); }
      if (np) {
        const c = this.compile(np);
        this.policies.set(id, c);
        this.markSubjects(c);
      } else this.policies.delete(id);
    }
    for (const c of released) this.release(c);
    for (const ns of nsLabelsChanged) {
      for (const k of this.nsSelKeys) k.byNs?.delete(ns);
      for (const ep of this.epsByNs.get(ns) ?? []) {
        for (const k of this.nsSelKeys) this.retest(k, ep);
      }
    }
    for (const id of workloadIds) {
      const w = next.workloads[id];
      if (prev.workloads[id]) this.removeWorkload(id);
      if (w) this.addWorkload(w, workloadEndpoint(next, w));
    }
    return true;
  }

  private markSubjects(c: Compiled): void {
    if (c.egress) this.rowKeys.add(c.subject);
    if (c.ingress) this.colKeys.add(c.subject);
  }

  // ---- keys

  private keyFor(text: string, make: () => Omit<Key, 'id' | 'text' | 'uses' | 'members' | 'subjectOf'>): Key {
    let k = this.keys.get(text);
    if (!k) {
      k = { ...make(), id: this.nextKey++, text, uses: 0, members: new Set(), subjectOf: new Set() };
      this.keys.set(text, k);
      this.keyById.set(k.id, k);
      if (k.ns !== undefined) {
        let s = this.keysByNs.get(k.ns);
        if (!s) this.keysByNs.set(k.ns, (s = new Set()));
        s.add(k);
      } else if (k.ip) this.ipKeys.add(k);
      else this.nsSelKeys.add(k);
      for (const ep of this.candidates(k)) if (k.test(this.model, ep.ref)) this.join(k, ep);
    }
    k.uses++;
    return k;
  }

  private *candidates(k: Key): Iterable<Ep> {
    if (k.ns !== undefined) { yield* this.epsByNs.get(k.ns) ?? []; return; }
    if (k.ip) { yield* this.eps.values(); return; }
    for (const [ns, eps] of this.epsByNs) {
      let ok = k.byNs?.get(ns);
      if (ok === undefined) {
        ok = matchesSelector(k.nsSelector!, namespaceLabels(namespaceOf(this.model, ns)));
        k.byNs?.set(ns, ok);
      }
      if (ok) yield* eps;
    }
  }

  private join(k: Key, ep: Ep): void {
    k.members.add(ep);
    ep.keys.add(k);
    this.dirtyEps.add(ep);
  }

  private leave(k: Key, ep: Ep): void {
    k.members.delete(ep);
    ep.keys.delete(k);
    this.dirtyEps.add(ep);
  }

  private retest(k: Key, ep: Ep): void {
    const is = k.test(this.model, ep.ref);
    if (is !== ep.keys.has(k)) (is ? this.join(k, ep) : this.leave(k, ep));
  }

  private subjectKey(np: NetworkPolicy): Key {
    const ns = np.namespaceId;
    const sel = np.podSelector;
    return this.keyFor(`s|${ns}|${selectorKey(sel)}`, () => ({
      ns,
      ip: false,
      test: (model, ref) => ref.kind === 'workload' && ref.workload.namespaceId === ns && isPolicyPod(ref.workload, model.cluster.profile) && matchesSelector(sel, ref.workload.podLabels),
    }));
  }

  /** The key of a rule peer; null for a peer that matches nothing (`{}`, ipBlock with selectors). */
  private peerKey(peer: PolicyPeer, nsId: string): Key | null {
    const test = (model: Model, ref: PeerRef): boolean => peerMatches(model, peer, nsId, ref);
    if (peer.ipBlock) {
      if (peer.podSelector || peer.namespaceSelector) return null;
      const block = peer.ipBlock;
      return this.keyFor(`i|${ipBlockKey(block.cidr, block.except)}`, () => {
        // peerMatches() for an ipBlock, with the block's and workloads' address sets parsed once.
        const set = ipBlockSet(block);
        return {
          ip: true,
          test: (model, ref) => {
            const profile = model.cluster.profile;
            if (ref.kind === 'workload') return ipIntersect(workloadIps(ref.workload, profile), set).length > 0;
            if (ref.node) return profile.ipBlockMatchesNodes && ipIntersect(ref.set, set).length > 0;
            return ref.set.length > 0 && ipSubsetOf(ref.set, set);
          },
        };
      });
    }
    if (!peer.podSelector && !peer.namespaceSelector) return null;
    const pod = peer.podSelector ? selectorKey(peer.podSelector) : '*';
    if (peer.namespaceSelector) {
      const nsSel = peer.namespaceSelector;
      const podSel = peer.podSelector;
      return this.keyFor(`n|${selectorKey(nsSel)}|${pod}`, () => {
        // peerMatches(), with the namespace part remembered per namespace (reset when its labels change).
        const byNs = new Map<string, boolean>();
        return {
          ip: false,
          nsSelector: nsSel,
          byNs,
          test: (model, ref) => {
            if (ref.kind !== 'workload' || !isPolicyPod(ref.workload, model.cluster.profile)) return false;
            const w = ref.workload;
            let ok = byNs.get(w.namespaceId);
            if (ok === undefined) byNs.set(w.namespaceId, (ok = matchesSelector(nsSel, namespaceLabels(namespaceOf(model, w.namespaceId)))));
            return ok && (!podSel || matchesSelector(podSel, w.podLabels));
          },
        };
      });
    }
    return this.keyFor(`l|${nsId}|${pod}`, () => ({ ns: nsId, ip: false, test }));
  }

  private compile(np: NetworkPolicy): Compiled {
    const types = effectiveTypes(np);
    const subject = this.subjectKey(np);
    const keys: Key[] = [subject];
    const profile = this.model.cluster.profile;
    const rules = (dir: Direction): Rule[] | null => {
      if (!types.has(dir)) return null;
      return rulesFor(np, dir).map((rule) => {
        const peers = peersOfRule(rule, dir);
        let ids: number[] | null = null;
        if (peers && peers.length > 0) {
          ids = [];
          for (const p of peers) {
            const k = this.peerKey(p, np.namespaceId);
            if (k) { keys.push(k); ids.push(k.id); }
          }
        }
        const named = (rule.ports ?? []).some((p) => typeof p.port === 'string');
        return { uid: this.nextRule++, rule, peers: ids, fixed: named ? -1 : this.table.id(ruleConnToward(rule, undefined, profile)) };
      });
    };
    const c: Compiled = { np, subject, ingress: rules('Ingress'), egress: rules('Egress'), keys };
    subject.subjectOf.add(c);
    return c;
  }

  private release(c: Compiled): void {
    c.subject.subjectOf.delete(c);
    for (const k of c.keys) {
      if (--k.uses > 0) continue;
      for (const ep of [...k.members]) this.leave(k, ep);
      this.keys.delete(k.text);
      this.keyById.delete(k.id);
      if (k.ns !== undefined) this.keysByNs.get(k.ns)?.delete(k);
      this.ipKeys.delete(k);
      this.nsSelKeys.delete(k);
      this.rowKeys.delete(k);
      this.colKeys.delete(k);
    }
  }

  // ---- endpoints

  private initialKey(w: Workload): string {
    const pod = isPolicyPod(w, this.model.cluster.profile);
    const node = this.hostNodes !== '' && w.nodeName ? w.nodeName : '';
    const ports = w.ports.map((p) => `${p.protocol ?? 'TCP'}/${p.name ?? ''}/${p.containerPort}`).sort().join(',');
    return `wl:${pod ? 'pod' : 'host'}:${JSON.stringify(node)}:${ports}`;
  }

  private addWorkload(w: Workload, endpoint: Endpoint): void {
    const ep: Ep = { id: w.id, ref: { kind: 'workload', workload: w }, endpoint, ns: w.namespaceId, initial: this.initialKey(w), keys: new Set(), cls: null };
    this.eps.set(w.id, ep);
    let inNs = this.epsByNs.get(w.namespaceId);
    if (!inNs) this.epsByNs.set(w.namespaceId, (inNs = new Set()));
    inNs.add(ep);
    insertSorted(this.workloadIds, w.id);
    for (const k of this.keysByNs.get(w.namespaceId) ?? []) if (k.test(this.model, ep.ref)) this.join(k, ep);
    for (const k of this.nsSelKeys) if (k.test(this.model, ep.ref)) this.join(k, ep);
    for (const k of this.ipKeys) if (k.test(this.model, ep.ref)) this.join(k, ep);
    this.dirtyEps.add(ep);
  }

  private removeWorkload(id: string): void {
    const ep = this.eps.get(id)!;
    for (const k of ep.keys) k.members.delete(ep);
    ep.keys.clear();
    this.eps.delete(id);
    this.epsByNs.get(ep.ns!)?.delete(ep);
    removeSorted(this.workloadIds, id);
    this.dirtyEps.delete(ep);
    if (ep.cls) this.leaveClass(ep);
  }

  // ---- classes

  private leaveClass(ep: Ep): void {
    const c = ep.cls!;
    ep.cls = null;
    c.members.delete(ep);
    if (c.members.size === 0) {
      this.classes.delete(c.sig);
      this.clsById[c.id] = undefined;
      this.freeIds.push(c.id);
      this.newClasses.delete(c);
    } else if (c.rep === ep) c.rep = c.members.values().next().value!;
  }

  private assignClasses(): void {
    for (const ep of this.dirtyEps) {
      const ids = [...ep.keys].map((k) => k.id).sort((a, b) => a - b);
      const sig = `${ep.initial}|${ids.join(',')}`;
      if (ep.cls?.sig === sig) continue;
      if (ep.cls) this.leaveClass(ep);
      let c = this.classes.get(sig);
      if (!c) {
        const id = this.freeIds.length > 0 ? this.freeIds.pop()! : this.clsById.length;
        c = { id, sig, members: new Set(), keys: new Set(ids), rep: ep };
        this.classes.set(sig, c);
        this.clsById[id] = c;
        this.newClasses.add(c);
      }
      c.members.add(ep);
      ep.cls = c;
    }
    this.dirtyEps.clear();
  }

  // ---- the class matrix

  /** Recomputes what the pending changes touch; returns how many rows and columns that was. */
  recompute(seed?: Reachability): { rows: number; cols: number } {
    this.assignClasses();
    const n = this.clsById.length;
    if (n > this.cap) {
      const cap = Math.max(n, Math.ceil(this.cap * 1.5), 16);
      const m = new Int32Array(cap * cap);
      for (let s = 0; s < this.cap; s++) m.set(this.matrix.subarray(s * this.cap, s * this.cap + this.cap), s * cap);
      this.matrix = m;
      this.cap = cap;
    }
    if (seed && this.seedFrom(seed)) {
      const all = this.classes.size;
      this.newClasses.clear();
      this.rowKeys.clear();
      this.colKeys.clear();
      return { rows: all, cols: all };
    }
    const rows = new Set<Cls>(this.newClasses);
    const cols = new Set<Cls>(this.newClasses);
    for (const k of this.rowKeys) for (const ep of k.members) rows.add(ep.cls!);
    for (const k of this.colKeys) for (const ep of k.members) cols.add(ep.cls!);
    this.newClasses.clear();
    this.rowKeys.clear();
    this.colKeys.clear();

    const pair = new PairEvaluator(this.model, this.table, this.keyById);
    const live = this.clsById.filter((c): c is Cls => c !== undefined);
    const cap = this.cap;
    const m = this.matrix;
    for (const s of rows) {
      const base = s.id * cap;
      for (const d of live) m[base + d.id] = pair.conn(s, d);
    }
    for (const d of cols) {
      for (const s of live) if (!rows.has(s)) m[s.id * cap + d.id] = pair.conn(s, d);
    }
    return { rows: rows.size, cols: cols.size };
  }

  /**
   * Fills the matrix from a full evaluation of the same model. Our classes are at least as fine
   * as evaluate()'s (same selectors, all container ports); false if one is not (then the
   * caller computes pair by pair).
   */
  private seedFrom(r: Reachability): boolean {
    const of = (ep: Ep): number => r.classOf[r.endpointIndex[ep.id] ?? -1] ?? -1;
    const target = new Int32Array(this.clsById.length).fill(-1);
    for (const c of this.classes.values()) target[c.id] = of(c.rep);
    for (const ep of this.eps.values()) if (of(ep) < 0 || of(ep) !== target[ep.cls!.id]) return false;
    const ids = r.connSets.map((c) => this.table.id(c));
    const live = [...this.classes.values()];
    const K = r.classCount;
    const m = this.matrix;
    const cap = this.cap;
    for (const s of live) {
      const from = target[s.id] * K;
      const base = s.id * cap;
      for (const d of live) m[base + d.id] = ids[r.matrix[from + target[d.id]]];
    }
    return true;
  }

  result(ms: number): Reachability {
    const dense = new Int32Array(this.clsById.length).fill(-1);
    const live: number[] = [];
    this.clsById.forEach((c, id) => {
      if (c) { dense[id] = live.length; live.push(id); }
    });
    const L = live.length;
    const matrix = new Int32Array(L * L);
    const cap = this.cap;
    const contiguous = L === this.clsById.length;
    for (let i = 0; i < L; i++) {
      const base = live[i] * cap;
      if (contiguous) matrix.set(this.matrix.subarray(base, base + L), i * L);
      else for (let j = 0; j < L; j++) matrix[i * L + j] = this.matrix[base + live[j]];
    }
    const endpoints: Endpoint[] = [];
    const classOf: number[] = [];
    const endpointIndex: Record<string, number> = {};
    for (const id of [...this.workloadIds, ...this.otherIds]) {
      const ep = this.eps.get(id)!;
      endpointIndex[id] = endpoints.length;
      endpoints.push(ep.endpoint);
      classOf.push(dense[ep.cls!.id]);
    }
    return {
      endpoints,
      endpointIndex,
      classOf,
      classCount: L,
      connSets: this.table.sets.slice(),
      matrix,
      stats: { classes: L, endpoints: endpoints.length, ms },
    };
  }
}

/** Connections from a member of class s to a different member of class d, with per-edit memos. */
class PairEvaluator {
  private eg = new Map<Cls, Compiled[]>();
  private ing = new Map<Cls, Compiled[]>();
  private named = new Map<string, number>();
  constructor(private readonly model: Model, private readonly table: ConnTable, private readonly keyById: Map<number, Key>) {}

  private isolating(c: Cls, dir: Direction): Compiled[] {
    const memo = dir === 'Egress' ? this.eg : this.ing;
    let pols = memo.get(c);
    if (!pols) {
      pols = [];
      for (const id of c.keys) {
        for (const p of this.keyById.get(id)?.subjectOf ?? []) if ((dir === 'Egress' ? p.egress : p.ingress) !== null) pols.push(p);
      }
      memo.set(c, pols);
    }
    return pols;
  }

  private ruleConn(r: Rule, dst: Cls): number {
    if (r.fixed >= 0) return r.fixed;
    const key = `${r.uid}:${dst.id}`;
    let id = this.named.get(key);
    if (id === undefined) {
      const ref = dst.rep.ref;
      id = this.table.id(ruleConnToward(r.rule, ref.kind === 'workload' ? ref.workload : undefined, this.model.cluster.profile));
      this.named.set(key, id);
    }
    return id;
  }

  private allowed(rules: Rule[], peer: Cls, dst: Cls, acc: number): number {
    for (const r of rules) {
      if (r.peers !== null && !r.peers.some((k) => peer.keys.has(k))) continue;
      acc = this.table.union(acc, this.ruleConn(r, dst));
      if (acc === ConnTable.ALL) break;
    }
    return acc;
  }

  conn(s: Cls, d: Cls): number {
    const egPols = this.isolating(s, 'Egress');
    let e = ConnTable.ALL;
    if (egPols.length > 0) {
      e = 0;
      for (const p of egPols) e = this.allowed(p.egress!, d, d, e);
      if (e === 0) return 0;
    }
    const inPols = this.isolating(d, 'Ingress');
    if (inPols.length === 0) return e;
    // Ingress from the destination's own node is always allowed (1.9; see evaluate()).
    const host = hostNodeOf(s.rep.ref, this.model);
    if (host !== undefined && host === podNodeOf(d.rep.ref, this.model)) return e;
    let i = 0;
    for (const p of inPols) i = this.allowed(p.ingress!, s, d, i);
    return this.table.intersect(e, i);
  }
}

const ipsOf = new WeakMap<Workload, { profile: ClusterProfile; set: IpSet }>();
/** workloadIpSet(), remembered per workload object and profile. */
function workloadIps(w: Workload, profile: ClusterProfile): IpSet {
  const hit = ipsOf.get(w);
  if (hit && hit.profile === profile) return hit.set;
  const set = workloadIpSet(w, profile);
  ipsOf.set(w, { profile, set });
  return set;
}

function hostNodeOf(ref: PeerRef, model: Model): string | undefined {
  if (ref.kind === 'addresses') return ref.nodeName;
  return !isPolicyPod(ref.workload, model.cluster.profile) ? ref.workload.nodeName : undefined;
}

function podNodeOf(ref: PeerRef, model: Model): string | undefined {
  return ref.kind === 'workload' && isPolicyPod(ref.workload, model.cluster.profile) ? ref.workload.nodeName : undefined;
}

function insertSorted(xs: string[], x: string): void {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1; else hi = mid;
  }
  xs.splice(lo, 0, x);
}

function removeSorted(xs: string[], x: string): void {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1; else hi = mid;
  }
  if (xs[lo] === x) xs.splice(lo, 1);
}
