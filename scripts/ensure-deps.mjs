#!/usr/bin/env node
// Installs what is missing before `npm start` / `npm test`, so a fresh clone needs no other step.
// - npm packages: when node_modules is absent or older than package-lock.json.
// - a Chromium for the browser tests (--browser): Debian's /usr/bin/chromium, or Playwright's own
//   browser where a user already has one; downloading browsers is not possible on our machines.
// - redis-server for the collaboration server's Redis-mode test (--browser, i.e. `npm test`):
//   Debian's package where apt-get may be used; without it that one test skips and says why.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const wantBrowser = process.argv.includes('--browser');
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

function depsStale() {
  if (!existsSync('node_modules/.package-lock.json')) return true;
  if (!existsSync('package-lock.json')) return false;
  return statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs + 1000;
}

if (depsStale()) {
  console.log('[setup] installing npm dependencies…');
  run(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function installRedis() {
  if (['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((p) => existsSync(p))) return;
  if (!existsSync('/usr/bin/apt-get')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  console.log('[setup] installing Debian redis-server for the collaboration server tests…');
  try {
    run(`${isRoot ? '' : 'sudo -n '}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server`);
  } catch {
    console.error('[setup] could not install redis-server with apt-get: the Redis-mode test will be skipped.');
  }
}

if (wantBrowser) installRedis();

if (wantBrowser) {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) process.exit(0);
  if (existsSync('/usr/bin/chromium')) process.exit(0);
  if (playwrightOwnChromium()) process.exit(0);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (hasApt) {
    console.log('[setup] installing Debian Chromium for the browser tests…');
    const sudo = isRoot ? '' : 'sudo ';
    try {
      run(`${sudo}apt-get update -qq`);
      run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation`);
    } catch {
      console.error('[setup] could not install chromium with apt-get.');
    }
  }
  if (!existsSync('/usr/bin/chromium') && !playwrightOwnChromium()) {
    console.error(
      '[setup] No Chromium found. Install one (Debian/Ubuntu: `apt-get install chromium`), ' +
        'set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium` where downloads are allowed.',
    );
    process.exit(1);
  }
}
