// The change router: React Flow reports what the user does as "changes"; durable ones become
// one doc command per gesture, ephemeral ones stay in the session store.
//   position, dragging: true      -> session.dragOverrides (gesture open)
//   position, dragging: false     -> one commit for the whole gesture (or a namespace move confirmation)
//   dimensions, resizing: true    -> session.sizeOverrides (+ positions from top/left resizing)
//   dimensions, resizing: false   -> one commit of size + positions
//   dimensions (measurement)      -> session.measured
//   select                        -> session.selection (a node selected: app/state/selection.ts)
//   remove                        -> ignored here: Canvas.onDelete commits one deleteEntities

import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Doc, Id, NodeLayout } from '../../src/model/types.ts';
import { setPositions } from '../../src/doc/commands.ts';
import { namespaceMoveImpact } from '../../src/doc/commands-move-impact.ts';
import { commitDoc, docStore } from '../state/doc-store.ts';
import { notify, sessionStore, type XY } from '../state/session-store.ts';
import type { AppNode, FlowEdge } from './flow-types.ts';
import { planDragEnd } from '../../src/doc/commands-drop.ts';
import { nodeSelectionPatch } from '../state/selection.ts';

let gestureOpen = false;

export function routeNodeChanges(changes: NodeChange<AppNode>[]): void {
  const session = sessionStore.getState();
  let overrides: Record<Id, XY> | null = null;
  let sizes: Record<Id, { w: number; h: number }> | null = null;
  let measured: Record<Id, { width: number; height: number }> | null = null;
  let selection: Set<Id> | null = null;
  let nodeSelected = false;
  const settled: Record<Id, XY> = {};
  let settle = false;
  let resizeEnd = false;
  const resizing = Object.keys(session.sizeOverrides).length > 0
    || changes.some((c) => c.type === 'dimensions' && c.resizing !== undefined);

  for (const c of changes) {
    if (c.type === 'position') {
      if (!c.position) continue; // a click without movement
      if (c.dragging) {
        gestureOpen = true;
        overrides = overrides ?? { ...session.dragOverrides };
        overrides[c.id] = c.position;
      } else if (resizing) {
        // Resizing from the top/left edge also moves the namespace.
        overrides = overrides ?? { ...session.dragOverrides };
        overrides[c.id] = c.position;
      } else {
        settled[c.id] = c.position;
        settle = true;
      }
    } else if (c.type === 'dimensions') {
      if (c.resizing && c.dimensions) {
        gestureOpen = true;
        sizes = sizes ?? { ...session.sizeOverrides };
        sizes[c.id] = { w: c.dimensions.width, h: c.dimensions.height };
      } else if (c.resizing === false) {
        if (c.dimensions) {
          sizes = sizes ?? { ...session.sizeOverrides };
          sizes[c.id] = { w: c.dimensions.width, h: c.dimensions.height };
        }
        resizeEnd = true;
      } else if (c.dimensions) {
        const old = session.measured[c.id];
        if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
          measured = measured ?? { ...session.measured };
          measured[c.id] = { width: c.dimensions.width, height: c.dimensions.height };
        }
      }
    } else if (c.type === 'select') {
      selection = selection ?? new Set(session.selection);
      if (c.selected) {
        selection.add(c.id);
        nodeSelected = true;
      } else selection.delete(c.id);
    }
  }

  let patch: Partial<ReturnType<typeof sessionStore.getState>> = {};
  if (selection) patch = nodeSelected ? nodeSelectionPatch(session, [...selection]) : { selection: [...selection] };
  if (measured) patch.measured = measured;

  if (resizeEnd) {
    gestureOpen = false;
    const finalSizes = sizes ?? session.sizeOverrides;
    const finalPos = { ...(overrides ?? session.dragOverrides), ...settled };
    const layout: Record<Id, Partial<NodeLayout>> = {};
    for (const [id, p] of Object.entries(finalPos)) layout[id] = { x: p.x, y: p.y };
    for (const [id, s] of Object.entries(finalSizes)) layout[id] = { ...layout[id], w: s.w, h: s.h };
    sessionStore.setState({ ...patch, dragOverrides: {}, sizeOverrides: {} });
    commitDoc((d) => setPositions(d, layout));
    return;
  }
  if (settle) {
    const wasGesture = gestureOpen;
    gestureOpen = false;
    const final = wasGesture ? { ...(overrides ?? session.dragOverrides), ...settled } : settled;
    sessionStore.setState({ ...patch, dragOverrides: {}, sizeOverrides: {} });
    settleDrag(docStore.getState().doc, final);
    return;
  }
  if (overrides) patch.dragOverrides = overrides;
  if (sizes) patch.sizeOverrides = sizes;
  if (Object.keys(patch).length) sessionStore.setState(patch);
}

/**
 * Commits the end of a drag as the core plans it (src/doc/commands-drop.ts planDragEnd); a
 * move into another namespace waits for the user's confirmation.
 */
export function settleDrag(doc: Doc, final: Record<Id, XY>): void {
  const { positions, moves, droppedOutside } = planDragEnd(doc, final);
  if (droppedOutside) notify('A workload always belongs to a namespace: drop it inside one (it went back to its place).');
  if (moves.length > 0) {
    const impact = moves.flatMap((m) => namespaceMoveImpact(doc.model, m.workloadId, m.toNamespaceId));
    const keep: Record<Id, XY> = {};
    for (const m of moves) keep[m.workloadId] = final[m.workloadId];
    // Keep the dragged workloads where they were dropped while the user decides.
    sessionStore.setState({ pendingMove: { moves, positions, impact }, dragOverrides: keep });
    return;
  }
  commitDoc((d) => setPositions(d, positions));
}

export function routeEdgeChanges(changes: EdgeChange<FlowEdge>[]): void {
  const session = sessionStore.getState();
  let selection: Set<Id> | null = null;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    selection = selection ?? new Set(session.selection);
    if (c.selected) selection.add(c.id);
    else selection.delete(c.id);
  }
  if (selection) sessionStore.setState({ selection: [...selection] });
}
