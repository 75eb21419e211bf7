// Transient UI state: selection, highlights, open panels, in-flight gestures. Never saved,
// never in undo history.

import { createStore, useStore } from 'zustand';
import type { Id, PolicyPort } from '../../src/model/types.ts';
import type { CanvasMode } from '../../src/canvas/overview.ts';
import { NO_FILTER, type CanvasFilter } from '../../src/canvas/filters.ts';
import { noticeOutlived, type Notice } from './notice.ts';

export type BottomTab = 'yaml' | 'matrix' | 'problems' | 'review' | 'diff';
export type RightTab = 'inspect' | 'policies' | 'cluster' | 'explain' | 'comments' | 'paths' | 'assertions';
export type EdgeView = 'allowed' | 'denied-too' | 'selection';

export interface XY {
  x: number;
  y: number;
}

export interface SessionState {
  /** Selected canvas element ids (model ids; edges use their edge ids). */
  selection: Id[];
  /** Ids to highlight on the canvas, e.g. the pods a selector being edited matches. */
  highlight: Id[];
  /** Ids highlighted as the other end (peers) of what `highlight` shows, e.g. a cluster policy's rule peers. */
  highlightPeers: Id[];
  /** The pair whose explanation is open (endpoint ids as in Reachability). */
  explain: { src: string; dst: string; query?: { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number } } | null;
  /** A connection drawn on the canvas, waiting for the port/protocol dialog. */
  pendingIntent: { fromId: Id; toId: Id; ports?: PolicyPort[] } | null;
  /** The policy open in the policy editor. */
  editingPolicyId: Id | null;
  /** The cluster policy open in the Cluster policies view. */
  editingClusterPolicyId: Id | null;
  rightTab: RightTab;
  bottomTab: BottomTab;
  bottomOpen: boolean;
  importOpen: boolean;
  /** Files to list in the Import dialog when it opens (dropped on the canvas). */
  importFiles: { name: string; text: string }[];
  edgeView: EdgeView;
  /** In-drag positions by node id; committed to the doc when the drag settles. */
  dragOverrides: Record<Id, XY>;
  /** In-resize namespace sizes by node id; committed with the positions when the resize ends. */
  sizeOverrides: Record<Id, { w: number; h: number }>;
  /** Sizes React Flow measured in the DOM (needed to keep a controlled flow initialised). */
  measured: Record<Id, { width: number; height: number }>;
  /** A short message for the user (toast), e.g. why a drop was refused. */
  notice: Notice | null;
  /** Workloads dragged into another namespace, waiting for the user's confirmation. */
  pendingMove: PendingMove | null;
  /** The search box (/ or Ctrl+K) is open. */
  searchOpen: boolean;
  /** "Connect to…" is open: the intent starts at this endpoint id (src/canvas/connect.ts). */
  connectFrom: Id | null;
  /** The canvas node that is the canvas's one Tab stop (roving focus, app/flow/use-canvas-keys.ts). */
  canvasFocus: Id | null;
  /** Overview or the document's layout; null = by the design's size (src/canvas/overview.ts). */
  canvasMode: CanvasMode | null;
  /** Namespaces the user opened / closed on the canvas (src/canvas/overview.ts). */
  expanded: Id[];
  collapsed: Id[];
  /** The viewport as of the last settled move: zoom and the visible canvas rectangle. */
  view: { zoom: number; x: number; y: number; w: number; h: number } | null;
  /** What the canvas is narrowed down to (src/canvas/filters.ts); NO_FILTER shows everything. */
  filter: CanvasFilter;
  /** The filter popover on the canvas is open. */
  filterOpen: boolean;
}

export interface PendingMove {
  moves: { workloadId: Id; toNamespaceId: Id; at: XY }[];
  /** Other nodes moved in the same drag (committed with the moves, or dropped on cancel). */
  positions: Record<Id, { x?: number; y?: number; w?: number; h?: number }>;
  /** What changes, one line each, from the core (src/doc/commands-move-impact.ts). */
  impact: string[];
}

export const initialSession: SessionState = {
  selection: [],
  highlight: [],
  highlightPeers: [],
  explain: null,
  pendingIntent: null,
  editingPolicyId: null,
  editingClusterPolicyId: null,
  rightTab: 'inspect',
  bottomTab: 'yaml',
  bottomOpen: true,
  importOpen: false,
  importFiles: [],
  edgeView: 'allowed',
  dragOverrides: {},
  sizeOverrides: {},
  measured: {},
  notice: null,
  pendingMove: null,
  searchOpen: false,
  connectFrom: null,
  canvasFocus: null,
  canvasMode: null,
  expanded: [],
  collapsed: [],
  view: null,
  filter: NO_FILTER,
  filterOpen: false,
};

export function createSessionStore() {
  return createStore<SessionState>()(() => ({ ...initialSession }));
}

export const sessionStore = createSessionStore();

export function useSessionStore<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}

export function setSession(patch: Partial<SessionState>): void {
  sessionStore.setState(patch);
}

/** Shows a toast message. */
export function notify(text: string, kind: 'info' | 'error' = 'info'): void {
  sessionStore.setState({ notice: { text, kind } });
}

/** Shows a toast message about the current selection: it goes when the selection changes. */
export function notifyAboutSelection(text: string): void {
  sessionStore.setState({ notice: { text, kind: 'info', about: sessionStore.getState().selection } });
}

// However the selection changes (click, keyboard, a panel), a notice about the old one goes.
sessionStore.subscribe((s, prev) => {
  if (s.selection !== prev.selection && noticeOutlived(s.notice, s.selection)) sessionStore.setState({ notice: null });
});
