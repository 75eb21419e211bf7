// Named versions: snapshots of the design kept inside the document, so a reviewer can compare
// "what we agreed on Monday" with today. A snapshot holds neither versions (no nesting, or the
// file would grow quadratically) nor comments (a discussion is about the design, not part of it).

import { newId } from '../model/factory.ts';
import type { DesignVersion, Doc, Id, Model } from '../model/types.ts';

/** A deep copy of the model without versions and comments. */
export function snapshotModel(model: Model): Model {
  const { versions: _v, comments: _c, ...rest } = model;
  // The model is plain JSON data by contract (files, share links), so a JSON round trip is an
  // exact deep copy, and later edits to the live model can never leak into the snapshot.
  return JSON.parse(JSON.stringify(rest)) as Model;
}

function setVersions(doc: Doc, versions: Record<Id, DesignVersion>): Doc {
  return { ...doc, model: { ...doc.model, versions } };
}

/**
 * Saves the current model as a named version. A blank name becomes `Version <n>`. The id may
 * be passed in so the caller can select the new version right away.
 */
export function saveVersion(doc: Doc, name: string, at: string, id: Id = newId('ver')): Doc {
  const existing = doc.model.versions ?? {};
  const label = name.trim() || `Version ${Object.keys(existing).length + 1}`;
  const version: DesignVersion = { id, name: label, at, model: snapshotModel(doc.model) };
  return setVersions(doc, { ...existing, [id]: version });
}

export function deleteVersion(doc: Doc, versionId: Id): Doc {
  const existing = doc.model.versions ?? {};
  if (!existing[versionId]) return doc;
  const { [versionId]: _removed, ...rest } = existing;
  return setVersions(doc, rest);
}

/** Renames a version; a blank name is refused (the doc is returned unchanged). */
export function renameVersion(doc: Doc, versionId: Id, name: string): Doc {
  const existing = doc.model.versions ?? {};
  const v = existing[versionId];
  if (!v || !name.trim() || v.name === name.trim()) return doc;
  return setVersions(doc, { ...existing, [versionId]: { ...v, name: name.trim() } });
}

export interface VersionSummary {
  id: Id;
  name: string;
  at: string;
}

/** Versions, newest first (ties by name, so the order is stable). */
export function listVersions(doc: Doc): VersionSummary[] {
  return Object.values(doc.model.versions ?? {})
    .map(({ id, name, at }) => ({ id, name, at }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The model of a version (a fresh copy, safe to edit), or undefined for an unknown id. */
export function versionAsModel(doc: Doc, versionId: Id): Model | undefined {
  const v = doc.model.versions?.[versionId];
  return v ? snapshotModel(v.model) : undefined;
}

/** Replaces the live model by a version, keeping the document's versions and comments. */
export function restoreVersion(doc: Doc, versionId: Id): Doc {
  const model = versionAsModel(doc, versionId);
  if (!model) return doc;
  const { versions, comments } = doc.model;
  return {
    ...doc,
    model: { ...model, ...(versions ? { versions } : {}), ...(comments ? { comments } : {}) },
  };
}
