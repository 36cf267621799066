// Hostile and malformed input: each gets a 4xx with a code and a message in the caller's language, nothing is
// stored, and the server keeps serving.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { testUscc } from '../../db/test-factories';
import { Agent, buildUser, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from '../test-support';

const BODY_LIMIT = 4096;

describe('bad input', () => {
  let t: TestApp;
  let rowsBefore: number;

  async function rows(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM enterprises) + (SELECT count(*) FROM audit_events) AS n`,
    );
    return Number(row?.n);
  }

  function registration(overrides: Record<string, unknown> = {}) {
    return {
      uscc: testUscc(),
      enterpriseName: '广州示例科技有限公司',
      district: '天河区',
      username: `bad${Math.random().toString(36).slice(2, 8)}`,
      password: TEST_PASSWORD,
      displayName: '李四',
      sizeClass: 'small',
      ...overrides,
    };
  }

  async function raw(agent: Agent, payload: string, contentType = 'application/json', locale = 'en-US') {
    return agent.request({
      method: 'POST',
      url: '/api/auth/register',
      payload,
      headers: { 'content-type': contentType, 'accept-language': locale },
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ bodyLimitBytes: BODY_LIMIT });
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    rowsBefore = await rows();
  });

  async function expectNothingStoredAndAlive() {
    expect(await rows()).toBe(rowsBefore);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  }

  it.each([
    ['malformed JSON', '{"uscc": "91', 400, 'JSON_INVALID'],
    ['Infinity literal', '{"uscc": Infinity}', 400, 'JSON_INVALID'],
    ['prototype pollution', '{"__proto__": {"admin": true}}', 400, 'JSON_INVALID'],
  ])('%s → %s %s', async (_name, payload, status, code) => {
    const response = await raw(new Agent(t.app), payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });
    await expectNothingStoredAndAlive();
  });

  it('answers JSON_INVALID in Chinese by default', async () => {
    const response = await raw(new Agent(t.app), '{', 'application/json', 'fr-FR');
    expect(response.json().message).toBe('请求内容不是有效的 JSON。');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await raw(
      new Agent(t.app),
      JSON.stringify(registration({ displayName: 'x'.repeat(BODY_LIMIT) })),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('4096'),
    });
    await expectNothingStoredAndAlive();
  });

  it.each([
    ['multipart without a boundary', 'multipart/form-data'],
    ['form encoding', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain'],
  ])('refuses %s with 415', async (_name, contentType) => {
    const response = await raw(new Agent(t.app), 'a=b', contentType);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
    await expectNothingStoredAndAlive();
  });

  it.each([
    ['a wrong type', { username: 12345 }, 'username', 'FIELD_INVALID_TYPE'],
    ['an unknown field', { role: 'admin' }, '', 'FIELD_UNKNOWN'],
    [
      'a NUL character in a name',
      { enterpriseName: 'Evil\u0000Corp' },
      'enterpriseName',
      'TEXT_NUL_CHARACTER',
    ],
    ['a blank name', { displayName: '   ' }, 'displayName', 'TEXT_BLANK'],
    ['a huge number where text belongs', { district: 1e308 }, 'district', 'FIELD_INVALID_TYPE'],
  ])('refuses %s with VALIDATION_FAILED and a detail', async (_name, overrides, path, detailCode) => {
    const response = await raw(
      new Agent(t.app),
      JSON.stringify(registration(overrides)),
      'application/json',
      'zh-CN',
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('提交的内容有误，请检查标注的字段。');
    expect(body.details).toContainEqual(
      expect.objectContaining({ code: detailCode, message: expect.any(String), ...(path ? { path } : {}) }),
    );
    await expectNothingStoredAndAlive();
  });

  it('refuses 1e309 (parsed as Infinity) and "Infinity" where numbers belong', async () => {
    const staff = await signedIn(t, await buildUser(t, 'intake'));
    rowsBefore = await rows();
    for (const value of ['Infinity', '1e309', '-1', '1.5', '99999999999']) {
      const response = await staff.request({ url: `/api/enterprises?pageSize=${value}` });
      expect({ value, status: response.statusCode, code: response.json().code }).toEqual({
        value,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const body = await staff.request({
      method: 'PUT',
      url: '/api/me/locale',
      payload: '{"locale": 1e309}',
      headers: { 'content-type': 'application/json' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().code).toBe('VALIDATION_FAILED');
    const id = await staff.request({ url: '/api/enterprises/1%20OR%201=1' });
    expect(id.statusCode).toBe(400);
    await expectNothingStoredAndAlive();
  });

  it('stores SQL and HTML metacharacters as plain text and returns them unchanged', async () => {
    const name = `<script>alert("x")</script>'); DROP TABLE users; --`;
    const agent = new Agent(t.app);
    const response = await agent.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration({ enterpriseName: name, displayName: `O'Brien "<b>"` }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json().user).toMatchObject({ enterpriseName: name, displayName: `O'Brien "<b>"` });
    const me = await agent.request({ url: '/api/me/enterprise' });
    expect(me.json().name).toBe(name);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('never answers with the database text on an unexpected failure', async () => {
    const staff = await signedIn(t, await buildUser(t, 'evaluator'));
    await t.db.orm.execute(sql`ALTER TABLE audit_events RENAME TO audit_events_away`);
    try {
      const response = await staff.request({ url: '/api/audit/events' });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ code: 'INTERNAL' });
      expect(response.body).not.toMatch(/audit_events|relation|does not exist/);
    } finally {
      await t.db.orm.execute(sql`ALTER TABLE audit_events_away RENAME TO audit_events`);
    }
  });
});
