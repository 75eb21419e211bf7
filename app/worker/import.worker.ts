// Reads manifests off the main thread for large imports, so the page stays responsive while an
// 8 MB file is parsed. The core is DOM-free: the same importManifests() runs here unchanged, and
// its result is plain data that crosses back by structured clone.

import { importManifests } from '../../src/k8s/import.ts';
import type { ImportResult, ManifestFile } from '../../src/k8s/import.ts';
import type { Model } from '../../src/model/types.ts';

export interface ImportRequest {
  seq: number;
  files: ManifestFile[];
  base: Model;
}

export type ImportResponse = ({ seq: number } & ImportResult) | { seq: number; error: string };

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const { seq, files, base } = e.data;
  try {
    const { model, diagnostics, skipped, counts } = importManifests(files, base);
    (self as unknown as Worker).postMessage({ seq, model, diagnostics, skipped, counts } satisfies ImportResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq, error: String(err) } satisfies ImportResponse);
  }
};
