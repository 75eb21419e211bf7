// Requests to the canvas's viewport from outside it (after an import or auto layout).
import { useEffect, useRef } from 'react';
import { createStore, useStore } from 'zustand';

const viewRequests = createStore<{ fit: number; center: { id: string; n: number } | null; fitNodes: { ids: string[]; n: number } | null }>()(
  () => ({ fit: 0, center: null, fitNodes: null }),
);

/** Ask the canvas to fit these nodes into view (after they are drawn and measured). */
export function requestFitNodes(ids: string[]): void {
  viewRequests.setState((s) => ({ fitNodes: { ids, n: (s.fitNodes?.n ?? 0) + 1 } }));
}

export function useFitNodeRequests(fit: (ids: string[]) => void): void {
  const req = useStore(viewRequests, (s) => s.fitNodes);
  useOnceDrawn(req, (r) => fit(r.ids));
}

/** Ask the canvas to centre a node (after the next render, once it is drawn). */
export function requestCenter(id: string): void {
  viewRequests.setState((s) => ({ center: { id, n: (s.center?.n ?? 0) + 1 } }));
}

export function useCenterRequests(center: (id: string) => void): void {
  const req = useStore(viewRequests, (s) => s.center);
  useOnceDrawn(req, (r) => center(r.id));
}

/** Runs `run(req)` for each new request, two frames later: the namespace opened for it is projected, then React Flow measures it. */
function useOnceDrawn<R>(req: R | null, run: (req: R) => void): void {
  const ref = useRef(run);
  ref.current = run;
  useEffect(() => {
    if (!req) return;
    let h = requestAnimationFrame(() => { h = requestAnimationFrame(() => ref.current(req)); });
    return () => cancelAnimationFrame(h);
  }, [req]);
}

/** Ask the canvas to fit the whole design into view (after the next render). */
export function requestFitView(): void {
  viewRequests.setState((s) => ({ fit: s.fit + 1 }));
}

export function useFitViewRequests(fit: () => void): void {
  const n = useStore(viewRequests, (s) => s.fit);
  const first = useRef(n);
  const fitRef = useRef(fit);
  fitRef.current = fit;
  useEffect(() => {
    if (n === first.current) return;
    // Let React Flow adopt the new nodes first.
    const h = requestAnimationFrame(() => fitRef.current());
    return () => cancelAnimationFrame(h);
  }, [n]);
}
