// Pure Doc -> Doc edit commands. Each returns a new Doc that shares every untouched branch with
// the old one (so undo snapshots stay cheap and memoised evaluation keys on `model` identity),
// or the very same Doc when nothing changed (so the store records no empty undo step).

import type {
  Doc, ExternalNetwork, Id, Intent, Layout, Model, Namespace, NamespaceDefaults, NetworkPolicy,
  NodeLayout, PolicyPort, Service, ServicePort, Workload, WorkloadKind,
} from '../model/types.ts';
import { newId } from '../model/factory.ts';
import {
  MIN_NAMESPACE_SIZE, NAMESPACE_PADDING, WORKLOAD_SIZE, loadBalancerLayoutId, serviceIdOfLoadBalancer,
} from '../layout/sizes.ts';
import { fillMissingLayout } from '../layout/grid.ts';
import { resynthesize } from './commands-resynth.ts';
import { applyServePlan, servePlan } from './commands-serve.ts';
import { fitHeaderWidth } from '../canvas/namespace-header.ts';

export interface Point {
  x: number;
  y: number;
}

// ---------------------------------------------------------------- helpers

/** `base`, or `base-2`, `base-3`… : the first name not in `taken`. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) {
    const cand = `${base}-${i}`;
    if (!set.has(cand)) return cand;
  }
}

function namesInNamespace(model: Model, namespaceId: Id): string[] {
  return Object.values(model.workloads).filter((w) => w.namespaceId === namespaceId).map((w) => w.name);
}

function withModel(doc: Doc, model: Model, opts: { resynth: boolean }): Doc {
  return { ...doc, model: opts.resynth ? resynthesize(model) : model };
}

function omitKeys<T>(rec: Record<Id, T>, drop: Set<Id>): Record<Id, T> {
  let changed = false;
  const out: Record<Id, T> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (drop.has(k)) changed = true;
    else out[k] = v;
  }
  return changed ? out : rec;
}

/** Grow namespace `nsId` so a workload at relative `at` fits inside it. */
function growNamespaceToFit(layout: Layout, nsId: Id, at: Point): Layout {
  const ns = layout[nsId];
  if (!ns) return layout;
  const w = Math.max(ns.w ?? MIN_NAMESPACE_SIZE.w, at.x + WORKLOAD_SIZE.w + NAMESPACE_PADDING);
  const h = Math.max(ns.h ?? MIN_NAMESPACE_SIZE.h, at.y + WORKLOAD_SIZE.h + NAMESPACE_PADDING);
  if (w === ns.w && h === ns.h) return layout;
  return { ...layout, [nsId]: { ...ns, w, h } };
}

const toLayout = (p: Point): NodeLayout => ({ x: Math.round(p.x), y: Math.round(p.y) });

/**
 * Namespace `nsId` widened in the layout to fit its header (name, count, default-deny badge), as
 * the canvas draws it: the saved layout holds the drawn width, so what a file says, what layout
 * checks see and what is on screen agree. Part of the edit that changed the header (one undo step).
 */
function withHeaderWidth(doc: Doc, nsId: Id): Doc {
  const l = doc.layout[nsId];
  if (!l) return doc;
  const w = l.w ?? MIN_NAMESPACE_SIZE.w;
  const fit = fitHeaderWidth(doc, nsId, w);
  return fit === w ? doc : { ...doc, layout: { ...doc.layout, [nsId]: { ...l, w: fit } } };
}

// ---------------------------------------------------------------- creating

export function addNamespace(doc: Doc, args: { at: Point; name?: string; id?: Id; size?: { w: number; h: number } }): Doc {
  const id = args.id ?? newId('ns');
  const name = uniqueName(args.name ?? 'namespace', Object.values(doc.model.namespaces).map((n) => n.name));
  const ns: Namespace = { id, name, labels: {} };
  const size = args.size ?? { w: MIN_NAMESPACE_SIZE.w + 240, h: MIN_NAMESPACE_SIZE.h + 60 };
  return withHeaderWidth({
    ...doc,
    model: { ...doc.model, namespaces: { ...doc.model.namespaces, [id]: ns } },
    layout: { ...doc.layout, [id]: { ...toLayout(args.at), w: size.w, h: size.h } },
  }, id);
}

