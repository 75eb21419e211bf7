#!/usr/bin/env node
// `npm run build:cli`: bundles src/cli (and the core it uses, js-yaml included) into one ES
// module, dist-cli/netpol.mjs, so `netpol` starts without compiling TypeScript and the packed
// package needs no runtime dependencies. dist-cli/inputs.json lists the source files that went
// in; bin/netpol.mjs rebuilds when one of them is newer than the bundle.
//
// Not under dist/: `vite build` empties dist/ for the web app.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(root, 'dist-cli');
export const OUT_FILE = join(OUT_DIR, 'netpol.mjs');
export const INPUTS_FILE = join(OUT_DIR, 'inputs.json');

/** Builds the bundle; files are written under temporary names and renamed, so concurrent builds are safe. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
    banner: { js: '// netpol command-line tool, bundled by scripts/build-cli.mjs from src/cli. Do not edit.' },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p)));
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(OUT_FILE + tmp, result.outputFiles[0].contents);
  writeFileSync(INPUTS_FILE + tmp, JSON.stringify({ inputs }, null, 1) + '\n');
  // Inputs first: a reader that sees the new bundle also sees its input list.
  renameSync(INPUTS_FILE + tmp, INPUTS_FILE);
  renameSync(OUT_FILE + tmp, OUT_FILE);
  if (!quiet) console.error(`[build:cli] ${relative(root, OUT_FILE)} (${(result.outputFiles[0].contents.length / 1024).toFixed(0)} kB, ${inputs.length} inputs) in ${Date.now() - started} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
