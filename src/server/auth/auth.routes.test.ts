import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import {
  Agent,
  createTestApp,
  createUser,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
  testUscc,
} from '../test-support';
import { totpCode } from './totp';

async function count(
  t: TestApp,
  table: 'users' | 'enterprises' | 'sessions' | 'audit_events',
): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.db.orm, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return rows[0]?.n ?? 0;
}

function registration(overrides: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    uscc: testUscc(),
    enterpriseName: '广州示例信息科技有限公司',
    district: '天河区',
    username: `ent${suffix}`,
    password: TEST_PASSWORD,
    displayName: '张经理',
    ...overrides,
  };
}

/** Changes the last character of a valid USCC to another charset character: the check digit is then wrong. */
function wrongCheckDigit(uscc: string): string {
  return uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0');
}

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('registers an enterprise, signs its user in and writes one audit event', async () => {
    const agent = new Agent(t.app);
    const eventsBefore = await count(t, 'audit_events');
    const body = registration();
    const response = await agent.request({ method: 'POST', url: '/api/auth/register', payload: body });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({
      username: body.username,
      role: 'applicant',
      enterpriseName: body.enterpriseName,
      totpRequired: false,
    });
    const session = response.cookies.find((c) => c.name === 'huiqi_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await agent.request({ url: '/api/session' });
    expect(me.json().user.username).toBe(body.username);
    expect(await count(t, 'audit_events')).toBe(eventsBefore + 1);

    const again = await new Agent(t.app).request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration({ uscc: body.uscc }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ENTERPRISE_EXISTS');
    const taken = await new Agent(t.app).request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration({ username: body.username }),
    });
    expect(taken.json().code).toBe('USERNAME_TAKEN');
  });

  it.each([
    ['zh-CN', '统一社会信用代码的校验位不正确，请核对后重新输入。'],
    [
      'en-US',
      'The check digit of the unified social credit code is wrong. Please check the code and type it again.',
    ],
  ])('refuses a wrong USCC check digit in %s without revealing the right one', async (locale, message) => {
    const usersBefore = await count(t, 'users');
    const uscc = wrongCheckDigit(testUscc());
    const response = await new Agent(t.app, locale).request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration({ uscc }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('USCC_INVALID');
    expect(body.details).toEqual([{ path: 'uscc', code: 'USCC_CHECK_DIGIT', message }]);
    expect(JSON.stringify(body)).not.toContain('expected');
    expect(await count(t, 'users')).toBe(usersBefore);
  });

  it('refuses weak passwords', async () => {
    const response = await new Agent(t.app).request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration({ password: 'aaaaaaaaaaaa' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PASSWORD_WEAK');
  });

  it('signs in and out, and logout-all ends every session', async () => {
    const user = await createUser(t, 'intake');
    const first = await signedIn(t, user);
    const second = await signedIn(t, user);
    expect((await first.request({ url: '/api/session' })).json().user.id).toBe(user.id);

    expect((await first.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await first.request({ url: '/api/session' })).json().user).toBeNull();
    expect((await second.request({ url: '/api/session' })).json().user.id).toBe(user.id);

    const third = await signedIn(t, user);
    expect((await third.request({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(204);
    expect((await second.request({ url: '/api/session' })).json().user).toBeNull();
  });

  it('expires idle sessions', async () => {
    const user = await createUser(t, 'expert');
    const agent = await signedIn(t, user);
    t.clock.advance(t.config.sessionTtlHours * 3_600_000 + 1000);
    expect((await agent.request({ url: '/api/session' })).json().user).toBeNull();
  });

  it('locks an account after five failures, the same way for unknown names', async () => {
    const user = await createUser(t, 'finance');
    const agent = new Agent(t.app, 'en-US');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await agent.signIn(user.username, 'wrong-password-1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await agent.signIn(user.username);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({
      code: 'AUTH_LOCKED',
      message: expect.stringContaining('15 minutes'),
    });

    const ghost: number[] = [];
    for (let i = 0; i < 6; i++)
      ghost.push((await agent.signIn('no-such-user', 'wrong-password-1')).statusCode);
    expect(ghost).toEqual([401, 401, 401, 401, 423, 423]);
    const unknown = await agent.signIn('another-ghost', 'x');
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');

    t.clock.advance(15 * 60_000);
    expect((await agent.signIn(user.username)).statusCode).toBe(200);
  });

  it('refuses unsafe requests without the CSRF header', async () => {
    const agent = new Agent(t.app, 'en-US');
    const response = await agent.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y' },
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CSRF_INVALID' });
  });

  it('enrols TOTP and then requires the code at sign-in', async () => {
    const user = await createUser(t, 'approver');
    const agent = await signedIn(t, user);
    const setup = await agent.request({ method: 'POST', url: '/api/auth/totp/setup' });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Huiqi%3A/);
    const wrong = await agent.request({
      method: 'POST',
      url: '/api/auth/totp/enable',
      payload: { code: '000000' },
    });
    expect(wrong.json().code).toBe('AUTH_TOTP_INVALID');
    const code = totpCode(secret, t.clock.now());
    expect(
      (await agent.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code } })).statusCode,
    ).toBe(204);

    const fresh = new Agent(t.app);
    expect((await fresh.signIn(user.username)).json().code).toBe('AUTH_TOTP_REQUIRED');
    expect((await fresh.signIn(user.username, TEST_PASSWORD, '123456')).json().code).toBe(
      'AUTH_TOTP_INVALID',
    );
    const ok = await fresh.signIn(user.username, TEST_PASSWORD, totpCode(secret, t.clock.now()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
  });

  it('lets an admin without TOTP in, but nowhere else until enrolled', async () => {
    const admin = await createUser(t, 'admin', { totp: false });
    const agent = await signedIn(t, admin);
    expect((await agent.request({ url: '/api/session' })).json().user.totpRequired).toBe(true);
    const users = await agent.request({ url: '/api/admin/users' });
    expect(users.statusCode).toBe(403);
    expect(users.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    const { secret } = (await agent.request({ method: 'POST', url: '/api/auth/totp/setup' })).json();
    const code = totpCode(secret, t.clock.now());
    await agent.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code } });
    expect((await agent.request({ url: '/api/admin/users' })).statusCode).toBe(200);
    const disable = await agent.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { code } });
    expect(disable.json().code).toBe('TOTP_REQUIRED_FOR_ROLE');
  });

  it('stores the language choice and answers in it', async () => {
    const user = await createUser(t, 'evaluator');
    const agent = await signedIn(t, user);
    const put = await agent.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'en-US' } });
    expect(put.statusCode).toBe(204);
    expect(agent.cookies.get('huiqi_locale')).toBe('en-US');
    expect((await agent.request({ url: '/api/session' })).json().user.locale).toBe('en-US');
    const denied = await agent.request({ url: '/api/admin/users' });
    expect(denied.json().message).toBe('You are not allowed to do this.');
  });
});

describe('cookies in production', () => {
  it('marks the session and CSRF cookies Secure and sends HSTS', async () => {
    const t = await createTestApp({ nodeEnv: 'production' });
    try {
      const user = await createUser(t, 'intake');
      const agent = new Agent(t.app);
      const response = await agent.signIn(user.username);
      const session = response.cookies.find((c) => c.name === 'huiqi_session');
      expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      const csrf = (await t.app.inject({ url: '/api/session' })).cookies.find((c) => c.name === 'huiqi_csrf');
      expect(csrf?.secure).toBe(true);
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await t.close();
    }
  });
});
