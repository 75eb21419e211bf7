// A live session in this tab: starting one from the open design, joining from a link, leaving.
// One WebSocket (Hocuspocus provider) carries the room's two documents, design and review; each
// is cached in IndexedDB so a reload or a lost connection loses nothing; the app's stores are
// bound to them (bindings.ts). The server enforces roles; the UI only mirrors them.

import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import {
  encodeToken, parseNotice, parseSessionFragment, REASONS, roomDocName, secretFromBytes, sessionFragment,
  type SessionLink, type SessionToken,
} from '../../src/collab/protocol.ts';
import { hasDesign } from '../../src/collab/y-design.ts';
import { docStore, history, readOnlyGate, undoRouteStore } from '../state/doc-store.ts';
import { reviewDocStore } from '../state/review-doc-store.ts';
import { AUTOSAVE_KEY, REVIEW_AUTOSAVE_KEY, autosaveGate, writeAutosaves } from '../state/autosave.ts';
import { notify } from '../state/session-store.ts';
import { requestFitView } from '../state/view-requests.ts';
import { BACKUP_KEY, REVIEW_BACKUP_KEY, shareStore } from '../share/read-only.ts';
import { bindDesign, bindReview, type DesignBinding, type ReviewBinding } from './bindings.ts';
import { initialLive, liveStore } from './live-store.ts';
import { startPresence, type PresenceLink } from './presence.ts';

export const REVIEWER_REASON = 'You joined this live session as a reviewer: you can comment and decide on changes, not edit the design.';
/** After this long without a connection, "reconnecting" becomes "offline". */
const OFFLINE_AFTER_MS = 4000;
/** How often a disconnected socket is nudged while the browser says it is online. */
const RECONNECT_WATCHDOG_MS = 2000;
/** What this browser remembers about sessions it started (the reviewer link, the room's key hashes). */
const createdKey = (room: string) => `netpol-designer:live-created:${room}`;

/** The server this app starts sessions on (`npm start` sets it); null: sessions are off. */
export function configuredServer(): string | null {
  const url = import.meta.env.VITE_COLLAB_URL as string | undefined;
  return url && /^wss?:\/\//.test(url) ? url : null;
}

