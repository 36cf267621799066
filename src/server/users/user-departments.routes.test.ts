// The departments staff work for, set by an administrator: the list to choose from, the set replaced as a whole
// with one audit event in the same transaction, and what the staff user then reaches — its departments'
// applications and programs, never another department's. Refused for enterprise users, unknown departments,
// the administrator's own account and every role but the administrator, with nothing written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import {
  type Agent,
  buildUser,
  createTestApp,
  failAfterAuditWrite,
  signedIn,
  type TestApp,
  type TestUser,
} from '../test-support';

const CLAUSE = 'service-trade-volume';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let admin: TestUser;
let adminAgent: Agent;
/** Two departments, each with a program (rules pinned, so it exports) and an open call. */
const place = {} as Record<'x' | 'y', { departmentId: string; programCode: string; callId: string }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await buildUser(t, 'admin');
  adminAgent = await signedIn(t, admin);
  for (const key of ['x', 'y'] as const) {
    const department = await buildDepartment(t.db, {
      code: `scope-${key}`,
      name: `${key.toUpperCase()} 区商务局`,
      regionName: `${key.toUpperCase()} 区`,
    });
    const program = await buildProgram(t.db, { code: `scope-program-${key}`, departmentId: department.id });
    await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
    const call = await buildCall(t.db, program, { around: t.clock.now() });
    place[key] = { departmentId: department.id, programCode: program.code, callId: call.id };
  }
});
afterAll(() => t?.close());

const setDepartments = (agent: Agent, userId: string, departmentIds: string[]) =>
  agent.request({ method: 'PUT', url: `/api/admin/users/${userId}/departments`, payload: { departmentIds } });

async function auditRows(entityId: string) {
  return queryRows<{ before: unknown; after: unknown; actor_id: string | null }>(
    t.db.orm,
    sql`SELECT before, after, actor_id FROM audit_events
        WHERE action = 'user.departments_changed' AND entity_id = ${entityId} ORDER BY id`,
  );
}

async function listed(id: string) {
  const list = (await adminAgent.request({ url: '/api/admin/users' })).json();
  return list.items.find((u: { id: string }) => u.id === id);
}

/** A submitted application of a new enterprise to `key`'s call. */
async function submitted(key: 'x' | 'y'): Promise<string> {
  const enterprise = await buildEnterprise(t.db);
  const agent = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  const created = await agent.request({
    method: 'POST',
    url: '/api/my/applications',
    payload: { callId: place[key].callId, clause: CLAUSE },
  });
  const id = created.json().id as string;
  const submit = await agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
  expect(submit.statusCode).toBe(200);
  return id;
}

const codesOf = async (agent: Agent) =>
  ((await agent.request({ url: '/api/programs' })).json() as { code: string }[]).map((p) => p.code);
const applicationIdsOf = async (agent: Agent) =>
  ((await agent.request({ url: '/api/applications?limit=100' })).json().items as { id: string }[]).map(
    (a) => a.id,
  );

