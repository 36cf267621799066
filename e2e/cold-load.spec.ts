// A crowd of cold browsers behind one address (a government office's NAT) must not be turned away: a cold
// workspace load fetches about twenty chunks, so this runs its own server with a real rate limit — the suite's
// shared server raises it — and loads the workspace in fresh browser contexts with empty caches. Then it shows
// the limit was really in play, whatever the machine's speed: the same address fetches the pages' assets more
// times than the limit allows and is never refused, while API calls past the limit are.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, type Response, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/accounts';
import { apiSignIn } from './support/api';

let port = 0;
let baseURL = '';
const LOADS = 12;
const PARALLEL = 3;
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

/** A port nobody holds now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
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

test('cold workspace loads from one address see no 429, assets come compressed and never count', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const api = await playwrightRequest.newContext({ baseURL });
  expect((await apiSignIn(api, 'intake', DEMO_PASSWORD)).ok()).toBe(true);
  const storageState = await api.storageState();
  await api.dispose();

  const limited: string[] = [];
  const uncompressed = new Set<string>();
  const compressed = new Set<string>();
  let apiRequests = 0;
  const coldLoad = async () => {
    const context = await browser.newContext({ baseURL, storageState, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('response', (response: Response) => {
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
  expect(limited, 'responses refused with 429').toEqual([]);
  expect([...uncompressed], 'assets sent without their compressed copy').toEqual([]);
  expect(compressed.size).toBeGreaterThan(10);
  expect(apiRequests, 'API calls of all the loads').toBeLessThan(GLOBAL_LIMIT);

  // The limit is in play: more asset fetches than it allows pass, and API calls past it are refused.
  const assets = [...compressed];
  const assetStatuses = await Promise.all(
    Array.from({ length: GLOBAL_LIMIT + 20 }, (_, i) =>
      fetch(`${baseURL}${assets[i % assets.length]}`).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    ),
  );
  expect(new Set(assetStatuses)).toEqual(new Set([200]));
  const apiStatuses: number[] = [];
  // Twice the limit and one: a window that ends during the loop cannot hide the refusal.
  for (let i = 0; i <= 2 * GLOBAL_LIMIT; i += 1) {
    const response = await fetch(`${baseURL}/api/session`);
    apiStatuses.push(response.status);
    await response.arrayBuffer();
    if (response.status === 429) break;
  }
  expect(apiStatuses.at(-1), 'an API call past the limit').toBe(429);
});
