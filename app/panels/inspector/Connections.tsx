// The Inspector's Connections section: who reaches the selected node and whom it reaches, as a
// list of buttons (the core's connectionsOf and connection-list.ts say what each row is and
// reads). Activating a row opens its explanation; it is not an edit, so it works read-only too.

import { useMemo, useState } from 'react';
import type { Id } from '../../../src/model/types.ts';
import { canvasPairs } from '../../../src/canvas/pairs.ts';
import { connectionsOf, type ConnectionRow, type NodeConnections } from '../../../src/canvas/connections-of.ts';
import {
  countText, directionHeading, directionPairs, FIRST_ROWS, insideText, kindTag, moreButton, rowName, rowPrefix, shownRows, type ConnectionDirection,
} from '../../../src/canvas/connection-list.ts';
import { useEvaluated } from '../../state/reachability.ts';
import { pathList } from '../../lb/derived.ts';
import { setSession } from '../../state/session-store.ts';
import { connectionOpenPatch } from '../../state/selection.ts';

/** `nodeId`: the canvas node (a load balancer's is `lb:<serviceId>`). */
export function Connections({ nodeId }: { nodeId: Id }) {
  const { reach, model } = useEvaluated();
  const conns = useMemo(
    () => (reach ? connectionsOf({ model, pairs: canvasPairs(reach, model), paths: pathList(model) }, nodeId) : null),
    [reach, model, nodeId],
  );
  return (
    <section className="connections" aria-labelledby="connections-title" data-testid="connections">
      <h4 id="connections-title" className="connections-title">Connections</h4>
      {!conns ? (
        <p className="hint">{reach ? 'Not evaluated yet: the design is being evaluated.' : 'Evaluating the design…'}</p>
      ) : (
        <>
          <ConnectionList key={`in:${nodeId}`} conns={conns} dir="incoming" />
          <ConnectionList key={`out:${nodeId}`} conns={conns} dir="outgoing" />
          {insideText(conns) && <p className="hint" data-testid="connections-inside">{insideText(conns)}</p>}
        </>
      )}
    </section>
  );
}

function ConnectionList({ conns, dir }: { conns: NodeConnections; dir: ConnectionDirection }) {
  const rows = dir === 'incoming' ? conns.incoming : conns.outgoing;
  const [shown, setShown] = useState(FIRST_ROWS);
  const n = shownRows(rows.length, shown);
  const more = moreButton(rows.length, shown);
  const headId = `connections-${dir}`;
  const pairs = directionPairs(conns, dir);
  return (
    <div className="conn-group" data-testid={`connections-${dir}`}>
      <h5 id={headId} className="conn-heading">
        <span data-testid="connections-heading">{directionHeading(dir, rows.length)}</span>
        {pairs && <span className="conn-pairs">{pairs}</span>}
      </h5>
      {rows.length === 0 ? (
        <p className="hint">{dir === 'incoming' ? 'Nothing reaches it.' : 'It reaches nothing.'}</p>
      ) : (
        <ul className="conn-list" aria-labelledby={headId}>
          {rows.slice(0, n).map((r) => (
            <li key={r.peer}>
              <Row row={r} dir={dir} />
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="conn-more" onClick={() => setShown(more.next)} data-testid="connections-more">
          {more.label}
        </button>
      )}
    </div>
  );
}

function Row({ row, dir }: { row: ConnectionRow; dir: ConnectionDirection }) {
  const tag = kindTag(row);
  const count = countText(row);
  // The visible text is the accessible name (with a hidden "From namespace" before it); the
  // tooltip says what activating does.
  return (
    <button type="button" className="conn-row" title={rowName(row, dir)} onClick={() => setSession(connectionOpenPatch(row.open))} data-peer={row.peer}>
      <span className="conn-peer">
        <span className="visually-hidden">{rowPrefix(row, dir)} </span>
        {tag && <span className="conn-tag" aria-hidden="true">{tag}</span>}
        {row.peerName}
      </span>
      <span className="conn-ports">
        {row.ports}
        {count && <span className="conn-count"> · {count}</span>}
      </span>
    </button>
  );
}
