// Browser tests in the system Chromium (no browser downloads) against a real server on a fresh data folder.
// The product must be built first (`npm run build`): the server runs its compiled JavaScript (dist/server), as
// production does, and serves dist/web.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// A port nobody holds, unless one is given: two runs on one machine (or a server left from the last run) never
// meet. Chosen once; the worker processes read it from the environment.
process.env.HUIQI_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
]).toString();
const port = Number(process.env.HUIQI_E2E_PORT);
// The config is evaluated again in the worker; the folder chosen first travels in the environment.
process.env.HUIQI_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'huiqi-e2e-'));
const dataDir = join(process.env.HUIQI_E2E_DIR, 'data');
mkdirSync(dataDir, { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: '*.setup.ts', use: { browserName: 'chromium' } },
    { name: 'chromium', dependencies: ['setup'], use: { browserName: 'chromium' } },
  ],
  webServer: {
    command: 'node bin/huiqi.mjs serve',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HUIQI_COMPILED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      HUIQI_DATA_DIR: dataDir,
      HUIQI_ARGON2_MEMORY_KIB: '1024',
      LOG_LEVEL: 'warn',
      // Every test signs in; the production limits would turn the suite into a rate-limit test.
      HUIQI_RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
      // CI runs the browser tests once more against a fresh database on a PostgreSQL server.
      ...(process.env.HUIQI_E2E_DATABASE_URL ? { DATABASE_URL: process.env.HUIQI_E2E_DATABASE_URL } : {}),
    },
  },
});
