// `netpol` process shell: wires run() to process.argv, a buffered stdout that respects
// back-pressure (so 10,000-workload reports stream instead of piling up in memory) and stderr.

import { run } from './run.ts';
import type { CliIO } from './io.ts';

const FLUSH_AT = 64 * 1024;

function processIO(): CliIO & { flush(): Promise<void> } {
  let buffer = '';
  const drain = () => new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await drain();
  };
  return {
    cwd: process.cwd(),
    out(chunk) {
      buffer += chunk;
      if (buffer.length >= FLUSH_AT) return flush();
    },
    err(line) {
      process.stderr.write(line.endsWith('\n') ? line : line + '\n');
    },
    flush,
  };
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // `netpol analyze ... | head` closes the pipe early: not an error.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const io = processIO();
run(process.argv.slice(2), io)
  .then(async (code) => {
    await io.flush();
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`netpol: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 70;
  });
