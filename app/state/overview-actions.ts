// Opening and closing namespaces on the canvas (overview -> detail, src/canvas/overview.ts).
// View state only: never in the document or its history.

import type { Id } from '../../src/model/types.ts';
import type { CanvasMode } from '../../src/canvas/overview.ts';
import { sessionStore } from './session-store.ts';
import { requestCenter, requestFitNodes, requestFitView } from './view-requests.ts';
import type { SearchResult } from '../../src/canvas/search.ts';

/** Overview (compact namespaces packed to the screen) or the design's own layout. */
export function setCanvasMode(mode: CanvasMode): void {
  sessionStore.setState({ canvasMode: mode });
  requestFitView();
}

/** Shows the workloads of a namespace (whatever the zoom). */
export function expandNamespace(id: Id): void {
  const s = sessionStore.getState();
  sessionStore.setState({
    expanded: s.expanded.includes(id) ? s.expanded : [...s.expanded, id],
    collapsed: s.collapsed.filter((x) => x !== id),
  });
}

/** The user opens a namespace of the overview: its workloads are drawn and it is brought into view. */
export function openNamespace(id: Id): void {
  expandNamespace(id);
  requestFitNodes([id]);
}

/** Draws a namespace as one compact node again (whatever the zoom). */
export function collapseNamespace(id: Id): void {
  const s = sessionStore.getState();
  sessionStore.setState({
    collapsed: s.collapsed.includes(id) ? s.collapsed : [...s.collapsed, id],
    expanded: s.expanded.filter((x) => x !== id),
  });
}

/** Jumps to a search result: opens its namespace, selects it, centres it on the canvas. */
export function jumpTo(r: SearchResult): void {
  if (r.kind !== 'namespace' && r.namespaceId) expandNamespace(r.namespaceId);
  sessionStore.setState({
    selection: [r.nodeId],
    searchOpen: false,
    ...(r.kind === 'policy' ? { editingPolicyId: r.id, rightTab: 'policies' as const } : { rightTab: 'inspect' as const }),
  });
  requestCenter(r.nodeId);
}
