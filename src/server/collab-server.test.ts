import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as pathJoin } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { roomDocName, REASONS } from '../collab/protocol.ts';
import { startCollabServer, type CollabServer } from './collab-server.ts';
import { join, newRoomKeys, until, type Participant } from './node-client.ts';

const dirs: string[] = [];
const open: Participant[] = [];
let servers: CollabServer[] = [];

function dataDir(): string {
  const d = mkdtempSync(pathJoin(tmpdir(), 'netpol-collab-'));
  dirs.push(d);
  return d;
}

async function server(dir = dataDir(), limits = {}): Promise<CollabServer> {
  const s = await startCollabServer({ host: '127.0.0.1', port: 0, dataDir: dir, limits, storeDebounceMs: 20, log: () => {} });
  servers.push(s);
  return s;
}

function participant(...args: Parameters<typeof join>): Participant {
  const p = join(...args);
  open.push(p);
  return p;
}

afterEach(async () => {
  open.splice(0).forEach((p) => p.destroy());
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('collaboration server', () => {
  it('syncs an edit between two editors and keeps it across a restart', async () => {
    const dir = dataDir();
    let s = await server(dir);
    const keys = newRoomKeys();
    const a = participant(s.url, keys, 'editor', { create: true });
    await a.synced;
    const b = participant(s.url, keys, 'editor');
    await b.synced;
    a.designDoc.getMap('meta').set('name', 'shop');
    await until(() => b.designDoc.getMap('meta').get('name') === 'shop');

    await s.close();
    servers = servers.filter((x) => x !== s);
    s = await server(dir);
    const c = participant(s.url, keys, 'editor');
    await c.synced;
    expect(c.designDoc.getMap('meta').get('name')).toBe('shop');
  });

  it('never creates a room from a reviewer link, nor from an editor link without the creation hashes', async () => {
    const s = await server();
    const keys = newRoomKeys();
    const r = participant(s.url, keys, 'reviewer');
    await expect(r.synced).rejects.toThrow(REASONS.noRoom);
    const e = participant(s.url, keys, 'editor');
    await expect(e.synced).rejects.toThrow(REASONS.noRoom);
  });

  it('refuses a wrong key', async () => {
    const s = await server();
    const keys = newRoomKeys();
    await participant(s.url, keys, 'editor', { create: true }).synced;
    const wrong = participant(s.url, { ...keys, reviewerKey: newRoomKeys().reviewerKey }, 'reviewer');
    await expect(wrong.synced).rejects.toThrow(REASONS.wrongKey);
  });

  it("refuses a reviewer's design edit and says why, but accepts their review edits", async () => {
    const s = await server();
    const keys = newRoomKeys();
    const ed = participant(s.url, keys, 'editor', { create: true });
    await ed.synced;
    const rv = participant(s.url, keys, 'reviewer');
    await rv.synced;
    rv.designDoc.getMap('meta').set('name', 'hacked');
    await until(() => rv.notices.some((n) => n.type === 'refused'), 3000, 'refusal');
    expect(rv.notices).toContainEqual({ type: 'refused', reason: REASONS.reviewerWrite });
    rv.reviewDoc.getMap('comments').set('t1', 'hello');
    await until(() => ed.reviewDoc.getMap('comments').get('t1') === 'hello');
    await new Promise((r) => setTimeout(r, 100));
    expect(ed.designDoc.getMap('meta').get('name')).toBeUndefined();
  });

  it('closes a raw WebSocket that sends a design update as a reviewer, and one that sends garbage, without harming the room', async () => {
    const s = await server();
    const keys = newRoomKeys();
    const ed = participant(s.url, keys, 'editor', { create: true });
    await ed.synced;
    ed.designDoc.getMap('meta').set('name', 'kept');

    const garbage = new WebSocket(s.url);
    await new Promise((r) => garbage.once('open', r));
    const closed = new Promise<number>((r) => garbage.once('close', (code) => r(code)));
    garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    expect(await closed).toBe(1008);

    // A hand-written client: authenticate as reviewer, then push an update to the design.
    const raw = new WebSocket(s.url);
    await new Promise((r) => raw.once('open', r));
    const name = roomDocName(keys.room, 'design');
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, name);
    encoding.writeVarUint(auth, 2); // Auth
    encoding.writeVarUint(auth, 0); // token
    encoding.writeVarString(auth, JSON.stringify({ role: 'reviewer', key: keys.reviewerKey }));
    raw.send(encoding.toUint8Array(auth));
    const forged = new Y.Doc();
    forged.getMap('meta').set('name', 'forged');
    const upd = encoding.createEncoder();
    encoding.writeVarString(upd, name);
    encoding.writeVarUint(upd, 0); // Sync
    encoding.writeVarUint(upd, 2); // update
    encoding.writeVarUint8Array(upd, Y.encodeStateAsUpdate(forged));
    const replies: Buffer[] = [];
    raw.on('message', (m: Buffer) => replies.push(m));
    await new Promise((r) => setTimeout(r, 100));
    raw.send(encoding.toUint8Array(upd));
    await until(() => replies.some((m) => m.toString('latin1').includes('Reviewers cannot edit')), 3000, 'refusal to the raw client');
    raw.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(ed.designDoc.getMap('meta').get('name')).toBe('kept');
    const late = participant(s.url, keys, 'editor');
    await late.synced;
    expect(late.designDoc.getMap('meta').get('name')).toBe('kept');
  });

  it('closes a connection that floods messages', async () => {
    const s = await server(undefined, { maxMessagesPerSecond: 5 });
    const ws = new WebSocket(s.url);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    const e = encoding.createEncoder();
    encoding.writeVarString(e, roomDocName(newRoomKeys().room, 'design'));
    encoding.writeVarUint(e, 1);
    for (let i = 0; i < 40; i++) ws.send(encoding.toUint8Array(e));
    expect(await closed).toBe(1008);
  });

  it('refuses a participant beyond the clients-per-room cap, and the room goes on for the others', async () => {
    const s = await server(undefined, { maxClientsPerRoom: 2 });
    const keys = newRoomKeys();
    const a = participant(s.url, keys, 'editor', { create: true });
    await a.synced;
    const b = participant(s.url, keys, 'editor');
    await b.synced;
    const c = participant(s.url, keys, 'reviewer');
    await expect(c.synced).rejects.toThrow(REASONS.roomFull);
    a.designDoc.getMap('meta').set('name', 'still here');
    await until(() => b.designDoc.getMap('meta').get('name') === 'still here', 3000, 'an edit after the refusal');
    expect(c.designDoc.getMap('meta').get('name')).toBeUndefined();
  });

  it('refuses a document beyond the size cap', async () => {
    const s = await server(undefined, { maxDocumentBytes: 4000 });
    const keys = newRoomKeys();
    const ed = participant(s.url, keys, 'editor', { create: true });
    await ed.synced;
    ed.designDoc.getMap('meta').set('blob', 'x'.repeat(8000));
    await until(() => ed.notices.some((n) => n.type === 'refused' && n.reason === REASONS.docTooLarge), 3000, 'size refusal');
  });
});
