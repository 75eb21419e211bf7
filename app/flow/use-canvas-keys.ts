// Keyboard on the canvas: the nodes share one Tab stop (roving tabindex); the arrow keys move
// focus to the nearest node that way (src/canvas/spatial-nav.ts); Enter or Space selects (React
// Flow), Enter on a selected namespace opens or closes it; Alt+arrows move the selected nodes
// (React Flow's own keyboard move); E explains the node's connections one after another; `]` and
// `[` walk the edges drawn at the node (src/canvas/edge-nav.ts): the edge gets focus and a ring,
// Enter selects it as a click does, Delete removes an intent, Escape goes back to the node. Edges
// are never Tab stops.

import { useCallback, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { nearestInDirection, rovingStop, type NavDirection } from '../../src/canvas/spatial-nav.ts';
import { canDeleteEdge, describeEdge, stepEdge } from '../../src/canvas/edge-nav.ts';
import { deleteEntities } from '../../src/doc/commands.ts';
import type { Id, Model } from '../../src/model/types.ts';
import { commitDoc } from '../state/doc-store.ts';
import { notify, notifyAboutSelection, sessionStore, setSession, useSessionStore } from '../state/session-store.ts';
import type { AppNode, FlowEdge } from './flow-types.ts';
import { navRects, nextExplainableEdge, RovingTabStops } from './roving.ts';
import { edgeFocusStore, focusEdge, setEdgeFocus } from './edge-focus.ts';
import { edgeSelectionPatch } from '../state/selection.ts';

const DIRECTIONS: Record<string, NavDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The element of a drawn canvas node (React Flow's wrapper carries data-id). */
export function canvasNodeElement(id: Id): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

function nodeTarget(e: { target: EventTarget }): HTMLElement | null {
  const el = e.target as HTMLElement;
  return el.classList?.contains('react-flow__node') ? el : null;
}

function edgeTarget(e: { target: EventTarget }): Element | null {
  const el = e.target as Element;
  return el.classList?.contains('react-flow__edge') ? el : null;
}

const plain = (e: KeyboardEvent) => !e.altKey && !e.ctrlKey && !e.metaKey;

export function useCanvasKeys(nodes: AppNode[], selection: readonly Id[], edges: readonly FlowEdge[], model: Model, readOnly: boolean) {
  const focused = useSessionStore((s) => s.canvasFocus);
  const rects = useMemo(() => navRects(nodes), [nodes]);
  const stop = useMemo(() => rovingStop(rects, focused, selection), [rects, focused, selection]);
  const roving = useRef(new RovingTabStops());
  const withStops = useMemo(() => roving.current.apply(nodes, stop), [nodes, stop]);
  const rectsRef = useRef(rects);
  rectsRef.current = rects;
  const edgesRef = useRef(edges);
  edgesRef.current = edges;
  const explained = useRef<string | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  /** `]` / `[` from a node (or from an edge, around the node the walk started at). */
  const walkEdges = useCallback((at: Id, dir: 1 | -1) => {
    const current = edgeFocusStore.getState().focus;
    const step = stepEdge(edgesRef.current, rectsRef.current, at, current?.at === at ? current.id : null, dir);
    if (!step?.edge.data) {
      notify('No connection is drawn at this node.');
      return;
    }
    const label = describeEdge(modelRef.current, { ...step.edge, ...step.edge.data }, readOnlyRef.current);
    setEdgeFocus({ id: step.edge.id, at, label });
    notify(`Connection ${step.index + 1} of ${step.count}. ${label}`);
    focusEdge(step.edge.id, label);
  }, []);

  /** Back to the node the walk started at. */
  const leaveEdge = useCallback((at: Id | undefined) => {
    setEdgeFocus(null);
    if (at) {
      sessionStore.setState({ canvasFocus: at });
      canvasNodeElement(at)?.focus();
    }
  }, []);

  const onEdgeKey = useCallback((e: KeyboardEvent, id: string) => {
    const focus = edgeFocusStore.getState().focus;
    const at = focus?.id === id ? focus.at : undefined;
    const edge = edgesRef.current.find((x) => x.id === id);
    const stop = () => { e.preventDefault(); e.stopPropagation(); };
    if ((e.key === ']' || e.key === '[') && plain(e) && at) {
      stop();
      walkEdges(at, e.key === ']' ? 1 : -1);
      return;
    }
    if (e.key === 'Escape') {
      stop();
      leaveEdge(at);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && edge) {
      // What a click does: select it (the Inspector) and explain it.
      stop();
      const explain = edge.data?.explain;
      setSession(edgeSelectionPatch(id, explain));
      notifyAboutSelection(`Selected. ${explain ? 'Its explanation is in the Explain tab. ' : ''}${edge.data && canDeleteEdge(edge.data, readOnlyRef.current) ? 'Delete removes this intent.' : ''}`.trim());
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      // Never React Flow's delete of whatever else is selected.
      stop();
      if (!edge?.data) return;
      if (!canDeleteEdge(edge.data, readOnlyRef.current)) {
        notify(readOnlyRef.current ? 'Read-only: editing is off.' : 'Only an intent can be deleted; this connection follows from the policies.');
        return;
      }
      const intentId = edge.data.intentId!;
      commitDoc((d) => deleteEntities(d, [intentId]));
      setSession({ selection: sessionStore.getState().selection.filter((s) => s !== id && s !== intentId) });
      notify('Intent removed (Ctrl+Z brings it back).');
      leaveEdge(at);
      return;
    }
    if (DIRECTIONS[e.key] && plain(e) && at) {
      // Arrows leave the edge and move on from its node.
      stop();
      const next = nearestInDirection(rectsRef.current, at, DIRECTIONS[e.key]) ?? at;
      leaveEdge(next);
    }
  }, [walkEdges, leaveEdge]);

  const onFocusCapture = useCallback((e: FocusEvent) => {
    const el = nodeTarget(e);
    const id = el?.dataset.id;
    if (id && sessionStore.getState().canvasFocus !== id) sessionStore.setState({ canvasFocus: id });
  }, []);

  const onKeyDownCapture = useCallback((e: KeyboardEvent) => {
    const edgeEl = edgeTarget(e);
    if (edgeEl) {
      const edgeId = edgeEl.getAttribute('data-id');
      if (edgeId) onEdgeKey(e, edgeId);
      return;
    }
    const el = nodeTarget(e);
    const id = el?.dataset.id;
    if (!el || !id) return;
    if ((e.key === ']' || e.key === '[') && plain(e)) {
      e.preventDefault();
      e.stopPropagation();
      walkEdges(id, e.key === ']' ? 1 : -1);
      return;
    }
    const dir = DIRECTIONS[e.key];
    if (dir && plain(e)) {
      e.preventDefault();
      e.stopPropagation(); // not React Flow's move of the selected node (that is Alt+arrow)
      const next = nearestInDirection(rectsRef.current, id, dir);
      if (!next) return;
      sessionStore.setState({ canvasFocus: next });
      canvasNodeElement(next)?.focus();
      return;
    }
    if (dir && e.altKey) return; // React Flow moves the selected nodes
    if (e.key.toLowerCase() === 'e' && plain(e)) {
      e.preventDefault();
      e.stopPropagation();
      const next = nextExplainableEdge(edgesRef.current, id, explained.current);
      if (!next?.edge.data?.explain) {
        notify('No connection drawn at this node to explain.');
        return;
      }
      explained.current = next.edge.id;
      sessionStore.setState({ explain: next.edge.data.explain, rightTab: 'explain' });
      notify(`Explaining connection ${next.index + 1} of ${next.count} at this node (E for the next).`);
      return;
    }
    if (e.key === 'Enter' && el.classList.contains('selected')) {
      // A namespace's open/close button, as the mouse has it.
      const toggle = el.querySelector<HTMLButtonElement>(':scope .ns-toggle');
      if (toggle) {
        e.preventDefault();
        e.stopPropagation();
        toggle.click();
      }
    }
  }, [onEdgeKey, walkEdges]);

  /** Focus leaving the keyboard's edge (Tab, a click elsewhere) drops its ring. */
  const onBlurCapture = useCallback((e: FocusEvent) => {
    const el = edgeTarget(e);
    const focus = edgeFocusStore.getState().focus;
    if (el && focus && el.getAttribute('data-id') === focus.id && e.relatedTarget !== el) setEdgeFocus(null);
  }, []);

  return { nodes: withStops, onFocusCapture, onKeyDownCapture, onBlurCapture };
}
