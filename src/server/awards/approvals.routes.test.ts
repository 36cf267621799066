// Approving a call's award list (审批) over HTTP: only after the publicity period has closed with no objection
// open, only by an approver of the call's department who reviewed none of it, adjustments only with a written
// reason — and the approved total of a program never exceeds its budget, even with fifty approvals at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { buildDepartment, buildProgram, buildRuleVersion } from '../../db/test-factories';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import {
  Agent,
  auditActionsOf,
  buildUser,
  createTestApp,
  signedIn,
  type TestApp,
  type TestUser,
} from '../test-support';
import { type CalculatedCall, calculatedCall } from './awards-test-support';

let t: TestApp;
let departmentId: string;
let adminUser: TestUser;
let approverUser: TestUser;
let admin: Agent;
let approver: Agent;

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await buildDepartment(t.db, { code: 'approval-x', name: '审批局' })).id;
  adminUser = await buildUser(t, 'admin');
  approverUser = await buildUser(t, 'approver');
  await assignDepartments(t.db.orm, approverUser.id, [departmentId]);
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
  await signInAgain();
});
afterAll(() => t.close());

/** Sessions lapse when the clock moves on by days: the staff sign in again. */
async function signInAgain() {
  admin = await signedIn(t, adminUser);
  approver = await signedIn(t, approverUser);
}

async function publicize(call: CalculatedCall): Promise<string> {
  const response = await admin.request({ method: 'POST', url: `/api/calls/${call.callId}/publicize` });
  expect(response.statusCode).toBe(201);
  return response.json().closesAt;
}

/** Moves the clock past the end of the publicity period. */
async function pastClose(closesAt: string) {
  t.clock.advance(Date.parse(closesAt) - t.clock.now().getTime() + 60_000);
  await signInAgain();
}

const approve = (callId: string, payload: Record<string, unknown> = {}, agent = approver) =>
  agent.request({ method: 'POST', url: `/api/calls/${callId}/approve`, payload });

const approvedTotal = async (programId: string) =>
  (
    await queryRows<{ total: string }>(
      t.db.orm,
      sql`SELECT coalesce(sum(approved_fen), 0)::text AS total FROM award_approvals WHERE program_id = ${programId}`,
    )
  )[0]?.total;

describe('approving an award list', () => {
  it('waits for the period to close and for every objection to be resolved', async () => {
    const call = await calculatedCall(t, admin, { departmentId });
    const early = await approve(call.callId);
    expect([early.statusCode, early.json().code]).toEqual([409, 'NOT_PUBLICIZED']);
    const closesAt = await publicize(call);
    const open = await approve(call.callId);
    expect([open.statusCode, open.json().code]).toEqual([409, 'PUBLICITY_NOT_CLOSED']);

    const listId = (await admin.request({ url: `/api/calls/${call.callId}/awards` })).json().publicity.listId;
    const objection = await new Agent(t.app).request({
      method: 'POST',
      url: `/api/public/publicity/${listId}/objections`,
      payload: { name: '王芳', contact: 'wang@example.cn', reasons: '请核实该企业是否存在重复申报。' },
    });
    expect(objection.statusCode).toBe(201);
    await pastClose(closesAt);
    const objected = await approve(call.callId);
    expect([objected.statusCode, objected.json().code]).toEqual([409, 'OBJECTIONS_OPEN']);
    expect(objected.json().message).toBe('还有 1 件异议未处理，处理完毕后才能审批。');
    const dismissed = await admin.request({
      method: 'POST',
      url: `/api/objections/${objection.json().id}/resolve`,
      payload: { outcome: 'dismissed', investigation: '经核查无重复申报。', resolution: '异议不成立。' },
    });
    expect(dismissed.statusCode).toBe(200);

    const done = await approve(call.callId);
    expect(done.statusCode, done.body).toBe(200);
    const [winner, ineligible] = call.ids;
    const byId = new Map(done.json().awards.map((a: { applicationId: string }) => [a.applicationId, a]));
    expect(byId.get(winner)).toMatchObject({
      status: 'approved',
      approved: '269044.00',
      approvalReason: null,
    });
    expect(byId.get(ineligible)).toMatchObject({ status: 'rejected', approved: null });
    expect(await approvedTotal(call.programId)).toBe('26904400');
    expect((await auditActionsOf(t.db, call.callId)).at(-1)).toBe('call.awards_approved');
    expect((await auditActionsOf(t.db, winner ?? '')).slice(-2)).toEqual([
      'application.status_changed',
      'application.award_approved',
    ]);

    const again = await approve(call.callId);
    expect([again.statusCode, again.json().code]).toEqual([409, 'LIST_ALREADY_APPROVED']);
  });

  it('adjusts an amount only with a written reason, and only for an entry of the list', async () => {
    const call = await calculatedCall(t, admin, { departmentId });
    await pastClose(await publicize(call));
    const [winner] = call.ids;
    const before = await approvedTotal(call.programId);
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [{ applicationId: winner, amount: '200000.00' }] }, 'ADJUSTMENT_REASON_REQUIRED'],
      [{ items: [{ applicationId: winner, amount: '200000.00', reason: '  ' }] }, 'VALIDATION_FAILED'],
      [{ items: [{ applicationId: winner, amount: '-1.00', reason: '减' }] }, 'VALIDATION_FAILED'],
      [{ items: [{ applicationId: winner, amount: '1.001', reason: '减' }] }, 'VALIDATION_FAILED'],
      [
        { items: [{ applicationId: '00000000-0000-4000-8000-000000000000', amount: '1.00', reason: '减' }] },
        'ADJUSTMENT_NOT_ON_LIST',
      ],
      [
        {
          items: [
            { applicationId: winner, amount: '1.00', reason: '减' },
            { applicationId: winner, amount: '2.00', reason: '减' },
          ],
        },
        'ADJUSTMENT_DUPLICATE',
      ],
    ];
    for (const [payload, code] of cases) {
      const response = await approve(call.callId, payload);
      expect([response.statusCode, response.json().code], JSON.stringify(payload)).toEqual([400, code]);
    }
    expect(await approvedTotal(call.programId)).toBe(before);

    const reason = '合同金额核实后按 20 万元核准。';
    const done = await approve(call.callId, { items: [{ applicationId: winner, amount: '200000', reason }] });
    expect(done.statusCode, done.body).toBe(200);
    const award = done.json().awards.find((a: { applicationId: string }) => a.applicationId === winner);
    expect(award).toMatchObject({
      status: 'approved',
      allocated: '269044.00',
      approved: '200000.00',
      approvalReason: reason,
    });
  });

  it('refuses an approver of another department, a role that does not approve, and an approver who reviewed', async () => {
    const call = await calculatedCall(t, admin, { departmentId });
    await pastClose(await publicize(call));
    const outsiderUser = await buildUser(t, 'approver');
    await assignDepartments(t.db.orm, outsiderUser.id, [
      (await buildDepartment(t.db, { code: 'approval-y', name: '别局' })).id,
    ]);
    expect((await approve(call.callId, {}, await signedIn(t, outsiderUser))).statusCode).toBe(404);
    expect((await approve(call.callId, {}, admin)).statusCode).toBe(403);

    // The approver once passed one of these applications at intake (under an earlier role).
    await t.db.orm.execute(sql`INSERT INTO application_status_changes
      (application_id, seq, action, from_status, to_status, actor_id, at)
      VALUES (${call.ids[0]}, 99, 'pass_intake', 'submitted', 'intake_passed', ${approverUser.id}, now())`);
    const refused = await approve(call.callId);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'APPROVER_REVIEWED']);
  });
});

