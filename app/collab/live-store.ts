// What the UI shows about the live session this tab is in: role, connection state, pending
// changes, the links to hand out, and the last refusal from the server. Transient (never saved).

import { createStore, useStore } from 'zustand';
import type { Role } from '../../src/collab/protocol.ts';
import { useReadOnly } from '../share/read-only.ts';

/**
 * connecting: joining, not yet synced; connected: synced with the server; reconnecting: lost
 * the connection a moment ago and retrying; offline: the browser is offline or the server has
 * been unreachable for a while (edits are kept and merged on reconnect).
 */
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveState {
  active: boolean;
  room: string | null;
  role: Role | null;
  server: string | null;
  connection: Connection;
  /** Local changes not yet confirmed by the server. */
  pending: number;
  /** Links to hand out: the editor link always, the reviewer link when this browser started the session. */
  links: { editor: string; reviewer: string | null } | null;
  linksDialog: boolean;
  /** The server's last refusal (a reviewer's write, a full room), shown until dismissed. */
  refused: string | null;
}

export const initialLive: LiveState = {
  active: false, room: null, role: null, server: null, connection: 'connecting', pending: 0, links: null, linksDialog: false, refused: null,
};

export const liveStore = createStore<LiveState>()(() => ({ ...initialLive }));

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(liveStore, selector);
}

/** Editing the design is off: a shared link opened read-only, or a reviewer in a live session. */
export function useDesignLocked(): boolean {
  const shared = useReadOnly();
  const reviewer = useLive((s) => s.active && s.role === 'reviewer');
  return shared || reviewer;
}
