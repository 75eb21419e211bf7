// Redis mode with a real redis-server (Debian package `redis-server`): two server processes'
// worth of Hocuspocus instances share one room. Skipped, with the reason, where it is absent.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join as pathJoin } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabServer, type CollabServer } from './collab-server.ts';
import { join, newRoomKeys, until, type Participant } from './node-client.ts';

const REDIS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
if (!REDIS) console.warn('[redis.test] redis-server is not installed (Debian: apt-get install redis-server): the Redis mode test is skipped.');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!REDIS)('collaboration server with REDIS_URL (real redis-server)', () => {
  let redis: ChildProcess;
  let url = '';
  const dir = mkdtempSync(pathJoin(tmpdir(), 'netpol-collab-redis-'));
  const servers: CollabServer[] = [];
  const people: Participant[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(REDIS as string, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('redis-server did not start')), 10000);
      redis.stdout?.on('data', (d: Buffer) => {
        if (/Ready to accept connections/i.test(d.toString())) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    url = `redis://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    people.forEach((p) => p.destroy());
    await Promise.all(servers.map((s) => s.close()));
    redis?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('an edit made through one server process reaches a participant connected to another', async () => {
    const a = await startCollabServer({ host: '127.0.0.1', port: 0, dataDir: dir, redisUrl: url, log: () => {} });
    const b = await startCollabServer({ host: '127.0.0.1', port: 0, dataDir: dir, redisUrl: url, log: () => {} });
    servers.push(a, b);
    const keys = newRoomKeys();
    const alice = join(a.url, keys, 'editor', { create: true });
    people.push(alice);
    await alice.synced;
    const bob = join(b.url, keys, 'editor');
    people.push(bob);
    await bob.synced;
    alice.designDoc.getMap('meta').set('name', 'via redis');
    await until(() => bob.designDoc.getMap('meta').get('name') === 'via redis', 5000, 'edit through redis');
    bob.reviewDoc.getMap('comments').set('t', 'reply');
    await until(() => alice.reviewDoc.getMap('comments').get('t') === 'reply', 5000, 'review edit through redis');
    expect(alice.designDoc.getMap('meta').get('name')).toBe('via redis');
  });
});
