// Self-registration through the API: one audit event, the size class as stated, a failing USCC check
// character only with the registrant's confirmation, one answer for "taken" whatever was taken, password
// reasons, and a limit of attempts per source address shared by instances.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { testUscc } from '../../db/test-factories';
import { buildApp } from '../app';
import { Agent, createTestApp, TEST_PASSWORD, type TestApp, testConfig } from '../test-support';

const REGISTRATIONS_PER_WINDOW = 5;

async function count(t: TestApp, table: 'users' | 'enterprises' | 'audit_events'): Promise<number> {
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
    sizeClass: 'medium',
    ...overrides,
  };
}

/** Changes the last character of a valid USCC to another charset character: the check digit is then wrong. */
function wrongCheckDigit(uscc: string): string {
  return uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0');
}

let addressCounter = 0;

describe('registration', () => {
  let t: TestApp;
  let address: string;
  const register = (payload: object, locale?: string, from = address) =>
    new Agent(t.app, locale).request({
      method: 'POST',
      url: '/api/auth/register',
      payload,
      remoteAddress: from,
    });

  beforeAll(async () => {
    const config = testConfig();
    t = await createTestApp({
      rateLimit: { ...config.rateLimit, registrationsPerHour: REGISTRATIONS_PER_WINDOW },
    });
  });
  // Each test from its own address, so the per-address limit only bites where a test asks for it.
  beforeEach(() => {
    addressCounter += 1;
    address = `10.1.0.${addressCounter}`;
  });
  afterAll(() => t?.close());

  it('registers an enterprise with its stated size, signs its user in and writes one audit event', async () => {
    const eventsBefore = await count(t, 'audit_events');
    const body = registration();
    const response = await register(body);
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({
      username: body.username,
      role: 'applicant',
      totpRequired: false,
      mustChangePassword: false,
    });
    const rows = await queryRows<{ size_class: string; uscc_override_by: string | null }>(
      t.db.orm,
      sql`SELECT size_class, uscc_override_by FROM enterprises WHERE uscc = ${body.uscc}`,
    );
    expect(rows).toEqual([{ size_class: 'medium', uscc_override_by: null }]);
    expect(await count(t, 'audit_events')).toBe(eventsBefore + 1);
  });

  it('asks for the size class', async () => {
    const { sizeClass: _omitted, ...body } = registration();
    const response = await register(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([expect.objectContaining({ path: 'sizeClass' })]);
  });

  it('answers a taken username and a registered enterprise alike, pointing to sign-in', async () => {
    const body = registration();
    expect((await register(body)).statusCode).toBe(201);
    const sameEnterprise = await register(registration({ uscc: body.uscc }), 'en-US');
    const sameUsername = await register(registration({ username: body.username }), 'en-US');
    for (const response of [sameEnterprise, sameUsername]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'REGISTRATION_REFUSED' });
      expect(response.json().message).toContain('sign in');
    }
    expect(sameEnterprise.json().message).toBe(sameUsername.json().message);
  });

  it.each([
    ['zh-CN', '统一社会信用代码的校验位不正确，请核对后重新输入。'],
    [
      'en-US',
      'The check digit of the unified social credit code is wrong. Please check the code and type it again.',
    ],
  ])('refuses a wrong USCC check digit in %s without revealing the right one', async (locale, message) => {
    const usersBefore = await count(t, 'users');
    const response = await register(registration({ uscc: wrongCheckDigit(testUscc()) }), locale);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('USCC_INVALID');
    expect(body.details).toEqual([{ path: 'uscc', code: 'USCC_CHECK_DIGIT', message }]);
    expect(JSON.stringify(body)).not.toContain('expected');
    expect(await count(t, 'users')).toBe(usersBefore);
  });

  it('accepts a failing check character only when the registrant confirms it, and records that', async () => {
    const uscc = wrongCheckDigit(testUscc());
    const response = await register(registration({ uscc, usccCheckOverride: true }));
    expect(response.statusCode).toBe(201);
    const userId = response.json().user.id;
    const rows = await queryRows<{ uscc_override_by: string; uscc_override_reason: string }>(
      t.db.orm,
      sql`SELECT uscc_override_by, uscc_override_reason FROM enterprises WHERE uscc = ${uscc}`,
    );
    expect(rows).toEqual([{ uscc_override_by: userId, uscc_override_reason: 'registrant_confirmed' }]);
    const events = await queryRows<{ after: { usccCheckOverride?: boolean } }>(
      t.db.orm,
      sql`SELECT after FROM audit_events WHERE action = 'enterprise.registered' AND after->>'uscc' = ${uscc}`,
    );
    expect(events.map((e) => e.after.usccCheckOverride)).toEqual([true]);
    // A malformed code is refused however confirmed.
    const malformed = await register(registration({ uscc: 'NOT-A-USCC', usccCheckOverride: true }));
    expect(malformed.json().details).toEqual([
      expect.objectContaining({ path: 'uscc', code: 'USCC_FORMAT' }),
    ]);
  });

  it.each([
    ['Short-pw-1', 'PASSWORD_TOO_SHORT'],
    ['qwerty123456', 'PASSWORD_COMMON'],
    ['ent-weak-user-2026', 'PASSWORD_CONTAINS_USERNAME'],
  ])('refuses the password %s with its reason on the password field', async (password, code) => {
    const response = await register(registration({ username: 'ent-weak-user', password }), 'en-US');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, details: [{ path: 'password', code }] });
    expect(response.json().details[0].message).toMatch(/\S/);
  });

  it('allows a few attempts per hour from one address, counted for every instance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < REGISTRATIONS_PER_WINDOW; i++)
      statuses.push((await register(registration())).statusCode);
    expect(statuses).toEqual(Array<number>(REGISTRATIONS_PER_WINDOW).fill(201));
    const other = await buildApp({ db: t.db, config: t.config, clock: t.clock.now });
    try {
      await other.ready();
      const refused = await new Agent(other, 'en-US').request({
        method: 'POST',
        url: '/api/auth/register',
        payload: registration(),
        remoteAddress: address,
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'REGISTRATION_THROTTLED' });
      expect(refused.json().message).toContain('60 minutes');
    } finally {
      await other.close();
    }
    expect((await register(registration(), undefined, '10.2.0.1')).statusCode).toBe(201);
    t.clock.advance(3_600_000);
    expect((await register(registration())).statusCode).toBe(201);
  });
});