function randomSecret(): string {
  return secretFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

async function sha256Hex(text: string): Promise<string> {
  if (!crypto.subtle) throw new Error('this page is not a secure context (open it over https or on localhost)');
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function linkUrl(l: SessionLink): string {
  return `${window.location.origin}${window.location.pathname}#${sessionFragment(l)}`;
}

interface Created {
  reviewerKey: string;
  editorKeyHash: string;
  reviewerKeyHash: string;
}

function readCreated(room: string): Created | null {
  try {
    const v = JSON.parse(localStorage.getItem(createdKey(room)) ?? 'null') as Created | null;
    return v && typeof v.reviewerKey === 'string' ? v : null;
  } catch {
    return null;
  }
}

interface Connection {
  link: SessionLink;
  socket: HocuspocusProviderWebsocket;
  providers: HocuspocusProvider[];
  caches: IndexeddbPersistence[];
  design: DesignBinding | null;
  review: ReviewBinding | null;
  presence: PresenceLink | null;
  designDoc: Y.Doc;
  reviewDoc: Y.Doc;
  cleanups: (() => void)[];
}

let current: Connection | null = null;

/** The open session's shared documents (tests and the raw-write check of the e2e suite). */
export function currentSessionDocs(): { design: Y.Doc; review: Y.Doc } | null {
  return current ? { design: current.designDoc, review: current.reviewDoc } : null;
}

function updateConnection(): void {
  const c = current;
  if (!c) return;
  const s = liveStore.getState();
  const synced = c.providers.every((p) => p.isSynced);
  const open = c.socket.status === WebSocketStatus.Connected;
  let connection = s.connection;
  if (open && synced) connection = 'connected';
  else if (!navigator.onLine) connection = 'offline';
  else if (s.connection === 'connected') connection = 'reconnecting';
  if (connection !== s.connection) liveStore.setState({ connection });
  const unsynced = c.providers.some((p) => p.hasUnsyncedChanges);
  if (open && synced && !unsynced && s.pending !== 0) liveStore.setState({ pending: 0 });
}

function bind(c: Connection, seed: boolean): void {
  if (c.design) return;
  c.design = bindDesign(c.designDoc, docStore, { seed });
  c.review = bindReview(c.reviewDoc, reviewDocStore, { seed });
  const counted = () => {
    const s = liveStore.getState();
    const confirmed = s.connection === 'connected' && !c.providers.some((p) => p.hasUnsyncedChanges);
    if (!confirmed) liveStore.setState({ pending: s.pending + 1 });
  };
  c.design.onLocalChange = counted;
  c.review.onLocalChange = counted;
  const um = c.design.undo;
  const flags = () => undoRouteStore.setState({ canUndo: um.canUndo(), canRedo: um.canRedo() });
  um.on('stack-item-added', flags);
  um.on('stack-item-popped', flags);
  um.on('stack-cleared', flags);
  undoRouteStore.setState({ route: { undo: () => { um.undo(); }, redo: () => { um.redo(); } }, canUndo: false, canRedo: false });
  history.clear();
  c.presence = startPresence(c.providers[0] as HocuspocusProvider, c.link.role);
  if (!seed) requestFitView();
}

/** Joins (or, with `create`, starts) a room. The local design stays as it is until the room's design arrives. */
function connect(link: SessionLink, opts: { create: Created | null; seed: boolean }): void {
  if (current) disconnect();
  const token: SessionToken = {
    role: link.role,
    key: link.key,
    ...(opts.create && link.role === 'editor' ? { create: { editorKeyHash: opts.create.editorKeyHash, reviewerKeyHash: opts.create.reviewerKeyHash } } : {}),
  };
  const designDoc = new Y.Doc();
  const reviewDoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: link.server, delay: 250, minDelay: 250, maxDelay: 2000, factor: 1.5, maxAttempts: 0 });
  const c: Connection = { link, socket, providers: [], caches: [], design: null, review: null, presence: null, designDoc, reviewDoc, cleanups: [] };
  current = c;
  const reviewerLink = opts.create ? linkUrl({ ...link, role: 'reviewer', key: opts.create.reviewerKey }) : null;
  liveStore.setState({
    ...initialLive, active: true, room: link.room, role: link.role, server: link.server,
    links: { editor: link.role === 'editor' ? linkUrl(link) : '', reviewer: reviewerLink },
    linksDialog: opts.seed,
  });
  readOnlyGate.reason = link.role === 'reviewer' ? REVIEWER_REASON : null;
  autosaveGate.suspended = true;

  let synced = 0;
  const make = (scope: 'design' | 'review', doc: Y.Doc) => {
    const cache = new IndexeddbPersistence(`netpol-live:${roomDocName(link.room, scope)}`, doc);
    c.caches.push(cache);
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomDocName(link.room, scope),
      document: doc,
      token: encodeToken(token),
      onSynced: () => {
        if (current !== c) return;
        synced++;
        if (synced >= 2 && !c.design) bind(c, false);
        updateConnection();
      },
      onAuthenticationFailed: ({ reason }) => {
        if (current !== c) return;
        refusedAtJoin(reason || REASONS.badToken);
      },
      onStateless: ({ payload }) => {
        const n = parseNotice(payload);
        if (n?.type === 'refused') {
          liveStore.setState({ refused: n.reason });
          notify(n.reason, 'error');
        }
      },
      onUnsyncedChanges: () => updateConnection(),
    });
    p.attach();
    c.providers.push(p);
    return { cache };
  };
  const d = make('design', designDoc);
  const r = make('review', reviewDoc);
  if (opts.seed) bind(c, true);
  // Offline start (reload without a connection): the cached room opens at once.
  void Promise.all([d.cache.whenSynced, r.cache.whenSynced]).then(() => {
    if (current === c && !c.design && hasDesign(designDoc)) bind(c, false);
  });
  let lostAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onStatus = ({ status }: { status: WebSocketStatus }) => {
    if (current !== c) return;
    if (status === WebSocketStatus.Disconnected && !lostAt) {
      lostAt = Date.now();
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (current === c && socket.status !== WebSocketStatus.Connected) liveStore.setState({ connection: 'offline' });
      }, OFFLINE_AFTER_MS);
    }
    if (status === WebSocketStatus.Connected) {
      lostAt = 0;
      if (timer) clearTimeout(timer);
    }
    updateConnection();
  };
  socket.on('status', onStatus);
  // The browser knows first when the network is gone: stop waiting for a dead socket.
  // What the browser last said through its online/offline events (navigator.onLine alone lags
  // behind them in Chromium's offline emulation, and a nudge then opens a socket that carries nothing).
  let browserOnline = navigator.onLine;
  const offline = () => {
    browserOnline = false;
    liveStore.setState({ connection: 'offline' });
    socket.disconnect();
  };
  const online = () => {
    browserOnline = true;
    liveStore.setState({ connection: 'reconnecting' });
    void socket.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  // The socket's own retry can stall when the network comes back mid-attempt (seen in Chromium:
  // "Offline · 2 pending changes" for more than 20 s after the network returned). While the
  // browser is online and the socket sits disconnected, start another attempt.
  const watchdog = setInterval(() => {
    if (current !== c || !browserOnline || !navigator.onLine || socket.status !== WebSocketStatus.Disconnected) return;
    if (liveStore.getState().connection === 'offline') liveStore.setState({ connection: 'reconnecting' });
    void socket.connect();
  }, RECONNECT_WATCHDOG_MS);
  c.cleanups.push(() => {
    clearInterval(watchdog);
    socket.off('status', onStatus);
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    if (timer) clearTimeout(timer);
  });
}

