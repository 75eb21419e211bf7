// What the canvas draws of a large design (src/canvas/overview.ts): which namespaces are one
// compact node, and what those nodes say. Recomputed when the design, the user's expand /
// collapse choices or the settled viewport change, never while the view moves.

import { useMemo, useRef } from 'react';
import type { Doc, Id } from '../../src/model/types.ts';
import { namespaceBoxes, type Rect } from '../../src/canvas/geometry.ts';
import { collapsedNamespaces, defaultMode, foldedLoadBalancers, namespaceSummaries, type CanvasMode, type NamespaceSummary } from '../../src/canvas/overview.ts';
import { overviewLayout } from '../../src/canvas/overview-layout.ts';
import { useEvaluated } from '../state/reachability.ts';
import { assertionResultsOf } from '../lb/derived.ts';
import { useSessionStore } from '../state/session-store.ts';
import { useShallow } from 'zustand/react/shallow';

export interface Overview {
  mode: CanvasMode;
  /** Overview mode: where namespaces, externals and load balancers are drawn (else the doc's layout). */
  placed: Map<Id, Rect> | null;
  boxes: Map<Id, Rect>;
  collapsed: Set<Id>;
  /** Load balancer nodes drawn by their namespace's card (not drawn on their own). */
  folded: Set<Id>;
  summaries: Record<Id, NamespaceSummary>;
  zoom: number;
}

/** Viewport shapes are rounded so that resizing a panel a little does not repack the overview. */
const roundAspect = (a: number) => Math.round(a * 10) / 10;

const NONE: ReadonlySet<Id> = new Set();

const sameSet = (a: ReadonlySet<Id>, b: ReadonlySet<Id>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The previous set while the contents stay the same (a settled pan or zoom changes nothing drawn). */
function useStableSet(next: Set<Id>): Set<Id> {
  const ref = useRef(next);
  if (ref.current !== next && !sameSet(ref.current, next)) ref.current = next;
  return ref.current;
}

/** `hidden`: nodes the canvas filters leave out (they take no room in the overview). */
export function useOverview(doc: Doc, aspect: number, hidden: ReadonlySet<Id> = NONE): Overview {
  const s = useSessionStore(useShallow((x) => ({ expanded: x.expanded, collapsed: x.collapsed, view: x.view, mode: x.canvasMode })));
  const mode = s.mode ?? defaultMode(doc.model);
  const { reach, model: reachModel } = useEvaluated();
  const boxes = useMemo(() => namespaceBoxes(doc), [doc]);
  // Until the first fit, a large design counts as zoomed out (it opens showing everything).
  const zoom = s.view?.zoom ?? 0;
  // Kept as the same set while its contents stay (every settled pan or zoom recomputes it; the
  // edges, their labels and the overview layout are rebuilt only when it really changes).
  const collapsed = useStableSet(useMemo(() => collapsedNamespaces(doc.model, boxes, {
    mode, expanded: new Set(s.expanded), collapsed: new Set(s.collapsed), zoom,
    viewport: s.view ? { x: s.view.x, y: s.view.y, w: s.view.w, h: s.view.h } : null,
  }), [doc.model, boxes, mode, s.expanded, s.collapsed, zoom, s.view]));
  const folded = useMemo(() => foldedLoadBalancers(doc, collapsed, mode), [doc, collapsed, mode]);
  const shape = roundAspect(aspect > 0 ? aspect : 1.6);
  const placed = useMemo(() => {
    if (mode !== 'overview') return null;
    const open = new Set(Object.keys(doc.model.namespaces).filter((id) => !collapsed.has(id)));
    // Folded load balancers take no room, like nodes a filter hides.
    return overviewLayout(doc, open, shape, folded.size ? new Set([...hidden, ...folded]) : hidden);
  }, [mode, doc, collapsed, shape, hidden, folded]);
  const summaries = useMemo(
    () => namespaceSummaries({ model: doc.model, reach, reachModel, assertions: assertionResultsOf(reachModel, reach) }),
    [doc.model, reachModel, reach],
  );
  return { mode, placed, boxes: placed ?? boxes, collapsed, folded, summaries, zoom: mode === 'overview' ? 1 : zoom };
}