export interface NewWorkload {
  namespaceId: Id;
  /** Position relative to the namespace's top-left corner. */
  at: Point;
  name?: string;
  kind?: WorkloadKind;
  podLabels?: Record<string, string>;
  ports?: Workload['ports'];
  id?: Id;
}

/** `app` label values of the workloads of a namespace (except `exceptId`). */
function appLabelsInNamespace(model: Model, namespaceId: Id, exceptId?: Id): string[] {
  return Object.values(model.workloads)
    .filter((w) => w.namespaceId === namespaceId && w.id !== exceptId && w.podLabels.app !== undefined)
    .map((w) => w.podLabels.app);
}

/**
 * A workload in an existing namespace. Without given labels it is labelled `app: <name>`, with a
 * name whose `app` label no other workload of the namespace carries (so a selector drawn for it
 * selects it alone), and the label follows later renames (`labelsFollowName`).
 */
export function addWorkload(doc: Doc, args: NewWorkload): Doc {
  if (!doc.model.namespaces[args.namespaceId]) return doc;
  const id = args.id ?? newId('wl');
  const own = !args.podLabels;
  const taken = namesInNamespace(doc.model, args.namespaceId);
  const name = uniqueName(args.name ?? 'workload', own ? [...taken, ...appLabelsInNamespace(doc.model, args.namespaceId)] : taken);
  const wl: Workload = {
    id,
    namespaceId: args.namespaceId,
    name,
    kind: args.kind ?? 'Deployment',
    podLabels: args.podLabels ?? { app: name },
    ports: args.ports ?? [],
    ...(own ? { labelsFollowName: true } : {}),
  };
  const at = toLayout(args.at);
  const model = { ...doc.model, workloads: { ...doc.model.workloads, [id]: wl } };
  const layout = growNamespaceToFit({ ...doc.layout, [id]: at }, args.namespaceId, at);
  return withModel({ ...doc, layout }, model, { resynth: true });
}

export function addExternal(doc: Doc, args: { at: Point; name?: string; cidrs?: string[]; id?: Id }): Doc {
  const id = args.id ?? newId('ext');
  const name = uniqueName(args.name ?? 'external', Object.values(doc.model.externals).map((e) => e.name));
  const ext: ExternalNetwork = { id, name, cidrs: args.cidrs ?? ['0.0.0.0/0', '::/0'] };
  return {
    ...doc,
    model: { ...doc.model, externals: { ...doc.model.externals, [id]: ext } },
    layout: { ...doc.layout, [id]: toLayout(args.at) },
  };
}

/**
 * A Service of type LoadBalancer in `namespaceId`, drawn as a load balancer node at `at`
 * (canvas id `lb:<serviceId>`). Selects `app: <name>` unless a selector is given.
 */
export function addLoadBalancer(doc: Doc, args: {
  namespaceId: Id; at: Point; name?: string; selector?: Record<string, string>; ports?: ServicePort[]; id?: Id;
}): Doc {
  if (!doc.model.namespaces[args.namespaceId]) return doc;
  const id = args.id ?? newId('svc');
  const taken = Object.values(doc.model.services).filter((s) => s.namespaceId === args.namespaceId).map((s) => s.name);
  const name = uniqueName(args.name ?? 'load-balancer', taken);
  const svc: Service = {
    id,
    namespaceId: args.namespaceId,
    name,
    type: 'LoadBalancer',
    selector: args.selector ?? { app: name },
    ports: args.ports ?? [{ name: 'http', protocol: 'TCP', port: 80 }],
  };
  return {
    ...doc,
    model: resynthesize({ ...doc.model, services: { ...doc.model.services, [id]: svc } }),
    layout: { ...doc.layout, [loadBalancerLayoutId(id)]: toLayout(args.at) },
  };
}

