#!/usr/bin/env node
// Runs every suite (Vitest unit tests, Playwright browser tests) and ends with one plain line
// `N passed, N failed` over all of them, which CI reads. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let exitCode = 0;

function runSuite(label, cmd, args, reportPath, count) {
  rmSync(reportPath, { force: true });
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) exitCode = 1;
  if (!existsSync(reportPath)) {
    console.log(`[${label}] no report written (exit ${r.status}); counted as one failure`);
    failed += 1;
    exitCode = 1;
    return;
  }
  const [p, f] = count(JSON.parse(readFileSync(reportPath, 'utf8')));
  console.log(`[${label}] ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
  if (f > 0) exitCode = 1;
}

// Type-checking is a suite of its own: each layer has its own tsconfig, and the core's (no DOM,
// no Node typings) is what keeps it runnable in a browser, a worker and Node.
console.log('\n=== typecheck (tsc) ===');
for (const project of ['tsconfig.core.json', 'tsconfig.cli.json', 'tsconfig.app.json', 'tsconfig.node.json']) {
  const r = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit', env: process.env });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    exitCode = 1;
  }
  console.log(`[typecheck] ${project}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
}

runSuite('unit (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  'test-results/unit.json', (j) => [j.numPassedTests ?? 0, (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0)]);

runSuite('browser (playwright)', 'npx', ['playwright', 'test'], 'test-results/e2e.json', (j) => {
  const s = j.stats ?? {};
  return [(s.expected ?? 0) + (s.flaky ?? 0), (s.unexpected ?? 0) + (j.errors?.length ?? 0)];
});

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
