// Side-by-side YAML diff (rows from src/review/yaml-diff.ts); long unchanged runs fold.

import { Fragment, useState } from 'react';
import type { DiffRow } from '../../src/review/yaml-diff.ts';

const CONTEXT = 3;

type Block = { kind: 'rows'; rows: DiffRow[] } | { kind: 'fold'; rows: DiffRow[] };

function blocks(rows: readonly DiffRow[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i].kind !== 'same') {
      let j = i;
      while (j < rows.length && rows[j].kind !== 'same') j++;
      out.push({ kind: 'rows', rows: rows.slice(i, j) });
      i = j;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].kind === 'same') j++;
    const run = rows.slice(i, j);
    const head = i === 0 ? 0 : CONTEXT;
    const tail = j === rows.length ? 0 : CONTEXT;
    if (run.length > head + tail + 2) {
      if (head) out.push({ kind: 'rows', rows: run.slice(0, head) });
      out.push({ kind: 'fold', rows: run.slice(head, run.length - tail) });
      if (tail) out.push({ kind: 'rows', rows: run.slice(run.length - tail) });
    } else out.push({ kind: 'rows', rows: run });
    i = j;
  }
  return out;
}

function Row({ r }: { r: DiffRow }) {
  return (
    <tr className={`diff-${r.kind}`}>
      <td className="ln">{r.left?.n ?? ''}</td>
      <td className="code left">{r.left ? r.left.text : ''}</td>
      <td className="ln">{r.right?.n ?? ''}</td>
      <td className="code right">{r.right ? r.right.text : ''}</td>
    </tr>
  );
}

export function DiffTable(props: { rows: readonly DiffRow[]; leftTitle: string; rightTitle: string }) {
  const [unfolded, setUnfolded] = useState<Set<number>>(() => new Set());
  const bs = blocks(props.rows);
  return (
    <table className="diff-table" data-testid="yaml-diff">
      <colgroup><col className="ln-col" /><col /><col className="ln-col" /><col /></colgroup>
      <thead>
        <tr><th colSpan={2}>{props.leftTitle}</th><th colSpan={2}>{props.rightTitle}</th></tr>
      </thead>
      <tbody>
        {bs.map((b, k) => (
          <Fragment key={k}>
            {b.kind === 'rows' || unfolded.has(k)
              ? b.rows.map((r, i) => <Row key={i} r={r} />)
              : (
                <tr className="diff-fold">
                  <td colSpan={4}>
                    <button type="button" className="link-btn" onClick={() => setUnfolded((s) => new Set(s).add(k))}>⋯ {b.rows.length} unchanged lines</button>
                  </td>
                </tr>
              )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
