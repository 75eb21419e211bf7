// bin/netpol.mjs builds the bundle on first use and rebuilds it when a source is newer, in a
// copy of the checkout (so the repository's own dist-cli/ is left alone).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, tempDir } from './test-harness.ts';

function checkoutCopy(): string {
  const dir = tempDir('netpol-checkout-');
  for (const part of ['bin', 'scripts', 'src', 'package.json']) {
    cpSync(join(repo, part), join(dir, part), { recursive: true, filter: (p) => !p.endsWith('.test.ts') });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const netpolIn = (dir: string, ...argv: string[]) =>
  spawnSync(process.execPath, [join(dir, 'bin', 'netpol.mjs'), ...argv], { cwd: dir, encoding: 'utf8' });

describe('bin/netpol.mjs in a source checkout', () => {
  it('builds dist-cli/netpol.mjs on first use, then reuses it', () => {
    const dir = checkoutCopy();
    const bundle = join(dir, 'dist-cli', 'netpol.mjs');
    expect(existsSync(bundle)).toBe(false);
    const first = netpolIn(dir, '--help');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Usage: netpol <command>');
    expect(existsSync(bundle)).toBe(true);
    // The bundle is plain JavaScript: no TypeScript loader at run time.
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/from ["']tsx/);
    const built = statSync(bundle).mtimeMs;
    expect(netpolIn(dir, '--help').status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(built);
  });

  it('rebuilds when a source file is newer than the bundle', () => {
    const dir = checkoutCopy();
    expect(netpolIn(dir, '--help').status).toBe(0);
    const usage = join(dir, 'src', 'cli', 'usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('Usage: netpol <command> [options]', 'Usage: netpol <command> [options] (rebuilt)'));
    const later = new Date(statSync(join(dir, 'dist-cli', 'netpol.mjs')).mtimeMs + 5000);
    utimesSync(usage, later, later);
    const r = netpolIn(dir, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: netpol <command> [options] (rebuilt)');
  });
});
