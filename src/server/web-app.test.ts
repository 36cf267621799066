import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-db';
import { buildApp } from './app';
import { testConfig } from './test-support';
import { registerWebApp } from './web-app';

describe('serving the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-web-'));
  let app: Awaited<ReturnType<typeof buildApp>>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<title>portal</title>');
    writeFileSync(join(dir, 'app.html'), '<title>workspace</title>');
    writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    const db = await createTestDatabase();
    app = await buildApp({ db, config: testConfig() });
    await registerWebApp(app, dir);
    await app.ready();
    close = async () => {
      await app.close();
      await db.close();
    };
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

  it('keeps unknown API paths as JSON 404s', async () => {
    const response = await app.inject({ url: '/api/unknown' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('gives only the API docs the looser policy Swagger UI needs', async () => {
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).not.toBe(
      (await app.inject({ url: '/api/health' })).headers['content-security-policy'],
    );
  });
});