describe('the departments staff work for', () => {
  it('lists the departments an administrator chooses from', async () => {
    const response = await adminAgent.request({ url: '/api/admin/departments' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string }[];
    expect(items.filter((d) => d.code.startsWith('scope-'))).toEqual([
      { id: place.x.departmentId, code: 'scope-x', name: 'X 区商务局', regionName: 'X 区' },
      { id: place.y.departmentId, code: 'scope-y', name: 'Y 区商务局', regionName: 'Y 区' },
    ]);
  });

  it('gives a staff user its departments: it then reaches their applications and programs, and no others', async () => {
    const inX = await submitted('x');
    const inY = await submitted('y');
    const user = await buildUser(t, 'intake');
    // Signed in before the change: the session read carries the departments, so the next request sees them.
    const intake = await signedIn(t, user);
    expect(await codesOf(intake)).toEqual([]);
    expect(await applicationIdsOf(intake)).toEqual([]);

    expect((await setDepartments(adminAgent, user.id, [place.x.departmentId])).statusCode).toBe(204);
    expect(await codesOf(intake)).toEqual([place.x.programCode]);
    const ids = await applicationIdsOf(intake);
    expect(ids).toContain(inX);
    expect(ids).not.toContain(inY);
    expect((await intake.request({ url: `/api/applications/${inX}` })).statusCode).toBe(200);
    expect((await intake.request({ url: `/api/applications/${inY}` })).statusCode).toBe(404);
    expect((await intake.request({ url: `/api/programs/${place.x.programCode}` })).statusCode).toBe(200);
    const other = await intake.request({ url: `/api/programs/${place.y.programCode}` });
    expect({ status: other.statusCode, code: other.json().code }).toEqual({
      status: 404,
      code: 'PROGRAM_NOT_FOUND',
    });
    expect(await listed(user.id)).toMatchObject({ departmentIds: [place.x.departmentId] });

    // The set is replaced as a whole.
    expect((await setDepartments(adminAgent, user.id, [place.y.departmentId])).statusCode).toBe(204);
    expect(await codesOf(intake)).toEqual([place.y.programCode]);
    expect(await applicationIdsOf(intake)).toContain(inY);
    expect(await applicationIdsOf(intake)).not.toContain(inX);

    expect(await auditRows(user.id)).toEqual([
      { before: { departmentIds: [] }, after: { departmentIds: [place.x.departmentId] }, actor_id: admin.id },
      {
        before: { departmentIds: [place.x.departmentId] },
        after: { departmentIds: [place.y.departmentId] },
        actor_id: admin.id,
      },
    ]);
  });

  it('records ids once and sorted, and the same set again changes nothing', async () => {
    const user = await buildUser(t, 'expert');
    const both = [place.x.departmentId, place.y.departmentId].sort();
    const given = [both[1], both[0], both[1]?.toUpperCase()] as string[];
    expect((await setDepartments(adminAgent, user.id, given)).statusCode).toBe(204);
    expect(await departmentsOf(t.db.orm, user.id)).toEqual(both);
    expect((await setDepartments(adminAgent, user.id, [...both].reverse())).statusCode).toBe(204);
    expect(await auditRows(user.id)).toHaveLength(1);
    expect((await setDepartments(adminAgent, user.id, [])).statusCode).toBe(204);
    expect(await departmentsOf(t.db.orm, user.id)).toEqual([]);
    expect((await auditRows(user.id)).at(-1)).toMatchObject({
      before: { departmentIds: both },
      after: { departmentIds: [] },
    });
  });

  it('scopes the export of a program’s rules for an evaluator; an administrator exports any', async () => {
    const user = await buildUser(t, 'evaluator');
    await setDepartments(adminAgent, user.id, [place.x.departmentId]);
    const evaluator = await signedIn(t, user);
    const own = await evaluator.request({ url: `/api/programs/${place.x.programCode}/export` });
    expect(own.statusCode).toBe(200);
    const other = await evaluator.request({ url: `/api/programs/${place.y.programCode}/export` });
    expect({ status: other.statusCode, code: other.json().code }).toEqual({
      status: 404,
      code: 'PROGRAM_NOT_FOUND',
    });
    const any = await adminAgent.request({ url: `/api/programs/${place.y.programCode}/export` });
    expect(any.statusCode).toBe(200);
  });

  it('refuses an enterprise user, an unknown department and the administrator’s own account, writing nothing', async () => {
    const applicant = await buildUser(t, 'applicant');
    const refused = await setDepartments(adminAgent, applicant.id, [place.x.departmentId]);
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
      status: 409,
      code: 'DEPARTMENTS_APPLICANT',
    });
    expect(await departmentsOf(t.db.orm, applicant.id)).toEqual([]);

    const staff = await buildUser(t, 'intake');
    await setDepartments(adminAgent, staff.id, [place.x.departmentId]);
    const unknown = await setDepartments(adminAgent, staff.id, [place.y.departmentId, UNKNOWN_ID]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'DEPARTMENT_NOT_FOUND',
      details: [{ path: 'departmentIds[1]', code: 'DEPARTMENT_NOT_FOUND' }],
    });
    expect(await departmentsOf(t.db.orm, staff.id)).toEqual([place.x.departmentId]);
    expect(await auditRows(staff.id)).toHaveLength(1);

    const own = await setDepartments(adminAgent, admin.id, [place.x.departmentId]);
    expect({ status: own.statusCode, code: own.json().code }).toEqual({
      status: 409,
      code: 'CANNOT_MANAGE_SELF',
    });
    const missing = await setDepartments(adminAgent, UNKNOWN_ID, []);
    expect(missing.json().code).toBe('USER_NOT_FOUND');
    const malformed = await setDepartments(adminAgent, staff.id, ['not-a-uuid']);
    expect(malformed.statusCode).toBe(400);

    for (const id of [applicant.id, admin.id]) {
      expect(await departmentsOf(t.db.orm, id)).toEqual([]);
      expect(await auditRows(id)).toEqual([]);
    }
  });

  it('says why in both languages', async () => {
    const applicant = await buildUser(t, 'applicant');
    const staff = await buildUser(t, 'intake');
    for (const locale of ['zh-CN', 'en-US']) {
      const agent = await signedIn(t, admin, locale);
      const messages = [
        (await setDepartments(agent, applicant.id, [])).json(),
        (await setDepartments(agent, staff.id, [UNKNOWN_ID])).json(),
      ];
      for (const body of messages) {
        expect(body.message, `${locale} ${body.code}`).not.toContain(body.code);
        expect(body.message.length).toBeGreaterThan(5);
      }
      if (locale === 'en-US') expect(messages[0].message).toMatch(/enterprise user/);
    }
  });

  it('is the administrator’s: every other role is refused, and nothing is written', async () => {
    const target = await buildUser(t, 'intake');
    for (const role of ['applicant', 'intake', 'expert', 'approver', 'finance', 'evaluator'] as const) {
      const agent = await signedIn(t, await buildUser(t, role));
      const refused = await setDepartments(agent, target.id, [place.x.departmentId]);
      expect({ role, status: refused.statusCode }).toEqual({ role, status: 403 });
      const list = await agent.request({ url: '/api/admin/departments' });
      expect({ role, status: list.statusCode }).toEqual({ role, status: 403 });
    }
    expect(await departmentsOf(t.db.orm, target.id)).toEqual([]);
    expect(await auditRows(target.id)).toEqual([]);
  });

  it('keeps the departments as they were when the transaction fails after its audit write', async () => {
    const user = await buildUser(t, 'intake');
    await setDepartments(adminAgent, user.id, [place.x.departmentId]);
    const failed = await failAfterAuditWrite(t, () =>
      setDepartments(adminAgent, user.id, [place.y.departmentId]),
    );
    expect(failed.statusCode).toBe(500);
    expect(await departmentsOf(t.db.orm, user.id)).toEqual([place.x.departmentId]);
    expect(await auditRows(user.id)).toHaveLength(1);
  });
});

