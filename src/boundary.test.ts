// The core must run in the browser, a Web Worker and Node alike: it may not import UI
// libraries, Node built-ins (outside src/cli) or the app. This scans every core file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '.');
const forbidden = [/^react/, /^zustand/, /^zundo/, /^@xyflow\//, /^node:/, /^(fs|path|os|child_process|url|util|crypto)$/, /\/app\//, /^\.\.\/\.\.\/app/];
// Whole identifiers only: `windowsOptions` (a PodSpec field) is not the `window` global.
const forbiddenGlobals = /\b(?:window|document|localStorage)\b|\bprocess\.|\brequire\(/;

function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'cli' || name === 'server' ? [] : coreFiles(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('core boundary', () => {
  it('has core files to check', () => {
    expect(coreFiles(root).length).toBeGreaterThan(0);
  });
  for (const file of coreFiles(root)) {
    it(`${relative(root, file)} imports only core modules and pure libraries`, () => {
      const text = readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
      for (const s of specs) expect(forbidden.some((re) => re.test(s)), `${s} in ${file}`).toBe(false);
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
      expect(code.match(forbiddenGlobals)?.[0] ?? null, `browser/Node global in ${file}`).toBeNull();
    });
  }
});
