// Public API of the manifest importer/exporter.
export { importManifests } from './import.ts';
export type { ImportResult, ManifestFile, ImportOptions } from './import.ts';
export {
  exportManifests, exportObject, policyToManifest, serviceToManifest, namespaceToManifest, workloadToManifest,
  effectivePolicyTypes, selectorToManifest,
} from './export.ts';
export type { ExportKind, ExportOptions } from './export.ts';
export { formatDiagnostic, hasErrors } from './diagnostics.ts';
export type { Diagnostic, Severity } from './diagnostics.ts';
export { parseManifestText, DEFAULT_LIMITS } from './parse.ts';
export type { ParseLimits, RawObject } from './parse.ts';
export { validateModel } from './validate-model.ts';
