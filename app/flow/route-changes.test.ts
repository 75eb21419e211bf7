// Selecting on the canvas with the mouse or the keyboard reaches the session through React Flow's
// select changes: a node selected after a connection shows the node, not the connection's explanation.
import { beforeEach, describe, expect, it } from 'vitest';
import { initialSession, sessionStore } from '../state/session-store.ts';
import { edgeSelectionPatch } from '../state/selection.ts';
import { routeEdgeChanges, routeNodeChanges } from './route-changes.ts';

const EDGE = 'allowed:prometheus->postgres';
const PG = 'wl:data/StatefulSet/postgres';
const explain = { src: 'wl:monitoring/Deployment/prometheus', dst: PG };

describe('selection changes', () => {
  beforeEach(() => sessionStore.setState({ ...initialSession }));

  it('a connection selected, then a node (click or Enter): the node alone, in the Inspector', () => {
    sessionStore.setState(edgeSelectionPatch(EDGE, explain));
    // What React Flow sends for the node (addSelectedNodes): the edge unselected, the node selected.
    routeNodeChanges([{ type: 'select', id: PG, selected: true }]);
    routeEdgeChanges([{ type: 'select', id: EDGE, selected: false }]);
    const s = sessionStore.getState();
    expect(s.selection).toEqual([PG]);
    expect(s.explain).toBeNull();
    expect(s.rightTab).toBe('inspect');
  });

  it('unselecting nodes (a connection clicked) leaves the explanation open', () => {
    sessionStore.setState(edgeSelectionPatch(EDGE, explain, [PG], true));
    routeNodeChanges([{ type: 'select', id: PG, selected: false }]);
    expect(sessionStore.getState()).toMatchObject({ selection: [EDGE], explain, rightTab: 'explain' });
  });
});
