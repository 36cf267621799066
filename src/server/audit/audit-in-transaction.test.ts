// Each state change writes exactly one audit event, in the same transaction as the change: when the use case
// fails after the event was written, neither the change nor the event remains.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { testUscc } from '../../db/test-factories';
import {
  Agent,
  buildUser,
  createTestApp,
  failAfterAuditWrite,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
} from '../test-support';

describe('audit events of state changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function events(action: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`,
    );
    return row?.n ?? 0;
  }

  async function users(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM users`);
    return row?.n ?? 0;
  }

  const registration = () => ({
    uscc: testUscc(),
    enterpriseName: '审计测试有限公司',
    district: '天河区',
    username: `audit${Math.random().toString(36).slice(2, 8)}`,
    password: TEST_PASSWORD,
    displayName: '王五',
    sizeClass: 'small',
  });

  it('registration: one event on success; nothing at all when it fails after the write', async () => {
    const before = await events('enterprise.registered');
    const ok = await new Agent(t.app).request({
      method: 'POST',
      url: '/api/auth/register',
      payload: registration(),
    });
    expect(ok.statusCode).toBe(201);
    expect(await events('enterprise.registered')).toBe(before + 1);

    const usersBefore = await users();
    const failed = await failAfterAuditWrite(t, () =>
      new Agent(t.app).request({ method: 'POST', url: '/api/auth/register', payload: registration() }),
    );
    expect(failed.statusCode).toBe(500);
    expect(await events('enterprise.registered')).toBe(before + 1);
    expect(await users()).toBe(usersBefore);
  });

  it('user creation, disabling and unlocking each write one event', async () => {
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username: 'new.intake', displayName: '新受理员', role: 'intake', password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id as string;
    expect(await events('user.created')).toBe(1);

    const usersBefore = await users();
    const failed = await failAfterAuditWrite(t, () =>
      admin.request({
        method: 'POST',
        url: '/api/admin/users',
        payload: { username: 'never.stored', displayName: '无', role: 'expert', password: TEST_PASSWORD },
      }),
    );
    expect(failed.statusCode).toBe(500);
    expect(await users()).toBe(usersBefore);
    expect(await events('user.created')).toBe(1);

    expect((await admin.request({ method: 'POST', url: `/api/admin/users/${id}/unlock` })).statusCode).toBe(
      204,
    );
    expect(await events('user.unlocked')).toBe(1);
    expect((await admin.request({ method: 'POST', url: `/api/admin/users/${id}/disable` })).statusCode).toBe(
      204,
    );
    expect(await events('user.disabled')).toBe(1);
    expect((await new Agent(t.app).signIn('new.intake')).json().code).toBe('AUTH_INVALID_CREDENTIALS');

    const list = (await admin.request({ url: '/api/admin/users' })).json();
    expect(list.items.find((u: { id: string }) => u.id === id)).toMatchObject({
      disabled: true,
      lockedUntil: null,
    });
  });

  it('each failed sign-in writes one event, and the failure that starts a delay one more', async () => {
    const user = await buildUser(t, 'finance');
    const agent = new Agent(t.app);
    for (let i = 0; i < 4; i++) await agent.signIn(user.username, 'Wrong-password-1');
    expect(await events('user.sign_in_failed')).toBe(4);
    expect(await events('user.sign_in_throttled')).toBe(0);
    await agent.signIn(user.username, 'Wrong-password-1');
    expect(await events('user.sign_in_failed')).toBe(5);
    expect(await events('user.sign_in_throttled')).toBe(1);
  });

  it('the audit trail lists events with actor names and verifies its chains', async () => {
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const list = await admin.request({ url: '/api/audit/events?limit=5' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { action: string; actorName: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0]?.action).toBe('user.signed_in');
    expect(items[0]?.actorName).toMatch(/^测试 admin/);
    const verify = await admin.request({ method: 'POST', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, checked: expect.any(Number) });
  });
});
