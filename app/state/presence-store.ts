// The PRESENCE scope: who else is in a live session, where their cursor and viewport are, what
// they have selected and which object they are editing. Synced through the session's awareness,
// never saved, never undone. Empty outside a live session.

import { createStore, useStore } from 'zustand';

export interface PeerPresence {
  /** Awareness client id (a number per browser tab). */
  clientId: number;
  name: string;
  color: string;
  role: 'editor' | 'reviewer';
  /** Pointer position in flow coordinates, when over the canvas. */
  cursor?: { x: number; y: number };
  selection?: string[];
  /** Id of the object open in their Inspector / policy editor. */
  editing?: string;
  viewport?: { x: number; y: number; zoom: number };
}

export interface PresenceState {
  peers: PeerPresence[];
  /** clientId of the participant whose viewport this user follows (presenter mode), or null. */
  following: number | null;
}

export const initialPresence: PresenceState = { peers: [], following: null };

export const presenceStore = createStore<PresenceState>()(() => ({ ...initialPresence }));

export function usePresence<T>(selector: (s: PresenceState) => T): T {
  return useStore(presenceStore, selector);
}
