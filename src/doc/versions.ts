// Named versions: snapshots of the design model kept in the review scope, so a reviewer can
// compare "what we agreed on Monday" with today. Saving or deleting a version changes only the
// review (never the design, so nothing is re-evaluated); restoring one changes the design.

import { newId } from '../model/factory.ts';
import type { DesignVersion, Doc, Id, Model, Review } from '../model/types.ts';

/** A deep copy of a design model. */
export function snapshotModel(model: Model): Model {
  // The model is plain JSON data by contract (files, share links), so a JSON round trip is an
  // exact deep copy, and later edits to the live model can never leak into the snapshot.
  return JSON.parse(JSON.stringify(model)) as Model;
}

function setVersions(review: Review, versions: Record<Id, DesignVersion>): Review {
  return { ...review, versions };
}

/**
 * Saves `model` as a named version. A blank name becomes `Version <n>`. The id may be passed in
 * so the caller can select the new version right away.
 */
export function saveVersion(review: Review, model: Model, name: string, at: string, id: Id = newId('ver')): Review {
  const existing = review.versions;
  const label = name.trim() || `Version ${Object.keys(existing).length + 1}`;
  const version: DesignVersion = { id, name: label, at, model: snapshotModel(model) };
  return setVersions(review, { ...existing, [id]: version });
}

export function deleteVersion(review: Review, versionId: Id): Review {
  const existing = review.versions;
  if (!Object.hasOwn(existing, versionId)) return review;
  const { [versionId]: _removed, ...rest } = existing;
  return setVersions(review, rest);
}

/** Renames a version; a blank name is refused (the review is returned unchanged). */
export function renameVersion(review: Review, versionId: Id, name: string): Review {
  const existing = review.versions;
  const v = Object.hasOwn(existing, versionId) ? existing[versionId] : undefined;
  if (!v || !name.trim() || v.name === name.trim()) return review;
  return setVersions(review, { ...existing, [versionId]: { ...v, name: name.trim() } });
}

export interface VersionSummary {
  id: Id;
  name: string;
  at: string;
}

/** Versions, newest first (ties by name, so the order is stable). */
export function listVersions(review: Review): VersionSummary[] {
  return Object.values(review.versions)
    .map(({ id, name, at }) => ({ id, name, at }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The model of a version (a fresh copy, safe to edit), or undefined for an unknown id. */
export function versionAsModel(review: Review, versionId: Id): Model | undefined {
  const v = Object.hasOwn(review.versions, versionId) ? review.versions[versionId] : undefined;
  return v ? snapshotModel(v.model) : undefined;
}

/** Replaces the live design model by a version (the review, with all versions, is unchanged). */
export function restoreVersion(doc: Doc, review: Review, versionId: Id): Doc {
  const model = versionAsModel(review, versionId);
  return model ? { ...doc, model } : doc;
}
