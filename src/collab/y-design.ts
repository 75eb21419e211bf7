// The design scope as a Yjs document, so several people can edit one design at once.
//
// Layout of the Y.Doc (all top-level types are Y.Maps):
//   meta        name
//   <collection> namespaces, workloads, services, policies, externals, intents,
//               namespaceDefaults, assertions, clusterPolicies, nodes: id -> Y.Map of fields
//               (last writer wins per field)
//   cluster     field -> value
//   extra       unknown model keys of later features -> JSON
//   layout      id -> {x, y, w?, h?}
// A policy's `ingress` / `egress` are Y.Arrays of rules (Y.Maps); a rule's `from` / `to` and
// `ports` are Y.Arrays of Y.Maps too. So two people editing different rules (or peers, or ports)
// of one policy both keep their edits (a cluster policy's `ingress` / `egress` rules and their
// `peers` / `ports` likewise), and a concurrent edit of the same field resolves to one
// value everywhere. A key is present exactly when the field is (absent and [] differ in meaning).
//
// writeDesign applies the difference between two immutable Docs as Yjs operations (call it
// inside one transaction per user action); readDesign builds a Doc back, reusing the previous
// Doc's objects for whatever did not change, so memoised evaluation and rendering stay cheap.

import * as Y from 'yjs';
import { DOC_VERSION } from '../model/types.ts';
import type { Doc, Model } from '../model/types.ts';

type Json = unknown;
type Rec = Record<string, unknown>;

const COLLECTIONS = ['namespaces', 'workloads', 'services', 'policies', 'externals', 'intents', 'namespaceDefaults', 'assertions', 'clusterPolicies', 'nodes'] as const;
type Collection = (typeof COLLECTIONS)[number];
/** Collections a model may leave out (absent and {} read the same, but round-trips keep absence). */
const OPTIONAL_COLLECTIONS = new Set<string>(['assertions', 'clusterPolicies', 'nodes']);
const KNOWN_MODEL_KEYS = new Set<string>([...COLLECTIONS, 'cluster']);
/** Fields stored as Y.Arrays of Y.Maps, per container kind. */
const POLICY_RULE_LISTS = ['ingress', 'egress'];
const RULE_LISTS = ['from', 'to', 'ports'];
/** A cluster policy's rules hold their peers in `peers` (from / to by direction) and `ports`. */
const CLUSTER_RULE_LISTS = ['peers', 'ports'];

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of plain JSON data, ignoring key order and keys holding `undefined`. */
function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (!isRec(a) || !isRec(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
}

// ---------------------------------------------------------------- writing

/** Which fields of a map at this depth are lists of maps. */
type ListFields = (field: string) => readonly string[] | null;
const policyLists: ListFields = (f) => (POLICY_RULE_LISTS.includes(f) ? RULE_LISTS : null);
const clusterPolicyLists: ListFields = (f) => (POLICY_RULE_LISTS.includes(f) ? CLUSTER_RULE_LISTS : null);
const ruleLists: ListFields = (f) => (RULE_LISTS.includes(f) ? [] : null);
const noLists: ListFields = () => null;

function childLists(lists: readonly string[]): ListFields {
  return lists.length ? (f) => (lists.includes(f) ? [] : null) : noLists;
}

function newYMap(obj: Rec, lists: ListFields): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  writeFields(m, undefined, obj, lists);
  return m;
}

function newYArray(items: readonly unknown[], nested: readonly string[]): Y.Array<Y.Map<unknown>> {
  const a = new Y.Array<Y.Map<unknown>>();
  a.push(items.map((x) => newYMap(isRec(x) ? x : {}, childLists(nested))));
  return a;
}

