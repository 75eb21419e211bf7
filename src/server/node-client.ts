// A Node client for the collaboration server (tests and `npm run bench:collab`): one WebSocket
// per participant carrying both documents of a room, as the browser does (app/collab).

import { createHash, randomBytes } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomDocName, encodeToken, parseNotice, secretFromBytes, type Role, type ServerNotice, type SessionToken } from '../collab/protocol.ts';

export const newSecret = () => secretFromBytes(new Uint8Array(randomBytes(16)));
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export interface RoomKeys {
  room: string;
  editorKey: string;
  reviewerKey: string;
}

export function newRoomKeys(): RoomKeys {
  return { room: newSecret(), editorKey: newSecret(), reviewerKey: newSecret() };
}

export interface Participant {
  socket: HocuspocusProviderWebsocket;
  design: HocuspocusProvider;
  review: HocuspocusProvider;
  designDoc: Y.Doc;
  reviewDoc: Y.Doc;
  notices: ServerNotice[];
  authFailures: string[];
  /** Resolves when both documents are synced. */
  synced: Promise<void>;
  destroy(): void;
}

export function join(url: string, keys: RoomKeys, role: Role, opts: { create?: boolean } = {}): Participant {
  const key = role === 'editor' ? keys.editorKey : keys.reviewerKey;
  const token: SessionToken = { role, key, ...(opts.create ? { create: { editorKeyHash: keyHash(keys.editorKey), reviewerKeyHash: keyHash(keys.reviewerKey) } } : {}) };
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 1000, factor: 1.5 });
  const notices: ServerNotice[] = [];
  const authFailures: string[] = [];
  const make = (scope: 'design' | 'review', doc: Y.Doc) => {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomDocName(keys.room, scope),
      document: doc,
      token: encodeToken(token),
      onSynced: () => resolve(),
      onAuthenticationFailed: ({ reason }) => {
        authFailures.push(reason);
        reject(new Error(reason));
      },
      onStateless: ({ payload }) => {
        const n = parseNotice(payload);
        if (n) notices.push(n);
      },
    });
    p.attach();
    return { p, ready };
  };
  const designDoc = new Y.Doc();
  const reviewDoc = new Y.Doc();
  const d = make('design', designDoc);
  const r = make('review', reviewDoc);
  return {
    socket, design: d.p, review: r.p, designDoc, reviewDoc, notices, authFailures,
    synced: Promise.all([d.ready, r.ready]).then(() => undefined),
    destroy() {
      d.p.destroy();
      r.p.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when `check()` is true, polling every 5 ms; rejects after `timeoutMs`. */
export function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - t0 > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 5);
    };
    tick();
  });
}
