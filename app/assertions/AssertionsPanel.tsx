// The Assertions tab: every assertion with its live status (checked by the core after every
// edit), the reason, delete, explain, and the export of the file `netpol check --assertions` reads.
import '../panels/panels.css';
import '../lb/lb.css';
import type { Assertion } from '../../src/model/types.ts';
import type { AssertionResult } from '../../src/assertions/check.ts';
import { exportAssertionsFile } from '../../src/assertions/file.ts';
import { deleteAssertion } from '../../src/doc/commands-lb.ts';
import { useDesignLocked } from '../collab/live-store.ts';
import { commitDoc, docStore, useDocStore } from '../state/doc-store.ts';
import { notify, setSession } from '../state/session-store.ts';
import { getReachability } from '../state/reachability.ts';
import { endpointIdOf } from '../../src/policy/reachability.ts';
import { useAssertionResults } from '../lb/derived.ts';
import { downloadText, fileBase } from '../state/download.ts';
import { isLb, shortName } from './endpoints.ts';
import { adminDenyFor } from '../../src/assertions/enforce.ts';
import { putClusterPolicy } from '../../src/doc/commands-cluster.ts';

/** Adds the Admin Deny that makes a violated "must not reach" hold (one undo step) and shows it. */
function enforceWithAdminDeny(a: Assertion): void {
  const r = adminDenyFor(docStore.getState().doc.model, a);
  if (!r.ok) {
    notify(r.reason, 'error');
    return;
  }
  commitDoc((d) => putClusterPolicy(d, r.policy));
  notify(`Added Admin \`${r.policy.name}\` (priority ${r.policy.priority}): it denies ${a.protocol}/${a.port} before any NetworkPolicy.`);
}

function explainAssertion(a: Assertion): void {
  // Load balancer targets: select the pair, the canvas and the Paths tab show the path hop by hop.
  if (isLb(a.toId)) {
    setSession({ selection: [a.toId], rightTab: 'paths' });
    return;
  }
  setSession({ selection: [a.fromId, a.toId] });
  requestExplain(a);
}

function requestExplain(a: Assertion): void {
  // Explain works on evaluator endpoints: a split external network is explained from its first part.
  const reach = getReachability();
  const ep = (id: string) => (reach ? endpointIdOf(reach, id) : undefined);
  const src = ep(a.fromId);
  const dst = ep(a.toId);
  if (!src || !dst) {
    notify('This assertion names an element that is no longer in the design: delete it or restore the element.', 'error');
    return;
  }
  setSession({ explain: { src, dst, query: { protocol: a.protocol, port: a.port } }, rightTab: 'explain' });
}

export function AssertionsPanel() {
  const assertions = useDocStore((s) => s.doc.model.assertions);
  const { model, results, pending } = useAssertionResults();
  const list = Object.values(assertions ?? {}).sort((a, b) => (a.id < b.id ? -1 : 1));
  const byId = new Map(results.map((r) => [r.id, r]));
  const failing = results.filter((r) => !r.ok).length;
  const exportFile = () => {
    const doc = docStore.getState().doc;
    downloadText(`${fileBase(doc.name)}-assertions.yaml`, exportAssertionsFile(doc.model), 'application/yaml');
  };
  return (
    <div className="assertions" data-testid="assertions-panel">
      <div className="assert-head">
        <strong>{list.length === 0 ? 'No assertions' : failing > 0 ? `${failing} of ${list.length} violated` : `All ${list.length} hold`}</strong>
        {pending && <span className="hint"> checking…</span>}
        <span className="spacer" />
        <button type="button" onClick={exportFile} disabled={list.length === 0} title="Download the file `netpol check --assertions` reads in CI">Export assertions</button>
      </div>
      {list.length === 0 && (
        <div className="empty-state">
          <p>Assertions record what must stay true: "the Internet must not reach the database on 5432/TCP".</p>
          <p>Select two elements on the canvas (Ctrl+click the second), then press <strong>Assert …</strong> in the bar above the canvas. Every edit re-checks them; a violated one turns red on the canvas.</p>
        </div>
      )}
      <ul className="assert-list">
        {list.map((a) => (
          <AssertionItem key={a.id} a={a} r={byId.get(a.id)} name={(id) => shortName(model, id)} />
        ))}
      </ul>
    </div>
  );
}

function AssertionItem({ a, r, name }: { a: Assertion; r: AssertionResult | undefined; name: (id: string) => string }) {
  const model = useDocStore((s) => s.doc.model);
  const enforceable = !!r && !r.ok && a.expect === 'no-reach' && adminDenyFor(model, a).ok;
  const status = !r ? 'pending' : r.ok ? 'pass' : 'fail';
  const locked = useDesignLocked();
  return (
    <li className={`assert-item assert-${status}`} data-testid={`assertion-${a.id}`}>
      <div className="assert-row">
        <span className={`tag ${status === 'pass' ? 'ok' : status === 'fail' ? 'bad' : ''}`}>{status === 'pass' ? 'PASS' : status === 'fail' ? 'FAIL' : '…'}</span>
        <span className="assert-title">
          {name(a.fromId)} <span aria-hidden="true">→</span> {name(a.toId)} <span className="muted">{a.expect === 'reach' ? 'must reach' : 'must not reach'}</span> {a.port}/{a.protocol}
        </span>
        <span className="item-actions">
          <button type="button" onClick={() => explainAssertion(a)} title="Show why">Explain</button>
          <button type="button" className="danger" aria-label="Delete assertion" disabled={locked} onClick={() => commitDoc((d) => deleteAssertion(d, a.id))}>Delete</button>
        </span>
      </div>
      {a.note && <p className="hint">{a.note}</p>}
      {r && !r.ok && (
        <div className="assert-reason">
          <p>{r.message}</p>
          {a.expect === 'no-reach' && enforceable && (
            <button type="button" disabled={locked} onClick={() => enforceWithAdminDeny(a)} title="Add a ClusterNetworkPolicy (Admin tier) that denies this port before any NetworkPolicy">
              Enforce with an Admin Deny
            </button>
          )}
          {r.details.length > 0 && (
            <details>
              <summary>Why ({r.details.length})</summary>
              <pre className="assert-details">{r.details.join('\n')}</pre>
            </details>
          )}
        </div>
      )}
    </li>
  );
}
