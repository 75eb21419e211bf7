// Confirmation before a workload dragged into another namespace really moves there.
import { moveWorkloadToNamespace, setPositions } from '../../src/doc/commands.ts';
import { commitDoc } from '../state/doc-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';

export function MoveConfirmDialog() {
  const pending = useSessionStore((s) => s.pendingMove);
  if (!pending) return null;
  const confirm = () => {
    commitDoc((d) => pending.moves.reduce(
      (acc, m) => moveWorkloadToNamespace(acc, m.workloadId, m.toNamespaceId, m.at),
      setPositions(d, pending.positions),
    ));
    setSession({ pendingMove: null, dragOverrides: {} });
  };
  const cancel = () => {
    // The other nodes of the same drag keep their new places; the workloads go back.
    commitDoc((d) => setPositions(d, pending.positions));
    setSession({ pendingMove: null, dragOverrides: {} });
  };
  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="move-title">
        <h2 id="move-title">Move to another namespace?</h2>
        <ul className="impact">
          {pending.impact.map((l, i) => <li key={i}>{l}</li>)}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={cancel}>Cancel</button>
          <button type="button" className="primary" autoFocus onClick={confirm}>Move</button>
        </div>
      </div>
    </div>
  );
}
