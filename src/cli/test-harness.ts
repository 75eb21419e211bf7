// Shared by the CLI tests: run `netpol` in-process from the repository root, and make
// temporary directories that are removed after the test file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { run } from './run.ts';

export const repo = join(import.meta.dirname, '..', '..');

export async function netpol(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await run(argv, { cwd: repo, out: (c) => void (out += c), err: (l) => void err.push(l) });
  return { code, out, err };
}

// Registered when a test file imports the harness (collection time), so it runs for that file.
const temps: string[] = [];
afterAll(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
