// The selection actions: what selecting something on the canvas does to the session, one rule
// for the mouse (React Flow's select changes, app/flow/route-changes.ts; onEdgeClick) and the
// keyboard (Enter on a node goes through React Flow too; Enter on an edge, use-canvas-keys.ts).
//   selecting a connection -> it alone is selected, its explanation opens in the Explain tab
//   selecting a node       -> the connection's explanation closes and, if the Explain tab was
//                             showing, the Inspector shows the node instead

import type { Id } from '../../src/model/types.ts';
import type { SessionState } from './session-store.ts';
import type { ConnectionOpen } from '../../src/canvas/connections-of.ts';

type Explain = SessionState['explain'];

/**
 * The session patch for selecting one connection (a click or Enter on it): it alone is selected,
 * or added to `current` (Ctrl/Cmd+click), and its explanation opens.
 */
export function edgeSelectionPatch(id: Id, explain: Explain | undefined, current: readonly Id[] = [], additive = false): Partial<SessionState> {
  const selection = additive ? [...current.filter((x) => x !== id), id] : [id];
  return { selection, ...(explain ? { explain, rightTab: 'explain' as const } : {}) };
}

/**
 * The session patch for nodes newly selected (`selection` is the whole new selection): the
 * explanation that the previous selection (a connection) opened no longer describes what is
 * selected, so it closes and the Inspector shows the node.
 */
export function nodeSelectionPatch(s: Pick<SessionState, 'rightTab' | 'explain'>, selection: Id[]): Partial<SessionState> {
  return {
    selection,
    ...(s.explain ? { explain: null } : {}),
    ...(s.rightTab === 'explain' ? { rightTab: 'inspect' as const } : {}),
  };
}

/**
 * The session patch for a row of the Inspector's Connections list: the node stays selected (its
 * list is there again on the Inspect tab) and the row's explanation opens, in the Explain tab for
 * an allowed pair, in the Paths tab for a load-balancer path.
 */
export function connectionOpenPatch(open: ConnectionOpen): Partial<SessionState> {
  return open.kind === 'explain' ? { explain: { src: open.src, dst: open.dst }, rightTab: 'explain' } : { rightTab: 'paths' };
}
