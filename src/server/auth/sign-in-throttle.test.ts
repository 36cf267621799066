// Sign-in throttling through the API: growing delays per account and address, a looser ceiling per account,
// unknown names treated exactly like real ones, counters shared by instances, and the administrator's unlock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { buildApp } from '../app';
import { Agent, buildUser, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from '../test-support';
import { ACCOUNT_THRESHOLD, PAIR_THRESHOLD } from './login-throttle';

const WRONG = 'wrong-password-1';

function attempt(agent: Agent, username: string, password: string, address: string) {
  return agent.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });
}

async function auditActions(t: TestApp, userId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.db.orm,
    sql`SELECT action FROM audit_events WHERE entity_id = ${userId} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

/** The statuses and wait times a guesser sees: five failures, then a doubling delay after each one. */
async function guess(t: TestApp, username: string, address: string) {
  const agent = new Agent(t.app, 'en-US');
  const seen: (number | string)[] = [];
  for (let i = 0; i < PAIR_THRESHOLD; i++)
    seen.push((await attempt(agent, username, WRONG, address)).statusCode);
  for (const wait of [1, 2, 4]) {
    const refused = await attempt(agent, username, TEST_PASSWORD, address);
    seen.push(`${refused.statusCode} ${refused.json().code}`);
    expect(refused.json().message).toBe(
      `Too many failed sign-in attempts. Please try again in ${wait} seconds.`,
    );
    t.clock.advance(wait * 1000);
    seen.push((await attempt(agent, username, WRONG, address)).statusCode);
  }
  return seen;
}

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('slows the failing address with doubling delays while the owner signs in from another', async () => {
    const user = await buildUser(t, 'intake');
    const seen = await guess(t, user.username, '203.0.113.7');
    expect(seen).toEqual([
      ...Array<number>(PAIR_THRESHOLD).fill(401),
      ...['429 AUTH_THROTTLED', 401, '429 AUTH_THROTTLED', 401, '429 AUTH_THROTTLED', 401],
    ]);
    // The owner's own address is not slowed, though the guesser's still is.
    expect((await attempt(new Agent(t.app), user.username, TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(
      200,
    );
    expect((await attempt(new Agent(t.app), user.username, TEST_PASSWORD, '203.0.113.7')).statusCode).toBe(
      429,
    );
    const actions = await auditActions(t, user.id);
    expect(actions.filter((a) => a === 'user.sign_in_failed')).toHaveLength(PAIR_THRESHOLD + 3);
    expect(actions.filter((a) => a === 'user.sign_in_throttled')).toHaveLength(4);
  });

  it('treats an unknown username exactly like a real one', async () => {
    const real = await buildUser(t, 'intake');
    const realSeen = await guess(t, real.username, '203.0.113.8');
    const ghostSeen = await guess(t, 'no-such-user', '203.0.113.8');
    expect(ghostSeen).toEqual(realSeen);
  });

  it('slows the account everywhere once failures from many addresses pass the looser ceiling', async () => {
    const user = await buildUser(t, 'expert');
    const agent = new Agent(t.app);
    for (let i = 0; i < ACCOUNT_THRESHOLD; i++) {
      expect((await attempt(agent, user.username, WRONG, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    }
    const owner = await attempt(agent, user.username, TEST_PASSWORD, '198.51.100.9');
    expect(owner.statusCode).toBe(429);
    expect(owner.json().code).toBe('AUTH_THROTTLED');
    const rows = await queryRows<{ after: { scope: string } }>(
      t.db.orm,
      sql`SELECT after FROM audit_events WHERE entity_id = ${user.id} AND action = 'user.sign_in_throttled'`,
    );
    expect(rows.map((r) => r.after.scope)).toEqual(['account']);
    t.clock.advance(1000);
    expect((await attempt(agent, user.username, TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('keeps the counters in the database, so another instance refuses the same address', async () => {
    const user = await buildUser(t, 'intake');
    const agent = new Agent(t.app);
    for (let i = 0; i < PAIR_THRESHOLD; i++) await attempt(agent, user.username, WRONG, '203.0.113.9');
    const other = await buildApp({ db: t.db, config: t.config, clock: t.clock.now });
    try {
      await other.ready();
      const elsewhere = new Agent(other);
      expect((await attempt(elsewhere, user.username, TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(429);
      expect((await attempt(elsewhere, user.username, TEST_PASSWORD, '198.51.100.3')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('lets an administrator lift every delay of an account', async () => {
    const user = await buildUser(t, 'intake');
    const agent = new Agent(t.app);
    for (let i = 0; i < ACCOUNT_THRESHOLD; i++)
      await attempt(agent, user.username, WRONG, `192.0.2.${100 + i}`);
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const listed = (await admin.request({ url: '/api/admin/users' })).json();
    const row = listed.items.find((u: { id: string }) => u.id === user.id);
    expect(row.lockedUntil).not.toBeNull();
    const unlock = await admin.request({ method: 'POST', url: `/api/admin/users/${user.id}/unlock` });
    expect(unlock.statusCode).toBe(204);
    expect((await attempt(agent, user.username, TEST_PASSWORD, '192.0.2.100')).statusCode).toBe(200);
  });
});
