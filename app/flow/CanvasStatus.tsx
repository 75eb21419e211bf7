import { useReachability } from '../state/reachability.ts';
import { useSessionStore } from '../state/session-store.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Evaluation status and what the edges currently show. */
export function CanvasStatus({ aggregated, bundled = 0 }: { aggregated: boolean; bundled?: number }) {
  const { reach, pending } = useReachability();
  const view = useSessionStore((s) => s.edgeView);
  const hasSelection = useSessionStore((s) => s.selection.length > 0);
  return (
    <div className="canvas-status" data-testid="canvas-status">
      {pending ? <span className="evaluating">evaluating…</span>
        : reach ? <span>{plural(reach.stats.endpoints, 'endpoint')} · {plural(reach.stats.classes, 'class', 'classes')} · {Math.round(reach.stats.ms)} ms</span>
          : <span>not evaluated</span>}
      {aggregated && !bundled && <span className="hint"> · dense design: edges grouped per namespace, select a node for its own edges</span>}
      {bundled > 0 && <span className="hint" data-testid="bundled-count"> · {plural(bundled, 'connection')} summarised on the cards: select one for all of its own</span>}
      {view === 'selection' && !hasSelection && <span className="hint"> · select a node to see its connections</span>}
    </div>
  );
}
