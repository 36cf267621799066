// TOTP through the API: enrolment with a QR code, codes accepted once, the same throttle as sign-in at every
// endpoint that takes a code, and which roles must use it (with the development demo's exception).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, buildUser, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from '../test-support';
import { PAIR_THRESHOLD } from './login-throttle';
import { totpCode } from './totp';

async function enrol(t: TestApp, agent: Agent): Promise<{ secret: string; code: string }> {
  const setup = await agent.request({ method: 'POST', url: '/api/auth/totp/setup' });
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json();
  const code = totpCode(secret, t.clock.now());
  const enabled = await agent.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code } });
  expect(enabled.statusCode).toBe(204);
  return { secret, code };
}

describe('TOTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('enrols with a QR code and then requires the code at sign-in', async () => {
    const user = await buildUser(t, 'intake');
    const agent = await signedIn(t, user);
    const setup = await agent.request({ method: 'POST', url: '/api/auth/totp/setup' });
    const { secret, otpauthUrl, qrCode } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Huiqi:/);
    expect(qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
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
    t.clock.advance(30_000);
    const ok = await fresh.signIn(user.username, TEST_PASSWORD, totpCode(secret, t.clock.now()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
  });

  it('accepts each code once: at sign-in, and from enrolment to sign-in and disabling', async () => {
    const user = await buildUser(t, 'evaluator');
    const agent = await signedIn(t, user);
    const { secret, code } = await enrol(t, agent);
    // The code that enabled TOTP cannot sign in within its window.
    expect((await new Agent(t.app).signIn(user.username, TEST_PASSWORD, code)).json().code).toBe(
      'AUTH_TOTP_INVALID',
    );

    t.clock.advance(30_000);
    const next = totpCode(secret, t.clock.now());
    expect((await new Agent(t.app).signIn(user.username, TEST_PASSWORD, next)).statusCode).toBe(200);
    expect((await new Agent(t.app).signIn(user.username, TEST_PASSWORD, next)).json().code).toBe(
      'AUTH_TOTP_INVALID',
    );
    // A code from before the last one accepted (still inside the drift window) is refused too.
    expect((await new Agent(t.app).signIn(user.username, TEST_PASSWORD, code)).json().code).toBe(
      'AUTH_TOTP_INVALID',
    );
    const replayDisable = await agent.request({
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { code: next },
    });
    expect(replayDisable.json().code).toBe('AUTH_TOTP_INVALID');

    t.clock.advance(30_000);
    const disable = await agent.request({
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(disable.statusCode).toBe(204);
  });

  it('throttles wrong codes at enable and disable like sign-in', async () => {
    const user = await buildUser(t, 'expert');
    const agent = await signedIn(t, user);
    await agent.request({ method: 'POST', url: '/api/auth/totp/setup' });
    const statuses: number[] = [];
    for (let i = 0; i <= PAIR_THRESHOLD; i++) {
      const response = await agent.request({
        method: 'POST',
        url: '/api/auth/totp/enable',
        payload: { code: '000000' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(PAIR_THRESHOLD).fill(400), 429]);

    const holder = await buildUser(t, 'intake', { totp: true });
    const holderAgent = await signedIn(t, holder);
    for (let i = 0; i < PAIR_THRESHOLD; i++) {
      await holderAgent.request({
        method: 'POST',
        url: '/api/auth/totp/disable',
        payload: { code: '000000' },
      });
    }
    const refused = await holderAgent.request({
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { code: totpCode(holder.totpSecret ?? '', t.clock.now()) },
    });
    expect(refused.json().code).toBe('AUTH_THROTTLED');
  });

  it.each(['approver', 'finance', 'admin'] as const)(
    'holds a %s without TOTP at enrolment and never lets it switch TOTP off',
    async (role) => {
      const user = await buildUser(t, role, { totp: false });
      const agent = await signedIn(t, user);
      const programs = await agent.request({ url: '/api/programs' });
      expect(programs.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
      const { secret } = await enrol(t, agent);
      expect((await agent.request({ url: '/api/programs' })).statusCode).toBe(200);
      t.clock.advance(30_000);
      const code = totpCode(secret, t.clock.now());
      const disable = await agent.request({
        method: 'POST',
        url: '/api/auth/totp/disable',
        payload: { code },
      });
      expect(disable.json().code).toBe('TOTP_REQUIRED_FOR_ROLE');
    },
  );

  it('leaves other staff free to work without TOTP, and never offers it to enterprise users', async () => {
    const intake = await signedIn(t, await buildUser(t, 'intake'));
    expect((await intake.request({ url: '/api/programs' })).statusCode).toBe(200);
    const applicant = await signedIn(t, await buildUser(t, 'applicant'));
    expect((await applicant.request({ method: 'POST', url: '/api/auth/totp/setup' })).statusCode).toBe(403);
  });
});

describe('TOTP in the development demo', () => {
  it('lets a demo approver skip it, but only while the demo runs', async () => {
    for (const [demo, expected] of [
      [true, 200],
      [false, 403],
    ] as const) {
      const t = await createTestApp({ demo });
      try {
        const approver = await buildUser(t, 'approver', { totp: false });
        await t.db.executeSql('UPDATE users SET totp_optional_in_demo = true WHERE id = $1', [approver.id]);
        const agent = await signedIn(t, approver);
        expect((await agent.request({ url: '/api/programs' })).statusCode).toBe(expected);
        const admin = await signedIn(t, await buildUser(t, 'admin', { totp: false }));
        expect((await admin.request({ url: '/api/programs' })).statusCode).toBe(403);
      } finally {
        await t.close();
      }
    }
  });
});
