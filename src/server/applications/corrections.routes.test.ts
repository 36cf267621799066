// Returns for correction (退回补正) with items and a deadline in working days: intake names what to correct and
// how many working days the applicant has; the deadline is counted on the official calendar and ends at
// midnight, Beijing time; the applicant reads the items and answers by submitting again in time; past the
// deadline the resubmission is refused and the sweep rejects the application, once, with the deadline as reason.
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
import {
  type Agent,
  auditActionsOf,
  buildUser,
  createTestApp,
  signedIn,
  type TestApp,
  type TestUser,
} from '../test-support';
import { lapseDueCorrections } from './lapse-corrections';

let t: TestApp;
let callId: string;
let officer: TestUser;
let intake: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
  const department = await buildDepartment(t.db, { code: 'correction-x', name: '补正局' });
  const program = await buildProgram(t.db, { departmentId: department.id });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  // Open for a month: the applicant may resubmit after days have passed.
  callId = (
    await buildCall(t.db, program, { around: t.clock.now(), closesAt: new Date('2026-04-30T09:30:00Z') })
  ).id;
  officer = await buildUser(t, 'intake');
  await assignDepartments(t.db.orm, officer.id, [department.id]);
  intake = await signedIn(t, officer);
});
afterAll(() => t.close());

async function submitted(): Promise<{ applicant: TestUser; agent: Agent; id: string }> {
  const enterprise = await buildEnterprise(t.db);
  const applicant = await buildUser(t, 'applicant', { enterpriseId: enterprise.id });
  const agent = await signedIn(t, applicant);
  const id = (
    await agent.request({
      method: 'POST',
      url: '/api/my/applications',
      payload: { callId, clause: 'service-trade-volume' },
    })
  ).json().id;
  await agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
  return { applicant, agent, id };
}

const items = [
  { subject: 'business_license', reason: '营业执照副本不清晰，请重新上传。' },
  { subject: 'declared_figures', reason: '申报的服务贸易额与合同合计不一致，请核对。' },
];
const sweep = () =>
  lapseDueCorrections({
    db: t.db,
    clock: t.clock.now,
    auditKey: t.config.auditKey,
    requestId: 'test',
    log: console,
  });
const returnIt = (id: string, payload: Record<string, unknown>) =>
  intake.request({ method: 'POST', url: `/api/applications/${id}/return`, payload });

describe('a return for correction', () => {
  it('names the items and counts the deadline in working days; a resubmission in time answers it', async () => {
    const { agent, id } = await submitted();
    // Monday 2026-03-02: three working days after it is Thursday 03-05.
    const returned = await returnIt(id, { reason: '材料需补正。', items, workdays: 3 });
    expect(returned.statusCode, returned.body).toBe(200);
    const detail = (await agent.request({ url: `/api/my/applications/${id}` })).json();
    expect(detail.correction).toEqual({
      items,
      workdays: 3,
      dueOn: '2026-03-05',
      dueAt: '2026-03-05T16:00:00.000Z',
      answeredAt: null,
      lapsedAt: null,
    });
    expect(await auditActionsOf(t.db, id)).toContain('application.correction_requested');

    const resubmitted = await agent.request({ method: 'POST', url: `/api/my/applications/${id}/resubmit` });
    expect(resubmitted.statusCode).toBe(200);
    const answered = (await agent.request({ url: `/api/my/applications/${id}` })).json().correction;
    expect(answered.answeredAt).toBe(t.clock.now().toISOString());
    expect(await sweep()).toBe(0);
  });

  it('gives five working days unless told otherwise, and refuses items on any other decision', async () => {
    const { agent, id } = await submitted();
    const refused = await intake.request({
      method: 'POST',
      url: `/api/applications/${id}/pass_intake`,
      payload: { items },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'CORRECTION_ONLY_ON_RETURN']);
    for (const payload of [
      { reason: '补正', workdays: 0 },
      { reason: '补正', workdays: 31 },
      { reason: '补正', items: [{ subject: 'passport', reason: '无' }] },
      { reason: '补正', items: [{ subject: 'bank_account', reason: '  ' }] },
    ]) {
      expect((await returnIt(id, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await returnIt(id, { reason: '请补充收款账户信息。' })).statusCode).toBe(200);
    const correction = (await agent.request({ url: `/api/my/applications/${id}` })).json().correction;
    // Monday 03-02 + 5 working days = Monday 03-09.
    expect(correction).toMatchObject({ items: [], workdays: 5, dueOn: '2026-03-09' });
  });

  it('refuses a resubmission after the deadline, and the sweep rejects the application once', async () => {
    const { applicant, id } = await submitted();
    await returnIt(id, { reason: '材料需补正。', items, workdays: 1 });
    // Tuesday 03-03 is the last day; its end in Beijing is 16:00 UTC.
    t.clock.advance(Date.parse('2026-03-03T15:59:00Z') - t.clock.now().getTime());
    expect(await sweep()).toBe(0);
    t.clock.advance(60_000);
    const agent = await signedIn(t, applicant);
    const late = await agent.request({ method: 'POST', url: `/api/my/applications/${id}/resubmit` });
    expect([late.statusCode, late.json().code]).toEqual([409, 'CORRECTION_DEADLINE_PASSED']);

    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const detail = (await agent.request({ url: `/api/my/applications/${id}` })).json();
    expect(detail.status).toBe('rejected');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'lapse',
      reason: '补正期限（2026-03-03）已过，未重新提交。',
    });
    expect(detail.correction.lapsedAt).toBe(t.clock.now().toISOString());
    expect((await auditActionsOf(t.db, id)).slice(-2)).toEqual([
      'application.status_changed',
      'application.correction_lapsed',
    ]);
    expect(await sweep()).toBe(0);
    const inbox = (await agent.request({ url: '/api/my/inbox' })).json();
    expect(inbox.items[0]).toMatchObject({ action: 'lapse', toStatus: 'rejected' });
  });
});
