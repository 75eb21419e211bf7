// Keyboard on the canvas: the nodes share one Tab stop (roving tabindex); the arrow keys move
// focus to the nearest node that way (src/canvas/spatial-nav.ts); Enter or Space selects (React
// Flow), Enter on a selected namespace opens or closes it; Alt+arrows move the selected nodes
// (React Flow's own keyboard move); E explains the node's connections one after another (what a
// click on an edge does: edges are not Tab stops).

import { useCallback, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { nearestInDirection, rovingStop, type NavDirection } from '../../src/canvas/spatial-nav.ts';
import type { Id } from '../../src/model/types.ts';
import { notify, sessionStore, useSessionStore } from '../state/session-store.ts';
import type { AppNode, FlowEdge } from './flow-types.ts';
import { navRects, nextExplainableEdge, RovingTabStops } from './roving.ts';

const DIRECTIONS: Record<string, NavDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The element of a drawn canvas node (React Flow's wrapper carries data-id). */
export function canvasNodeElement(id: Id): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

function nodeTarget(e: { target: EventTarget }): HTMLElement | null {
  const el = e.target as HTMLElement;
  return el.classList?.contains('react-flow__node') ? el : null;
}

export function useCanvasKeys(nodes: AppNode[], selection: readonly Id[], edges: readonly FlowEdge[]) {
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

  const onFocusCapture = useCallback((e: FocusEvent) => {
    const el = nodeTarget(e);
    const id = el?.dataset.id;
    if (id && sessionStore.getState().canvasFocus !== id) sessionStore.setState({ canvasFocus: id });
  }, []);

  const onKeyDownCapture = useCallback((e: KeyboardEvent) => {
    const el = nodeTarget(e);
    const id = el?.dataset.id;
    if (!el || !id) return;
    const dir = DIRECTIONS[e.key];
    if (dir && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation(); // not React Flow's move of the selected node (that is Alt+arrow)
      const next = nearestInDirection(rectsRef.current, id, dir);
      if (!next) return;
      sessionStore.setState({ canvasFocus: next });
      canvasNodeElement(next)?.focus();
      return;
    }
    if (dir && e.altKey) return; // React Flow moves the selected nodes
    if (e.key.toLowerCase() === 'e' && !e.altKey && !e.ctrlKey && !e.metaKey) {
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
  }, []);

  return { nodes: withStops, onFocusCapture, onKeyDownCapture };
}
