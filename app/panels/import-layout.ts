// Where imported objects go on the canvas: an empty design gets a full automatic layout (ELK);
// an existing one keeps its positions and new objects are placed beside them (importIntoDoc
// already did that with fillMissingLayout).

import type { Doc } from '../../src/model/types.ts';
import { autoLayout } from '../../src/layout/elk.ts';

function isEmptyDesign(doc: Doc): boolean {
  const m = doc.model;
  return Object.keys(m.namespaces).length + Object.keys(m.workloads).length + Object.keys(m.externals).length === 0;
}

export async function layoutAfterImport(before: Doc, merged: Doc): Promise<Doc> {
  if (!isEmptyDesign(before)) return merged;
  try {
    return { ...merged, layout: await autoLayout(merged) };
  } catch {
    // ELK failing must not lose the import: the grid layout from importIntoDoc stands.
    return merged;
  }
}
