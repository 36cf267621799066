// The security headers: computed once from helmet's own middleware, set on every answer (a page, a JSON answer,
// an error), with HSTS only in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../test-support';
import { securityHeaders } from './security';

const EXPECTED = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('are helmet’s set for our options, with HSTS only in production', () => {
    const development = securityHeaders(testConfig());
    expect(Object.keys(development).sort()).toEqual(EXPECTED);
    expect(development['x-frame-options']).toBe('DENY');
    expect(development['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(development['content-security-policy']).toContain("frame-ancestors 'none'");
    const production = securityHeaders(testConfig({ nodeEnv: 'production' }));
    expect(production['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it.each([
    ['a JSON answer', '/api/health', 200],
    ['an authorization error', '/api/programs', 401],
    ['an unknown API path', '/api/unknown', 404],
  ])('are on %s', async (_what, url, status) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(status);
    for (const [name, value] of Object.entries(securityHeaders(t.config))) {
      expect(response.headers[name], name).toBe(value);
    }
  });
});
