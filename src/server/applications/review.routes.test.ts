// Intake review (形式审查) over HTTP: staff of a department list and decide the applications under their
// department's programs and never another department's; a return for correction or a rejection must say why, and
// the applicant reads it in the history; a returned application is corrected and submitted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

const CLAUSE = 'service-trade-volume';

let t: TestApp;
const calls: Record<'x' | 'y', string> = { x: '', y: '' };
const departments: Record<'x' | 'y', string> = { x: '', y: '' };

async function openCall(departmentCode: string): Promise<{ callId: string; departmentId: string }> {
  const department = await buildDepartment(t.db, { code: departmentCode, name: `${departmentCode} 局` });
  const program = await buildProgram(t.db, { departmentId: department.id });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  const call = await buildCall(t.db, program, { around: t.clock.now() });
  return { callId: call.id, departmentId: department.id };
}

beforeAll(async () => {
  t = await createTestApp();
  // A return for correction counts its deadline in working days on the official calendar.
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
  for (const key of ['x', 'y'] as const) {
    const opened = await openCall(`dept-${key}`);
    calls[key] = opened.callId;
    departments[key] = opened.departmentId;
  }
});
afterAll(() => t.close());

async function intakeOf(key: 'x' | 'y'): Promise<Agent> {
  const user = await buildUser(t, 'intake');
  await assignDepartments(t.db.orm, user.id, [departments[key]]);
  return signedIn(t, user);
}

/** An applicant of a new enterprise with an application to `key`'s call, submitted unless `draft`. */
async function applied(key: 'x' | 'y', draft = false): Promise<{ agent: Agent; id: string }> {
  const enterprise = await buildEnterprise(t.db);
  const agent = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  const created = await agent.request({
    method: 'POST',
    url: '/api/my/applications',
    payload: { callId: calls[key], clause: CLAUSE },
  });
  const id = created.json().id as string;
  if (!draft) await agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
  return { agent, id };
}

const decide = (agent: Agent, id: string, action: string, reason?: string) =>
  agent.request({
    method: 'POST',
    url: `/api/applications/${id}/${action}`,
    payload: reason === undefined ? {} : { reason },
  });

describe('intake review', () => {
  it('lists its department’s submitted applications, never drafts or another department’s', async () => {
    const intake = await intakeOf('x');
    const mine = await applied('x');
    const draft = await applied('x', true);
    const other = await applied('y');
    const page = (await intake.request({ url: '/api/applications?status=submitted&limit=100' })).json();
    const ids = page.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(other.id);
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((a: { id: string }) => a.id === mine.id).actions).toEqual([
      'return',
      'pass_intake',
      'reject',
    ]);
    const all = (await intake.request({ url: '/api/applications?limit=100' })).json();
    expect(all.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
  });

  it('answers 404 for another department’s application and for a draft, on reading and on deciding', async () => {
    const intake = await intakeOf('x');
    const other = await applied('y');
    const draft = await applied('x', true);
    for (const id of [other.id, draft.id]) {
      expect((await intake.request({ url: `/api/applications/${id}` })).statusCode).toBe(404);
      const refused = await decide(intake, id, 'pass_intake');
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('APPLICATION_NOT_FOUND');
    }
    const untouched = (await other.agent.request({ url: `/api/my/applications/${other.id}` })).json();
    expect(untouched.status).toBe('submitted');
  });

  it('passes an application, and the applicant can no longer withdraw it', async () => {
    const intake = await intakeOf('x');
    const { agent, id } = await applied('x');
    const passed = await decide(intake, id, 'pass_intake');
    expect(passed.json()).toMatchObject({ status: 'intake_passed', actions: [] });
    const seen = (await agent.request({ url: `/api/my/applications/${id}` })).json();
    expect(seen).toMatchObject({ status: 'intake_passed', actions: [] });
    expect(
      (await agent.request({ method: 'POST', url: `/api/my/applications/${id}/withdraw` })).statusCode,
    ).toBe(409);
  });

  it('returns for correction only with a reason; the applicant reads it, corrects and submits again', async () => {
    const intake = await intakeOf('x');
    const { agent, id } = await applied('x');
    for (const reason of [undefined, '   ']) {
      const refused = await decide(intake, id, 'return', reason);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('REASON_REQUIRED');
    }
    const returned = await decide(intake, id, 'return', '请补充全部合同复印件及收汇凭证。');
    expect(returned.json().status).toBe('returned');

    const seen = (await agent.request({ url: `/api/my/applications/${id}` })).json();
    expect(seen.actions).toEqual(['resubmit']);
    expect(seen.lastReason).toBe('请补充全部合同复印件及收汇凭证。');
    expect(seen.history.at(-1)).toMatchObject({
      action: 'return',
      toStatus: 'returned',
      reason: '请补充全部合同复印件及收汇凭证。',
    });
    const corrected = await agent.request({
      method: 'PUT',
      url: `/api/my/applications/${id}`,
      payload: { declared: { service_trade_usd: '1500000.00' }, version: seen.version },
    });
    expect(corrected.statusCode).toBe(200);
    const resubmitted = await agent.request({ method: 'POST', url: `/api/my/applications/${id}/resubmit` });
    expect(resubmitted.json().status).toBe('submitted');
    const history = (await intake.request({ url: `/api/applications/${id}` })).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'resubmit']);
  });

  it('rejects only with a reason, and a rejected application ends', async () => {
    const intake = await intakeOf('x');
    const { agent, id } = await applied('x');
    expect((await decide(intake, id, 'reject')).json().code).toBe('REASON_REQUIRED');
    const rejected = await decide(intake, id, 'reject', '申报企业注册地不在天河区。');
    expect(rejected.json()).toMatchObject({ status: 'rejected', actions: [] });
    expect((await decide(intake, id, 'pass_intake')).json().code).toBe('APPLICATION_ACTION_REFUSED');
    const seen = (await agent.request({ url: `/api/my/applications/${id}` })).json();
    expect(seen.history.at(-1).reason).toBe('申报企业注册地不在天河区。');
  });

  it('is staff work: an applicant and an expert are refused, and an administrator sees every department', async () => {
    const { agent } = await applied('x');
    expect((await agent.request({ url: '/api/applications' })).statusCode).toBe(403);
    const expert = await signedIn(t, await buildUser(t, 'expert'));
    expect((await expert.request({ url: '/api/applications' })).statusCode).toBe(403);
    const y = await applied('y');
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const page = (await admin.request({ url: '/api/applications?limit=100' })).json();
    expect(page.items.map((a: { id: string }) => a.id)).toContain(y.id);
    const unassigned = await signedIn(t, await buildUser(t, 'intake'));
    expect((await unassigned.request({ url: '/api/applications' })).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
