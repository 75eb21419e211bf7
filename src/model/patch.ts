// What changed between two versions of an immutable model, as a small message: the entities
// whose reference changed, per record, and the other fields that changed. A worker holding the
// previous model applies it and gets the next one with every unchanged entity shared, so an edit
// crosses to it in microseconds instead of a structured clone of the whole design, and its
// comparisons by reference (src/policy/incremental.ts) hit at once.

import type { Id, Model } from './types.ts';

/** Fields of Model that are records of entities by id. */
const RECORDS = ['namespaces', 'workloads', 'services', 'policies', 'externals', 'intents', 'namespaceDefaults', 'assertions', 'clusterPolicies', 'nodes'] as const;
type RecordKey = (typeof RECORDS)[number];

export interface ModelPatch {
  /** Per record: entities added or changed (whole), and ids removed. */
  records: Partial<Record<RecordKey, { set: Record<Id, unknown>; del: Id[] }>>;
  /** Other fields (and records that appeared or went away) with their new value. */
  fields: Partial<Model>;
  /** Fields absent from the new model. */
  drop: (keyof Model)[];
}

const isRecordKey = (k: string): k is RecordKey => (RECORDS as readonly string[]).includes(k);

/** The patch turning `prev` into `next` (both immutable: unchanged parts are the same objects). */
export function diffModel(prev: Model, next: Model): ModelPatch {
  const patch: ModelPatch = { records: {}, fields: {}, drop: [] };
  const a = prev as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (!(k in b)) {
      patch.drop.push(k as keyof Model);
      continue;
    }
    if (isRecordKey(k) && x && y && typeof x === 'object' && typeof y === 'object') {
      const xs = x as Record<Id, unknown>;
      const ys = y as Record<Id, unknown>;
      const set: Record<Id, unknown> = {};
      const del: Id[] = [];
      for (const id of Object.keys(ys)) if (xs[id] !== ys[id] || !(id in xs)) set[id] = ys[id];
      for (const id of Object.keys(xs)) if (!(id in ys)) del.push(id);
      patch.records[k] = { set, del };
      continue;
    }
    (patch.fields as Record<string, unknown>)[k] = y;
  }
  return patch;
}

/** `base` with `patch` applied: a new model sharing every entity the patch does not name. */
export function applyModelPatch(base: Model, patch: ModelPatch): Model {
  const out = { ...base, ...patch.fields } as Record<string, unknown>;
  for (const k of patch.drop) delete out[k];
  for (const [k, change] of Object.entries(patch.records)) {
    if (!change) continue;
    const rec = { ...(out[k] as Record<Id, unknown>) };
    for (const id of change.del) delete rec[id];
    Object.assign(rec, change.set);
    out[k] = rec;
  }
  return out as unknown as Model;
}

/**
 * The sending side of a model kept in step with a worker: the first message (and the one after
 * `reset`, when the worker lost its copy) carries the whole model, later ones a patch.
 */
export class ModelSender {
  private sent: Model | null = null;

  message(model: Model): { model: Model } | { patch: ModelPatch } {
    const prev = this.sent;
    this.sent = model;
    return prev ? { patch: diffModel(prev, model) } : { model };
  }

  reset(): void {
    this.sent = null;
  }
}

/** The receiving side: the model after each message, or null when a patch has no base (ask for the whole model). */
export class ModelReceiver {
  private current: Model | null = null;

  receive(msg: { model: Model } | { patch: ModelPatch }): Model | null {
    if ('model' in msg) this.current = msg.model;
    else this.current = this.current ? applyModelPatch(this.current, msg.patch) : null;
    return this.current;
  }

  reset(): void {
    this.current = null;
  }
}
