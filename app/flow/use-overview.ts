// What the canvas draws of a large design (src/canvas/overview.ts): which namespaces are one
// compact node, and what those nodes say. Recomputed when the design, the user's expand /
// collapse choices or the settled viewport change, never while the view moves.

import { useMemo } from 'react';
import type { Doc, Id } from '../../src/model/types.ts';
import { namespaceBoxes, type Rect } from '../../src/canvas/geometry.ts';
import { collapsedNamespaces, defaultMode, namespaceSummaries, type CanvasMode, type NamespaceSummary } from '../../src/canvas/overview.ts';
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
  summaries: Record<Id, NamespaceSummary>;
  zoom: number;
}

/** Viewport shapes are rounded so that resizing a panel a little does not repack the overview. */
const roundAspect = (a: number) => Math.round(a * 10) / 10;

const NONE: ReadonlySet<Id> = new Set();

/** `hidden`: nodes the canvas filters leave out (they take no room in the overview). */
export function useOverview(doc: Doc, aspect: number, hidden: ReadonlySet<Id> = NONE): Overview {
  const s = useSessionStore(useShallow((x) => ({ expanded: x.expanded, collapsed: x.collapsed, view: x.view, mode: x.canvasMode })));
  const mode = s.mode ?? defaultMode(doc.model);
  const { reach, model: reachModel } = useEvaluated();
  const boxes = useMemo(() => namespaceBoxes(doc), [doc]);
  // Until the first fit, a large design counts as zoomed out (it opens showing everything).
  const zoom = s.view?.zoom ?? 0;
  const collapsed = useMemo(() => collapsedNamespaces(doc.model, boxes, {
    mode, expanded: new Set(s.expanded), collapsed: new Set(s.collapsed), zoom,
    viewport: s.view ? { x: s.view.x, y: s.view.y, w: s.view.w, h: s.view.h } : null,
  }), [doc.model, boxes, mode, s.expanded, s.collapsed, zoom, s.view]);
  const shape = roundAspect(aspect > 0 ? aspect : 1.6);
  const placed = useMemo(() => {
    if (mode !== 'overview') return null;
    const open = new Set(Object.keys(doc.model.namespaces).filter((id) => !collapsed.has(id)));
    return overviewLayout(doc, open, shape, hidden);
  }, [mode, doc, collapsed, shape, hidden]);
  const summaries = useMemo(
    () => namespaceSummaries({ model: doc.model, reach, reachModel, assertions: assertionResultsOf(reachModel, reach) }),
    [doc.model, reachModel, reach],
  );
  return { mode, placed, boxes: placed ?? boxes, collapsed, summaries, zoom: mode === 'overview' ? 1 : zoom };
}