// ---------------------------------------------------------------- moving

/** Positions (and namespace sizes) after a drag or resize. Unknown ids are ignored. */
export function setPositions(doc: Doc, positions: Record<Id, Partial<NodeLayout>>): Doc {
  let layout: Layout | null = null;
  for (const [id, p] of Object.entries(positions)) {
    const old = doc.layout[id];
    const exists = old || isLayoutable(doc.model, id);
    if (!exists) continue;
    const next: NodeLayout = { ...(old ?? { x: 0, y: 0 }), ...p };
    next.x = Math.round(next.x);
    next.y = Math.round(next.y);
    if (next.w !== undefined) next.w = Math.round(next.w);
    if (next.h !== undefined) next.h = Math.round(next.h);
    if (old && old.x === next.x && old.y === next.y && old.w === next.w && old.h === next.h) continue;
    layout = layout ?? { ...doc.layout };
    layout[id] = next;
  }
  return layout ? { ...doc, layout } : doc;
}

function isLayoutable(model: Model, id: Id): boolean {
  const svc = serviceIdOfLoadBalancer(id);
  if (svc) return model.services[svc]?.type === 'LoadBalancer';
  return !!(model.namespaces[id] || model.workloads[id] || model.externals[id]);
}

/**
 * Moves a workload into another namespace (its Kubernetes namespace changes; it keeps its
 * labels and intents). `at` is relative to the new namespace. A clashing name gets a suffix.
 */
export function moveWorkloadToNamespace(doc: Doc, workloadId: Id, namespaceId: Id, at?: Point): Doc {
  const wl = doc.model.workloads[workloadId];
  if (!wl || !doc.model.namespaces[namespaceId] || wl.namespaceId === namespaceId) return doc;
  const taken = namesInNamespace(doc.model, namespaceId);
  const name = uniqueName(wl.name, wl.labelsFollowName ? [...taken, ...appLabelsInNamespace(doc.model, namespaceId)] : taken);
  const moved: Workload = { ...wl, namespaceId, name, ...(wl.labelsFollowName ? { podLabels: { ...wl.podLabels, app: name } } : {}) };
  const model = { ...doc.model, workloads: { ...doc.model.workloads, [workloadId]: moved } };
  let layout = doc.layout;
  if (at) {
    const p = toLayout(at);
    layout = growNamespaceToFit({ ...layout, [workloadId]: p }, namespaceId, p);
  } else {
    layout = omitKeys(layout, new Set([workloadId]));
    layout = fillMissingLayout({ ...doc, model, layout });
  }
  return withModel({ ...doc, layout }, model, { resynth: true });
}

// ---------------------------------------------------------------- deleting

/**
 * Deletes namespaces, workloads, services, load balancers (`lb:<svc>` ids delete the Service),
 * externals, policies and intents. Deleting a namespace removes everything in it; intents
 * touching a removed endpoint go too. Unknown ids are ignored.
 */
