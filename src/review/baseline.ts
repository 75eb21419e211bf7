// What a design is reviewed against: a saved version, another design file, or manifests (for
// example the policies in git or `kubectl get netpol -A -o yaml`).

import { formatDiagnostic, hasErrors } from '../k8s/diagnostics.ts';
import { importManifests, type ManifestFile } from '../k8s/import.ts';
import { parseDesignFile } from '../doc/file-format.ts';
import { snapshotModel } from '../doc/versions.ts';
import type { Id, Model, Review } from '../model/types.ts';

export interface Baseline {
  model: Model;
  /** Says what the design is compared with, e.g. `version "Monday" (2026-01-05)`. */
  label: string;
}

export type BaselineResult = ({ ok: true; warnings: string[] } & Baseline) | { ok: false; error: string };

export function baselineFromVersion(review: Review, versionId: Id): BaselineResult {
  const v = Object.hasOwn(review.versions, versionId) ? review.versions[versionId] : undefined;
  if (!v) return { ok: false, error: `No saved version ${versionId}.` };
  return { ok: true, model: snapshotModel(v.model), label: `version "${v.name}" (${v.at})`, warnings: [] };
}

export function baselineFromDesignFile(text: string, fileName?: string): BaselineResult {
  const parsed = parseDesignFile(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const label = `design "${parsed.doc.name}"${fileName ? ` (${fileName})` : ''}`;
  return { ok: true, model: snapshotModel(parsed.doc.model), label, warnings: parsed.warnings };
}

const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];

/**
 * A baseline from manifests. Cluster settings and external networks are not Kubernetes objects,
 * so they come from `context` (usually the design under review): otherwise every difference
 * in profile or named network would show up as a change. When the manifests hold no
 * workloads (a folder of policies only), they are read as "the context design with these
 * policies instead of its own", which is what comparing against the policies in git means.
 */
export function baselineFromManifests(files: readonly ManifestFile[], context?: Model): BaselineResult {
  const contextBase = context ? snapshotModel(context) : undefined;
  const probe = importManifests(files);
  if (hasErrors(probe.diagnostics)) {
    const errors = probe.diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.slice(0, 5).map(formatDiagnostic);
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    return { ok: false, error: `The manifests have errors, so they cannot serve as a baseline: ${shown.join('; ')}${more}` };
  }
  const total = Object.values(probe.counts).reduce((a, b) => a + b, 0);
  if (total === 0) return { ok: false, error: 'The manifests hold no objects the designer models.' };

  const warnings = probe.diagnostics.map(formatDiagnostic);
  const names = files.map((f) => f.name).join(', ');
  const policiesOnly = !WORKLOAD_KINDS.some((k) => (probe.counts[k] ?? 0) > 0);
  if (contextBase && policiesOnly) {
    const base: Model = { ...contextBase, policies: {} };
    const merged = importManifests(files, base);
    return { ok: true, model: merged.model, label: `policies from ${names} over the current workloads`, warnings };
  }
  const model = probe.model;
  if (contextBase) {
    model.cluster = contextBase.cluster;
    model.externals = { ...contextBase.externals, ...model.externals };
  }
  return { ok: true, model, label: `manifests ${names}`, warnings };
}
