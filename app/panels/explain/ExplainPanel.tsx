// The Explain tab: why a connection between two endpoints is allowed or denied, as computed by
// the core's explain(): verdict, allowed ports, and each side with its policies and rules.

import { useMemo, useState } from 'react';
import type { Model, Protocol } from '../../../src/model/types.ts';
import { PROTOCOLS } from '../../../src/model/types.ts';
import type { ChainStep, Explanation, SideExplanation } from '../../../src/policy/reachability-types.ts';
import { explain, sideAllows } from '../../../src/policy/explain.ts';
import { formatConnSet } from '../../../src/report/conn-format.ts';
import { useEvaluated } from '../../state/reachability.ts';
import { setSession, useSessionStore } from '../../state/session-store.ts';
import { portNumberError } from '../fields/parse.ts';

const STATUS_TEXT: Record<SideExplanation['status'], string> = {
  'not-a-pod': 'Not a pod: no NetworkPolicy applies on this side.',
  'not-isolated': 'Not isolated: no policy selects it for this direction, so everything is allowed.',
  isolated: 'Isolated: only what the rules below allow.',
  self: 'A pod may always talk to itself.',
  'own-node': "Traffic from the pod's own node is always allowed.",
};

// With cluster policies the NetworkPolicy status is one step of the chain, not the verdict.
const CHAIN_STATUS_TEXT: Partial<Record<SideExplanation['status'], string>> = {
  'not-isolated': 'No NetworkPolicy selects it for this direction: the cluster tiers decide.',
  isolated: 'Isolated by NetworkPolicies, below the Admin tier.',
};

