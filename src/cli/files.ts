// Reads manifest files and directories (recursively: *.yaml, *.yml, *.json) in a stable order.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ManifestFile } from '../k8s/import.ts';
import { UsageError } from './args.ts';

const MANIFEST = /\.(ya?ml|json)$/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (MANIFEST.test(name)) out.push(p);
  }
}

/** Paths named on the command line, expanded; a missing path is a UsageError. */
export function manifestPaths(args: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    const p = resolve(cwd, a);
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or directory: ${a}`);
    }
    if (st.isDirectory()) {
      const before = out.length;
      walk(p, out);
      if (out.length === before) throw new UsageError(`no .yaml, .yml or .json files in directory: ${a}`);
    } else out.push(p);
  }
  return out;
}

export function readManifests(args: readonly string[], cwd: string): ManifestFile[] {
  return manifestPaths(args, cwd).map((p) => {
    const rel = relative(cwd, p);
    return { name: rel.startsWith('..') ? p : rel, text: readFileSync(p, 'utf8') };
  });
}