/** Brings `m` (which mirrors `prev`) to `next`, field by field. */
function writeFields(m: Y.Map<unknown>, prev: Rec | undefined, next: Rec, lists: ListFields): void {
  for (const key of Object.keys(prev ?? {})) if (!(key in next) || next[key] === undefined) m.delete(key);
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const old = prev?.[key];
    if (prev && old === value) continue;
    const nested = lists(key);
    if (nested && Array.isArray(value)) {
      // A new (not yet integrated) map has nothing to read: Yjs warns on reading it.
      const current = prev ? m.get(key) : undefined;
      if (current instanceof Y.Array && Array.isArray(old)) syncList(current as Y.Array<Y.Map<unknown>>, old, value, nested);
      else m.set(key, newYArray(value, nested));
    } else if (!prev || !jsonEqual(old, value)) {
      m.set(key, value);
    }
  }
}

/**
 * Brings a Y.Array of maps (mirroring `prev`) to `next`: the unchanged head and tail stay, an
 * equal-length middle is edited in place (so a concurrent edit of another element survives),
 * otherwise the middle is replaced.
 */
function syncList(arr: Y.Array<Y.Map<unknown>>, prev: readonly unknown[], next: readonly unknown[], nested: readonly string[]): void {
  if (prev === next) return;
  let head = 0;
  while (head < prev.length && head < next.length && jsonEqual(prev[head], next[head])) head++;
  let tail = 0;
  while (tail < prev.length - head && tail < next.length - head && jsonEqual(prev[prev.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  const oldMid = prev.length - head - tail;
  const newMid = next.length - head - tail;
  const lists = childLists(nested);
  if (oldMid === newMid) {
    for (let i = head; i < head + oldMid; i++) {
      const el = arr.get(i);
      const p = prev[i];
      const n = next[i];
      if (el instanceof Y.Map && isRec(p) && isRec(n)) writeFields(el, p, n, lists);
      else {
        arr.delete(i, 1);
        arr.insert(i, [newYMap(isRec(n) ? n : {}, lists)]);
      }
    }
    return;
  }
  if (oldMid > 0) arr.delete(head, oldMid);
  if (newMid > 0) arr.insert(head, next.slice(head, head + newMid).map((x) => newYMap(isRec(x) ? x : {}, lists)));
}

function entityLists(collection: Collection): ListFields {
  return collection === 'policies' ? policyLists : collection === 'clusterPolicies' ? clusterPolicyLists : noLists;
}

function syncCollection(ydoc: Y.Doc, name: Collection, prev: Record<string, unknown> | undefined, next: Record<string, unknown> | undefined): void {
  if (prev === next && prev !== undefined) return;
  const map = ydoc.getMap<Y.Map<unknown>>(name);
  const p = prev ?? {};
  const n = next ?? {};
  for (const id of Object.keys(p)) if (!(id in n)) map.delete(id);
  for (const [id, entity] of Object.entries(n)) {
    if (!isRec(entity)) continue;
    const old = p[id];
    const current = map.get(id);
    if (old === entity && current) continue;
    if (current instanceof Y.Map && isRec(old)) writeFields(current, old, entity, entityLists(name));
    else map.set(id, newYMap(entity, entityLists(name)));
  }
}

function syncPlainMap(map: Y.Map<unknown>, prev: Rec | undefined, next: Rec): void {
  for (const k of Object.keys(prev ?? {})) if (!(k in next)) map.delete(k);
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) map.delete(k);
    else if (!prev || prev[k] !== v) {
      if (!prev || !jsonEqual(prev[k], v)) map.set(k, v);
    }
  }
}

/**
 * Writes `next` into `ydoc`, given that `ydoc` currently mirrors `prev` (null: the Y.Doc is
 * empty, write everything). Call inside `ydoc.transact(..., origin)`.
 */
export function writeDesign(ydoc: Y.Doc, prev: Doc | null, next: Doc): void {
  if (prev === next) return;
  const meta = ydoc.getMap<unknown>('meta');
  if (!prev || prev.name !== next.name) meta.set('name', next.name);
  const pm = prev?.model as unknown as Rec | undefined;
  const nm = next.model as unknown as Rec;
  if (pm !== nm) {
    for (const c of COLLECTIONS) syncCollection(ydoc, c, pm?.[c] as Rec | undefined, nm[c] as Rec | undefined);
    if (!pm || pm.cluster !== nm.cluster) syncPlainMap(ydoc.getMap('cluster'), pm?.cluster as Rec | undefined, nm.cluster as Rec);
    const extra = (m: Rec | undefined) => (m ? Object.fromEntries(Object.entries(m).filter(([k]) => !KNOWN_MODEL_KEYS.has(k))) : undefined);
    syncPlainMap(ydoc.getMap('extra'), extra(pm), extra(nm) ?? {});
  }
  if (!prev || prev.layout !== next.layout) syncPlainMap(ydoc.getMap('layout'), prev?.layout as Rec | undefined, next.layout as Rec);
}

// ---------------------------------------------------------------- reading

function plain(v: unknown): unknown {
  if (v instanceof Y.Array) return v.toArray().map(plain);
  if (v instanceof Y.Map) {
    const out: Rec = {};
    v.forEach((x, k) => { out[k] = plain(x); });
    return out;
  }
  return v;
}

/** `next` with every part that equals the matching part of `prev` replaced by `prev`'s object. */
function reuse<T>(prev: T | undefined, next: T): T {
  if (prev === undefined) return next;
  return jsonEqual(prev, next) ? prev : next;
}

function reuseRecord(prev: Rec | undefined, next: Rec): Rec {
  if (!prev) return next;
  let same = Object.keys(prev).length === Object.keys(next).length;
  const out: Rec = {};
  for (const [k, v] of Object.entries(next)) {
    const kept = reuse(prev[k], v);
    out[k] = kept;
    if (kept !== prev[k]) same = false;
  }
  return same ? prev : out;
}

/** Whether the Y.Doc holds a design at all (a room's first editor has written it). */
export function hasDesign(ydoc: Y.Doc): boolean {
  return ydoc.getMap('meta').has('name');
}

/** The design in `ydoc`, sharing unchanged objects with `prev`. */
export function readDesign(ydoc: Y.Doc, prev?: Doc): Doc {
  const pm = prev?.model as unknown as Rec | undefined;
  const model: Rec = {};
  for (const c of COLLECTIONS) {
    const m = ydoc.getMap<unknown>(c);
    if (OPTIONAL_COLLECTIONS.has(c) && m.size === 0 && !(pm && c in pm)) continue;
    model[c] = reuseRecord(pm?.[c] as Rec | undefined, plain(m) as Rec);
  }
  model.cluster = reuse(pm?.cluster, plain(ydoc.getMap('cluster')));
  for (const [k, v] of Object.entries(plain(ydoc.getMap('extra')) as Rec)) if (!KNOWN_MODEL_KEYS.has(k)) model[k] = reuse(pm?.[k], v);
  const nextModel = model as unknown as Model;
  const sameModel = pm && Object.keys(pm).length === Object.keys(model).length && Object.keys(model).every((k) => model[k] === pm[k]);
  const name = String(ydoc.getMap('meta').get('name') ?? 'Untitled design');
  const layout = reuseRecord(prev?.layout as Rec | undefined, plain(ydoc.getMap('layout')) as Rec) as Doc['layout'];
  const finalModel = sameModel ? (prev as Doc).model : nextModel;
  if (prev && prev.name === name && prev.model === finalModel && prev.layout === layout) return prev;
  return { version: DOC_VERSION, name, model: finalModel, layout };
}

/** Every top-level type of the design, for a Y.UndoManager scope. */
export function designTypes(ydoc: Y.Doc): Y.Map<unknown>[] {
  return ['meta', ...COLLECTIONS, 'cluster', 'extra', 'layout'].map((n) => ydoc.getMap<unknown>(n));
}
