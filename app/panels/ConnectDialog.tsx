// "Connect to…": the searchable list of targets for an intent drawn from the keyboard. Type to
// filter, arrows to move, Enter to choose (SearchList); the port dialog (IntentDialog) then opens as for a
// drawn edge. The candidates and their order come from the core (src/canvas/connect.ts).
import { useMemo, useState } from 'react';
import { connectTargets } from '../../src/canvas/connect.ts';
import { endpointLabel } from './endpoint-label.ts';
import { useDocStore } from '../state/doc-store.ts';
import { useSessionStore } from '../state/session-store.ts';
import { cancelConnect, chooseConnectTarget } from '../state/connect-actions.ts';
import { Modal } from './Modal.tsx';
import { SearchList } from './SearchList.tsx';

const KIND_TEXT = { workload: 'workload', external: 'external', loadbalancer: 'load bal.' } as const;

export function ConnectDialog() {
  const fromId = useSessionStore((s) => s.connectFrom);
  if (!fromId) return null;
  return <ConnectList key={fromId} fromId={fromId} />;
}

function ConnectList({ fromId }: { fromId: string }) {
  const model = useDocStore((s) => s.doc.model);
  const [q, setQ] = useState('');
  const targets = useMemo(() => connectTargets(model, fromId, q), [model, fromId, q]);
  return (
    <Modal title="Connect to…" onClose={cancelConnect} testId="connect-dialog">
      <div className="search-dialog connect-dialog">
        <p className="intent-ends">From <strong>{endpointLabel(model, fromId)}</strong> to:</p>
        <SearchList
          items={targets}
          itemKey={(t) => t.toId}
          query={q}
          onQuery={setQ}
          onChoose={(t) => chooseConnectTarget(t.toId)}
          inputLabel="Target: workload, external network or load balancer"
          placeholder="Type to filter by name, namespace, kind or label"
          listLabel="Targets"
          empty={q.trim() ? `Nothing matches “${q.trim()}”.` : 'Nothing to connect to yet.'}
          renderItem={(t) => (
            <>
              <span className={`search-kind kind-${t.kind}`}>{KIND_TEXT[t.kind]}</span>
              <span className="search-title">{t.title}</span>
              <span className="search-detail">{t.detail}{t.existing ? ' · an intent goes there already' : ''}</span>
            </>
          )}
        />
        <p className="hint">↑↓ to choose, Enter to set the ports, Esc to cancel.</p>
      </div>
    </Modal>
  );
}
