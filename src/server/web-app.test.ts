import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config';
import { createTestDatabase } from '../db/test-db';
import { buildApp } from './app';
import { testConfig } from './test-support';
import { registerWebApp } from './web-app';

const SCRIPT = 'console.log("惠企");\n'.repeat(100);
const WORKSPACE = `<title>workspace</title>${'<div></div>'.repeat(100)}`;

/** A built web app in a temporary folder, with the compressed copies the build writes beside large files. */
function writeWebBuild(dir: string) {
  mkdirSync(join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': '<title>portal</title>',
    'app.html': WORKSPACE,
    'assets/main-abc123.js': SCRIPT,
    'robots.txt': 'User-agent: *',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  for (const name of ['app.html', 'assets/main-abc123.js']) {
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(files[name] ?? ''));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(files[name] ?? ''));
  }
}

async function webApp(dir: string, overrides: Partial<Config> = {}) {
  const db = await createTestDatabase();
  const app = await buildApp({ db, config: testConfig(overrides) });
  await registerWebApp(app, dir);
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

describe('serving the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-web-'));
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    writeWebBuild(dir);
    ({ app, close } = await webApp(dir));
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'portal'],
    ['/policies/some-page', 'portal'],
    ['/app', 'workspace'],
    ['/app/applications/42', 'workspace'],
  ])('%s serves the %s page with the strict CSP', async (url, page) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(page);
    expect(response.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('serves files and long-cached assets, and refuses paths outside the folder', async () => {
    expect((await app.inject({ url: '/robots.txt' })).body).toBe('User-agent: *');
    const asset = await app.inject({ url: '/assets/main-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const traversal = await app.inject({ url: '/assets/..%2f..%2fpackage.json' });
    expect(traversal.statusCode).toBe(404);
    expect(traversal.body).not.toContain('"name"');
  });

  it('sends the brotli copy when accepted, else the gzip copy, else the file itself', async () => {
    const url = '/assets/main-abc123.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends the pages compressed too, and small files without a copy as they are', async () => {
    const page = await app.inject({ url: '/app/dashboard', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(WORKSPACE);
    const robots = await app.inject({ url: '/robots.txt', headers: { 'accept-encoding': 'br' } });
    expect(robots.headers['content-encoding']).toBeUndefined();
    expect(robots.body).toBe('User-agent: *');
  });

  it('answers a refused page load with a page in the browser language, not JSON', async () => {
    const response = await app.inject({
      url: '/assets/missing.js',
      headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="en-US">');
    expect(response.body).toContain('There is nothing at this address.');
    expect(response.body).toContain('Reload');

    const chinese = await app.inject({ url: '/assets/missing.js', headers: { accept: 'text/html' } });
    expect(chinese.body).toContain('请求的地址不存在。');
  });

  it('keeps unknown API paths as JSON 404s, even for a browser', async () => {
    for (const accept of ['application/json', 'text/html']) {
      const response = await app.inject({ url: '/api/unknown', headers: { accept } });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });

  it('gives only the API docs the looser policy Swagger UI needs', async () => {
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).not.toBe(
      (await app.inject({ url: '/api/health' })).headers['content-security-policy'],
    );
  });
});

describe('the global rate limit and the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-web-limit-'));
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    writeWebBuild(dir);
    ({ app, close } = await webApp(dir, {
      rateLimit: { globalPerMinute: 3, loginPerMinute: 3, registrationsPerHour: 1000 },
    }));
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never counts pages and assets: they load after the API is limited', async () => {
    const api: number[] = [];
    for (let i = 0; i < 4; i++) api.push((await app.inject({ url: '/api/health' })).statusCode);
    expect(api).toEqual([200, 200, 200, 429]);
    for (const url of ['/app', '/assets/main-abc123.js', '/', '/robots.txt']) {
      for (let i = 0; i < 5; i++) expect((await app.inject({ url })).statusCode).toBe(200);
    }
  });
});
