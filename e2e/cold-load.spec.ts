// A crowd of cold browsers behind one address (a government office's NAT) must not be turned away: a cold
// workspace load fetches about twenty chunks, so this runs its own server with a real rate limit — the suite's
// shared server raises it — and loads the workspace thirty times, each time in a fresh browser context with an
// empty cache. The limit is a third of the production default so that the proof holds on a slow machine too:
// thirty loads' API calls stay well under it, while their pages and assets pass it within the first minute.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, type Response, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/accounts';
import { apiSignIn } from './support/api';

const port = Number(process.env.HUIQI_E2E_COLD_PORT ?? 3901);
const baseURL = `http://127.0.0.1:${port}`;
const LOADS = 30;
const PARALLEL = 3;
const WINDOW_MS = 60_000;
/** HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE of this server (the production default is 600, src/config.ts). */
const GLOBAL_LIMIT = 200;

let server: ChildProcess | undefined;
let dataDir = '';
let serverErrors = '';

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the server exited: ${serverErrors}`);
    const healthy = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not start: ${serverErrors}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'huiqi-cold-'));
  const env = { ...process.env };
  delete env.HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE;
  delete env.HUIQI_RATE_LIMIT_LOGIN_PER_MINUTE;
  delete env.DATABASE_URL;
  server = spawn('node', ['bin/huiqi.mjs', 'serve'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HUIQI_DATA_DIR: dataDir,
      HUIQI_ARGON2_MEMORY_KIB: '1024',
      HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE: String(GLOBAL_LIMIT),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverErrors += chunk.toString();
  });
  await waitForHealth(Date.now() + 170_000);
});

test.afterAll(async () => {
  const running = server;
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('thirty cold workspace loads from one address see no 429, and assets come compressed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const api = await playwrightRequest.newContext({ baseURL });
  expect((await apiSignIn(api, 'intake', DEMO_PASSWORD)).ok()).toBe(true);
  const storageState = await api.storageState();
  await api.dispose();

  const limited: string[] = [];
  const uncompressed = new Set<string>();
  const compressed = new Set<string>();
  const requestTimes: number[] = [];
  let apiRequests = 0;
  const coldLoad = async () => {
    const context = await browser.newContext({ baseURL, storageState, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('response', (response: Response) => {
      requestTimes.push(Date.now());
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/')) apiRequests += 1;
      if (response.status() === 429) limited.push(url.pathname);
      const encoding = response.headers()['content-encoding'];
      if (!url.pathname.startsWith('/assets/')) return;
      if (encoding === 'br' || encoding === 'gzip') compressed.add(url.pathname);
      // The build writes a compressed copy of every file past 1 KiB; smaller ones go as they are.
      else if (existsSync(join('dist/web', `${url.pathname}.gz`))) uncompressed.add(url.pathname);
    });
    await page.goto('/app/');
    await expect(page.getByTestId('current-user')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  };
  // A few at a time, as in an office where several people open the workspace at once.
  for (let i = 0; i < LOADS; i += PARALLEL) {
    await Promise.all(Array.from({ length: PARALLEL }, coldLoad));
  }
  const first = Math.min(...requestTimes);
  const inFirstWindow = requestTimes.filter((time) => time - first < WINDOW_MS).length;

  expect(limited, 'responses refused with 429').toEqual([]);
  expect([...uncompressed], 'assets sent without their compressed copy').toEqual([]);
  expect(compressed.size).toBeGreaterThan(10);
  // Proof that the limit was really in play: one window saw more requests than it allows, and what did not
  // count towards it were the pages and assets, not API calls.
  expect(inFirstWindow, 'requests within the first rate-limit window').toBeGreaterThan(GLOBAL_LIMIT);
  expect(apiRequests, 'API calls of all the loads').toBeLessThan(GLOBAL_LIMIT);
});