function refusedAtJoin(reason: string): void {
  const joined = !!current?.design;
  disconnect();
  clearFragment();
  if (!joined) {
    notify(`Could not join the live session: ${reason} Your own design is unchanged.`, 'error');
    return;
  }
  keepLocalCopy();
  notify(`The live session ended: ${reason} A local copy of the design is kept.`, 'error');
}

function disconnect(): void {
  const c = current;
  if (!c) return;
  current = null;
  for (const f of c.cleanups) f();
  c.presence?.stop();
  c.design?.destroy();
  c.review?.destroy();
  for (const p of c.providers) p.destroy();
  c.socket.destroy();
  for (const cache of c.caches) void cache.destroy();
  undoRouteStore.setState({ route: null, canUndo: false, canRedo: false });
  history.clear();
  if (readOnlyGate.reason === REVIEWER_REASON) readOnlyGate.reason = null;
  autosaveGate.suspended = false;
  liveStore.setState({ ...initialLive });
}

function clearFragment(): void {
  if (/(^#?|&)live=/.test(window.location.hash)) window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** The user's own autosave before they joined someone else's session, restorable after leaving. */
function backUpOwnDesign(): void {
  try {
    const own = localStorage.getItem(AUTOSAVE_KEY);
    if (own === null) return;
    localStorage.setItem(BACKUP_KEY, own);
    const ownReview = localStorage.getItem(REVIEW_AUTOSAVE_KEY);
    if (ownReview !== null) localStorage.setItem(REVIEW_BACKUP_KEY, ownReview);
    else localStorage.removeItem(REVIEW_BACKUP_KEY);
  } catch {
    // storage unavailable: nothing was saved to lose
  }
}

function keepLocalCopy(): void {
  const saved = writeAutosaves(docStore.getState().doc, reviewDocStore.getState().review);
  if (!saved) notify('The local copy could not be autosaved (browser storage full or disabled): save it to a file.', 'error');
}

/** Review → Start live session: the open design becomes a new room; returns the links. */
export async function startLiveSession(server: string | null = configuredServer()): Promise<{ editor: string; reviewer: string } | null> {
  if (!server) {
    notify('No collaboration server is configured: start the designer with `npm start` (or set VITE_COLLAB_URL).', 'error');
    return null;
  }
  if (readOnlyGate.reason) {
    notify('This design is read-only here: edit a copy first, then start a live session.', 'error');
    return null;
  }
  let created: Created;
  let link: SessionLink;
  try {
    const editorKey = randomSecret();
    const reviewerKey = randomSecret();
    created = { reviewerKey, editorKeyHash: await sha256Hex(editorKey), reviewerKeyHash: await sha256Hex(reviewerKey) };
    link = { room: randomSecret(), key: editorKey, role: 'editor', server };
  } catch (e) {
    notify(`Could not start a live session: ${e instanceof Error ? e.message : String(e)}`, 'error');
    return null;
  }
  try {
    localStorage.setItem(createdKey(link.room), JSON.stringify(created));
  } catch {
    // the reviewer link is still shown now; it just will not survive a reload
  }
  keepLocalCopy();
  connect(link, { create: created, seed: true });
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${sessionFragment(link)}`);
  return { editor: linkUrl(link), reviewer: linkUrl({ ...link, role: 'reviewer', key: created.reviewerKey }) };
}

/** Opens a live session link from the URL fragment. 'none' when the fragment holds none. */
export function joinFromFragment(hash: string = window.location.hash): 'joining' | 'failed' | 'none' {
  const link = parseSessionFragment(hash);
  if (link === null) return 'none';
  if (link === 'damaged') {
    clearFragment();
    notify(`Could not join the live session: ${REASONS.badToken} Your own design is unchanged.`, 'error');
    return 'failed';
  }
  if (current && current.link.room === link.room && current.link.key === link.key) return 'joining';
  const created = readCreated(link.room);
  if (!created) backUpOwnDesign();
  connect(link, { create: created, seed: false });
  return 'joining';
}

/** Leave: the session's design stays open as this browser's own design (autosaved). */
export function leaveLiveSession(): void {
  if (!current) return;
  const mine = !!readCreated(current.link.room);
  const joined = !!current.design;
  disconnect();
  clearFragment();
  if (joined) keepLocalCopy();
  let backup = false;
  try {
    backup = !mine && localStorage.getItem(BACKUP_KEY) !== null;
  } catch {
    backup = false;
  }
  if (backup) shareStore.setState({ backupOffer: true });
  notify('You left the live session. The design stays here as your own copy.');
}

/** Opening a live link in a tab that is already open only changes the fragment. */
export function installLiveLinkListener(): () => void {
  const onHash = () => {
    joinFromFragment(window.location.hash);
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
