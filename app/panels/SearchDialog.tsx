// The search box (/ or Ctrl+K): workloads, namespaces and policies by name or label, from the
// core (src/canvas/search.ts). Enter or a click jumps to the result: its namespace opens, it is
// selected and centred.
import { useMemo, useState } from 'react';
import { searchDesign } from '../../src/canvas/search.ts';
import { useDocStore } from '../state/doc-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { jumpTo } from '../state/overview-actions.ts';
import { SearchList } from './SearchList.tsx';

const KIND_TEXT = { workload: 'workload', namespace: 'namespace', policy: 'policy', external: 'external', loadbalancer: 'load bal.' } as const;

export function SearchDialog() {
  const open = useSessionStore((s) => s.searchOpen);
  if (!open) return null;
  return <SearchBox />;
}

function SearchBox() {
  const model = useDocStore((s) => s.doc.model);
  const [q, setQ] = useState('');
  const results = useMemo(() => searchDesign(model, q), [model, q]);
  const close = () => setSession({ searchOpen: false });
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div className="dialog search-dialog" role="dialog" aria-modal="true" aria-label="Find in the design" data-testid="search-dialog">
        <SearchList
          items={results}
          itemKey={(r) => `${r.kind}:${r.id}`}
          query={q}
          onQuery={setQ}
          onChoose={jumpTo}
          onEscape={close}
          inputLabel="Find workload, namespace or policy"
          placeholder="Find a workload, namespace, policy, external network or load balancer"
          empty={q.trim() ? `Nothing matches “${q.trim()}”.` : null}
          renderItem={(r) => (
            <>
              <span className={`search-kind kind-${r.kind}`}>{KIND_TEXT[r.kind]}</span>
              <span className="search-title" title={r.title}>{r.title}</span>
              <span className="search-detail" title={r.detail}>{r.detail}</span>
            </>
          )}
        />
      </div>
    </div>
  );
}
