// The collaboration server: Hocuspocus 3 (Yjs over WebSocket) with our rooms, roles and limits,
// persisted in SQLite, optionally sharing rooms with other processes through Redis. A thin shell:
// sync, awareness, persistence debouncing and Redis fan-out are the library's; this file decides
// who may connect, who may write, and what is too much.

import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { parseRoomDocName, parseToken, REASONS, type Role, type ServerNotice } from '../collab/protocol.ts';
import { DEFAULT_LIMITS, RateLimiter, type Limits } from './limits.ts';
import { RoomStore } from './room-store.ts';

export interface CollabServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Directory of the SQLite file. */
  dataDir: string;
  /** redis://[user:password@]host:port — share rooms with other server processes. */
  redisUrl?: string;
  limits?: Partial<Limits>;
  /** Milliseconds before a changed document is written (the library debounces). */
  storeDebounceMs?: number;
  log?: (line: string) => void;
}

export interface CollabServer {
  port: number;
  host: string;
  url: string;
  hocuspocus: Hocuspocus;
  /** Writes every open document, closes all connections, stops listening. */
  close(): Promise<void>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

const refuse = (reason: string) => ({ reason });

/** Sync message sub-types (y-protocols): 0 step 1 (a state vector), 1 step 2, 2 update. */
function syncKind(message: Uint8Array): { name: string; type: number; sub?: number; payload?: Uint8Array } | null {
  try {
    const d = decoding.createDecoder(message);
    const name = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== 0) return { name, type };
    const sub = decoding.readVarUint(d);
    const payload = sub === 1 || sub === 2 ? decoding.readVarUint8Array(d) : undefined;
    return { name, type, sub, ...(payload ? { payload } : {}) };
  } catch {
    return null;
  }
}

export function parseRedisUrl(url: string): { host: string; port: number; options: { password?: string; username?: string; db?: number } } {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`REDIS_URL must start with redis:// (got ${u.protocol})`);
  const options: { password?: string; username?: string; db?: number } = {};
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.username) options.username = decodeURIComponent(u.username);
  const db = u.pathname.replace(/^\//, '');
  if (db) options.db = Number(db);
  return { host: u.hostname, port: Number(u.port || 6379), options };
}

export async function startCollabServer(opts: CollabServerOptions): Promise<CollabServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const log = opts.log ?? ((line: string) => console.log(line));
  const rooms = new RoomStore(opts.dataDir);
  /** Approximate encoded size per open document: its stored state plus every update since. */
  const sizes = new Map<string, number>();

  const notify = (conn: { sendStateless(payload: string): void }, n: ServerNotice) => conn.sendStateless(JSON.stringify(n));

  const roomsAndRoles: Extension = {
    extensionName: 'netpol-rooms',
    // Runs before onAuthenticate: refuse a full room before doing any work for it.
    async onConnect({ documentName, instance }) {
      const doc = instance.documents.get(documentName);
      if (doc && doc.getConnectionsCount() >= limits.maxClientsPerRoom) throw refuse(REASONS.roomFull);
    },
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const target = parseRoomDocName(documentName);
      const t = parseToken(token);
      if (!target || !t) throw refuse(REASONS.badToken);
      let room = rooms.room(target.room);
      if (!room) {
        // Only the editor who starts the session creates its room, with the hashes of both keys.
        // A reviewer link (or an editor link without `create`) never creates one.
        if (t.role !== 'editor' || !t.create || !sameHash(sha256(t.key), t.create.editorKeyHash)) throw refuse(REASONS.noRoom);
        room = rooms.createRoom(target.room, t.create.editorKeyHash, t.create.reviewerKeyHash);
        log(`room ${target.room.slice(0, 6)}… created`);
      }
      const expected = t.role === 'editor' ? room.editorKeyHash : room.reviewerKeyHash;
      if (!sameHash(sha256(t.key), expected)) throw refuse(REASONS.wrongKey);
      // Reviewers read the design and write the review (comments, decisions).
      if (t.role === 'reviewer' && target.scope === 'design') connectionConfig.readOnly = true;
      return { role: t.role as Role, room: target.room };
    },
    async connected({ connection, context }) {
      notify(connection, { type: 'role', role: (context as { role: Role }).role });
    },
    async afterLoadDocument({ documentName, document }) {
      sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
    },
    async beforeHandleMessage({ update, connection, documentName, document }) {
      const m = syncKind(update);
      if (!m) throw refuse(REASONS.badToken);
      if (m.type !== 0 || (m.sub !== 1 && m.sub !== 2) || !m.payload) return;
      if (connection.readOnly) {
        // The library refuses the write; we say why (a step 2 of nothing new is not a write).
        if (m.sub === 2 || !Y.snapshotContainsUpdate(Y.snapshot(document), m.payload)) notify(connection, { type: 'refused', reason: REASONS.reviewerWrite });
        return;
      }
      const size = (sizes.get(documentName) ?? 0) + m.payload.length;
      if (size > limits.maxDocumentBytes) {
        notify(connection, { type: 'refused', reason: REASONS.docTooLarge });
        throw refuse(REASONS.docTooLarge);
      }
      sizes.set(documentName, size);
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };

  const extensions: Extension[] = [
    roomsAndRoles,
    new Database({
      fetch: async ({ documentName }) => rooms.loadDocument(documentName),
      store: async ({ documentName, state }) => rooms.storeDocument(documentName, state),
    }),
  ];
  if (opts.redisUrl) {
    const r = parseRedisUrl(opts.redisUrl);
    // disableClientInfo: ioredis 5.8 sends CLIENT SETINFO on the subscriber connection otherwise (redis/ioredis#2037).
    extensions.push(new Redis({ host: r.host, port: r.port, options: { ...r.options, disableClientInfo: true }, prefix: 'netpol-collab' }));
  }

  const hocuspocus = new Hocuspocus({
    name: 'netpol-collab',
    quiet: true,
    debounce: opts.storeDebounceMs ?? 250,
    maxDebounce: 2000,
    extensions,
  });

  const http: HttpServer = createServer((req, res) => {
    // A health check for reverse proxies; no document data over plain HTTP.
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(req.url === '/healthz' ? 'ok\n' : 'NetPol Designer collaboration server: connect with WebSocket\n');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  http.on('upgrade', (request: IncomingMessage, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
  });

  function accept(ws: WebSocket, request: IncomingMessage): void {
    const rate = new RateLimiter(limits.maxMessagesPerSecond);
    const names = new Set<string>();
    ws.on('error', () => ws.terminate());
    // Registered before the library's own listener: a violation ends the socket at once.
    ws.on('message', (data: Buffer) => {
      if (!rate.hit()) {
        ws.close(1008, REASONS.tooFast);
        ws.terminate();
        return;
      }
      const m = syncKind(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!m || !parseRoomDocName(m.name)) {
        ws.close(1008, 'malformed message');
        ws.terminate();
        return;
      }
      names.add(m.name);
      if (names.size > limits.maxDocumentsPerSocket) {
        ws.close(1008, 'too many documents on one connection');
        ws.terminate();
      }
    });
    hocuspocus.handleConnection(ws, request);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `ws://${hostForUrl}:${address.port}`;

  let closed = false;
  return {
    port: address.port,
    host: address.address,
    url,
    hocuspocus,
    async close() {
      if (closed) return;
      closed = true;
      // Write every open document now (the debounced store may not have run yet).
      for (const [name, doc] of hocuspocus.documents) rooms.storeDocument(name, Y.encodeStateAsUpdate(doc));
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      rooms.close();
    },
  };
}
