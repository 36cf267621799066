import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, type TestApp } from '../test-support';
import { uniqueViolation } from './unique-violation';

describe('uniqueViolation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('names the constraint a real duplicate insert violates, through the driver wrapping', async () => {
    const user = await buildUser(t, 'intake');
    const error = await t.db.orm
      .execute(
        sql`INSERT INTO users (username, display_name, role, password_hash) VALUES (${user.username}, 'x', 'intake', 'x')`,
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(uniqueViolation(error)).toBe('users_username_key');
  });

  it('ignores other errors', () => {
    expect(uniqueViolation(new Error('boom'))).toBeUndefined();
    expect(uniqueViolation({ code: '23503', constraint: 'fk' })).toBeUndefined();
    expect(uniqueViolation(null)).toBeUndefined();
  });
});