describe('the budget under concurrent approvals', () => {
  it('never lets fifty approvals and adjustments at once push the approved total past the budget', async () => {
    // Room for three lists of 269,044 元 and 100 元 more: two of five calls must be refused.
    const budgetFen = 3n * 26_904_400n + 10_000n;
    const program = await buildProgram(t.db, { departmentId, year: 2023, budgetFen });
    await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
    const calls: CalculatedCall[] = [];
    for (let i = 0; i < 5; i += 1) {
      calls.push(
        await calculatedCall(t, admin, {
          departmentId,
          program,
          applicants: [{ exportCents: 200_000_000n }],
        }),
      );
    }
    let closesAt = '';
    for (const call of calls) closesAt = await publicize(call);
    await pastClose(closesAt);
    const second = await buildUser(t, 'approver');
    await assignDepartments(t.db.orm, second.id, [departmentId]);
    const approvers = [approver, await signedIn(t, second)];

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const call = calls[i % calls.length] as CalculatedCall;
        // Every other request raises the award by 50 元: two raised lists and one plain still fit.
        const items =
          i % 2 === 0 ? [{ applicationId: call.ids[0], amount: '269094.00', reason: '补足合同差额。' }] : [];
        return approve(call.callId, { items }, approvers[i % 2]);
      }),
    );
    const ok = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode !== 200).map((r) => [r.statusCode, r.json().code]);
    for (const r of refused)
      expect([
        [409, 'LIST_ALREADY_APPROVED'],
        [409, 'BUDGET_EXCEEDED'],
      ]).toContainEqual(r);
    expect(refused.some(([, code]) => code === 'BUDGET_EXCEEDED')).toBe(true);

    const total = BigInt((await approvedTotal(program.id)) ?? '0');
    expect(total <= budgetFen).toBe(true);
    const approvedCalls = await queryRows<{ call_id: string; n: number }>(
      t.db.orm,
      sql`SELECT a.call_id, count(*)::int AS n FROM award_approvals p JOIN applications a ON a.id = p.application_id
          WHERE p.program_id = ${program.id} GROUP BY a.call_id`,
    );
    // Each call approved once, by exactly one of the successful requests; at most three fit.
    expect(approvedCalls.every((c) => c.n === 1)).toBe(true);
    expect(ok.length).toBe(approvedCalls.length);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(3);
  });
});
