// The review's change list, most risky first; each entry expands to the core's explanation of
// why the pair is now allowed or denied. Clicking an entry selects the pair on the canvas.

import { useState } from 'react';
import type { ReviewChange } from '../../src/review/changes.ts';
import { formatConnSet } from '../../src/report/conn-format.ts';
import { notify, setSession } from '../state/session-store.ts';
import { decisionsFor, setDecision } from '../../src/review/decisions.ts';
import type { Verdict } from '../../src/model/types.ts';
import { commitReview, useReviewDoc } from '../state/review-doc-store.ts';
import { getAuthor, setAuthor } from '../comments/author.ts';
import { docStore } from '../state/doc-store.ts';

const KIND_LABEL: Record<ReviewChange['kind'], string> = {
  'external-exposure': 'external exposure',
  'lb-exposure': 'load balancer',
  'cross-namespace': 'cross-namespace',
  'egress-external': 'egress to external',
  'reach-added': 'newly allowed',
  'reach-removed': 'no longer allowed',
  'exposure-removed': 'exposure removed',
  'policy-added': 'policy added',
  'policy-changed': 'policy changed',
  'policy-deleted': 'policy deleted',
};

function sign(c: ReviewChange): string {
  if (c.kind === 'policy-added') return '+';
  if (c.kind === 'policy-deleted') return '−';
  if (c.kind === 'policy-changed') return '±';
  if (c.change === 'removed' || c.kind === 'reach-removed' || c.kind === 'exposure-removed') return '−';
  if (c.change === 'changed') return '±';
  return '+';
}

function selectOnCanvas(c: ReviewChange): void {
  if (c.policyId && c.kind.startsWith('policy-')) {
    // A cluster policy opens in the Cluster policies view, a NetworkPolicy in the policy editor.
    if (docStore.getState().doc.model.clusterPolicies?.[c.policyId]) setSession({ rightTab: 'cluster', editingClusterPolicyId: c.policyId });
    else setSession({ rightTab: 'policies', editingPolicyId: c.policyId });
    return;
  }
  const ids = [c.srcId, c.dstId].filter((x): x is string => !!x);
  if (ids.length) setSession({ selection: ids });
}

/** The participant's name for a decision: the comment author's, asked once. */
function deciderName(): string | null {
  const known = getAuthor();
  if (known) return known;
  const asked = window.prompt('Your name (shown with your decisions and comments)')?.trim();
  if (!asked) return null;
  setAuthor(asked);
  return asked;
}

function decide(c: ReviewChange, verdict: Verdict, current: Verdict | undefined): void {
  const by = deciderName();
  if (!by) return;
  commitReview((r) => {
    const res = setDecision(r, { change: c, by, verdict: current === verdict ? null : verdict, at: new Date().toISOString() });
    if (!res.ok) {
      notify(res.error, 'error');
      return r;
    }
    return res.review;
  });
}

/** Each participant's verdict on a change, and this person's buttons ("approved" / "needs work"). */
function Decisions({ change }: { change: ReviewChange }) {
  const review = useReviewDoc((s) => s.review);
  const decisions = decisionsFor(review, change);
  const me = getAuthor();
  const mine = decisions.find((d) => d.by === me)?.verdict;
  return (
    <span className="change-decisions" data-testid="change-decisions">
      {decisions.map((d) => (
        <span key={d.by} className={`decision-chip verdict-${d.verdict}`} title={`${d.by}: ${d.verdict === 'approved' ? 'approved' : 'needs work'} (${d.at})`} data-testid="decision-chip">
          {d.verdict === 'approved' ? '✓' : '✗'} {d.by}
        </span>
      ))}
      <button type="button" className={`decision-btn ${mine === 'approved' ? 'on' : ''}`} aria-pressed={mine === 'approved'} onClick={() => decide(change, 'approved', mine)} title="Mark this change approved (click again to clear)">Approve</button>
      <button type="button" className={`decision-btn ${mine === 'needs-work' ? 'on' : ''}`} aria-pressed={mine === 'needs-work'} onClick={() => decide(change, 'needs-work', mine)} title="Mark this change as needing work (click again to clear)">Needs work</button>
    </span>
  );
}

export function ChangeList(props: { changes: readonly ReviewChange[]; interactive?: boolean }) {
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const [active, setActive] = useState<number | null>(null);
  if (props.changes.length === 0) {
    return <p className="empty-state pad" data-testid="review-no-changes"><strong>No changes.</strong> Reachability and policies are the same as in the baseline.</p>;
  }
  const toggle = (i: number) => setOpen((s) => {
    const n = new Set(s);
    if (n.has(i)) n.delete(i);
    else n.add(i);
    return n;
  });
  return (
    <ol className="change-list" data-testid="change-list">
      {props.changes.map((c, i) => {
        const expanded = open.has(i);
        const ports = [c.added && `+ ${formatConnSet(c.added)}`, c.removed && `− ${formatConnSet(c.removed)}`].filter(Boolean).join('  ');
        return (
          <li key={i} className={`change risk-${c.risk} ${active === i ? 'active' : ''}`} data-testid="review-change" data-kind={c.kind}>
            <div className="change-row">
              <button type="button" className="change-toggle" aria-expanded={expanded} aria-label={expanded ? 'Hide explanation' : 'Show explanation'} onClick={() => toggle(i)}>
                {expanded ? '▾' : '▸'}
              </button>
              <span className={`change-sign sign-${sign(c) === '+' ? 'add' : sign(c) === '−' ? 'del' : 'chg'}`} aria-hidden="true">{sign(c)}</span>
              <span className={`risk-pill risk-${c.risk}`}>{c.risk}</span>
              {props.interactive === false ? (
                <span className="change-title">{c.title}</span>
              ) : (
                <button type="button" className="link-btn change-title" title="Select on the canvas" onClick={() => { setActive(i); selectOnCanvas(c); }}>
                  {c.title}
                </button>
              )}
              <span className="change-kind">{KIND_LABEL[c.kind]}</span>
              {ports && <code className="change-ports">{ports}</code>}
              {props.interactive !== false && <Decisions change={c} />}
            </div>
            {expanded && (
              <div className="change-explain" data-testid="change-explanation">
                {c.cidrs?.length ? <p className="hint">{c.kind === 'lb-exposure' || c.kind === 'exposure-removed' || c.kind === 'external-exposure' ? 'Client addresses' : 'Addresses'}: {c.cidrs.join(', ')}</p> : null}
                {c.explanation.length ? <ul>{c.explanation.map((l, k) => <li key={k}>{l}</li>)}</ul> : <p className="muted">No further explanation for this kind of change.</p>}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
