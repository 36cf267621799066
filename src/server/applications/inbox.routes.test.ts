// The applicant's inbox: every status change of its enterprise's applications the applicant should know about
// arrives in the change's own transaction, newest first, with the reason staff gave; staff's internal steps do
// not; another enterprise's applicant never sees it; marking read counts down and touches no one else's.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import { APPLICATION_ACTIONS, notifiesApplicant } from '../../shared/application-workflow';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

let t: TestApp;
let callId: string;
let intake: Agent;

beforeAll(async () => {
  t = await createTestApp();
  // A return for correction counts its deadline in working days on the official calendar.
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
  const department = await buildDepartment(t.db, { code: 'inbox-x', name: '消息局' });
  const program = await buildProgram(t.db, { departmentId: department.id });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  callId = (await buildCall(t.db, program, { around: t.clock.now() })).id;
  const officer = await buildUser(t, 'intake');
  await assignDepartments(t.db.orm, officer.id, [department.id]);
  intake = await signedIn(t, officer);
});
afterAll(() => t.close());

async function applicant(): Promise<Agent> {
  const enterprise = await buildEnterprise(t.db);
  return signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
}

describe('the applicant’s inbox', () => {
  it('tells of submission, a return for correction with its reason, and the resubmission, newest first', async () => {
    const a = await applicant();
    const b = await applicant();
    const id = (
      await a.request({
        method: 'POST',
        url: '/api/my/applications',
        payload: { callId, clause: 'service-trade-volume' },
      })
    ).json().id;
    expect((await a.request({ url: '/api/my/inbox' })).json()).toEqual({ unread: 0, items: [] });
    await a.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
    const reason = '营业执照副本不清晰，请重新上传。';
    const returned = await intake.request({
      method: 'POST',
      url: `/api/applications/${id}/return`,
      payload: { reason },
    });
    expect(returned.statusCode).toBe(200);
    await a.request({ method: 'POST', url: `/api/my/applications/${id}/resubmit` });

    const inbox = (await a.request({ url: '/api/my/inbox' })).json();
    expect(inbox.unread).toBe(3);
    expect(
      inbox.items.map((m: { action: string; toStatus: string; reason: string | null }) => [
        m.action,
        m.toStatus,
        m.reason,
      ]),
    ).toEqual([
      ['resubmit', 'submitted', null],
      ['return', 'returned', reason],
      ['submit', 'submitted', null],
    ]);
    expect(inbox.items[0]).toMatchObject({ applicationId: id, callTitle: '申报通知', read: false });
    expect((await b.request({ url: '/api/my/inbox' })).json()).toEqual({ unread: 0, items: [] });

    // B cannot mark A's messages read; A marks one, then the rest.
    const first = inbox.items[2].id;
    expect(
      (await b.request({ method: 'POST', url: '/api/my/inbox/read', payload: { ids: [first] } })).json(),
    ).toEqual({ unread: 0 });
    expect(
      (await a.request({ method: 'POST', url: '/api/my/inbox/read', payload: { ids: [first] } })).json(),
    ).toEqual({ unread: 2 });
    expect((await a.request({ method: 'POST', url: '/api/my/inbox/read', payload: {} })).json()).toEqual({
      unread: 0,
    });
    expect((await intake.request({ url: '/api/my/inbox' })).statusCode).toBe(403);
  });

  it('writes a message for every change but staff’s internal steps, in the change’s transaction', async () => {
    expect(APPLICATION_ACTIONS.filter((action) => !notifiesApplicant(action))).toEqual([
      'open_expert_review',
      'close_expert_review',
      'calculate',
    ]);
    const changes = await queryRows<{ changes: number; messages: number }>(
      t.db.orm,
      sql`SELECT (SELECT count(*)::int FROM application_status_changes
                  WHERE action NOT IN ('open_expert_review', 'close_expert_review', 'calculate')) AS changes,
                 (SELECT count(*)::int FROM inbox_messages) AS messages`,
    );
    expect(changes[0]?.changes).toBe(changes[0]?.messages);
  });
});
