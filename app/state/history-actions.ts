// Undo / redo for the UI: after either, drop selected ids that no longer exist.
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import type { Model } from '../../src/model/types.ts';
import { docStore, history } from './doc-store.ts';
import { sessionStore } from './session-store.ts';

function exists(m: Model, id: string): boolean {
  const lb = serviceIdOfLoadBalancer(id);
  if (lb !== undefined) return !!m.services[lb];
  return !!(m.namespaces[id] || m.workloads[id] || m.externals[id] || m.services[id] || m.policies[id] || m.intents[id]);
}

function pruneSelection(): void {
  const m = docStore.getState().doc.model;
  const s = sessionStore.getState();
  const keep = s.selection.filter((id) => exists(m, id));
  const patch: Partial<typeof s> = { dragOverrides: {}, sizeOverrides: {} };
  if (keep.length !== s.selection.length) patch.selection = keep;
  sessionStore.setState(patch);
}

export function undo(): void {
  history.undo();
  pruneSelection();
}

export function redo(): void {
  history.redo();
  pruneSelection();
}
