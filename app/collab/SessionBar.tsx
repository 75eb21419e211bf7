// The live session in the top bar, always visible while in one: connection state (with pending
// changes), who is here (click to follow their view, Escape stops), links, leave.

import { useEffect } from 'react';
import { getAuthor } from '../comments/author.ts';
import { presenceStore, usePresence } from '../state/presence-store.ts';
import { installLiveLinkListener, leaveLiveSession } from './live-session.ts';
import { liveStore, useLive, type Connection } from './live-store.ts';
import './live.css';

const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (parts.length === 1) return (parts[0] as string).slice(0, 2).toUpperCase();
  return ((parts[0] as string)[0]! + (parts[parts.length - 1] as string)[0]!).toUpperCase();
}

export function connectionText(connection: Connection, pending: number): string {
  const p = pending > 0 ? ` · ${pending} pending change${pending === 1 ? '' : 's'}` : '';
  return `${CONNECTION_LABEL[connection]}${p}`;
}

function Participants() {
  const peers = usePresence((s) => s.peers);
  const following = usePresence((s) => s.following);
  const role = useLive((s) => s.role);
  const me = getAuthor() || 'You';
  return (
    <div className="live-avatars" role="list" aria-label="Participants">
      <span className="live-avatar me" role="listitem" title={`${me} (you, ${role})`} data-testid="live-me">{initials(me)}</span>
      {peers.map((p) => (
        <button
          key={p.clientId}
          type="button"
          role="listitem"
          className={`live-avatar ${following === p.clientId ? 'following' : ''}`}
          style={{ background: p.color }}
          title={`${p.name} (${p.role})${following === p.clientId ? ' — following, Esc to stop' : ' — click to follow their view'}`}
          aria-label={`${p.name}, ${p.role}${following === p.clientId ? ', following' : ''}`}
          aria-pressed={following === p.clientId}
          data-testid="live-peer"
          onClick={() => presenceStore.setState({ following: following === p.clientId ? null : p.clientId })}
        >
          {initials(p.name)}
        </button>
      ))}
    </div>
  );
}

export function SessionBar() {
  const active = useLive((s) => s.active);
  const connection = useLive((s) => s.connection);
  const pending = useLive((s) => s.pending);
  const role = useLive((s) => s.role);
  const following = usePresence((s) => s.following);
  const followed = usePresence((s) => s.peers.find((p) => p.clientId === s.following)?.name);
  useEffect(() => installLiveLinkListener(), []);
  useEffect(() => {
    document.body.classList.toggle('netpol-live-reviewer', active && role === 'reviewer');
  }, [active, role]);
  useEffect(() => {
    if (following === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') presenceStore.setState({ following: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [following]);
  if (!active) return null;
  return (
    <div className="live-bar" role="region" aria-label="Live session" data-testid="live-bar">
      <span className={`live-conn conn-${connection}`} role="status" data-testid="live-connection" data-state={connection}>
        <span className="live-dot" aria-hidden="true" />
        {connectionText(connection, pending)}
      </span>
      {role === 'reviewer' && <span className="live-role" title="You can comment and decide on changes; the design is read-only for you">Reviewer</span>}
      <Participants />
      {followed && <span className="live-following" data-testid="live-following">Following {followed} · Esc</span>}
      <button type="button" className="icon" onClick={() => liveStore.setState({ linksDialog: true })} title="Links for editors and reviewers" aria-label="Session links"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7L5.3 7.8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg></button>
      <button type="button" onClick={leaveLiveSession} data-testid="live-leave">Leave</button>
    </div>
  );
}