describe('creating a staff user with its departments', () => {
  const create = (payload: Record<string, unknown>) =>
    adminAgent.request({ method: 'POST', url: '/api/admin/users', payload });
  const fields = (username: string, role: string) => ({
    username,
    displayName: '新用户',
    role,
    password: 'Typed-By-Admin-42',
  });

  it('assigns them with the creation, recorded as their first change, in the same transaction', async () => {
    const created = await create({
      ...fields('with.departments', 'intake'),
      departmentIds: [place.y.departmentId],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id as string;
    expect(await departmentsOf(t.db.orm, id)).toEqual([place.y.departmentId]);
    expect(await listed(id)).toMatchObject({ departmentIds: [place.y.departmentId] });
    expect(await auditRows(id)).toEqual([
      { before: { departmentIds: [] }, after: { departmentIds: [place.y.departmentId] }, actor_id: admin.id },
    ]);

    const failed = await failAfterAuditWrite(t, () =>
      create({ ...fields('never.created', 'intake'), departmentIds: [place.y.departmentId] }),
    );
    expect(failed.statusCode).toBe(500);
    const [count] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM users WHERE username = 'never.created'`,
    );
    expect(count?.n).toBe(0);
  });

  it('refuses departments for an enterprise user and unknown departments, creating no one', async () => {
    const enterprise = await buildEnterprise(t.db);
    const applicant = await create({
      ...fields('applicant.departments', 'applicant'),
      enterpriseId: enterprise.id,
      departmentIds: [place.x.departmentId],
    });
    expect({ status: applicant.statusCode, code: applicant.json().code }).toEqual({
      status: 400,
      code: 'DEPARTMENTS_APPLICANT',
    });
    const unknown = await create({ ...fields('unknown.departments', 'intake'), departmentIds: [UNKNOWN_ID] });
    expect({ status: unknown.statusCode, code: unknown.json().code }).toEqual({
      status: 422,
      code: 'DEPARTMENT_NOT_FOUND',
    });
    const [count] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM users WHERE username IN ('applicant.departments', 'unknown.departments')`,
    );
    expect(count?.n).toBe(0);
  });

  it('creates staff without departments as before', async () => {
    const created = await create(fields('no.departments', 'expert'));
    expect(created.statusCode).toBe(201);
    expect(await listed(created.json().user.id)).toMatchObject({ departmentIds: [] });
  });
});
