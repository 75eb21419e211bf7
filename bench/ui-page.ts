// In-page scripts of the UI benchmark, as plain JavaScript source (functions compiled by tsx
// may carry helpers such as `__name` that do not exist in the page, so nothing here is a
// serialised TypeScript function).
//
// - PROBE: installed before the app loads; on every animation frame it notes when the canvas
//   reached each milestone (performance.now(), i.e. ms since navigation start) until all are met.
// - FRAME_COUNTER: `window.__uiBench.startFrames()` / `stopFrames()` record rAF timestamps.

export interface Marks {
  /** First `.react-flow__node` in the DOM. */
  firstNode?: number;
  /** All namespace nodes measured (React Flow shows a node once measured) and inside the canvas. */
  allNamespaces?: number;
  /** All drawn nodes measured, at least the expected number (namespaces, externals, load balancers). */
  allNodes?: number;
  /** First `.react-flow__edge`. */
  firstEdge?: number;
  /** First reachability edge (allowed pair or namespace aggregate), not service wiring. */
  firstReachEdge?: number;
  /** The status bar reports an evaluation result (`N endpoints · ...`). */
  evaluated?: number;
  /** Last time the number of rendered edges changed. */
  edgesLastChange?: number;
  edgeCount?: number;
  firstContentfulPaint?: number;
}

/** Source of the probe; `expectedNodes` and `expectedNamespaces` are baked in. */
export function probeScript(storageKey: string, designText: string, expectedNodes: number, expectedNamespaces: number): string {
  return `(() => {
  try { localStorage.setItem(${JSON.stringify(storageKey)}, ${JSON.stringify(designText)}); } catch (e) { console.error('ui-bench: could not seed localStorage', e); }
  const marks = {};
  const state = { marks, done: false, frames: null };
  window.__uiBench = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.firstContentfulPaint = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {}
  state.longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const shown = (el) => el.style.visibility !== 'hidden';
  const inside = (el, box) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
  };
  let edgeCount = -1;
  const tick = () => {
    const now = performance.now();
    const nodes = document.getElementsByClassName('react-flow__node');
    if (marks.firstNode === undefined && nodes.length > 0) marks.firstNode = now;
    if (marks.allNamespaces === undefined) {
      const ns = document.getElementsByClassName('react-flow__node-namespace');
      const pane = document.querySelector('.react-flow');
      if (pane && ns.length >= ${expectedNamespaces}) {
        const box = pane.getBoundingClientRect();
        let ok = true;
        for (const el of ns) if (!shown(el) || !inside(el, box)) { ok = false; break; }
        if (ok) marks.allNamespaces = now;
      }
    }
    if (marks.allNodes === undefined && nodes.length >= ${expectedNodes}) {
      let ok = true;
      for (const el of nodes) if (!shown(el)) { ok = false; break; }
      if (ok) marks.allNodes = now;
    }
    const edges = document.getElementsByClassName('react-flow__edge').length;
    if (marks.firstEdge === undefined && edges > 0) marks.firstEdge = now;
    if (marks.firstReachEdge === undefined && edges > 0 && document.querySelector('.react-flow__edge-path.edge-allow, .react-flow__edge-path.edge-ns-allow')) marks.firstReachEdge = now;
    if (edges !== edgeCount) { edgeCount = edges; marks.edgeCount = edges; marks.edgesLastChange = now; }
    if (marks.evaluated === undefined) {
      const st = document.querySelector('[data-testid="canvas-status"]');
      if (st && /endpoints/.test(st.textContent || '')) marks.evaluated = now;
    }
    // Keep watching the edge count for a while after everything else is there.
    const settled = marks.allNodes !== undefined && marks.allNamespaces !== undefined && marks.evaluated !== undefined
      && now - Math.max(marks.evaluated, marks.edgesLastChange) > 1500;
    if (settled) { state.done = true; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  state.startFrames = () => {
    const frames = [];
    state.frames = frames;
    state.longTasks = [];
    const loop = (t) => { if (state.frames !== frames) return; frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    return performance.now();
  };
  state.stopFrames = () => { const f = state.frames || []; state.frames = null; return { frames: f, end: performance.now(), longTasks: state.longTasks }; };
})();`;
}

/** Finds a point of the empty pane (not a node, panel or control), nearest the canvas centre. */
export const FIND_PANE_POINT = `(() => {
  const flow = document.querySelector('.react-flow');
  if (!flow) return null;
  const r = flow.getBoundingClientRect();
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  let best = null;
  for (let i = 1; i < 48; i++) for (let j = 1; j < 32; j++) {
    const x = r.left + (r.width * i) / 48, y = r.top + (r.height * j) / 32;
    const el = document.elementFromPoint(x, y);
    if (!el || !el.classList.contains('react-flow__pane')) continue;
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    if (!best || d < best.d) best = { x, y, d };
  }
  return best && { x: best.x, y: best.y, canvas: { x: r.left, y: r.top, w: r.width, h: r.height } };
})()`;

export const VIEWPORT_TRANSFORM = `(() => document.querySelector('.react-flow__viewport')?.style.transform ?? '')()`;

export const DOM_COUNTS = `(() => ({
  nodes: document.querySelectorAll('.react-flow__node').length,
  namespaces: document.querySelectorAll('.react-flow__node-namespace').length,
  edges: document.querySelectorAll('.react-flow__edge').length,
  edgeLabels: document.querySelectorAll('.edge-label').length,
  domElements: document.getElementsByTagName('*').length,
  status: document.querySelector('[data-testid="canvas-status"]')?.textContent ?? '',
  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
}))()`;
