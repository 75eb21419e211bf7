// Pure Doc -> Doc commands for connectivity assertions, cluster assumptions and the design-pattern
// templates. Like commands.ts: a new Doc sharing untouched branches, or the very same Doc when
// nothing changed (so the store records no empty undo step).

import { newId, PROFILES } from '../model/factory.ts';
import type { Assertion, ClusterProfile, ClusterSettings, Doc, Id } from '../model/types.ts';
import {
  applyClusterGuardrails, applyNamespaceIsolation, applyPublicEntry, applyStrictEgress,
  type ClusterGuardrailsOptions, type NamespaceIsolationOptions, type PublicEntryOptions, type StrictEgressOptions, type TemplateResult,
} from '../templates/index.ts';
import { withoutDuplicatePolicies } from '../templates/dedupe.ts';

// ---------------------------------------------------------------- assertions

/** An assertion to add; the id is generated when not given. */
export type NewAssertion = Omit<Assertion, 'id'> & { id?: Id };

/** Why an assertion cannot be added, or null. */
export function assertionError(a: Omit<NewAssertion, 'id'>): string | null {
  if (!a.fromId || !a.toId) return 'Choose both ends.';
  if (a.fromId === a.toId) return 'Choose two different ends.';
  if (!Number.isInteger(a.port) || a.port < 1 || a.port > 65535) return 'The port must be a whole number from 1 to 65535.';
  return null;
}

/** Same pair, port, protocol and expectation as an existing assertion: its id, else undefined. */
export function duplicateAssertion(doc: Doc, a: Omit<NewAssertion, 'id'>): Id | undefined {
  return Object.values(doc.model.assertions ?? {}).find((x) =>
    x.fromId === a.fromId && x.toId === a.toId && x.port === a.port && x.protocol === a.protocol && x.expect === a.expect)?.id;
}

export function addAssertion(doc: Doc, args: NewAssertion): Doc {
  if (assertionError(args) !== null || duplicateAssertion(doc, args)) return doc;
  const id = args.id ?? newId('as');
  const note = args.note?.trim();
  const a: Assertion = {
    id, fromId: args.fromId, toId: args.toId, protocol: args.protocol, port: args.port, expect: args.expect,
    ...(note ? { note } : {}),
  };
  return { ...doc, model: { ...doc.model, assertions: { ...(doc.model.assertions ?? {}), [id]: a } } };
}

export function updateAssertion(doc: Doc, id: Id, patch: Partial<Omit<Assertion, 'id'>>): Doc {
  const old = doc.model.assertions?.[id];
  if (!old) return doc;
  const next: Assertion = { ...old, ...patch, id };
  if (next.note !== undefined && !next.note.trim()) delete next.note;
  if (assertionError(next) !== null) return doc;
  if ((Object.keys(next) as (keyof Assertion)[]).every((k) => next[k] === old[k]) && Object.keys(next).length === Object.keys(old).length) return doc;
  return { ...doc, model: { ...doc.model, assertions: { ...doc.model.assertions, [id]: next } } };
}

export function deleteAssertion(doc: Doc, id: Id): Doc {
  const all = doc.model.assertions;
  if (!all?.[id]) return doc;
  const { [id]: _gone, ...rest } = all;
  return { ...doc, model: { ...doc.model, assertions: rest } };
}

// ---------------------------------------------------------------- cluster assumptions

type ClusterPatch = Partial<Omit<ClusterSettings, 'profile'>>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes cluster settings (not the profile). A value of `undefined` removes an optional
 * setting (back to its default).
 */
export function updateCluster(doc: Doc, patch: ClusterPatch): Doc {
  const old = doc.model.cluster;
  const next: ClusterSettings = { ...old };
  let changed = false;
  for (const [k, v] of Object.entries(patch) as [keyof ClusterPatch, unknown][]) {
    if (sameValue(old[k], v)) continue;
    changed = true;
    if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    else (next as unknown as Record<string, unknown>)[k] = v;
  }
  return changed ? { ...doc, model: { ...doc.model, cluster: next } } : doc;
}

export type PresetName = Exclude<ClusterProfile['name'], 'custom'>;

/** The preset whose switches equal `p`, or 'custom'. */
export function presetOf(p: Omit<ClusterProfile, 'name'>): ClusterProfile['name'] {
  for (const [name, preset] of Object.entries(PROFILES) as [PresetName, ClusterProfile][]) {
    const { name: _n, ...switches } = preset;
    if ((Object.keys(switches) as (keyof typeof switches)[]).every((k) => switches[k] === p[k])) return name;
  }
  return 'custom';
}

/** Selects a profile: a preset sets all of its switches; 'custom' keeps the current switches. */
export function setClusterProfile(doc: Doc, name: ClusterProfile['name']): Doc {
  const old = doc.model.cluster.profile;
  const profile: ClusterProfile = name === 'custom' ? { ...old, name } : { ...PROFILES[name] };
  if (sameValue(profile, old)) return doc;
  return { ...doc, model: { ...doc.model, cluster: { ...doc.model.cluster, profile } } };
}

/** Changes profile switches; the profile becomes 'custom' unless the result equals a preset. */
export function updateClusterProfile(doc: Doc, patch: Partial<Omit<ClusterProfile, 'name'>>): Doc {
  const old = doc.model.cluster.profile;
  const { name: _n, ...switches } = { ...old, ...patch };
  const profile: ClusterProfile = { ...switches, name: presetOf(switches) };
  if (sameValue(profile, old)) return doc;
  return { ...doc, model: { ...doc.model, cluster: { ...doc.model.cluster, profile } } };
}

// ---------------------------------------------------------------- templates

export type TemplateRequest =
  | { id: 'public-entry'; options: PublicEntryOptions }
  | { id: 'strict-egress'; options: StrictEgressOptions }
  | { id: 'namespace-isolation'; options: NamespaceIsolationOptions }
  | { id: 'cluster-guardrails'; options: ClusterGuardrailsOptions };

/** Applies a design-pattern template; `doc` is unchanged (same object) when it did nothing. */
export function applyTemplate(doc: Doc, req: TemplateRequest): TemplateResult {
  return withoutDuplicatePolicies(doc.model.policies, applyTemplateAsIs(doc, req));
}

function applyTemplateAsIs(doc: Doc, req: TemplateRequest): TemplateResult {
  switch (req.id) {
    case 'public-entry': return applyPublicEntry(doc, req.options);
    case 'strict-egress': return applyStrictEgress(doc, req.options);
    case 'namespace-isolation': return applyNamespaceIsolation(doc, req.options);
    case 'cluster-guardrails': return applyClusterGuardrails(doc, req.options);
  }
}
