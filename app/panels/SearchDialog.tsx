// The search box (/ or Ctrl+K): workloads, namespaces and policies by name or label, from the
// core (src/canvas/search.ts). Enter or a click jumps to the result: its namespace opens, it is
// selected and centred.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { searchDesign } from '../../src/canvas/search.ts';
import { useDocStore } from '../state/doc-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { jumpTo } from '../state/overview-actions.ts';

const KIND_TEXT = { workload: 'workload', namespace: 'namespace', policy: 'policy', external: 'external', loadbalancer: 'load bal.' } as const;

export function SearchDialog() {
  const open = useSessionStore((s) => s.searchOpen);
  if (!open) return null;
  return <SearchBox />;
}

function SearchBox() {
  const model = useDocStore((s) => s.doc.model);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchDesign(model, q), [model, q]);
  const close = () => setSession({ searchOpen: false });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && results[active]) jumpTo(results[active]);
    else return;
    e.preventDefault();
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div className="dialog search-dialog" role="dialog" aria-modal="true" aria-label="Find in the design" data-testid="search-dialog">
        <input
          autoFocus
          type="search"
          aria-label="Find workload, namespace or policy"
          placeholder="Find a workload, namespace, policy, external network or load balancer"
          value={q}
          onChange={(e) => { setQ(e.target.value); setActive(0); }}
          onKeyDown={onKey}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="search-results"
          aria-activedescendant={results[active] ? `search-${active}` : undefined}
        />
        <ul id="search-results" role="listbox" className="search-results">
          {results.map((r, i) => (
            <li
              key={`${r.kind}:${r.id}`}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => jumpTo(r)}
            >
              <span className={`search-kind kind-${r.kind}`}>{KIND_TEXT[r.kind]}</span>
              <span className="search-title">{r.title}</span>
              <span className="search-detail">{r.detail}</span>
            </li>
          ))}
          {q.trim() && results.length === 0 && <li className="search-none">Nothing matches “{q.trim()}”.</li>}
        </ul>
      </div>
    </div>
  );
}