export function deleteEntities(doc: Doc, ids: Id[]): Doc {
  const m = doc.model;
  const nsGone = new Set<Id>();
  const wlGone = new Set<Id>();
  const svcGone = new Set<Id>();
  const extGone = new Set<Id>();
  const polGone = new Set<Id>();
  const intentGone = new Set<Id>();
  for (const raw of ids) {
    const id = serviceIdOfLoadBalancer(raw) ?? raw;
    if (m.namespaces[id]) nsGone.add(id);
    else if (m.workloads[id]) wlGone.add(id);
    else if (m.services[id]) svcGone.add(id);
    else if (m.externals[id]) extGone.add(id);
    else if (m.policies[id]) polGone.add(id);
    else if (m.intents[id]) intentGone.add(id);
  }
  if (nsGone.size + wlGone.size + svcGone.size + extGone.size + polGone.size + intentGone.size === 0) return doc;
  for (const w of Object.values(m.workloads)) if (nsGone.has(w.namespaceId)) wlGone.add(w.id);
  for (const s of Object.values(m.services)) if (nsGone.has(s.namespaceId)) svcGone.add(s.id);
  for (const p of Object.values(m.policies)) if (nsGone.has(p.namespaceId)) polGone.add(p.id);
  for (const i of Object.values(m.intents)) {
    if ([i.fromId, i.toId].some((e) => wlGone.has(e) || svcGone.has(e) || extGone.has(e))) intentGone.add(i.id);
  }
  const model: Model = {
    ...m,
    namespaces: omitKeys(m.namespaces, nsGone),
    workloads: omitKeys(m.workloads, wlGone),
    services: omitKeys(m.services, svcGone),
    externals: omitKeys(m.externals, extGone),
    policies: omitKeys(m.policies, polGone),
    intents: omitKeys(m.intents, intentGone),
    namespaceDefaults: omitKeys(m.namespaceDefaults, nsGone),
  };
  const layoutGone = new Set<Id>([...nsGone, ...wlGone, ...extGone, ...[...svcGone].map(loadBalancerLayoutId)]);
  const layout = omitKeys(doc.layout, layoutGone);
  return withModel({ ...doc, layout }, model, { resynth: true });
}

// ---------------------------------------------------------------- copy, paste, duplicate

/** A self-contained piece of a design, as copied to the clipboard. */
export interface Clipboard {
  namespaces: Namespace[];
  workloads: Workload[];
  services: Service[];
  policies: NetworkPolicy[];
  externals: ExternalNetwork[];
  layout: Layout;
}

/**
 * Copies the given entities. A namespace brings its workloads, services and hand-written
 * policies; a load balancer id (`lb:<svc>`) brings its Service. Generated policies are left
 * out: they are re-derived from intents.
 */
export function copyEntities(doc: Doc, ids: Id[]): Clipboard {
  const m = doc.model;
  const want = new Set(ids.map((id) => serviceIdOfLoadBalancer(id) ?? id));
  const namespaces = Object.values(m.namespaces).filter((n) => want.has(n.id));
  const nsIds = new Set(namespaces.map((n) => n.id));
  const workloads = Object.values(m.workloads).filter((w) => want.has(w.id) || nsIds.has(w.namespaceId));
  const services = Object.values(m.services).filter((s) => want.has(s.id) || nsIds.has(s.namespaceId));
  const policies = Object.values(m.policies).filter((p) => (want.has(p.id) || nsIds.has(p.namespaceId)) && !p.generated);
  const externals = Object.values(m.externals).filter((e) => want.has(e.id));
  const layout: Layout = {};
  for (const id of [...nsIds, ...workloads.map((w) => w.id), ...externals.map((e) => e.id)]) {
    if (doc.layout[id]) layout[id] = doc.layout[id];
  }
  for (const s of services) {
    const lid = loadBalancerLayoutId(s.id);
    if (doc.layout[lid]) layout[lid] = doc.layout[lid];
  }
  return { namespaces, workloads, services, policies, externals, layout };
}

export function isClipboardEmpty(c: Clipboard): boolean {
  return c.namespaces.length + c.workloads.length + c.services.length + c.policies.length + c.externals.length === 0;
}

/**
 * Pastes a clipboard with fresh ids and unique names, offset by `offset`. Workloads, services
 * and policies whose namespace was not copied go back into their original namespace (skipped
 * when that namespace no longer exists). Top-level nodes are offset; children keep their place
 * inside a copied namespace and are offset inside an existing one.
 * Returns the new doc and the ids of the created nodes (canvas ids: `lb:` for load balancers).
 */
