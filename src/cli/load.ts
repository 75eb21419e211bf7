// Manifests -> model for the commands: import, apply the profile, report import problems.

import { PROFILES } from '../model/factory.ts';
import type { Model } from '../model/types.ts';
import { formatDiagnostic } from '../k8s/diagnostics.ts';
import type { Diagnostic } from '../k8s/diagnostics.ts';
import { importManifests } from '../k8s/import.ts';
import { choice } from './args.ts';
import { readManifests } from './files.ts';
import type { CliIO } from './io.ts';

export const PROFILE_NAMES = ['upstream', 'cilium', 'netpol-analyzer-compat'] as const;

export interface Loaded {
  model: Model;
  diagnostics: Diagnostic[];
}

/** Errors and warnings go to stderr (formatted); the command carries on with what was read. */
export function loadModel(paths: readonly string[], flags: Record<string, string>, io: CliIO): Loaded {
  const profile = choice(flags, 'profile', PROFILE_NAMES, 'upstream');
  const files = readManifests(paths, io.cwd);
  const { model, diagnostics } = importManifests(files);
  model.cluster.profile = { ...PROFILES[profile] };
  for (const d of diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d));
  return { model, diagnostics };
}
