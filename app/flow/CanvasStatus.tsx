import { edgeStatusHints } from '../../src/canvas/status-text.ts';
import { useReachability } from '../state/reachability.ts';
import { useSessionStore } from '../state/session-store.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Evaluation status and what the edges currently show: one line (ellipsis), the full text as title. */
export function CanvasStatus({ aggregated, bundled = 0 }: { aggregated: boolean; bundled?: number }) {
  const { reach, pending } = useReachability();
  const view = useSessionStore((s) => s.edgeView);
  const hasSelection = useSessionStore((s) => s.selection.length > 0);
  const hints = edgeStatusHints({ aggregated, bundled, awaitingSelection: view === 'selection' && !hasSelection });
  const head = pending ? 'evaluating…'
    : reach ? `${plural(reach.stats.endpoints, 'endpoint')} · ${plural(reach.stats.classes, 'class', 'classes')} · ${Math.round(reach.stats.ms)} ms`
      : 'not evaluated';
  const title = [head, ...hints.map((h) => h.full)].join('\n');
  return (
    <div className="canvas-status" data-testid="canvas-status" title={title}>
      <span className={pending ? 'evaluating' : undefined}>{head}</span>
      {hints.map((h, i) => (
        <span key={i} className="hint" data-testid={bundled > 0 && i === 0 ? 'bundled-count' : undefined}> · {h.short}</span>
      ))}
    </div>
  );
}
