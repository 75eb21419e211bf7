// "Connect to…": the searchable list of targets for an intent drawn from the keyboard. Type to
// filter, arrows to move, Enter to choose; the port dialog (IntentDialog) then opens as for a
// drawn edge. The candidates and their order come from the core (src/canvas/connect.ts).
import { useMemo, useState, type KeyboardEvent } from 'react';
import { connectTargets } from '../../src/canvas/connect.ts';
import { endpointLabel } from './endpoint-label.ts';
import { useDocStore } from '../state/doc-store.ts';
import { useSessionStore } from '../state/session-store.ts';
import { cancelConnect, chooseConnectTarget } from '../state/connect-actions.ts';
import { Modal } from './Modal.tsx';

const KIND_TEXT = { workload: 'workload', external: 'external', loadbalancer: 'load bal.' } as const;

export function ConnectDialog() {
  const fromId = useSessionStore((s) => s.connectFrom);
  if (!fromId) return null;
  return <ConnectList key={fromId} fromId={fromId} />;
}

function ConnectList({ fromId }: { fromId: string }) {
  const model = useDocStore((s) => s.doc.model);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const targets = useMemo(() => connectTargets(model, fromId, q), [model, fromId, q]);
  const at = Math.min(active, Math.max(0, targets.length - 1));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive(Math.min(targets.length - 1, at + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, at - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(Math.max(0, targets.length - 1));
    else if (e.key === 'Enter' && targets[at]) chooseConnectTarget(targets[at].toId);
    else return;
    e.preventDefault();
  };
  return (
    <Modal title="Connect to…" onClose={cancelConnect} testId="connect-dialog">
      <div className="search-dialog connect-dialog">
        <p className="intent-ends">From <strong>{endpointLabel(model, fromId)}</strong> to:</p>
        <input
          autoFocus
          type="search"
          aria-label="Target: workload, external network or load balancer"
          placeholder="Type to filter by name, namespace, kind or label"
          value={q}
          onChange={(e) => { setQ(e.target.value); setActive(0); }}
          onKeyDown={onKey}
          role="combobox"
          aria-expanded={targets.length > 0}
          aria-controls="connect-targets"
          aria-autocomplete="list"
          aria-activedescendant={targets[at] ? `connect-${at}` : undefined}
        />
        <ul id="connect-targets" role="listbox" aria-label="Targets" className="search-results">
          {targets.map((t, i) => (
            <li
              key={t.toId}
              id={`connect-${i}`}
              role="option"
              aria-selected={i === at}
              className={i === at ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => chooseConnectTarget(t.toId)}
            >
              <span className={`search-kind kind-${t.kind}`}>{KIND_TEXT[t.kind]}</span>
              <span className="search-title">{t.title}</span>
              <span className="search-detail">{t.detail}{t.existing ? ' · an intent goes there already' : ''}</span>
            </li>
          ))}
          {targets.length === 0 && <li className="search-none">{q.trim() ? `Nothing matches “${q.trim()}”.` : 'Nothing to connect to yet.'}</li>}
        </ul>
        <p className="hint">↑↓ to choose, Enter to set the ports, Esc to cancel.</p>
      </div>
    </Modal>
  );
}