export function pasteEntities(doc: Doc, clip: Clipboard, offset: Point = { x: 40, y: 40 }): { doc: Doc; created: Id[] } {
  const m = doc.model;
  const idMap = new Map<Id, Id>();
  const created: Id[] = [];
  const namespaces = { ...m.namespaces };
  const workloads = { ...m.workloads };
  const services = { ...m.services };
  const policies = { ...m.policies };
  const externals = { ...m.externals };
  const layout = { ...doc.layout };
  const shift = (l: NodeLayout | undefined): NodeLayout | undefined =>
    l ? { ...l, x: Math.round(l.x + offset.x), y: Math.round(l.y + offset.y) } : undefined;

  for (const n of clip.namespaces) {
    const id = newId('ns');
    idMap.set(n.id, id);
    namespaces[id] = { ...n, id, name: uniqueName(n.name, Object.values(namespaces).map((x) => x.name)) };
    const l = shift(clip.layout[n.id]);
    if (l) layout[id] = l;
    created.push(id);
  }
  const targetNs = (old: Id): Id | undefined => idMap.get(old) ?? (namespaces[old] ? old : undefined);
  const copiedNs = (old: Id) => idMap.has(old);

  for (const w of clip.workloads) {
    const ns = targetNs(w.namespaceId);
    if (!ns) continue;
    const id = newId('wl');
    idMap.set(w.id, id);
    const taken = Object.values(workloads).filter((x) => x.namespaceId === ns).map((x) => x.name);
    const base = copiedNs(w.namespaceId) ? w.name : `${w.name}-copy`;
    if (w.labelsFollowName) {
      // A copy with a label that follows its name gets its own label, so it is selected apart.
      const labels = Object.values(workloads).filter((x) => x.namespaceId === ns && x.podLabels.app !== undefined).map((x) => x.podLabels.app);
      const name = uniqueName(base, [...taken, ...labels]);
      workloads[id] = { ...w, id, namespaceId: ns, name, podLabels: { ...w.podLabels, app: name } };
    } else workloads[id] = { ...w, id, namespaceId: ns, name: uniqueName(base, taken) };
    const l = copiedNs(w.namespaceId) ? clip.layout[w.id] : shift(clip.layout[w.id]);
    if (l) layout[id] = l;
    created.push(id);
  }
  for (const s of clip.services) {
    const ns = targetNs(s.namespaceId);
    if (!ns) continue;
    const id = newId('svc');
    idMap.set(s.id, id);
    const taken = Object.values(services).filter((x) => x.namespaceId === ns).map((x) => x.name);
    services[id] = { ...s, id, namespaceId: ns, name: uniqueName(copiedNs(s.namespaceId) ? s.name : `${s.name}-copy`, taken) };
    const l = shift(clip.layout[loadBalancerLayoutId(s.id)]);
    if (l) layout[loadBalancerLayoutId(id)] = l;
    if (s.type === 'LoadBalancer') created.push(loadBalancerLayoutId(id));
  }
  for (const p of clip.policies) {
    const ns = targetNs(p.namespaceId);
    if (!ns) continue;
    const id = newId('np');
    const taken = Object.values(policies).filter((x) => x.namespaceId === ns).map((x) => x.name);
    policies[id] = { ...p, id, namespaceId: ns, name: uniqueName(copiedNs(p.namespaceId) ? p.name : `${p.name}-copy`, taken) };
  }
  for (const e of clip.externals) {
    const id = newId('ext');
    externals[id] = { ...e, id, name: uniqueName(`${e.name}-copy`, Object.values(externals).map((x) => x.name)) };
    const l = shift(clip.layout[e.id]);
    if (l) layout[id] = l;
    created.push(id);
  }
  if (created.length === 0 && clip.policies.length === 0) return { doc, created };
  const model: Model = { ...m, namespaces, workloads, services, policies, externals };
  const base = { ...doc, model, layout };
  return { doc: withModel({ ...base, layout: fillMissingLayout(base) }, model, { resynth: true }), created };
}

