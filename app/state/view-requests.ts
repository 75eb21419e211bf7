// Requests to the canvas's viewport from outside it (after an import or auto layout).
import { useEffect, useRef } from 'react';
import { createStore, useStore } from 'zustand';

const viewRequests = createStore<{ fit: number }>()(() => ({ fit: 0 }));

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
