#!/usr/bin/env node
// `netpol` entry point: runs the bundled CLI (dist-cli/netpol.mjs) in this process. In a
// source checkout it first (re)builds the bundle when it is missing or older than any file
// that went into it (dist-cli/inputs.json), so `npm run -s netpol -- ...` works from a fresh
// clone; an installed package ships the bundle and never builds.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'netpol.mjs');
const builder = join(root, 'scripts', 'build-cli.mjs');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity; // gone: the input list is stale, so is the bundle
  }
}

function stale() {
  if (!existsSync(bundle)) return true;
  if (!existsSync(builder)) return false; // an installed package: the bundle is all there is
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist-cli', 'inputs.json'), 'utf8')).inputs;
  } catch {
    return true;
  }
  const built = mtime(bundle);
  return mtime(builder) > built || inputs.some((p) => mtime(join(root, p)) > built);
}

if (stale()) {
  if (!existsSync(builder)) {
    process.stderr.write(`netpol: ${bundle} is missing; reinstall the package\n`);
    process.exit(70);
  }
  const { buildCli } = await import(pathToFileURL(builder).href);
  try {
    await buildCli({ quiet: true });
  } catch (err) {
    const missing = err && err.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? "netpol: the CLI is not built and esbuild is not installed; run 'npm install' (or 'npm ci') first\n"
        : `netpol: building the CLI failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(70);
  }
}

await import(pathToFileURL(bundle).href);
