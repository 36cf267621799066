// Sessions and their cookies: sign-in and out, idle and absolute expiry, the signed session cookie, the CSRF
// token bound to the session, the request id, the language choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('signs in and out, and logout-all ends every session', async () => {
    const user = await buildUser(t, 'intake');
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
    const user = await buildUser(t, 'expert');
    const agent = await signedIn(t, user);
    t.clock.advance(t.config.sessionTtlHours * 3_600_000 + 1000);
    expect((await agent.request({ url: '/api/session' })).json().user).toBeNull();
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const user = await buildUser(t, 'expert');
    const agent = await signedIn(t, user);
    const step = (t.config.sessionTtlHours * 3_600_000) / 2;
    let elapsed = 0;
    while (elapsed + step < t.config.sessionAbsoluteHours * 3_600_000) {
      t.clock.advance(step);
      elapsed += step;
      expect((await agent.request({ url: '/api/session' })).json().user?.id).toBe(user.id);
    }
    t.clock.advance(step);
    expect((await agent.request({ url: '/api/session' })).json().user).toBeNull();
  });

  it('refuses a session cookie the server did not sign', async () => {
    const user = await buildUser(t, 'intake');
    const agent = await signedIn(t, user);
    const signed = agent.cookies.get('huiqi_session') ?? '';
    const token = signed.slice(0, signed.lastIndexOf('.'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    agent.cookies.set('huiqi_session', token);
    expect((await agent.request({ url: '/api/session' })).json().user).toBeNull();
    agent.cookies.set('huiqi_session', `${token}.forged`);
    expect((await agent.request({ url: '/api/session' })).json().user).toBeNull();
    agent.cookies.set('huiqi_session', signed);
    expect((await agent.request({ url: '/api/session' })).json().user.id).toBe(user.id);
  });

  it('binds the CSRF token to the session and rotates it at sign-in', async () => {
    const user = await buildUser(t, 'intake');
    const agent = new Agent(t.app);
    const before = (await agent.request({ url: '/api/session' })).json().csrfToken;
    await agent.signIn(user.username);
    const after = agent.cookies.get('huiqi_csrf');
    expect(after).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(after).not.toBe(before);
    expect((await agent.request({ url: '/api/session' })).json().csrfToken).toBe(after);

    // A token planted before sign-in (or taken from another session) no longer passes.
    const planted = await agent.request({
      method: 'PUT',
      url: '/api/me/locale',
      payload: { locale: 'en-US' },
      headers: { 'x-csrf-token': before },
      csrf: false,
    });
    expect(planted.json().code).toBe('CSRF_INVALID');
    agent.cookies.set('huiqi_csrf', before);
    const forgedCookie = await agent.request({
      method: 'PUT',
      url: '/api/me/locale',
      payload: { locale: 'en-US' },
    });
    expect(forgedCookie.json().code).toBe('CSRF_INVALID');
    // The refused request put the session's own token back in the cookie.
    expect(agent.cookies.get('huiqi_csrf')).toBe(after);
    const put = await agent.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'en-US' } });
    expect(put.statusCode).toBe(204);
  });

  it.each([
    ['trace-42', true],
    ['a:b.c_d-9', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['two words', false],
    ['line\u2028break', false],
    ['"quoted"', false],
    ['', false],
  ])('takes the client request id %j only when well formed (%s)', async (given, kept) => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': given } });
    const id = response.headers['x-request-id'];
    if (kept) expect(id).toBe(given);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
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

  it('stores the language choice and answers in it', async () => {
    const user = await buildUser(t, 'evaluator');
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
      const user = await buildUser(t, 'intake');
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
