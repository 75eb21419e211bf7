// What changes when a workload moves to another namespace, in words, for the confirmation the
// canvas shows before committing the move. Policies select pods only in their own namespace and
// Services pick backends only in theirs, so a move silently changes both.

import type { Id, Model } from '../model/types.ts';
import { matchesSelector } from '../policy/selectors.ts';
import { selectsWorkload } from '../services/backends.ts';

const list = (names: string[]): string => names.map((n) => `'${n}'`).join(', ');

/** One line per consequence of moving `workloadId` into `toNamespaceId`. */
export function namespaceMoveImpact(model: Model, workloadId: Id, toNamespaceId: Id): string[] {
  const wl = model.workloads[workloadId];
  const from = wl && model.namespaces[wl.namespaceId];
  const to = model.namespaces[toNamespaceId];
  if (!wl || !from || !to || from.id === to.id) return [];
  const moved = { ...wl, namespaceId: to.id };
  const lines = [`'${wl.name}' moves from namespace '${from.name}' to '${to.name}' (its Kubernetes namespace changes).`];

  const selecting = (nsId: Id) => Object.values(model.policies)
    .filter((p) => p.namespaceId === nsId && matchesSelector(p.podSelector, wl.podLabels))
    .map((p) => p.name).sort();
  const lost = selecting(from.id);
  const gained = selecting(to.id);
  if (lost.length) lines.push(`Policies of '${from.name}' will no longer select it: ${list(lost)}.`);
  if (gained.length) lines.push(`Policies of '${to.name}' will select it: ${list(gained)}.`);
  if (!lost.length && !gained.length) lines.push('No NetworkPolicy selects it before or after the move.');

  const svcLost = Object.values(model.services).filter((s) => selectsWorkload(s, wl)).map((s) => s.name).sort();
  const svcGained = Object.values(model.services).filter((s) => selectsWorkload(s, moved)).map((s) => s.name).sort();
  if (svcLost.length) lines.push(`It stops being a backend of Service ${list(svcLost)} in '${from.name}'.`);
  if (svcGained.length) lines.push(`It becomes a backend of Service ${list(svcGained)} in '${to.name}'.`);

  const clash = Object.values(model.workloads).some((w) => w.namespaceId === to.id && w.name === wl.name);
  if (clash) lines.push(`'${to.name}' already has a workload named '${wl.name}': the moved one gets a new name.`);
  lines.push('Peers that pick it by namespace (namespaceSelector) now see the labels of the new namespace.');
  if (Object.values(model.intents).some((i) => i.fromId === wl.id || i.toId === wl.id)) {
    lines.push('Its intents stay attached to it; generated policies are regenerated.');
  }
  return lines;
}
