// Walks every registered route: anonymous callers get 401, every role the table leaves out gets 403, every
// role it lists gets past authorization. A second table, written from the API contract, pins which action
// each route performs, so a route that declares a wrong (or no) action fails here too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-db';
import { ACTIONS, type Action, rolesFor } from '../../shared/authz';
import { ROLES, type Role } from '../../shared/roles';
import { buildApp } from '../app';
import {
  Agent,
  buildUser,
  createTestApp,
  sessionAgent,
  type TestApp,
  type TestUser,
  testConfig,
} from '../test-support';

const CONTRACT: Record<string, Action> = {
  'GET /api/health': 'public',
  'GET /api/session': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/register': 'public',
  'POST /api/auth/logout': 'authenticated',
  'POST /api/auth/logout-all': 'authenticated',
  'POST /api/auth/totp/setup': 'auth.totp',
  'POST /api/auth/totp/enable': 'auth.totp',
  'POST /api/auth/totp/disable': 'auth.totp',
  'PUT /api/me/locale': 'authenticated',
  'PUT /api/me/password': 'authenticated',
  'GET /api/public/programs': 'public',
  'GET /api/public/programs/:code': 'public',
  'GET /api/public/notices': 'public',
  'GET /api/programs': 'program.read',
  'GET /api/programs/:code': 'program.read',
  'GET /api/enterprises': 'enterprise.list',
  'GET /api/enterprises/:id': 'enterprise.read',
  'GET /api/me/enterprise': 'enterprise.own',
  'GET /api/my/calls': 'application.own',
  'GET /api/applications': 'application.review',
  'GET /api/applications/export': 'application.review',
  'GET /api/applications/:id': 'application.review',
  'POST /api/applications/:id/:action': 'application.review',
  'GET /api/my/applications': 'application.own',
  'GET /api/my/inbox': 'application.own',
  'POST /api/my/inbox/read': 'application.own',
  'POST /api/my/applications': 'application.own',
  'GET /api/my/applications/:id': 'application.own',
  'PUT /api/my/applications/:id': 'application.own',
  'POST /api/my/applications/:id/:action': 'application.own',
  'POST /api/my/applications/:id/materials': 'application.own',
  'DELETE /api/my/applications/:id/materials/:materialId': 'application.own',
  'POST /api/my/applications/:id/commitment': 'application.own',
  'GET /api/my/applications/:id/materials/:materialId': 'application.own',
  'GET /api/applications/:id/materials/:materialId': 'application.review',
  'POST /api/calls/:id/calculate': 'award.calculate',
  'POST /api/calls/:id/publicize': 'award.publicize',
  'GET /api/public/publicity': 'public',
  'GET /api/calls/:id/awards': 'award.read',
  'GET /api/calls/:id/awards/export': 'award.read',
  'POST /api/public/publicity/:id/objections': 'public',
  'GET /api/calls/:id/objections': 'objection.read',
  'POST /api/objections/:id/resolve': 'objection.resolve',
  'POST /api/calls/:id/approve': 'award.approve',
  'GET /api/admin/users': 'user.manage',
  'POST /api/admin/users': 'user.manage',
  'POST /api/admin/users/:id/disable': 'user.manage',
  'POST /api/admin/users/:id/unlock': 'user.manage',
  'POST /api/admin/users/:id/enable': 'user.manage',
  'PUT /api/admin/users/:id/role': 'user.manage',
  'POST /api/admin/users/:id/reset-password': 'user.manage',
  'PUT /api/admin/users/:id/departments': 'user.manage',
  'GET /api/admin/departments': 'user.manage',
  'GET /api/audit/events': 'audit.read',
  'POST /api/audit/verify': 'audit.verify',
  'POST /api/program-files/validate': 'program-file.validate',
  'POST /api/programs/import': 'program.import',
  'GET /api/programs/:code/export': 'program.export',
  'POST /api/simulations': 'simulation.run',
  'GET /api/calendar/years': 'calendar.read',
  'PUT /api/admin/calendar/years/:year': 'calendar.manage',
  'GET /api/calendar/workdays': 'public',
};

