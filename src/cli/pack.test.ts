// `npm pack` gives a package that installs without the registry (it has no runtime
// dependencies: the bundle inlines js-yaml and the core) and runs `netpol analyze`.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, tempDir } from './test-harness.ts';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('npm pack', () => {
  it('installs offline into an empty project and runs netpol there', () => {
    const packs = tempDir('netpol-pack-');
    const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', packs], repo)) as { filename: string; files: { path: string }[] }[];
    const shipped = info.files.map((f) => f.path).sort();
    expect(shipped).toEqual(['README.md', 'bin/netpol.mjs', 'dist-cli/netpol.mjs', 'package.json']);

    const project = tempDir('netpol-install-');
    npm(['init', '-y'], project);
    npm(['install', '--offline', join(packs, info.filename)], project);
    // Nothing but the package itself: no tsx, TypeScript, React or browser came along.
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['netpol-designer']);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'netpol-designer', 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});

    cpSync(join(repo, 'samples', 'online-shop'), join(project, 'shop'), { recursive: true });
    const r = spawnSync('npx', ['--offline', 'netpol', 'analyze', 'shop', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { workloads: string[]; connections: { src: string; dst: string }[] };
    expect(doc.workloads).toContain('shop/frontend');
    expect(doc.connections).toContainEqual(expect.objectContaining({ src: 'shop/frontend', dst: 'shop/cart' }));
  }, 120_000);
});
