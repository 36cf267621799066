#!/usr/bin/env node
// `npm test`: every test tier in one command.
//   1. unit and integration tests (Vitest) — against PGlite, or against a PostgreSQL server when
//      HUIQI_TEST_DATABASE_URL is set (each test file then gets its own fresh database on that server);
//   2. browser tests (Playwright driving the system's Chromium) — skipped with a plain message when no Chromium
//      is installed, except under CI=true, where a missing browser is a failure.
// With HUIQI_TEST_SUMMARY=<file> it writes {"passed":N,"failed":N,"skipped":N} for the CI script to add up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'huiqi-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. Vitest
const vitestReport = join(work, 'vitest.json');
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  // Failed test files (one that does not load) and errors outside tests fail the run too.
  totals.failed += Math.max(vitest.numFailedTests, vitestStatus === 0 ? 0 : 1);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}
if (vitestStatus !== 0) exitCode = 1;

// 2. Playwright
if (existsSync(chromium)) {
  const buildStatus = run('npm', ['run', '--silent', 'build']);
  if (buildStatus !== 0) {
    totals.failed += 1;
    exitCode = 1;
  } else {
    const e2eReport = join(work, 'playwright.json');
    const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
    });
    const e2e = readJson(e2eReport);
    if (e2e?.stats) {
      totals.passed += e2e.stats.expected + e2e.stats.flaky;
      // A run that failed without a failing test (its server did not start, say) still counts as a failure.
      totals.failed += Math.max(e2e.stats.unexpected, e2eStatus === 0 ? 0 : 1);
      totals.skipped += e2e.stats.skipped;
    } else {
      totals.failed += 1;
    }
    if (e2eStatus !== 0) exitCode = 1;
  }
} else if (ci) {
  console.error(
    `\nBrowser tests cannot run: no Chromium at ${chromium}. Under CI a missing browser is a failure.`,
  );
  totals.failed += 1;
  exitCode = 1;
} else {
  console.log(
    `\nBrowser tests SKIPPED: no Chromium at ${chromium}.\n` +
      'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`) or point CHROMIUM_PATH at one, ' +
      'then run `npm test` again.',
  );
}

rmSync(work, { recursive: true, force: true });
if (process.env.HUIQI_TEST_SUMMARY) writeFileSync(process.env.HUIQI_TEST_SUMMARY, JSON.stringify(totals));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
