// Manifests -> model for the commands: import, apply the profile, report import problems.

import { ids, PROFILES } from '../model/factory.ts';
import { internetCidrs } from '../services/paths.ts';
import type { ClusterSettings, Model } from '../model/types.ts';
import { formatDiagnostic } from '../k8s/diagnostics.ts';
import type { Diagnostic } from '../k8s/diagnostics.ts';
import { importManifests } from '../k8s/import.ts';
import type { RawObject } from '../k8s/parse.ts';
import { choice } from './args.ts';
import { readManifests } from './files.ts';
import type { CliIO } from './io.ts';

export const PROFILE_NAMES = ['upstream', 'cilium', 'netpol-analyzer-compat'] as const;

export interface Loaded {
  model: Model;
  diagnostics: Diagnostic[];
  /** Where each object came from (only when asked for: it keeps the parser's positions alive). */
  sources?: Map<string, RawObject>;
}

/** Errors and warnings go to stderr (formatted); the command carries on with what was read. */
/** `opts.cluster` applies cluster flags before the stand-in Internet is cut out of the cluster ranges. */
export function loadModel(paths: readonly string[], flags: Record<string, string>, io: CliIO, opts: { sources?: boolean; cluster?: (c: ClusterSettings) => void } = {}): Loaded {
  const profile = choice(flags, 'profile', PROFILE_NAMES, 'upstream');
  const files = readManifests(paths, io.cwd);
  const sources = opts.sources ? new Map<string, RawObject>() : undefined;
  const { model, diagnostics } = importManifests(files, undefined, sources ? { onObject: (id, raw) => void sources.set(id, raw) } : {});
  model.cluster.profile = { ...PROFILES[profile] };
  opts.cluster?.(model.cluster);
  // Manifests never describe the outside world; without it "who can reach us from outside"
  // would be invisible, so stand in the default Internet (semantics 2.8, 6).
  if (Object.keys(model.externals).length === 0) {
    const id = ids.external('internet');
    model.externals[id] = { id, name: 'internet', cidrs: internetCidrs(model), description: 'addresses outside the cluster ranges' };
  }
  for (const d of diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d));
  return { model, diagnostics, ...(sources ? { sources } : {}) };
}
