// The design canvas: a controlled React Flow projected from the doc (project-nodes.ts) with
// edges derived from the core's results (build-edges.ts). Every durable change goes through
// route-changes.ts or a doc command, one undo step per gesture.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background, BackgroundVariant, ControlButton, Controls, MiniMap, Panel, ReactFlow, useReactFlow, useStore as useFlowStore,
  type Connection, type Edge, type Node, type OnDelete,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { deleteEntities } from '../../src/doc/commands.ts';
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import type { Id } from '../../src/model/types.ts';
import { commitDoc } from '../state/doc-store.ts';
import { useCanvasDoc } from '../state/canvas-doc.ts';
import { notify, setSession, sessionStore, useSessionStore } from '../state/session-store.ts';
import { useCenterRequests, useFitNodeRequests, useFitViewRequests } from '../state/view-requests.ts';
import { EdgeProjector } from './build-edges.ts';
import { useCanvasEdges } from './use-canvas-edges.ts';
import { edgeTypes, nodeTypes } from './node-types.ts';
import { NodeProjector } from './project-nodes.ts';
import { routeEdgeChanges, routeNodeChanges } from './route-changes.ts';
import { dropPaletteItem, type PaletteItem } from '../../src/doc/commands-drop.ts';
import { PALETTE_MIME } from './palette-mime.ts';
import { importDroppedFiles, manifestFiles } from '../state/design-files.ts';
import type { AppNode, FlowEdge } from './flow-types.ts';
import { CanvasStatus } from './CanvasStatus.tsx';
import { ExplainPairBar } from './ExplainPairBar.tsx';
import { AssertPairBar } from '../assertions/AssertPairBar.tsx';
import { useDesignLocked } from '../collab/live-store.ts';
import { useOverview } from './use-overview.ts';
import { useCanvasKeys } from './use-canvas-keys.ts';
import { setCanvasMode } from '../state/overview-actions.ts';
import { isDenseOverview, isLargeDesign } from '../../src/canvas/overview.ts';
import { namespaceBoxes } from '../../src/canvas/geometry.ts';
import { drawnRects } from '../../src/canvas/drawn.ts';
import { fitPaddingFor, type DrawnForFit, type FitPadding } from '../../src/canvas/fit-padding.ts';
import { labelScale, placeLabels } from '../../src/canvas/labels.ts';
import { steppedLabelScale } from '../../src/canvas/label-steps.ts';
import { cardDetail as cardDetailAt, sideNodeDetail } from '../../src/canvas/card-detail.ts';
import { Router } from '../../src/canvas/routing.ts';
import { routeCanvasEdges } from '../../src/canvas/edge-routes.ts';
import { ReadOnlyBanner } from '../share/ReadOnlyBanner.tsx';
import { useShareState } from '../share/read-only.ts';
import { PeerLayer } from '../collab/PeerLayer.tsx';
import { keptEdges } from '../../src/canvas/filters.ts';
import { useCanvasFilter } from './use-canvas-filter.ts';
import { CanvasFilterControl } from './CanvasFilterControl.tsx';
import { LayoutProgress } from './LayoutProgress.tsx';
import { fitOptions } from './fit-options.ts';
import { refitOnResize, stillAtFit, type Viewport } from '../../src/canvas/fit-hold.ts';
import { useEdgeFocus, withEdgeFocus } from './edge-focus.ts';
import { edgeSelectionPatch } from '../state/selection.ts';
import { markDrawn, markDrawnFocus } from './drawn-doc.ts';

const EMPTY: ReadonlySet<Id> = new Set();
const DELETE_KEYS = ['Delete', 'Backspace'];
/** Below this zoom node text is unreadable: it is not painted (see .canvas.zoomed-out in styles.css). */
const ZOOMED_OUT = 0.4;
/** Above this many nodes the minimap shows by default. */
const MINIMAP_NODES = 30;
/** Above this many nodes the minimap is hidden while the viewport moves. */
const LARGE_DESIGN_NODES = 200;
const MINIMAP_STYLE = { width: 150, height: 96 };
/** What a screen reader says on a node: our keys (app/flow/use-canvas-keys.ts), not React Flow's. */
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Arrow keys go to the nearest node that way. Enter or Space selects; Enter on a selected namespace opens or closes it. C connects to another node, E explains its connections one by one, ] and [ go to its connections (Enter selects one, Delete removes an intent), Alt+arrow keys move the selected nodes, Delete removes them.',
};

/** Model id of a canvas node an intent can start or end at (LB nodes stand for their Service). */
function intentEndpointId(nodeId: string): Id {
  return serviceIdOfLoadBalancer(nodeId) ?? nodeId;
}

