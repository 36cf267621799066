// User administration through the API: creation, re-enabling, role changes and password resets, each by an
// administrator on another account only, each with its audit event in the same transaction; the
// password a creation or a reset sets is temporary, and the user reaches nothing but the change of password
// until they choose their own, under the registration's password rules.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { buildEnterprise } from '../../db/test-factories';
import { ACCOUNT_THRESHOLD, PAIR_THRESHOLD } from '../auth/login-throttle';
import {
  Agent,
  buildUser,
  createTestApp,
  failAfterAuditWrite,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../test-support';

describe('user administration', () => {
  let t: TestApp;
  let admin: TestUser;
  let adminAgent: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, 'admin');
    adminAgent = await signedIn(t, admin);
  });
  afterAll(() => t?.close());

  async function events(action: string, entityId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action} AND entity_id = ${entityId}`,
    );
    return row?.n ?? 0;
  }

  const post = (agent: Agent, url: string, payload?: object) =>
    agent.request({ method: 'POST', url, ...(payload ? { payload } : {}) });

  async function listed(id: string) {
    const list = (await adminAgent.request({ url: '/api/admin/users' })).json();
    return list.items.find((u: { id: string }) => u.id === id);
  }

  describe('creating a user', () => {
    it('makes the password the administrator typed temporary: the user must choose their own at first sign-in', async () => {
      const created = await post(adminAgent, '/api/admin/users', {
        username: 'typed.initial',
        displayName: '新受理员',
        role: 'intake',
        password: 'Typed-By-Admin-42',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().user.mustChangePassword).toBe(true);
      const agent = new Agent(t.app);
      const signIn = await agent.signIn('typed.initial', 'Typed-By-Admin-42');
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user.mustChangePassword).toBe(true);
      expect((await agent.request({ url: '/api/programs' })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await agent.request({
        method: 'PUT',
        url: '/api/me/password',
        payload: { currentPassword: 'Typed-By-Admin-42', newPassword: 'My-Own-Password-77' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await agent.request({ url: '/api/programs' })).statusCode).toBe(200);
    });
  });

  describe('re-enabling', () => {
    it('lets a disabled user sign in again, with one audit event; enabling an active user changes nothing', async () => {
      const user = await buildUser(t, 'intake');
      expect((await post(adminAgent, `/api/admin/users/${user.id}/disable`)).statusCode).toBe(204);
      expect((await new Agent(t.app).signIn(user.username)).json().code).toBe('AUTH_INVALID_CREDENTIALS');

      expect((await post(adminAgent, `/api/admin/users/${user.id}/enable`)).statusCode).toBe(204);
      expect(await events('user.enabled', user.id)).toBe(1);
      expect(await listed(user.id)).toMatchObject({ disabled: false });
      expect((await new Agent(t.app).signIn(user.username)).statusCode).toBe(200);

      expect((await post(adminAgent, `/api/admin/users/${user.id}/enable`)).statusCode).toBe(204);
      expect(await events('user.enabled', user.id)).toBe(1);
    });

    it('keeps the user disabled when the transaction fails after its audit write', async () => {
      const user = await buildUser(t, 'expert');
      await post(adminAgent, `/api/admin/users/${user.id}/disable`);
      const failed = await failAfterAuditWrite(t, () =>
        post(adminAgent, `/api/admin/users/${user.id}/enable`),
      );
      expect(failed.statusCode).toBe(500);
      expect(await listed(user.id)).toMatchObject({ disabled: true });
      expect(await events('user.enabled', user.id)).toBe(0);
    });
  });

  describe('the administrator’s own account', () => {
    it('cannot be disabled, demoted, reset, enabled or unlocked by itself', async () => {
      const own = (action: string) => `/api/admin/users/${admin.id}/${action}`;
      expect((await post(adminAgent, own('disable'))).json().code).toBe('CANNOT_DISABLE_SELF');
      const demote = await adminAgent.request({
        method: 'PUT',
        url: own('role'),
        payload: { role: 'intake' },
      });
      expect({ status: demote.statusCode, code: demote.json().code }).toEqual({
        status: 409,
        code: 'CANNOT_CHANGE_OWN_ROLE',
      });
      expect((await post(adminAgent, own('reset-password'), {})).json().code).toBe(
        'CANNOT_RESET_OWN_PASSWORD',
      );
      expect((await post(adminAgent, own('enable'))).json().code).toBe('CANNOT_MANAGE_SELF');
      expect((await post(adminAgent, own('unlock'))).json().code).toBe('CANNOT_MANAGE_SELF');
      expect(await listed(admin.id)).toMatchObject({
        role: 'admin',
        disabled: false,
        mustChangePassword: false,
      });
      for (const action of ['user.disabled', 'user.role_changed', 'user.password_reset'])
        expect(await events(action, admin.id)).toBe(0);
    });
  });

  describe('role changes', () => {
    it('changes a staff role with before and after in one audit event; the new role holds at the next request', async () => {
      const user = await buildUser(t, 'expert');
      const agent = await signedIn(t, user);
      expect((await agent.request({ url: '/api/audit/events' })).statusCode).toBe(403);

      const changed = await adminAgent.request({
        method: 'PUT',
        url: `/api/admin/users/${user.id}/role`,
        payload: { role: 'evaluator' },
      });
      expect(changed.statusCode).toBe(204);
      const [event] = await queryRows<{ before: unknown; after: unknown; actor_id: string }>(
        t.db.orm,
        sql`SELECT before, after, actor_id FROM audit_events
            WHERE action = 'user.role_changed' AND entity_id = ${user.id}`,
      );
      expect(event).toEqual({ before: { role: 'expert' }, after: { role: 'evaluator' }, actor_id: admin.id });
      expect((await agent.request({ url: '/api/audit/events' })).statusCode).toBe(200);

      // The same role again: nothing to record.
      await adminAgent.request({
        method: 'PUT',
        url: `/api/admin/users/${user.id}/role`,
        payload: { role: 'evaluator' },
      });
      expect(await events('user.role_changed', user.id)).toBe(1);
    });

    it('refuses to turn an enterprise user into staff or staff into an enterprise user', async () => {
      const applicant = await buildUser(t, 'applicant', { enterpriseId: (await buildEnterprise(t.db)).id });
      const staff = await buildUser(t, 'intake');
      for (const [id, role] of [
        [applicant.id, 'intake'],
        [staff.id, 'applicant'],
      ] as const) {
        const refused = await adminAgent.request({
          method: 'PUT',
          url: `/api/admin/users/${id}/role`,
          payload: { role },
        });
        expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
          status: 409,
          code: 'ROLE_CHANGE_APPLICANT',
        });
      }
    });

    it('answers 404 for an unknown user and 400 for an unknown role', async () => {
      const unknown = await adminAgent.request({
        method: 'PUT',
        url: '/api/admin/users/00000000-0000-4000-8000-000000000000/role',
        payload: { role: 'intake' },
      });
      expect(unknown.json().code).toBe('USER_NOT_FOUND');
      const user = await buildUser(t, 'intake');
      const bad = await adminAgent.request({
        method: 'PUT',
        url: `/api/admin/users/${user.id}/role`,
        payload: { role: 'root' },
      });
      expect(bad.statusCode).toBe(400);
    });

    it('is refused to every other role', async () => {
      const target = await buildUser(t, 'intake');
      for (const role of ['applicant', 'intake', 'expert', 'approver', 'finance', 'evaluator'] as const) {
        const agent = await signedIn(t, await buildUser(t, role));
        const refused = await agent.request({
          method: 'PUT',
          url: `/api/admin/users/${target.id}/role`,
          payload: { role: 'admin' },
        });
        expect({ role, status: refused.statusCode }).toEqual({ role, status: 403 });
        const reset = await post(agent, `/api/admin/users/${target.id}/reset-password`, {});
        expect({ role, status: reset.statusCode }).toEqual({ role, status: 403 });
      }
      expect(await events('user.role_changed', target.id)).toBe(0);
      expect(await events('user.password_reset', target.id)).toBe(0);
    });
  });

  describe('password resets', () => {
    it('makes a temporary password, answered once, ends the user’s sessions and writes one audit event', async () => {
      const user = await buildUser(t, 'intake');
      const old = await signedIn(t, user);
      const reset = await post(adminAgent, `/api/admin/users/${user.id}/reset-password`, {});
      expect(reset.statusCode).toBe(200);
      const { temporaryPassword } = reset.json();
      expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
      expect(await events('user.password_reset', user.id)).toBe(1);
      const [event] = await queryRows<{ after: unknown }>(
        t.db.orm,
        sql`SELECT after FROM audit_events WHERE action = 'user.password_reset' AND entity_id = ${user.id}`,
      );
      expect(event?.after).toEqual({ mustChangePassword: true });
      expect(JSON.stringify(event)).not.toContain(temporaryPassword);

      expect((await old.request({ url: '/api/session' })).json().user).toBeNull();
      expect((await new Agent(t.app).signIn(user.username)).json().code).toBe('AUTH_INVALID_CREDENTIALS');
      const fresh = new Agent(t.app);
      const signIn = await fresh.signIn(user.username, temporaryPassword);
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user.mustChangePassword).toBe(true);
      expect(await listed(user.id)).toMatchObject({ mustChangePassword: true });
    });

    it('takes a password the administrator types, under the registration rules', async () => {
      const user = await buildUser(t, 'expert', { username: 'reset.typed' });
      const url = `/api/admin/users/${user.id}/reset-password`;
      for (const [password, code] of [
        ['short-1', 'PASSWORD_TOO_SHORT'],
        ['123qweasdzxc', 'PASSWORD_COMMON'],
        ['my-reset.typed-pass', 'PASSWORD_CONTAINS_USERNAME'],
      ] as const) {
        const refused = await post(adminAgent, url, { password });
        expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 400, code });
        expect(refused.json().details).toEqual([expect.objectContaining({ path: 'password', code })]);
      }
      expect(await events('user.password_reset', user.id)).toBe(0);
      const typed = await post(adminAgent, url, { password: 'Typed-By-Admin-42' });
      expect(typed.json()).toEqual({ temporaryPassword: null });
      expect((await new Agent(t.app).signIn(user.username, 'Typed-By-Admin-42')).statusCode).toBe(200);
    });

    it('lifts every sign-in delay of the account with the reset, so the temporary password works at once', async () => {
      const user = await buildUser(t, 'intake');
      const login = (password: string, address: string) =>
        new Agent(t.app).request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password },
          remoteAddress: address,
        });
      // Delays on the account from one address and, past the looser ceiling, from everywhere.
      for (let i = 0; i < ACCOUNT_THRESHOLD; i++)
        await login('wrong-password-1', i < PAIR_THRESHOLD ? '203.0.113.20' : `192.0.2.${i}`);
      for (const address of ['203.0.113.20', '198.51.100.20']) {
        const refused = await login(TEST_PASSWORD, address);
        expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
          status: 429,
          code: 'AUTH_THROTTLED',
        });
      }
      const url = `/api/admin/users/${user.id}/reset-password`;
      expect((await failAfterAuditWrite(t, () => post(adminAgent, url, {}))).statusCode).toBe(500);
      expect((await login(TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(429);

      const { temporaryPassword } = (await post(adminAgent, url, {})).json();
      const [left] = await queryRows<{ n: number }>(
        t.db.orm,
        sql`SELECT count(*)::int AS n FROM auth_throttles WHERE account = ${user.username.toLowerCase()}`,
      );
      expect(left?.n).toBe(0);
      expect((await login(temporaryPassword, '203.0.113.20')).statusCode).toBe(200);
      expect((await login(temporaryPassword, '198.51.100.20')).statusCode).toBe(200);
    });

    it('leaves the old password in place when the transaction fails after its audit write', async () => {
      const user = await buildUser(t, 'intake');
      const failed = await failAfterAuditWrite(t, () =>
        post(adminAgent, `/api/admin/users/${user.id}/reset-password`, { password: 'Never-Stored-42' }),
      );
      expect(failed.statusCode).toBe(500);
      expect((await new Agent(t.app).signIn(user.username)).statusCode).toBe(200);
      expect(await listed(user.id)).toMatchObject({ mustChangePassword: false });
    });
  });

  describe('the change of password a reset requires', () => {
    async function resetAndSignIn(role: 'intake' | 'applicant' = 'intake') {
      const user = await buildUser(t, role);
      const reset = await post(adminAgent, `/api/admin/users/${user.id}/reset-password`, {});
      const temporary = reset.json().temporaryPassword as string;
      const agent = new Agent(t.app);
      expect((await agent.signIn(user.username, temporary)).statusCode).toBe(200);
      return { user, agent, temporary };
    }

    it('lets the user reach only the session, sign-out, language and the change of password', async () => {
      const { agent } = await resetAndSignIn();
      const programs = await agent.request({ url: '/api/programs' });
      expect({ status: programs.statusCode, code: programs.json().code }).toEqual({
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
      });
      expect((await agent.request({ method: 'POST', url: '/api/auth/totp/setup' })).json().code).toBe(
        'PASSWORD_CHANGE_REQUIRED',
      );
      expect((await agent.request({ url: '/api/session' })).json().user.mustChangePassword).toBe(true);
      expect(
        (await agent.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'en-US' } }))
          .statusCode,
      ).toBe(204);
    });

    it('applies the registration rules to the new password and wants the current one', async () => {
      const { user, agent, temporary } = await resetAndSignIn();
      const change = (currentPassword: string, newPassword: string) =>
        agent.request({ method: 'PUT', url: '/api/me/password', payload: { currentPassword, newPassword } });
      for (const [newPassword, code] of [
        ['short-1', 'PASSWORD_TOO_SHORT'],
        ['123qweasdzxc', 'PASSWORD_COMMON'],
        [`${user.username}-is-me-1`, 'PASSWORD_CONTAINS_USERNAME'],
        [temporary, 'PASSWORD_UNCHANGED'],
      ] as const) {
        const refused = await change(temporary, newPassword);
        expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 400, code });
      }
      const wrong = await change('Not-the-current-1', 'My-Own-Password-77');
      expect(wrong.json()).toMatchObject({
        code: 'PASSWORD_CURRENT_WRONG',
        details: [expect.objectContaining({ path: 'currentPassword' })],
      });
      expect(await events('user.password_changed', user.id)).toBe(0);
      expect((await agent.request({ url: '/api/session' })).json().user.mustChangePassword).toBe(true);
    });

    it('lifts the restriction once changed, renews the session and ends every other one', async () => {
      const { user, agent, temporary } = await resetAndSignIn();
      const other = new Agent(t.app);
      expect((await other.signIn(user.username, temporary)).statusCode).toBe(200);
      const changed = await agent.request({
        method: 'PUT',
        url: '/api/me/password',
        payload: { currentPassword: temporary, newPassword: 'My-Own-Password-77' },
      });
      expect(changed.statusCode).toBe(204);
      expect(await events('user.password_changed', user.id)).toBe(1);
      expect((await agent.request({ url: '/api/programs' })).statusCode).toBe(200);
      expect((await agent.request({ url: '/api/session' })).json().user.mustChangePassword).toBe(false);
      expect((await other.request({ url: '/api/session' })).json().user).toBeNull();
      expect((await new Agent(t.app).signIn(user.username, 'My-Own-Password-77')).statusCode).toBe(200);
      expect((await new Agent(t.app).signIn(user.username, temporary)).statusCode).toBe(401);
    });
  });

  describe('changing one’s own password', () => {
    it('works for any signed-in user, on their own account only', async () => {
      const user = await buildUser(t, 'applicant');
      const bystander = await buildUser(t, 'applicant');
      const agent = await signedIn(t, user);
      const changed = await agent.request({
        method: 'PUT',
        url: '/api/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'Applicant-New-Pass-9' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await new Agent(t.app).signIn(user.username, 'Applicant-New-Pass-9')).statusCode).toBe(200);
      expect((await new Agent(t.app).signIn(bystander.username)).statusCode).toBe(200);
    });

    it('is refused to anonymous callers', async () => {
      const refused = await new Agent(t.app).request({
        method: 'PUT',
        url: '/api/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'Applicant-New-Pass-9' },
      });
      expect(refused.statusCode).toBe(401);
    });

    it('throttles guesses at the current password like sign-in', async () => {
      const user = await buildUser(t, 'evaluator');
      const agent = await signedIn(t, user);
      const codes: string[] = [];
      let retryAfter: unknown;
      for (let i = 0; i < 7; i++) {
        const response = await agent.request({
          method: 'PUT',
          url: '/api/me/password',
          payload: { currentPassword: `Wrong-guess-${i}-x`, newPassword: 'Evaluator-New-Pass-9' },
        });
        codes.push(response.json().code);
        retryAfter ??= response.headers['retry-after'];
      }
      expect(codes).toContain('AUTH_THROTTLED');
      expect(retryAfter).toMatch(/^\d+$/);
    });
  });
});