export function ExplainPanel() {
  const target = useSessionStore((s) => s.explain);
  const { model } = useEvaluated();
  const result = useMemo(() => {
    if (!target) return null;
    try {
      return { ok: true as const, ex: explain(model, target.src, target.dst, target.query) };
    } catch (err) {
      return { ok: false as const, error: err instanceof Error ? err.message : String(err) };
    }
  }, [model, target]);

  if (!target || !result) {
    return (
      <div className="empty-state" data-testid="explain-empty">
        <p>
          <strong>No connection chosen.</strong>
        </p>
        <p>Click a connection on the canvas, or a cell of the Matrix below, to see why it is allowed or denied.</p>
      </div>
    );
  }
  if (!result.ok) {
    return (
      <div className="empty-state">
        <p>That connection no longer exists in the design ({result.error}).</p>
        <button type="button" onClick={() => setSession({ explain: null })}>
          Clear
        </button>
      </div>
    );
  }
  const ex = result.ex;
  return (
    <div className="explain" data-testid="explain">
      <h3 className="explain-title">
        {ex.src.name} <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> {ex.dst.name}
      </h3>
      <QueryBox />
      <Verdict ex={ex} />
      <SideCard model={model} side={ex.egress} title={`Egress at ${ex.src.name}`} allows={sideAllows(ex.egress, ex.query)} />
      <SideCard model={model} side={ex.ingress} title={`Ingress at ${ex.dst.name}`} allows={sideAllows(ex.ingress, ex.query)} />
      <section className="summary" aria-label="Summary">
        <h4>Summary</h4>
        <ul>
          {ex.summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Verdict({ ex }: { ex: Explanation }) {
  const deniers = [
    !sideAllows(ex.egress, ex.query) ? `the egress side of ${ex.src.name}` : null,
    !sideAllows(ex.ingress, ex.query) ? `the ingress side of ${ex.dst.name}` : null,
  ].filter(Boolean);
  const what = ex.query ? `${ex.query.protocol}/${ex.query.port}` : 'Connection';
  return (
    <div className={`verdict verdict-${ex.verdict}`} data-testid="verdict">
      <div className="verdict-line">
        <strong>{what}:</strong> <span className="verdict-word">{ex.verdict}</span>
      </div>
      <div>
        Allowed: <code data-testid="allowed-ports">{formatConnSet(ex.allowed)}</code>
      </div>
      {ex.verdict === 'denied' && deniers.length > 0 && (
        <div data-testid="denied-by">Denied by {deniers.join(' and ')}.</div>
      )}
      {ex.verdict === 'denied' && deniers.length === 0 && (
        <div data-testid="denied-by">Each side allows something, but nothing that both sides allow.</div>
      )}
    </div>
  );
}

function PolicyLink({ model, id }: { model: Model; id: string }) {
  const p = model.policies[id];
  if (!p) return <code>{id}</code>;
  const ns = model.namespaces[p.namespaceId]?.name ?? '';
  return (
    <button type="button" className="link-btn" onClick={() => setSession({ rightTab: 'policies', editingPolicyId: id })} title="Open in the policy editor">
      {ns}/{p.name}
      {p.generated ? ' (generated)' : ''}
    </button>
  );
}

function SideCard({ model, side, title, allows }: { model: Model; side: SideExplanation; title: string; allows: boolean }) {
  const rulesKey = side.direction === 'Ingress' ? 'ingress' : 'egress';
  return (
    <section className={`side ${allows ? 'side-allows' : 'side-denies'}`} aria-label={title} data-testid={`side-${rulesKey}`}>
      <h4>
        {title} <span className={allows ? 'tag ok' : 'tag bad'}>{allows ? 'allows' : 'denies'}</span>
      </h4>
      <p>{side.chain ? CHAIN_STATUS_TEXT[side.status] ?? STATUS_TEXT[side.status] : STATUS_TEXT[side.status]}</p>
      {side.isolatingPolicies.length > 0 && (
        <div>
          <span className="sub-label">Isolated by</span>
          <ul className="inline-list">
            {side.isolatingPolicies.map((id) => (
              <li key={id}>
                <PolicyLink model={model} id={id} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {side.status === 'isolated' && (
        <div>
          <span className="sub-label">Matching rules</span>
          {side.contributions.length === 0 ? (
            <p className="hint">No rule of these policies matches the other end.</p>
          ) : (
            <ul>
              {side.contributions.map((c, i) => (
                <li key={i}>
                  <PolicyLink model={model} id={c.policyId} /> {rulesKey}[{c.ruleIndex}] allows <code>{formatConnSet(c.allowed)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div>
        This side allows <code>{formatConnSet(side.allowed)}</code>
      </div>
      {side.chain && <TierChain side={side} />}
    </section>
  );
}

const TIER_LABEL: Record<ChainStep['tier'], string> = { Admin: 'Admin', NetworkPolicy: 'NetworkPolicy', Baseline: 'Baseline', Default: 'Default', Result: 'Result' };

/** The side's Admin → NetworkPolicy → Baseline chain, one step per line as the core words it. */
function TierChain({ side }: { side: SideExplanation }) {
  return (
    <div className="tier-chain-wrap">
      <span className="sub-label">Cluster tiers, in order</span>
      <ol className="tier-chain" data-testid={`chain-${side.direction.toLowerCase()}`}>
        {side.chain!.map((st, i) => (
          <li key={i} className={`chain-step chain-${st.kind}${st.action ? ` chain-${st.action.toLowerCase()}` : ''}${st.outcome ? ` chain-${st.outcome}` : ''}`}>
            <span className={`tier-tag tier-${st.tier.toLowerCase()}`}>{TIER_LABEL[st.tier]}</span>
            <span className="chain-text">{st.text.replace(/^→ /, '')}</span>
            {st.clusterPolicyId && (
              <button type="button" className="link-btn chain-open" onClick={() => setSession({ rightTab: 'cluster', editingClusterPolicyId: st.clusterPolicyId! })} title="Open in the Cluster policies view">
                open
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function QueryBox() {
  const current = useSessionStore((s) => s.explain);
  const [protocol, setProtocol] = useState<Protocol>(current?.query?.protocol ?? 'TCP');
  const [port, setPort] = useState(current?.query ? String(current.query.port) : '');
  const error = port.trim() ? portNumberError(port) : null;
  const apply = () => {
    if (!current) return;
    if (!port.trim()) setSession({ explain: { src: current.src, dst: current.dst } });
    else if (!error) setSession({ explain: { ...current, query: { protocol, port: Number(port.trim()) } } });
  };
  return (
    <form
      className="query-box"
      aria-label="Check one port"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <select aria-label="Protocol" value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)}>
        {PROTOCOLS.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <input aria-label="Port" placeholder="port (optional)" value={port} onChange={(e) => setPort(e.target.value)} aria-invalid={error ? true : undefined} />
      <button type="submit">Check</button>
      {current?.query && (
        <button
          type="button"
          onClick={() => {
            setPort('');
            setSession({ explain: { src: current.src, dst: current.dst } });
          }}
        >
          All ports
        </button>
      )}
      {error && <div className="field-error">{error}</div>}
    </form>
  );
}