/** Copy + paste in one step, offset a little so the copies are visible. */
export function duplicateEntities(doc: Doc, ids: Id[], offset: Point = { x: 40, y: 40 }): { doc: Doc; created: Id[] } {
  return pasteEntities(doc, copyEntities(doc, ids), offset);
}

// ---------------------------------------------------------------- updates (inspector, policies)

type Patch<T> = Partial<Omit<T, 'id'>>;

function changed<T extends object>(old: T, patch: Partial<T>): boolean {
  return Object.entries(patch).some(([k, v]) => (old as Record<string, unknown>)[k] !== v);
}

/**
 * Updates a workload. While `labelsFollowName` is set, a new name also becomes the `app` pod
 * label; editing the pod labels ends that (the user now owns the labels).
 */
export function updateWorkload(doc: Doc, id: Id, patch: Patch<Workload>): Doc {
  const old = doc.model.workloads[id];
  if (!old || !changed(old, patch)) return doc;
  if (patch.namespaceId !== undefined && patch.namespaceId !== old.namespaceId) {
    const moved = moveWorkloadToNamespace(doc, id, patch.namespaceId);
    const { namespaceId: _ns, ...rest } = patch;
    return updateWorkload(moved, id, rest);
  }
  const next: Workload = { ...old, ...patch, id };
  if (patch.podLabels !== undefined && patch.labelsFollowName === undefined) delete next.labelsFollowName;
  else if (next.labelsFollowName && patch.name !== undefined) next.podLabels = { ...next.podLabels, app: next.name };
  if (next.labelsFollowName === false) delete next.labelsFollowName;
  const model = { ...doc.model, workloads: { ...doc.model.workloads, [id]: next } };
  return withModel(doc, model, { resynth: true });
}

/** Whether `name` can be a rename of workload `id` without its following `app` label clashing. */
export function followingLabelClash(model: Model, id: Id, name: string): string | null {
  const w = model.workloads[id];
  if (!w?.labelsFollowName || w.name === name) return null;
  return appLabelsInNamespace(model, w.namespaceId, id).includes(name)
    ? `another workload in this namespace has the label app=${name}; the app label follows the name, so choose another name (or edit the labels first)`
    : null;
}

export function updateNamespace(doc: Doc, id: Id, patch: Patch<Namespace>): Doc {
  const old = doc.model.namespaces[id];
  if (!old || !changed(old, patch)) return doc;
  const model = { ...doc.model, namespaces: { ...doc.model.namespaces, [id]: { ...old, ...patch, id } } };
  return withHeaderWidth(withModel(doc, model, { resynth: true }), id);
}

/** Updates a Service; switching to or from LoadBalancer adds or removes its canvas node. */
export function updateService(doc: Doc, id: Id, patch: Patch<Service>): Doc {
  const old = doc.model.services[id];
  if (!old || !changed(old, patch)) return doc;
  const next = { ...old, ...patch, id };
  const model = { ...doc.model, services: { ...doc.model.services, [id]: next } };
  let layout = doc.layout;
  const lid = loadBalancerLayoutId(id);
  if (next.type !== 'LoadBalancer' && layout[lid]) layout = omitKeys(layout, new Set([lid]));
  if (next.type === 'LoadBalancer' && !layout[lid]) layout = fillMissingLayout({ ...doc, model, layout });
  // Intents may point at a service that is no longer a load balancer: keep them (the lint
  // reports them) rather than deleting the user's intent silently.
  return withModel({ ...doc, layout }, model, { resynth: true });
}

export function updateExternal(doc: Doc, id: Id, patch: Patch<ExternalNetwork>): Doc {
  const old = doc.model.externals[id];
  if (!old || !changed(old, patch)) return doc;
  const model = { ...doc.model, externals: { ...doc.model.externals, [id]: { ...old, ...patch, id } } };
  return withModel(doc, model, { resynth: true });
}

