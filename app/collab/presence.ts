// Presence through the session's awareness (y-protocols, carried by the design document's
// provider): this person's name, colour, role, cursor, selection, the object open in their
// Inspector and their viewport go out; everyone else's come into the presence store.
// Awareness is client-asserted: shown, never used to decide anything.

import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Role } from '../../src/collab/protocol.ts';
import { getAuthor } from '../comments/author.ts';
import { presenceStore, type PeerPresence } from '../state/presence-store.ts';
import { sessionStore } from '../state/session-store.ts';

export const PEER_COLORS = ['#d9480f', '#2b8a3e', '#1971c2', '#ae3ec9', '#e67700', '#0c8599', '#c2255c', '#5f3dc4'] as const;

export function colorFor(clientId: number): string {
  return PEER_COLORS[Math.abs(clientId) % PEER_COLORS.length] as string;
}

export interface PresenceLink {
  stop(): void;
  clientId: number;
}

type Awareness = NonNullable<HocuspocusProvider['awareness']>;
let awareness: Awareness | null = null;
let lastCursorAt = 0;

/** Pointer over the canvas, in flow coordinates (null: left the canvas). Throttled to ~30 ms. */
export function shareCursor(cursor: { x: number; y: number } | null): void {
  if (!awareness) return;
  const now = Date.now();
  if (cursor && now - lastCursorAt < 30) return;
  lastCursorAt = now;
  awareness.setLocalStateField('cursor', cursor);
}

export function shareViewport(viewport: { x: number; y: number; zoom: number }): void {
  awareness?.setLocalStateField('viewport', viewport);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v.slice(0, 80) : undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** One peer's awareness state, validated (another browser wrote it). */
export function peerFromState(clientId: number, state: Record<string, unknown>): PeerPresence | null {
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user !== 'object') return null;
  const peer: PeerPresence = {
    clientId,
    name: str(user.name) || `Guest ${clientId % 1000}`,
    color: /^#[0-9a-f]{6}$/i.test(String(user.color)) ? String(user.color) : colorFor(clientId),
    role: user.role === 'reviewer' ? 'reviewer' : 'editor',
  };
  const c = state.cursor as Record<string, unknown> | null | undefined;
  if (c && num(c.x) !== null && num(c.y) !== null) peer.cursor = { x: c.x as number, y: c.y as number };
  if (Array.isArray(state.selection)) peer.selection = state.selection.filter((x): x is string => typeof x === 'string').slice(0, 200);
  const editing = str(state.editing);
  if (editing) peer.editing = editing;
  const v = state.viewport as Record<string, unknown> | undefined;
  if (v && num(v.x) !== null && num(v.y) !== null && num(v.zoom) !== null && (v.zoom as number) > 0) peer.viewport = { x: v.x as number, y: v.y as number, zoom: v.zoom as number };
  return peer;
}

/** What this person is editing: the policy in the policy editor, else the one object selected in the Inspector. */
function editingOf(s: ReturnType<typeof sessionStore.getState>): string | null {
  if (s.rightTab === 'policies' && s.editingPolicyId) return s.editingPolicyId;
  if (s.rightTab === 'inspect' && s.selection.length === 1) return s.selection[0] as string;
  return null;
}

export function startPresence(provider: HocuspocusProvider, role: Role): PresenceLink {
  const aw = provider.awareness as Awareness;
  awareness = aw;
  const me = aw.clientID;
  aw.setLocalStateField('user', { name: getAuthor() || `Guest ${me % 1000}`, color: colorFor(me), role });
  const publishSession = () => {
    const s = sessionStore.getState();
    aw.setLocalStateField('selection', s.selection.slice(0, 200));
    aw.setLocalStateField('editing', editingOf(s));
  };
  publishSession();
  const unsubSession = sessionStore.subscribe((s, prev) => {
    if (s.selection !== prev.selection || s.editingPolicyId !== prev.editingPolicyId || s.rightTab !== prev.rightTab) publishSession();
  });
  const onChange = () => {
    const peers: PeerPresence[] = [];
    aw.getStates().forEach((state, id) => {
      if (id === me) return;
      const p = peerFromState(id, state as Record<string, unknown>);
      if (p) peers.push(p);
    });
    peers.sort((a, b) => a.clientId - b.clientId);
    const following = presenceStore.getState().following;
    presenceStore.setState({ peers, following: following !== null && peers.some((p) => p.clientId === following) ? following : null });
  };
  aw.on('change', onChange);
  onChange();
  return {
    clientId: me,
    stop() {
      aw.off('change', onChange);
      unsubSession();
      aw.setLocalState(null);
      if (awareness === aw) awareness = null;
      presenceStore.setState({ peers: [], following: null });
    },
  };
}
