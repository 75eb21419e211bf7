#!/usr/bin/env node
// `npm start`: the designer (Vite dev server) and a collaboration server for live review
// sessions, both on loopback. The designer learns the server's address from VITE_COLLAB_URL;
// nothing is sent anywhere else. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort(preferred) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => {
      const t = createServer();
      t.listen(0, '127.0.0.1', () => {
        const { port } = t.address();
        t.close(() => resolve(port));
      });
    });
    s.listen(preferred, '127.0.0.1', () => s.close(() => resolve(preferred)));
  });
}

const collabPort = Number(process.env.COLLAB_PORT) || (await freePort(4455));
const collabUrl = `ws://127.0.0.1:${collabPort}`;
const children = [];
const start = (cmd, args, env = {}) => {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    for (const c of children) if (c !== child && c.exitCode === null) c.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  return child;
};

start(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(collabPort), '--data', process.env.COLLAB_DATA ?? '.collab-data']);
start('npx', ['vite', '--host', '127.0.0.1', '--open'], { VITE_COLLAB_URL: collabUrl });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => children.forEach((c) => c.kill('SIGTERM')));