/** Adds or replaces a hand-written policy (no resynthesis: it is not derived from intents). */
export function upsertPolicy(doc: Doc, policy: NetworkPolicy): Doc {
  if (doc.model.policies[policy.id] === policy) return doc;
  return { ...doc, model: { ...doc.model, policies: { ...doc.model.policies, [policy.id]: policy } } };
}

export function deletePolicy(doc: Doc, id: Id): Doc {
  if (!doc.model.policies[id]) return doc;
  return { ...doc, model: { ...doc.model, policies: omitKeys(doc.model.policies, new Set([id])) } };
}

/**
 * Adds an intent. From a load balancer to a workload it also makes the Service select that
 * workload when it can (commands-serve.ts servePlan), in the same step.
 */
export function addIntent(doc: Doc, args: { fromId: Id; toId: Id; ports?: PolicyPort[]; note?: string; id?: Id }): Doc {
  const id = args.id ?? newId('intent');
  const intent: Intent = { id, fromId: args.fromId, toId: args.toId, ports: args.ports ?? [] };
  if (args.note) intent.note = args.note;
  const served = applyServePlan(doc.model, servePlan(doc.model, args.fromId, args.toId));
  return withModel(doc, { ...served, intents: { ...served.intents, [id]: intent } }, { resynth: true });
}

export function updateIntent(doc: Doc, id: Id, patch: Patch<Intent>): Doc {
  const old = doc.model.intents[id];
  if (!old || !changed(old, patch)) return doc;
  return withModel(doc, { ...doc.model, intents: { ...doc.model.intents, [id]: { ...old, ...patch, id } } }, { resynth: true });
}

export function deleteIntent(doc: Doc, id: Id): Doc {
  if (!doc.model.intents[id]) return doc;
  return withModel(doc, { ...doc.model, intents: omitKeys(doc.model.intents, new Set([id])) }, { resynth: true });
}

/** Sets (or with `null` clears) the default-deny switches of a namespace. */
export function setNamespaceDefaults(doc: Doc, namespaceId: Id, defaults: NamespaceDefaults | null): Doc {
  if (!doc.model.namespaces[namespaceId]) return doc;
  const old = doc.model.namespaceDefaults[namespaceId];
  if (defaults === null && !old) return doc;
  if (defaults && old && !changed(old, defaults)) return doc;
  const namespaceDefaults = defaults === null
    ? omitKeys(doc.model.namespaceDefaults, new Set([namespaceId]))
    : { ...doc.model.namespaceDefaults, [namespaceId]: defaults };
  return withHeaderWidth(withModel(doc, { ...doc.model, namespaceDefaults }, { resynth: true }), namespaceId);
}

export function renameDoc(doc: Doc, name: string): Doc {
  return doc.name === name ? doc : { ...doc, name };
}

/**
 * Takes the model of an import (already merged with the current model by importManifests'
 * `base`) and a layout for it; anything the layout misses gets a place next to what exists.
 */
export function importIntoDoc(doc: Doc, model: Model, layout: Layout): Doc {
  const merged: Doc = { ...doc, model: resynthesize(model), layout: { ...doc.layout, ...layout } };
  return { ...merged, layout: pruneLayout(merged.model, fillMissingLayout(merged)) };
}

/** Drops layout entries of entities that no longer exist. */
function pruneLayout(model: Model, layout: Layout): Layout {
  const gone = new Set(Object.keys(layout).filter((id) => !isLayoutable(model, id)));
  return gone.size ? omitKeys(layout, gone) : layout;
}

/** A whole new layout (auto layout); entries for vanished entities are dropped. */
export function replaceLayout(doc: Doc, layout: Layout): Doc {
  return { ...doc, layout: pruneLayout(doc.model, layout) };
}