const STAFF = ['intake', 'expert', 'approver', 'finance', 'evaluator', 'admin'];
/** Who may do what, as the API contract states it; the shared table must say the same. */
const CONTRACT_ROLES: Record<string, string[]> = {
  'auth.totp': STAFF,
  'program.read': STAFF,
  'enterprise.list': STAFF,
  'enterprise.read': ['applicant', ...STAFF],
  'enterprise.own': ['applicant'],
  'application.own': ['applicant'],
  'application.review': ['intake', 'admin'],
  'award.calculate': ['admin'],
  'award.publicize': ['admin'],
  'award.read': ['intake', 'approver', 'finance', 'evaluator', 'admin'],
  'award.approve': ['approver'],
  'objection.read': ['intake', 'approver', 'evaluator', 'admin'],
  'objection.resolve': ['intake', 'admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'evaluator'],
  'audit.verify': ['admin'],
  'program-file.validate': ['admin'],
  'program.import': ['admin'],
  'program.export': ['admin', 'evaluator'],
  'simulation.run': ['admin', 'evaluator'],
  'calendar.read': STAFF,
  'calendar.manage': ['admin'],
};

/** Bodies that pass validation, so a 400 can never stand in for the 401/403 under test. */
const BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/auth/totp/enable': { code: '123456' },
  'POST /api/auth/totp/disable': { code: '123456' },
  'PUT /api/me/locale': { locale: 'zh-CN' },
  'PUT /api/me/password': { currentPassword: 'Wrong-current-1', newPassword: 'Walker-Pass-Long-1' },
  'PUT /api/admin/users/:id/role': { role: 'expert' },
  'POST /api/admin/users/:id/reset-password': {},
  'PUT /api/admin/users/:id/departments': { departmentIds: [] },
  'POST /api/admin/users': {
    username: 'walker',
    displayName: '巡检',
    role: 'intake',
    password: 'Walker-Pass-1',
  },
  'POST /api/program-files/validate': { program: {} },
  'POST /api/programs/import': { program: {} },
  'POST /api/simulations': { program: {}, applicantsCsv: 'uscc,name\n' },
  'PUT /api/admin/calendar/years/:year': { source: '巡检', holidays: [], makeupWorkdays: [] },
  'POST /api/my/applications': { callId: randomUUID(), clause: 'service-trade-volume' },
  'PUT /api/my/applications/:id': { declared: {}, version: 1 },
  'POST /api/applications/:id/:action': { reason: '巡检' },
  'POST /api/my/applications/:id/commitment': { accepted: true, signerName: '巡检' },
  'POST /api/public/publicity/:id/objections': {
    name: '巡检',
    contact: '020-12345678',
    reasons: '巡检巡检巡检巡检巡检',
  },
  'POST /api/objections/:id/resolve': { outcome: 'dismissed', investigation: '巡检', resolution: '巡检' },
  'POST /api/calls/:id/approve': {},
};

function concreteUrl(url: string): string {
  return url
    .replace(':id', randomUUID())
    .replace(':materialId', randomUUID())
    .replace(':code', 'no-such-program')
    .replace(':year', '2099')
    .replace(':action', 'submit');
}

describe('route authorization', () => {
  let t: TestApp;
  const users = new Map<Role, TestUser>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) users.set(role, await buildUser(t, role));
  });
  afterAll(() => t?.close());

  /** A fresh session per request: some routes (logout-all) end the caller's sessions. */
  async function agentFor(role: Role): Promise<Agent> {
    const user = users.get(role);
    if (!user) throw new Error(`no ${role} user`);
    return sessionAgent(t, user.id);
  }

  function routes() {
    return t.app.registeredRoutes.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));
  }

  it('declares the action of the contract on every route', () => {
    const declared = Object.fromEntries(routes().map((r) => [`${r.method} ${r.url}`, r.action]));
    const expected = Object.fromEntries(
      Object.keys(declared).map((key) => [key, CONTRACT[key] ?? 'not in contract']),
    );
    expect(declared).toEqual(expected);
  });

  it('grants each action to the roles of the contract', () => {
    const table = Object.fromEntries(
      Object.entries(ACTIONS).map(([action, roles]) => [action, [...roles].sort()]),
    );
    const contract = Object.fromEntries(
      Object.entries(CONTRACT_ROLES).map(([action, roles]) => [action, [...roles].sort()]),
    );
    expect(table).toEqual(contract);
  });

  it('refuses to start when a route declares no action', async () => {
    const db = await createTestDatabase();
    try {
      const app = await buildApp({ db, config: testConfig() });
      await expect(async () => {
        app.get('/api/forgotten', async () => 'oops');
        await app.ready();
      }).rejects.toThrow(/declares no authorization action/);
    } finally {
      await db.close();
    }
  });

  it('answers 401 to anonymous callers, 403 to roles the table leaves out, and lets listed roles through', async () => {
    const checked: string[] = [];
    for (const route of routes()) {
      if (route.action === 'public') continue;
      const key = `${route.method} ${route.url}`;
      const send = (agent: Agent) =>
        agent.request({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          ...(BODIES[key] === undefined ? {} : { payload: BODIES[key] }),
        });

      const anonymous = await send(new Agent(t.app));
      expect({ key, status: anonymous.statusCode, code: anonymous.json().code }).toEqual({
        key,
        status: 401,
        code: 'UNAUTHENTICATED',
      });

      const allowed = rolesFor(route.action);
      for (const role of ROLES) {
        const response = await send(await agentFor(role));
        // Only JSON answers carry a code; a download (an XLSX export) is a success by its status alone.
        const json = String(response.headers['content-type'] ?? '').startsWith('application/json');
        const body = response.statusCode === 204 || !json ? {} : response.json();
        if (allowed.includes(role)) {
          expect({ key, role, status: response.statusCode, code: body.code }).not.toMatchObject({
            status: 401,
          });
          expect({ key, role, code: body.code }).not.toEqual({ key, role, code: 'FORBIDDEN' });
        } else {
          expect({ key, role, status: response.statusCode, code: body.code }).toEqual({
            key,
            role,
            status: 403,
            code: 'FORBIDDEN',
          });
        }
      }
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(10);
  });
});
