// The Cluster policies view: the Admin and Baseline tiers as lanes in evaluation order
// (priority, lower first). Moving a policy in its lane — drag and drop, the ↑/↓ buttons or
// Alt+Arrow on a focused policy — changes its priority as one undo step (src/doc/commands-cluster).
// Choosing a policy opens its form and highlights its subjects and peers on the canvas.

import { useDesignLocked } from '../../collab/live-store.ts';
import { useEffect, useMemo, useState } from 'react';
import './cluster-policies.css';
import type { ClusterPolicy, ClusterTier, Id } from '../../../src/model/types.ts';
import { CLUSTER_TIERS } from '../../../src/model/types.ts';
import { hasPriority, laneOf, moveClusterPolicy, newClusterPolicy, putClusterPolicy } from '../../../src/doc/commands-cluster.ts';
import { clusterPolicyProblems } from '../../../src/doc/cluster-policy-problems.ts';
import { clusterPolicyHighlight } from '../../../src/canvas/cluster-highlight.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { setSession, useSessionStore } from '../../state/session-store.ts';
import { ClusterPolicyEditor } from './ClusterPolicyEditor.tsx';

const TIER_TEXT: Record<ClusterTier, string> = {
  Admin: 'Applied before any NetworkPolicy: Accept and Deny are final, Pass hands the connection on to the NetworkPolicies.',
  Baseline: 'Applied only where no NetworkPolicy selects the pod: Accept or Deny, else the default allow.',
};

const kindOf = (p: ClusterPolicy): string => (p.version === 'v1alpha1' ? (p.tier === 'Admin' ? 'ANP v1alpha1' : 'BANP v1alpha1') : 'CNP');

export function ClusterPoliciesTab() {
  const model = useDocStore((s) => s.doc.model);
  const selectedId = useSessionStore((s) => s.editingClusterPolicyId);
  const selected = selectedId ? model.clusterPolicies?.[selectedId] : undefined;
  const highlight = useMemo(() => (selected ? clusterPolicyHighlight(model, selected) : null), [model, selected]);
  const key = highlight ? `${highlight.subjects.join(',')}|${highlight.peers.join(',')}` : '';
  useEffect(() => {
    setSession({ highlight: highlight?.subjects ?? [], highlightPeers: highlight?.peers ?? [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => () => setSession({ highlight: [], highlightPeers: [] }), []);

  const add = (tier: ClusterTier) => {
    const p = newClusterPolicy(model, tier);
    commitDoc((d) => putClusterPolicy(d, p));
    setSession({ editingClusterPolicyId: p.id });
  };

  return (
    <div className="cluster-policies" data-testid="cluster-policies">
      <p className="hint">Cluster-wide policies of the platform team, in the order they are applied. Drag a policy, use its arrows, or press Alt+↑/↓ to change its priority.</p>
      {CLUSTER_TIERS.map((tier) => (
        <Lane key={tier} tier={tier} lane={laneOf(model, tier)} selectedId={selectedId} onAdd={() => add(tier)} />
      ))}
      {selected && highlight && (
        <p className="cp-highlight-note" data-testid="cp-highlight-note">
          On the canvas: <span className="cp-key cp-key-subject" /> {highlight.subjects.length} subject{highlight.subjects.length === 1 ? '' : 's'},{' '}
          <span className="cp-key cp-key-peer" /> {highlight.peers.length} peer{highlight.peers.length === 1 ? '' : 's'}.
        </p>
      )}
      {selected && <ClusterPolicyEditor key={selected.id} policy={selected} problems={clusterPolicyProblems(model, selected)} />}
    </div>
  );
}

function Lane({ tier, lane, selectedId, onAdd }: { tier: ClusterTier; lane: ClusterPolicy[]; selectedId: Id | null; onAdd: () => void }) {
  const [dropAt, setDropAt] = useState<number | null>(null);
  const locked = useDesignLocked();
  const move = (id: Id, to: number) => commitDoc((d) => moveClusterPolicy(d, id, to));
  const movable = lane.filter(hasPriority);
  return (
    <section className={`cp-lane cp-lane-${tier.toLowerCase()}`} aria-label={`${tier} tier`} data-testid={`lane-${tier.toLowerCase()}`}>
      <header className="cp-lane-head">
        <h4>{tier} tier</h4>
        <button type="button" onClick={onAdd} disabled={locked}>+ {tier} policy</button>
      </header>
      <p className="hint">{TIER_TEXT[tier]}</p>
      {lane.length === 0 ? (
        <p className="hint cp-empty">No {tier} policies.</p>
      ) : (
        <ol className="cp-list">
          {lane.map((p) => {
            const i = movable.findIndex((x) => x.id === p.id);
            const canMove = i >= 0;
            const canDrag = canMove && !locked;
            const tie = lane.some((q) => q !== p && hasPriority(q) && canMove && q.priority === p.priority);
            return (
              <li
                key={p.id}
                className={`cp-item${p.id === selectedId ? ' selected' : ''}${dropAt === i && canDrag ? ' drop-target' : ''}`}
                draggable={canDrag}
                data-testid={`cp-item-${p.name}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData('application/x-netpol-cluster-policy', p.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(e) => {
                  if (!canDrag || !e.dataTransfer.types.includes('application/x-netpol-cluster-policy')) return;
                  e.preventDefault();
                  setDropAt(i);
                }}
                onDragLeave={() => setDropAt(null)}
                onDrop={(e) => {
                  const id = e.dataTransfer.getData('application/x-netpol-cluster-policy');
                  setDropAt(null);
                  if (!canDrag || !lane.some((x) => x.id === id)) return;
                  e.preventDefault();
                  move(id, i);
                }}
              >
                <button
                  type="button"
                  className="cp-select"
                  aria-pressed={p.id === selectedId}
                  aria-keyshortcuts={canDrag ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
                  onClick={() => setSession({ editingClusterPolicyId: p.id === selectedId ? null : p.id })}
                  onKeyDown={(e) => {
                    if (!canDrag || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                    e.preventDefault();
                    move(p.id, e.key === 'ArrowUp' ? i - 1 : i + 1);
                  }}
                >
                  <span className="cp-name">{p.name}</span>
                  <span className="cp-meta">
                    {hasPriority(p) ? `priority ${p.priority}` : 'singleton'} · {kindOf(p)} · {p.ingress.length} in / {p.egress.length} out
                    {tie ? ' · same priority as another: order undefined' : ''}
                  </span>
                </button>
                {canDrag && (
                  <span className="cp-arrows">
                    <button type="button" className="icon-btn" aria-label={`Move ${p.name} up (higher precedence)`} disabled={i === 0} onClick={() => move(p.id, i - 1)}>↑</button>
                    <button type="button" className="icon-btn" aria-label={`Move ${p.name} down`} disabled={i === movable.length - 1} onClick={() => move(p.id, i + 1)}>↓</button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
