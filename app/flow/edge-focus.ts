// The edge the keyboard is on (`]` / `[` from a focused node, src/canvas/edge-nav.ts). Edges are
// not Tab stops: only this one edge is focusable (tabIndex -1, focused by script) and carries
// its description as its accessible name; the canvas stays one Tab stop (the node's).

import { createStore, useStore } from 'zustand';
import type { Id } from '../../src/model/types.ts';
import type { FlowEdge } from './flow-types.ts';

export interface EdgeFocus {
  /** The focused edge's id. */
  id: string;
  /** The node the walk started from: Escape goes back to it, `]` / `[` walk its edges. */
  at: Id;
  /** Accessible name (describeEdge). */
  label: string;
}

export const edgeFocusStore = createStore<{ focus: EdgeFocus | null }>()(() => ({ focus: null }));

export function useEdgeFocus(): EdgeFocus | null {
  return useStore(edgeFocusStore, (s) => s.focus);
}

export function setEdgeFocus(focus: EdgeFocus | null): void {
  if (edgeFocusStore.getState().focus !== focus) edgeFocusStore.setState({ focus });
}

/** The drawn edges with the focused one made focusable by script, named, and ringed (`kb-focus`). */
export function withEdgeFocus(edges: FlowEdge[], focus: EdgeFocus | null): FlowEdge[] {
  if (!focus) return edges;
  const i = edges.findIndex((e) => e.id === focus.id);
  if (i < 0) return edges;
  const e = edges[i];
  const out = edges.slice();
  out[i] = {
    ...e,
    focusable: true,
    ariaLabel: focus.label,
    className: e.className ? `${e.className} kb-focus` : 'kb-focus',
    domAttributes: { ...e.domAttributes, tabIndex: -1 },
  };
  return out;
}

/** The element React Flow draws for an edge. */
export function canvasEdgeElement(id: string): SVGGElement | null {
  return document.querySelector<SVGGElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`);
}

/**
 * Focuses the edge now: React Flow draws every edge, and the next render makes this one
 * focusable and names it (withEdgeFocus); the same attributes are set here first so focus and
 * its name land with the key press. Retries for a frame or two if the edge is not drawn yet.
 */
export function focusEdge(id: string, label: string, tries = 10): void {
  const el = canvasEdgeElement(id);
  if (el) {
    el.setAttribute('tabindex', '-1');
    el.setAttribute('aria-label', label);
    el.focus({ preventScroll: true });
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusEdge(id, label, tries - 1));
}
