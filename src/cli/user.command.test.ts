// `huiqi user create --departments`: a staff user made at the console works for the departments named by code,
// through the same use case (and audit event) as the administrator's form; unknown codes and enterprise users
// are refused, and then no user is made.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { DEMO_DEPARTMENT } from '../db/demo/data-program';
import { type CliWorkspace, createCliWorkspace } from './cli-test-support';

describe('huiqi user create --departments', () => {
  let w: CliWorkspace;
  beforeAll(async () => {
    w = await createCliWorkspace();
    // The first command sets the database up, with the demo's department.
    expect((await w.huiqi(['program', 'list', '--json'])).code).toBe(0);
  });
  afterAll(() => w?.close());

  const create = (username: string, role: string, ...more: string[]) =>
    w.huiqi([
      'user',
      'create',
      '--role',
      role,
      '--username',
      username,
      '--password',
      'Console-Pass-2026',
      '--lang',
      'en-US',
      ...more,
    ]);

  async function read<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
    const db = await w.openDb();
    try {
      return await queryRows<T>(db.orm, statement);
    } finally {
      await db.close();
    }
  }

  it('makes a staff user who works for the named departments, with the audit event of the change', async () => {
    const created = await create('console.intake', 'intake', '--departments', ` ${DEMO_DEPARTMENT.code} ,`);
    expect(created.code).toBe(0);
    const rows = await read<{ code: string }>(
      sql`SELECT d.code FROM staff_departments s JOIN users u ON u.id = s.user_id
          JOIN departments d ON d.id = s.department_id WHERE u.username = 'console.intake'`,
    );
    expect(rows).toEqual([{ code: DEMO_DEPARTMENT.code }]);
    const events = await read<{ actor_role: string }>(
      sql`SELECT e.actor_role FROM audit_events e JOIN users u ON e.entity_id = u.id::text
          WHERE e.action = 'user.departments_changed' AND u.username = 'console.intake'`,
    );
    expect(events).toEqual([{ actor_role: 'cli' }]);
  });

  it('refuses an unknown code, naming it, and an enterprise user; no user is made', async () => {
    const unknown = await create(
      'console.unknown',
      'expert',
      '--departments',
      `${DEMO_DEPARTMENT.code},nowhere`,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nowhere');
    const [enterprise] = await read<{ uscc: string }>(sql`SELECT uscc FROM enterprises LIMIT 1`);
    const applicant = await create(
      'console.applicant',
      'applicant',
      '--enterprise',
      enterprise?.uscc ?? '',
      '--departments',
      DEMO_DEPARTMENT.code,
    );
    expect(applicant.code).toBe(1);
    expect(applicant.stderr).toContain('enterprise user');
    const users = await read<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE username IN ('console.unknown', 'console.applicant')`,
    );
    expect(users).toEqual([{ n: 0 }]);
  });
});
