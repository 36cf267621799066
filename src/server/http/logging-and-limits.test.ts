// Request logs carry request ids but never cookies, tokens, passwords or bodies; sign-in is rate limited
// more strictly than the rest of the API.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, buildUser, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from '../test-support';

function collectLines(): { lines: string[]; logStream: Writable } {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logStream };
}

describe('request logs', () => {
  it('record method, path, status and request id, and nothing secret', async () => {
    const { lines, logStream } = collectLines();
    const t = await createTestApp({ logLevel: 'info' }, { logStream });
    try {
      const agent = await signedIn(t, await buildUser(t, 'intake'));
      await agent.request({
        url: '/api/enterprises?q=%E5%BC%A0%E4%B8%89',
        headers: { 'x-request-id': 'trace-42' },
      });
      const log = lines.join('');
      expect(log).toContain('trace-42');
      expect(log).toContain('/api/enterprises');
      for (const secret of [
        TEST_PASSWORD,
        agent.cookies.get('huiqi_session'),
        agent.cookies.get('huiqi_csrf'),
      ]) {
        expect(secret && log.includes(secret)).toBe(false);
      }
      expect(log).not.toMatch(/cookie|%E5%BC%A0|张三|password/i);
    } finally {
      await t.close();
    }
  });

  it('write one line per request, when it completes', async () => {
    const { lines, logStream } = collectLines();
    const t = await createTestApp({ logLevel: 'info' }, { logStream });
    try {
      await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'one-line' } });
      const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'one-line');
      expect(mine).toEqual([
        expect.objectContaining({
          msg: 'request completed',
          req: { method: 'GET', url: '/api/health' },
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
        }),
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      rateLimit: { globalPerMinute: 1000, loginPerMinute: 3, registrationsPerHour: 1000 },
    });
  });
  afterAll(() => t?.close());

  it('answers the fourth sign-in within a minute with 429 RATE_LIMITED, then recovers', async () => {
    const agent = new Agent(t.app, 'en-US');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await agent.signIn('someone', 'wrong')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await agent.signIn('someone', 'wrong');
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/try again in \d+ seconds/),
    });
    expect((await agent.request({ url: '/api/health' })).statusCode).toBe(200);
  });
});
