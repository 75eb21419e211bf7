// What the last import reported, shown in the Problems tab until the next import.

import { createStore, useStore } from 'zustand';
import type { Diagnostic } from '../../src/k8s/diagnostics.ts';

export interface LastImport {
  diagnostics: Diagnostic[];
  /** Objects imported by kind. */
  counts: Record<string, number>;
  skipped: Record<string, number>;
}

export const importResultStore = createStore<{ last: LastImport | null }>()(() => ({ last: null }));

export function useLastImport(): LastImport | null {
  return useStore(importResultStore, (s) => s.last);
}

export function setLastImport(last: LastImport | null): void {
  importResultStore.setState({ last });
}