export function Canvas() {
  // The last evaluated design (app/state/canvas-doc.ts): one render per edit, with its edges.
  const doc = useCanvasDoc();
  const s = useSessionStore(useShallow((x) => ({
    selection: x.selection, dragOverrides: x.dragOverrides, sizeOverrides: x.sizeOverrides,
    measured: x.measured, highlight: x.highlight, highlightPeers: x.highlightPeers, edgeView: x.edgeView,
  })));
  const { screenToFlowPosition, fitView, getViewport, getInternalNode, setCenter } = useReactFlow();
  const projector = useRef(new NodeProjector());
  const flowSize = useFlowStore(useShallow((st) => ({ w: st.width, h: st.height })));
  // The settled viewport (zoom and visible rectangle) decides what is drawn (src/canvas/overview.ts).
  const syncView = useCallback(() => {
    const { x, y, zoom } = getViewport();
    if (!flowSize.w || !flowSize.h) return;
    const view = { zoom, x: -x / zoom, y: -y / zoom, w: flowSize.w / zoom, h: flowSize.h / zoom };
    const prev = sessionStore.getState().view;
    if (prev && Math.abs(prev.zoom - view.zoom) < 1e-3 && Math.abs(prev.x - view.x) < 1 && Math.abs(prev.y - view.y) < 1 && Math.abs(prev.w - view.w) < 1) return;
    setSession({ view });
  }, [getViewport, flowSize.w, flowSize.h]);
  // Fit leaves room for the panels over the canvas, measured now (fit-options.ts).
  const canvasRef = useRef<HTMLDivElement>(null);
  const flowEl = () => canvasRef.current?.querySelector<HTMLElement>('.react-flow');
  // What the edges draw past the nodes (routes around the outer rows, labels): fit keeps it in
  // view and clear of the panels too (fit-padding.ts overhang), not only the nodes.
  const drawnRef = useRef<DrawnForFit | null>(null);
  // The viewport the last fit set: while the view is still that one, a resize of the canvas (the
  // bottom drawer opening or closing) fits again (src/canvas/fit-hold.ts).
  const fitViewport = useRef<Viewport | null>(null);
  const fitAll = useCallback(() => {
    const fitOnce = (settle: boolean) => {
      const d = drawnRef.current;
      const before = getViewport().zoom;
      const grow = d ? (p: FitPadding) => fitPaddingFor(p, d, getViewport().zoom) : undefined;
      void fitView(fitOptions(canvasRef.current?.querySelector<HTMLElement>('.react-flow'), {}, grow)).then(() => {
        fitViewport.current = getViewport();
        syncView();
        // Labels are placed for the zoom's label step: a fit that crossed a step fits once more
        // for the labels (and their overhang) drawn at the new step, as a second press would.
        if (settle && steppedLabelScale(before) !== steppedLabelScale(getViewport().zoom)) {
          requestAnimationFrame(() => requestAnimationFrame(() => { if (stillAtFit(fitViewport.current, getViewport())) fitOnce(false); }));
        }
      });
    };
    fitOnce(true);
  }, [fitView, syncView, getViewport]);
  useFitViewRequests(fitAll);
  // An opened namespace is brought into view whole (never zoomed in past 1).
  useFitNodeRequests((ids) => {
    void fitView(fitOptions(flowEl(), { nodes: ids.map((id) => ({ id })) })).then(() => syncView());
  });
  // Search jumps: centre the node, zoomed in far enough to read it.
  useCenterRequests((id) => {
    const n = getInternalNode(id);
    if (!n) return;
    const p = n.internals.positionAbsolute;
    const w = n.measured.width ?? n.width ?? 0;
    const h = n.measured.height ?? n.height ?? 0;
    void setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(getViewport().zoom, 0.9), duration: 0 }).then(() => syncView());
  });
  // Canvas filters (src/canvas/filters.ts): hidden nodes are not drawn, nor the edges touching them.
  const filtered = useCanvasFilter(doc.model);
  const hidden = filtered.hidden;
  const overview = useOverview(doc, flowSize.h ? flowSize.w / flowSize.h : 0, hidden);
  const large = isLargeDesign(doc.model);

  const selection = useMemo(() => new Set(s.selection), [s.selection]);
  const highlight = useMemo(() => (s.highlight.length ? new Set(s.highlight) : EMPTY), [s.highlight]);
  const highlightPeers = useMemo(() => (s.highlightPeers.length ? new Set(s.highlightPeers) : EMPTY), [s.highlightPeers]);

  // Every edge (reachability, intents, LB paths, assertions, review marks) from the core.
  const allEdges = useCanvasEdges(doc.model, selection, s.edgeView, overview.collapsed, overview.folded);
  const built = useMemo(() => ({ ...allEdges, edges: keptEdges(allEdges.edges, hidden) }), [allEdges, hidden]);
  const readOnly = useDesignLocked();
  const edgeProjector = useRef(new EdgeProjector());
  // Labels never cover each other or a node (src/canvas/labels.ts), placed for the settled zoom
  // in steps (src/canvas/label-steps.ts): a zoom gesture re-places them only when a step is crossed.
  const scale = useSessionStore((x) => steppedLabelScale(x.view?.zoom ?? 1));
  // Overview cards, and the load balancers and external networks of a large design, drop the
  // lines that would be under 9 px at the settled zoom (src/canvas/card-detail.ts).
  const dense = isDenseOverview(doc.model);
  const cardDetail = useSessionStore((x) => cardDetailAt(x.view?.zoom ?? 1, dense));
  const sideDetail = useSessionStore((x) => (large ? sideNodeDetail(x.view?.zoom ?? 1) : undefined));
  // What is drawn where (canvas units): the obstacles edges are routed around and labels avoid.
  const rects = useMemo(() => {
    const boxes = namespaceBoxes(doc, s.dragOverrides, s.sizeOverrides);
    const r = drawnRects(doc, boxes, overview.collapsed, overview.zoom, s.dragOverrides, overview.placed);
    for (const id of [...hidden, ...overview.folded]) {
      r.nodes.delete(id);
      r.containers.delete(id);
    }
    return r;
  }, [doc, s.dragOverrides, s.sizeOverrides, overview.collapsed, overview.zoom, overview.placed, overview.folded, hidden]);
  // Edges around the nodes (src/canvas/routing.ts): the router reuses every route the change did
  // not touch, so panning never reroutes and a drag reroutes only the edges near what moved.
  const router = useRef(new Router());
  const routeUnit = overview.collapsed.size ? labelScale(overview.zoom) : 1;
  const routes = useMemo(() => routeCanvasEdges(router.current, doc, built.edges, rects, routeUnit), [doc, built.edges, rects, routeUnit]);
  const placements = useMemo(
    () => placeLabels({ edges: built.edges, nodes: rects.nodes, containers: rects.containers, scale, routes }),
    [built.edges, rects, scale, routes],
  );
  const edges = useMemo(() => edgeProjector.current.project(built.edges, selection, placements, scale, routes), [built.edges, selection, placements, scale, routes]);
  const projected = useMemo(() => projector.current.project({
    doc, selection, dragOverrides: s.dragOverrides, sizeOverrides: s.sizeOverrides, measured: s.measured,
    focus: built.focus, highlight, highlightPeers, inner: built.inner, tails: built.tails,
    collapsed: overview.collapsed, boxes: overview.boxes, summaries: overview.summaries, zoom: overview.zoom, large, placed: overview.placed,
  }), [doc, selection, s.dragOverrides, s.sizeOverrides, s.measured, built.focus, highlight, highlightPeers, built.inner, built.tails, overview, large]);
  const folded = overview.folded;
  const shown = useMemo(() => (hidden.size || folded.size ? projected.filter((n) => !hidden.has(n.id) && !folded.has(n.id)) : projected), [projected, hidden, folded]);
  // One Tab stop for all nodes; arrow keys move between them (use-canvas-keys.ts).
  const keys = useCanvasKeys(shown, s.selection, edges, doc.model, readOnly);
  const nodes = keys.nodes;
  // The edge the keyboard is on (`]` / `[`): focusable, named and ringed (edge-focus.ts).
  const edgeFocus = useEdgeFocus();
  const drawnEdges = useMemo(() => withEdgeFocus(edges, edgeFocus), [edges, edgeFocus]);
  // At commit, before the frame paints: which design's nodes and edges are on screen.
  useLayoutEffect(() => markDrawn(doc), [doc]);
  useLayoutEffect(() => markDrawnFocus(selection), [selection]);
  useLayoutEffect(() => {
    drawnRef.current = { nodes: rects.nodes, containers: rects.containers, routes, placements };
  }, [rects, routes, placements]);
  // A new filter brings what is left into view.
  const filterKey = useSessionStore((x) => x.filter);
  const lastFilter = useRef(filterKey);
  const fitRef = useRef(fitAll);
  fitRef.current = fitAll;
  useEffect(() => {
    if (lastFilter.current === filterKey) return;
    lastFilter.current = filterKey;
    requestAnimationFrame(() => fitRef.current());
  }, [filterKey]);

  const onConnect = useCallback((c: Connection) => {
    if (!c.source || !c.target || c.source === c.target) return;
    setSession({ pendingIntent: { fromId: intentEndpointId(c.source), toId: intentEndpointId(c.target) } });
  }, []);

  const isValidConnection = useCallback((c: Connection | Edge) => c.source !== c.target, []);

  const onDelete: OnDelete<AppNode, FlowEdge> = useCallback(({ nodes: ns, edges: es }) => {
    const ids = [...ns.map((n) => n.id), ...es.flatMap((e) => (e.data?.intentId ? [e.data.intentId] : []))];
    if (ids.length === 0) return;
    commitDoc((d) => deleteEntities(d, ids));
    const gone = new Set([...ids, ...es.map((e) => e.id)]);
    setSession({ selection: sessionStore.getState().selection.filter((id) => !gone.has(id)) });
  }, []);

  const onEdgeClick = useCallback((ev: ReactMouseEvent, e: FlowEdge) => {
    setSession(edgeSelectionPatch(e.id, e.data?.explain, sessionStore.getState().selection, ev.ctrlKey || ev.metaKey));
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME) && !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const item = e.dataTransfer.getData(PALETTE_MIME) as PaletteItem;
    if (!item && e.dataTransfer.files.length > 0) {
      // Manifest files dropped on the canvas: the Import dialog opens with them listed.
      e.preventDefault();
      const files = [...e.dataTransfer.files];
      if (!manifestFiles(files)) {
        notify('Only Kubernetes manifests (.yaml, .yml, .json) can be dropped here; to open a saved design use File → Open design file.', 'error');
        return;
      }
      void Promise.all(files.filter((f) => manifestFiles([f])).map(async (f) => ({ name: f.name, text: await f.text() }))).then(importDroppedFiles);
      return;
    }
    if (!item) return;
    e.preventDefault();
    const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    let created: Id | null = null;
    commitDoc((d) => {
      const r = dropPaletteItem(d, item, at);
      created = r.created;
      if (r.message) notify(r.message.text, r.message.kind);
      return r.doc;
    });
    if (created) setSession({ selection: [created], rightTab: 'inspect' });
  }, [screenToFlowPosition]);

  const onPaneClick = useCallback(() => {
    if (sessionStore.getState().selection.length) setSession({ selection: [] });
  }, []);

  // The read-only banner takes its own band above the flow: fit again once the flow has its new size.
  const banner = useShareState((x) => x.readOnly || x.backupOffer);
  const lastBanner = useRef(banner);
  useEffect(() => {
    if (lastBanner.current === banner) return;
    lastBanner.current = banner;
    let h = requestAnimationFrame(() => { h = requestAnimationFrame(() => fitRef.current()); });
    return () => cancelAnimationFrame(h);
  }, [banner]);

  // A design at fit stays at fit when the canvas changes size (bottom drawer, window), unless the
  // user panned or zoomed since; after two frames, so the overview has re-packed for the new shape.
  const lastSize = useRef({ w: flowSize.w, h: flowSize.h });
  useEffect(() => {
    const before = lastSize.current;
    lastSize.current = { w: flowSize.w, h: flowSize.h };
    if (!refitOnResize(before, lastSize.current, fitViewport.current, getViewport())) return;
    let h = requestAnimationFrame(() => { h = requestAnimationFrame(() => fitRef.current()); });
    return () => cancelAnimationFrame(h);
  }, [flowSize.w, flowSize.h, getViewport]);

  // Fit once when the first design arrives (the autosave or sample loads after mount).
  const fitted = useRef(false);
  const hasNodes = nodes.length > 0;
  useEffect(() => {
    if (hasNodes && !fitted.current) {
      fitted.current = true;
      requestAnimationFrame(fitAll);
    }
  }, [hasNodes, fitAll]);

  // Rendering cost at scale (bench/ui.bench.ts): while the viewport moves, promote it to its own
  // layer; when zoomed out so far that text is unreadable, do not paint the text or the dots.
  const onMoveStart = useCallback(() => canvasRef.current?.classList.add('moving'), []);
  const onMoveEnd = useCallback(() => {
    canvasRef.current?.classList.remove('moving');
    syncView();
  }, [syncView]);
  const zoomedOut = useFlowStore((s) => s.transform[2] < ZOOMED_OUT);
  const manyNodes = nodes.length > LARGE_DESIGN_NODES;
  // A design that fits on screen needs no minimap (it would only cover nodes); the user decides.
  const [miniMapChoice, setMiniMapChoice] = useState<boolean | null>(null);
  // The overview shows the whole design already: no minimap over it unless asked for.
  const showMiniMap = miniMapChoice ?? (nodes.length > MINIMAP_NODES && overview.mode !== 'overview');

  const empty = Object.keys(doc.model.namespaces).length === 0 && Object.keys(doc.model.externals).length === 0;
  return (
    <div ref={canvasRef} className={`canvas${zoomedOut ? ' zoomed-out' : ''}${manyNodes ? ' large' : ''}`} data-testid="canvas"
      id="canvas" tabIndex={-1} onKeyDownCapture={keys.onKeyDownCapture} onFocusCapture={keys.onFocusCapture} onBlurCapture={keys.onBlurCapture}>
      {edgeFocus && <style>{edgeLabelRing(edgeFocus.id)}</style>}
      <ReadOnlyBanner />
      <div className="canvas-flow" data-card-detail={cardDetail} data-side-detail={sideDetail}>
        <ReactFlow<AppNode, FlowEdge>
          nodes={nodes}
          edges={drawnEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={routeNodeChanges}
          onEdgesChange={routeEdgeChanges}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onDelete={onDelete}
          onEdgeClick={onEdgeClick}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onPaneClick={onPaneClick}
          edgesFocusable={false}
          ariaLabelConfig={ARIA_LABELS}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          deleteKeyCode={readOnly ? null : DELETE_KEYS}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Control', 'Meta']}
          connectionRadius={30}
          minZoom={0.05}
          maxZoom={2}
          zIndexMode="basic"
          elevateEdgesOnSelect
        >
          {!zoomedOut && <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />}
          {!empty && showMiniMap && <MiniMap<AppNode> pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={2} style={MINIMAP_STYLE} />}
          <Controls showInteractive={false} showFitView={false}>
            <ControlButton className="react-flow__controls-fitview" onClick={fitAll} title="Fit view" aria-label="Fit view">
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" strokeWidth="1.6" /></svg>
            </ControlButton>
            <ControlButton onClick={() => setMiniMapChoice(!showMiniMap)} title={showMiniMap ? 'Hide minimap' : 'Show minimap'} aria-label={showMiniMap ? 'Hide minimap' : 'Show minimap'} aria-pressed={showMiniMap}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" /><rect x="8" y="8" width="5" height="4" fill="currentColor" /></svg>
            </ControlButton>
          </Controls>
          <PeerLayer />
          <Panel position="bottom-left" className="status-panel"><CanvasStatus aggregated={built.aggregated} bundled={built.bundled} /></Panel>
          <Panel position="top-left" className="mode-panel">
            <button type="button" className="find-button" onClick={() => setSession({ searchOpen: true })} title="Find a workload, namespace or policy (/ or Ctrl+K)">
              Find <kbd>/</kbd>
            </button>
            <CanvasFilterControl model={doc.model} result={filtered} />
            {(large || overview.mode === 'overview') && (
              <div className="seg" role="group" aria-label="Canvas view">
                <button type="button" aria-pressed={overview.mode === 'overview'} onClick={() => setCanvasMode('overview')}
                  title="Every namespace as one node, packed to the screen (expand one to see its workloads)">Overview</button>
                <button type="button" aria-pressed={overview.mode === 'layout'} onClick={() => setCanvasMode('layout')}
                  title="The design's own layout: zoom in to see workloads">Layout</button>
              </div>
            )}
          </Panel>
          <Panel position="top-center"><div className="pair-bars"><LayoutProgress /><ExplainPairBar /><AssertPairBar /></div></Panel>
          {empty && (
            <Panel position="top-center" className="empty-state">
              <div data-testid="empty-state">
                <strong>This design is empty.</strong>
                <p>Drag a namespace from the palette, or load manifests with <em>File → Import</em>.</p>
              </div>
            </Panel>
          )}
        </ReactFlow>
      </div>
    </div>
  );
}

/** The focus ring on the keyboard edge's label (drawn outside the edge's own element). */
function edgeLabelRing(id: string): string {
  const sel = `[data-edge-id="${CSS.escape(id)}"]`;
  return `.edge-label${sel}, .edge-badge${sel} { outline: 3px solid #1d4ed8; outline-offset: 2px; }`;
}

function miniMapColor(n: Node): string {
  switch (n.type) {
    case 'namespace': return '#e2e8f0';
    case 'external': return '#fde68a';
    case 'loadbalancer': return '#c7d2fe';
    default: return '#94a3b8';
  }
}
