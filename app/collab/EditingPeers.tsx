// "Bob is editing this": shown above the Inspector form or policy editor of an object that other
// participants of the live session have open too (a concurrent edit of one field: last writer wins).

import { useShallow } from 'zustand/react/shallow';
import { usePresence } from '../state/presence-store.ts';

export function EditingPeers({ id }: { id: string }) {
  const peers = usePresence(useShallow((s) => s.peers.filter((p) => p.editing === id)));
  if (peers.length === 0) return null;
  const names = peers.map((p) => p.name);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return (
    <div className="peer-editing" role="status" data-testid="peer-editing">
      {peers.map((p) => <span key={p.clientId} className="peer-editing-dot" style={{ background: p.color }} aria-hidden="true" />)}
      <span>{who} {peers.length === 1 ? 'is' : 'are'} editing this too</span>
    </div>
  );
}
