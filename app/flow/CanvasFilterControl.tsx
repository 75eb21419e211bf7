// The canvas's filter control (top left, beside Find): a Filter button opening a small panel
// (namespaces, exposed, denied, violations) and, while a filter is on, "N hidden by filters"
// with Reset. What is kept is decided in src/canvas/filters.ts; this only edits the choice.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Id, Model } from '../../src/model/types.ts';
import { NO_FILTER, hiddenSummary, isFilterActive, type CanvasFilter, type FilterResult } from '../../src/canvas/filters.ts';
import { setSession, sessionStore, useSessionStore } from '../state/session-store.ts';

/** Above this many namespaces the list gets a box to narrow it. */
const NAMESPACE_SEARCH_FROM = 8;

const FACTS: { key: 'exposed' | 'denied' | 'violations'; label: string; hint: string }[] = [
  { key: 'exposed', label: 'Exposed', hint: 'reachable from an external network or a load balancer' },
  { key: 'denied', label: 'Denied', hint: 'blocked intents, connections a cluster Deny stops' },
  { key: 'violations', label: 'Violations', hint: 'failing assertions, lint problems' },
];

const setFilter = (patch: Partial<CanvasFilter>) => setSession({ filter: { ...sessionStore.getState().filter, ...patch } });

export function CanvasFilterControl({ model, result }: { model: Model; result: FilterResult }) {
  const filter = useSessionStore((s) => s.filter);
  const open = useSessionStore((s) => s.filterOpen);
  const active = isFilterActive(filter);
  const count = filter.namespaces.length + FACTS.filter((f) => filter[f.key]).length;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setSession({ filterOpen: false });
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="canvas-filter" ref={box}>
      <button type="button" className={`find-button${active ? ' is-on' : ''}`} aria-expanded={open} aria-haspopup="dialog"
        onClick={() => setSession({ filterOpen: !open })} title="Show only some namespaces, what is exposed, denied or violates the design">
        Filter{count > 0 ? ` · ${count}` : ''}
      </button>
      {active && (
        <span className="filter-hidden" data-testid="filter-hidden" title={result.total ? `${hiddenSummary(result)} hidden` : 'Everything matches the filters'}>
          {result.total > 0 ? `${result.total} hidden by filters` : 'nothing hidden'}
          <button type="button" onClick={() => setSession({ filter: NO_FILTER })}>Reset</button>
        </span>
      )}
      {open && <FilterPanel model={model} filter={filter} />}
    </div>
  );
}

function FilterPanel({ model, filter }: { model: Model; filter: CanvasFilter }) {
  const [q, setQ] = useState('');
  const namespaces = useMemo(() => Object.values(model.namespaces).sort((a, b) => a.name.localeCompare(b.name)), [model.namespaces]);
  const chosen = new Set(filter.namespaces);
  const needle = q.trim().toLowerCase();
  const listed = needle ? namespaces.filter((n) => n.name.toLowerCase().includes(needle) || chosen.has(n.id)) : namespaces;
  const toggleNs = (id: Id) => setFilter({ namespaces: chosen.has(id) ? filter.namespaces.filter((x) => x !== id) : [...filter.namespaces, id] });
  return (
    <div className="filter-panel" role="dialog" aria-label="Canvas filters"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setSession({ filterOpen: false }); } }}>
      <div className="filter-heading">Show only</div>
      {FACTS.map((f) => (
        <label key={f.key} className="filter-row">
          <input type="checkbox" checked={filter[f.key]} onChange={(e) => setFilter({ [f.key]: e.target.checked })} />
          <span><strong>{f.label}</strong> <span className="muted">{f.hint}</span></span>
        </label>
      ))}
      <div className="filter-heading">Namespaces {filter.namespaces.length === 0 && <span className="muted">(all)</span>}</div>
      {namespaces.length > NAMESPACE_SEARCH_FROM && (
        <input className="filter-ns-search" type="search" placeholder="Narrow the list" aria-label="Narrow the namespace list" value={q} onChange={(e) => setQ(e.target.value)} />
      )}
      <div className="filter-ns-list">
        {listed.map((n) => (
          <label key={n.id} className="filter-row">
            <input type="checkbox" checked={chosen.has(n.id)} onChange={() => toggleNs(n.id)} />
            <span className="filter-ns-name" title={n.name}>{n.name}</span>
          </label>
        ))}
      </div>
      <div className="filter-actions">
        <button type="button" onClick={() => setSession({ filter: NO_FILTER })} disabled={!isFilterActive(filter)}>Reset</button>
        <button type="button" onClick={() => setSession({ filterOpen: false })}>Done</button>
      </div>
    </div>
  );
}
