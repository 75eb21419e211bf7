// Endpoints x endpoints reachability matrix (rows: sources, columns: destinations). Only the
// visible window of cells is rendered, so hundreds of endpoints stay responsive.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConnSet, Endpoint, Reachability } from '../../../src/policy/reachability-types.ts';
import { connBetween } from '../../../src/policy/reachability.ts';
import { connIsAll, connIsEmpty, formatConnSet } from '../../../src/report/conn-format.ts';
import { useReachability } from '../../state/reachability.ts';
import { setSession, useSessionStore } from '../../state/session-store.ts';

const CELL_W = 96;
const CELL_H = 24;
const ROW_HEAD_W = 190;
const COL_HEAD_H = 80;
const OVERSCAN = 4;

type CellClass = 'all' | 'partial' | 'none' | 'self';

function classify(c: ConnSet, self: boolean): CellClass {
  if (self) return 'self';
  if (connIsEmpty(c)) return 'none';
  return connIsAll(c) ? 'all' : 'partial';
}

export function MatrixView() {
  const { reach, pending } = useReachability();
  const [filter, setFilter] = useState('');
  const endpoints = useMemo(() => {
    const all = reach?.endpoints ?? [];
    const f = filter.trim().toLowerCase();
    return f ? all.filter((e) => e.name.toLowerCase().includes(f)) : all;
  }, [reach, filter]);

  if (!reach) return <p className="empty-state pad">{pending ? 'Evaluating…' : 'Nothing to show yet.'}</p>;
  return (
    <div className="matrix-view">
      <div className="view-toolbar">
        <input aria-label="Filter endpoints" placeholder="Filter endpoints…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="hint">
          {endpoints.length} of {reach.endpoints.length} endpoints · click a cell to explain it
        </span>
        <span className="spacer" />
        <span className="matrix-legend">
          <span className="cell-all">all</span>
          <span className="cell-partial">some ports</span>
          <span className="cell-none">none</span>
        </span>
      </div>
      {endpoints.length === 0 ? (
        <p className="empty-state pad">{reach.endpoints.length ? 'No endpoint matches the filter.' : 'The design has no endpoints yet.'}</p>
      ) : (
        <MatrixGrid reach={reach} endpoints={endpoints} />
      )}
    </div>
  );
}

function MatrixGrid({ reach, endpoints }: { reach: Reachability; endpoints: Endpoint[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, w: 800, h: 200 });
  const explainPair = useSessionStore((s) => s.explain);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView({ top: el.scrollTop, left: el.scrollLeft, w: el.clientWidth, h: el.clientHeight });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  const n = endpoints.length;
  const r0 = Math.max(0, Math.floor(view.top / CELL_H) - OVERSCAN);
  const r1 = Math.min(n, Math.ceil((view.top + view.h - COL_HEAD_H) / CELL_H) + OVERSCAN);
  const c0 = Math.max(0, Math.floor(view.left / CELL_W) - OVERSCAN);
  const c1 = Math.min(n, Math.ceil((view.left + view.w - ROW_HEAD_W) / CELL_W) + OVERSCAN);
  const rows = endpoints.slice(r0, r1);
  const cols = endpoints.slice(c0, c1);

  const open = (src: Endpoint, dst: Endpoint) => setSession({ explain: { src: src.id, dst: dst.id }, rightTab: 'explain' });

  return (
    <div className="matrix-scroll" ref={scroller} data-testid="matrix" role="grid" aria-rowcount={n + 1} aria-colcount={n + 1}>
      <div className="matrix-head-row" style={{ width: ROW_HEAD_W + n * CELL_W, height: COL_HEAD_H }} role="row">
        <div className="matrix-corner" style={{ width: ROW_HEAD_W, height: COL_HEAD_H }}>
          from ↓ to →
        </div>
        <div className="matrix-cols" style={{ width: n * CELL_W }}>
          {cols.map((e, i) => (
            <div key={e.id} className="matrix-col-head" role="columnheader" title={e.name} style={{ left: (c0 + i) * CELL_W, width: CELL_W }}>
              <span>{e.name}</span>
            </div>
          ))}
        </div>
      </div>
      <div className="matrix-body" style={{ width: ROW_HEAD_W + n * CELL_W, height: n * CELL_H }}>
        <div className="matrix-row-heads" style={{ width: ROW_HEAD_W, height: n * CELL_H }}>
          {rows.map((e, i) => (
            <div key={e.id} className="matrix-row-head" role="rowheader" title={e.name} style={{ top: (r0 + i) * CELL_H, height: CELL_H }}>
              {e.name}
            </div>
          ))}
        </div>
        <div className="matrix-cells" style={{ width: n * CELL_W, height: n * CELL_H }}>
          {rows.map((src, i) =>
            cols.map((dst, j) => {
              const self = src.id === dst.id;
              const conn = connBetween(reach, src.id, dst.id);
              const cls = classify(conn, self);
              const text = self ? '—' : formatConnSet(conn);
              const active = explainPair?.src === src.id && explainPair?.dst === dst.id;
              return (
                <button
                  type="button"
                  key={`${src.id}\n${dst.id}`}
                  role="gridcell"
                  className={`matrix-cell cell-${cls}${active ? ' active' : ''}`}
                  style={{ top: (r0 + i) * CELL_H, left: (c0 + j) * CELL_W, width: CELL_W, height: CELL_H }}
                  title={`${src.name} → ${dst.name}: ${self ? 'self (always allowed)' : text}`}
                  aria-label={`${src.name} to ${dst.name}: ${self ? 'self' : text}`}
                  disabled={self}
                  onClick={() => open(src, dst)}
                >
                  {text}
                </button>
              );
            }),
          )}
        </div>
      </div>
    </div>
  );
}
