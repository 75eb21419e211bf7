// Entry point: manifest files -> model, merged into an optional base design.

import { emptyModel } from '../model/factory.ts';
import type { Model } from '../model/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseManifestText } from './parse.ts';
import type { ParseLimits, RawObject } from './parse.ts';
import { addRawObject } from './to-model.ts';
import type { ConvertState } from './to-model.ts';

export interface ManifestFile {
  name: string;
  text: string;
}

export interface ImportResult {
  model: Model;
  diagnostics: Diagnostic[];
  /** Objects of kinds the designer does not model, counted by kind. */
  skipped: Record<string, number>;
  /** Objects imported, counted by kind. */
  counts: Record<string, number>;
}

export interface ImportOptions {
  limits?: Partial<ParseLimits>;
  /** Called with the model id and the source object of everything imported (later definitions win). */
  onObject?: (id: string, raw: RawObject) => void;
}

/**
 * Reads manifests into a model. With `base`, objects are merged into a copy of it (same id
 * replaces). Never throws for bad input: problems are returned as diagnostics.
 */
export function importManifests(files: readonly ManifestFile[], base?: Model, opts: ImportOptions = {}): ImportResult {
  // The model is plain data, so a JSON copy is a faithful deep copy.
  const model: Model = base ? (JSON.parse(JSON.stringify(base)) as Model) : emptyModel();
  const state: ConvertState = { model, diagnostics: [], skipped: {}, counts: {}, seen: new Set() };
  let current: RawObject | undefined;
  if (opts.onObject) state.onAdded = (id) => opts.onObject!(id, current!);
  for (const f of files) {
    const parsed = parseManifestText(f.name, f.text, opts.limits);
    state.diagnostics.push(...parsed.diagnostics);
    addAll(parsed.objects, state, (raw) => { current = raw; });
  }
  return { model, diagnostics: state.diagnostics, skipped: state.skipped, counts: state.counts };
}

/** Like importManifests, for objects already read (the fuzzer mutates parsed objects). */
export function importRawObjects(objects: readonly RawObject[]): ImportResult {
  const state: ConvertState = { model: emptyModel(), diagnostics: [], skipped: {}, counts: {}, seen: new Set() };
  addAll(objects, state);
  return { model: state.model, diagnostics: state.diagnostics, skipped: state.skipped, counts: state.counts };
}

function addAll(objects: readonly RawObject[], state: ConvertState, before?: (raw: RawObject) => void): void {
  for (const raw of objects) {
    before?.(raw);
    try {
      addRawObject(raw, state);
    } catch (err) {
      // A converter bug must not lose the rest of the import.
      state.diagnostics.push({
        severity: 'error', file: raw.file, doc: raw.doc, line: raw.line,
        message: `internal error while reading this object: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
}
