// `npm run server -- --host H --port P --data DIR`: the collaboration server for live review
// sessions. Loopback only unless --host says otherwise; REDIS_URL shares rooms between processes.

import { parseArgs } from 'node:util';
import { startCollabServer } from './collab-server.ts';
import { DEFAULT_LIMITS } from './limits.ts';

const USAGE = `usage: npm run server -- [--host 127.0.0.1] [--port 4455] [--data ./collab-data]
  [--max-clients N] [--max-message-bytes N] [--max-document-bytes N] [--max-messages-per-second N]
environment: REDIS_URL=redis://host:6379 shares rooms with other server processes`;

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name}: expected a positive whole number, got '${v}'\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4455' },
        data: { type: 'string', default: './collab-data' },
        'max-clients': { type: 'string' },
        'max-message-bytes': { type: 'string' },
        'max-document-bytes': { type: 'string' },
        'max-messages-per-second': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected 0-65535, got '${values.port}'\n${USAGE}`);
    process.exit(2);
  }
  const server = await startCollabServer({
    host: values.host as string,
    port,
    dataDir: values.data as string,
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    limits: {
      maxClientsPerRoom: positive('max-clients', values['max-clients'], DEFAULT_LIMITS.maxClientsPerRoom),
      maxMessageBytes: positive('max-message-bytes', values['max-message-bytes'], DEFAULT_LIMITS.maxMessageBytes),
      maxDocumentBytes: positive('max-document-bytes', values['max-document-bytes'], DEFAULT_LIMITS.maxDocumentBytes),
      maxMessagesPerSecond: positive('max-messages-per-second', values['max-messages-per-second'], DEFAULT_LIMITS.maxMessagesPerSecond),
    },
  });
  const loopback = /^(127\.|::1$|localhost$)/.test(values.host as string);
  console.log(`[collab] listening on ${server.url} (data in ${values.data}${process.env.REDIS_URL ? ', rooms shared through Redis' : ''})`);
  if (!loopback) console.log('[collab] listening beyond loopback: put it behind a TLS reverse proxy (README, "Live review sessions")');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
