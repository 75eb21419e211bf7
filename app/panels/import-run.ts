// Runs an import: small inputs synchronously (instant for a short paste), large ones in a
// worker so the page stays responsive, with a main-thread fallback if the worker fails.

import { importManifests } from '../../src/k8s/import.ts';
import type { ImportResult, ManifestFile } from '../../src/k8s/import.ts';
import type { Model } from '../../src/model/types.ts';
import type { ImportRequest, ImportResponse } from '../worker/import.worker.ts';

/** Above this much text (characters, about bytes for YAML) the import runs in a worker. */
export const IMPORT_WORKER_THRESHOLD = 256 * 1024;

export function totalSize(files: readonly ManifestFile[]): number {
  return files.reduce((n, f) => n + f.text.length, 0);
}

/** 912 B, 34 KB, 8.2 MB. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Reading 3 files (8.2 MB)…", "Reading the pasted text (1.1 MB)…". */
export function readingStatus(files: readonly ManifestFile[], pastedName = 'pasted.yaml'): string {
  const size = formatSize(totalSize(files));
  if (files.length === 1 && files[0].name === pastedName) return `Reading the pasted text (${size})…`;
  return `Reading ${files.length} file${files.length === 1 ? '' : 's'} (${size})…`;
}

export function needsWorker(files: readonly ManifestFile[]): boolean {
  return totalSize(files) > IMPORT_WORKER_THRESHOLD;
}

export interface ImportJob {
  /** The result, or null if the job was cancelled. */
  result: Promise<ImportResult | null>;
  /** Stops the job (terminates the worker); `result` then resolves to null. */
  cancel(): void;
}

/** Let the browser paint before heavy synchronous work. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let seq = 0;

/**
 * Imports `files` merged into `base` in a worker. If the worker cannot start or fails,
 * `onFallback` is called and the import runs on the main thread after the next paint.
 */
export function importInWorker(files: ManifestFile[], base: Model, onFallback: () => void): ImportJob {
  let cancelled = false;
  let worker: Worker | null = null;
  let settle: (r: ImportResult | null) => void = () => {};
  const result = new Promise<ImportResult | null>((resolve) => (settle = resolve));
  const mine = ++seq;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const fallback = () => {
    stop();
    if (cancelled) return;
    onFallback();
    void nextPaint().then(() => {
      if (!cancelled) settle(importManifests(files, base));
    });
  };

  try {
    worker = new Worker(new URL('../worker/import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ImportResponse>) => {
      if (e.data.seq !== mine || cancelled) return;
      if ('error' in e.data) {
        fallback();
        return;
      }
      stop();
      const { model, diagnostics, skipped, counts } = e.data;
      settle({ model, diagnostics, skipped, counts });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fallback();
    };
    worker.onmessageerror = () => fallback();
    worker.postMessage({ seq: mine, files, base } satisfies ImportRequest);
  } catch {
    fallback();
  }

  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stop();
      settle(null);
    },
  };
}

/** Imports on the main thread after the next paint (small inputs, or no worker support). */
export function importHere(files: ManifestFile[], base: Model): ImportJob {
  let cancelled = false;
  return {
    result: nextPaint().then(() => (cancelled ? null : importManifests(files, base))),
    cancel() {
      cancelled = true;
    },
  };
}
