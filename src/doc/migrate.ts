// Upgrades of saved documents from older format versions, one step per version. Each step is
// a pure function on raw JSON (before validation), so restore.ts validates only the current shape.

import { DOC_VERSION } from '../model/types.ts';

type RawDoc = Record<string, unknown>;
export interface MigrationStep {
  /** Upgrades a raw document of version `from` to `from + 1`. */
  up(raw: RawDoc): RawDoc;
  /** One line for the user, shown as a note after loading. */
  note: string;
}

const ENTITY_COLLECTIONS = ['namespaces', 'workloads', 'services', 'policies', 'externals', 'intents'];

/**
 * Version 0: the pre-release draft format, where entity collections were arrays of objects
 * with an `id` (as people also write by hand). Version 1 keys them by id.
 */
function v0ToV1(raw: RawDoc): RawDoc {
  const model = raw.model;
  if (typeof model !== 'object' || model === null || Array.isArray(model)) return { ...raw, version: 1 };
  const next: RawDoc = { ...(model as RawDoc) };
  for (const key of ENTITY_COLLECTIONS) {
    const list = next[key];
    if (!Array.isArray(list)) continue;
    const record: RawDoc = {};
    list.forEach((item: unknown, i) => {
      const id = typeof item === 'object' && item !== null && typeof (item as RawDoc).id === 'string'
        ? (item as RawDoc).id as string
        : `${key}-${i}`;
      record[id] = typeof item === 'object' && item !== null ? { ...(item as RawDoc), id } : item;
    });
    next[key] = record;
  }
  return { ...raw, version: 1, model: next };
}

/**
 * Version 1 kept review comments and named versions inside the model (`model.comments`,
 * `model.versions`), so adding a comment changed what evaluation reads. Version 2 moves them to
 * the review scope (`review.comments`, `review.versions`, plus `review.decisions`); a version's
 * own snapshot loses any comments it carried (a discussion is not part of a design).
 */
function v1ToV2(raw: RawDoc): RawDoc {
  const model = raw.model;
  if (typeof model !== 'object' || model === null || Array.isArray(model)) return { ...raw, version: 2 };
  const { comments, versions, ...design } = model as RawDoc;
  const previous = typeof raw.review === 'object' && raw.review !== null && !Array.isArray(raw.review) ? raw.review as RawDoc : {};
  const review: RawDoc = { ...previous };
  if (comments !== undefined) review.comments = comments;
  if (versions !== undefined) review.versions = stripVersionComments(versions);
  return { ...raw, version: 2, model: design, review };
}

function stripVersionComments(versions: unknown): unknown {
  if (typeof versions !== 'object' || versions === null || Array.isArray(versions)) return versions;
  const out: RawDoc = {};
  for (const [id, v] of Object.entries(versions as RawDoc)) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) { out[id] = v; continue; }
    const ver = v as RawDoc;
    const m = ver.model;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) { out[id] = v; continue; }
    const { comments: _c, versions: _v, ...snapshot } = m as RawDoc;
    out[id] = { ...ver, model: snapshot };
  }
  return out;
}

/**
 * Version 3 adds the cluster-wide tiers (`model.clusterPolicies`, `model.nodes`); a version 2
 * file has none, so nothing is converted. The version changes so that an older NetPol Designer
 * refuses a file whose Admin denies it would silently ignore.
 */
function v2ToV3(raw: RawDoc): RawDoc {
  return { ...raw, version: 3 };
}

/** The node CIDR that formats 0-3 filled in when the user had set none. */
export const OLD_DEFAULT_NODE_CIDRS = ['10.0.0.0/16'];

function unsetOldNodeDefault(model: unknown): unknown {
  if (typeof model !== 'object' || model === null || Array.isArray(model)) return model;
  const cluster = (model as RawDoc).cluster;
  if (typeof cluster !== 'object' || cluster === null || Array.isArray(cluster)) return model;
  const nodes = (cluster as RawDoc).nodeCidrs;
  if (!Array.isArray(nodes) || nodes.length !== 1 || nodes[0] !== OLD_DEFAULT_NODE_CIDRS[0]) return model;
  return { ...(model as RawDoc), cluster: { ...(cluster as RawDoc), nodeCidrs: [] } };
}

/**
 * Version 4: cluster assumptions are unknown until the user sets them. Formats 0-3 filled in the
 * node CIDR 10.0.0.0/16 when none was set, and generated policies then admitted it; a file
 * holding exactly that value gets it unset (in the design and in its saved versions).
 */
function v3ToV4(raw: RawDoc): RawDoc {
  const next: RawDoc = { ...raw, version: 4, model: unsetOldNodeDefault(raw.model) };
  const review = raw.review;
  if (typeof review === 'object' && review !== null && !Array.isArray(review)) {
    const versions = (review as RawDoc).versions;
    if (typeof versions === 'object' && versions !== null && !Array.isArray(versions)) {
      const out: RawDoc = {};
      for (const [id, v] of Object.entries(versions as RawDoc)) {
        out[id] = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(v as RawDoc), model: unsetOldNodeDefault((v as RawDoc).model) } : v;
      }
      next.review = { ...(review as RawDoc), versions: out };
    }
  }
  return next;
}

/** Step `n` upgrades version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  0: { up: v0ToV1, note: 'upgraded from format 0: collections converted from lists to maps by id' },
  1: { up: v1ToV2, note: 'upgraded from format 1: comments and versions moved from the design to its review' },
  2: { up: v2ToV3, note: 'upgraded from format 2: the format now holds cluster-wide policies and nodes (this design has none)' },
  3: { up: v3ToV4, note: 'upgraded from format 3: a node CIDR of 10.0.0.0/16 was the old default, not a setting, and is now unset (set the real one in Design → Cluster)' },
};

export function newerVersionMessage(version: number, supported = DOC_VERSION): string {
  return `made by a newer NetPol Designer (format ${version}); this version reads up to ${supported}. Update NetPol Designer to open it.`;
}

export type MigrateResult = { ok: true; doc: RawDoc; notes: string[] } | { ok: false; error: string };

/** Runs the steps from `fromVersion` up to `target` (default: the current DOC_VERSION). */
export function migrate(raw: RawDoc, fromVersion: number, target = DOC_VERSION,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS): MigrateResult {
  if (fromVersion > target) return { ok: false, error: newerVersionMessage(fromVersion, target) };
  let doc = raw;
  const notes: string[] = [];
  for (let v = fromVersion; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, error: `cannot read format ${fromVersion}: no upgrade from format ${v} to ${v + 1}` };
    doc = step.up(doc);
    notes.push(step.note);
  }
  return { ok: true, doc: { ...doc, version: target }, notes };
}
