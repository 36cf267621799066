import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support';

describe('system routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers health with the database kind and echoes the request id', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'req-123' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', db: t.db.kind });
    expect(response.headers['x-request-id']).toBe('req-123');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('sets a CSRF cookie and reports it with an anonymous session', async () => {
    const response = await t.app.inject({ url: '/api/session' });
    const csrf = response.cookies.find((c) => c.name === 'huiqi_csrf');
    expect(csrf?.sameSite).toBe('Strict');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(response.json()).toEqual({ user: null, csrfToken: csrf?.value });
  });

  it('serves the OpenAPI document and the docs UI', async () => {
    const doc = await t.app.inject({ url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const body = doc.json() as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toContain('/api/auth/login');
    const login = (body.paths['/api/auth/login'] as { post: { responses: Record<string, unknown> } }).post;
    expect(Object.keys(login.responses).sort()).toEqual(['200', '4XX', '5XX']);
    expect(JSON.stringify(login.responses['4XX'])).toContain('requestId');
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('names every operation with its own operationId, for clients generated from the document', async () => {
    const body = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operations = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method} ${path}`, id: op.operationId })),
    );
    expect(operations.filter((o) => o.id === undefined).map((o) => o.route)).toEqual([]);
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers an unknown path with NOT_FOUND in the requested language', async () => {
    const response = await t.app.inject({
      url: '/api/nothing-here',
      headers: { 'accept-language': 'en-US' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is nothing at this address.',
    });
  });
});
