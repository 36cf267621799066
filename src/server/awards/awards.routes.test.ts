// Calculating a call's awards over HTTP, checked against an independent computation to the fen: 2% of the
// previous year's service trade at the program's rate, rounded half up to the 元, capped at 300,000 元, then
// shared proportionally when the budget is short — the total exactly the budget, each share its floor or one
// 元 more. Refused while the call is open or review is not done; calculated once even when asked twice at once;
// every application's move and the run itself are audited; another department's staff get 404.
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client';
import { changeStatus, insertApplication, updateDeclared } from '../../db/repos/applications.repo';
import { insertEnterpriseStats } from '../../db/repos/enterprises.repo';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { auditEvents } from '../../db/schema';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import type { ApplicationStatus } from '../../shared/application-workflow';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

const CLAUSE = 'service-trade-volume';
const DAY = 86_400_000;
const CAP_YUAN = 300_000n;

let t: TestApp;
let departmentId: string;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await buildDepartment(t.db, { code: 'awards-x', name: '甲局' })).id;
  admin = await signedIn(t, await buildUser(t, 'admin'));
});
afterAll(() => t.close());

/** A closed call of a 2023 program under the seed's rules, with the given budget in 元. */
async function closedCall(budgetYuan: bigint): Promise<{ callId: string; userId: string }> {
  const program = await buildProgram(t.db, { departmentId, year: 2023, budgetFen: budgetYuan * 100n });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  const call = await buildCall(t.db, program, { around: new Date(t.clock.now().getTime() - 3 * DAY) });
  const user = await buildUser(t, 'applicant');
  return { callId: call.id, userId: user.id };
}

/** An enterprise with its 2022 registry figures, and its application standing at `status`. */
async function application(
  db: Database,
  call: { callId: string; userId: string },
  tradeCents: bigint,
  status: ApplicationStatus = 'intake_passed',
  profile: { violations?: boolean } = {},
): Promise<string> {
  const enterprise = await buildEnterprise(db, { statsRegistered: true, ...profile });
  const importCents = tradeCents / 3n;
  await insertEnterpriseStats(db.orm, [
    {
      enterpriseId: enterprise.id,
      year: 2022,
      outsourcingExecUsdCents: 0n,
      offshoreExecUsdCents: 0n,
      serviceImportUsdCents: importCents,
      serviceExportUsdCents: tradeCents - importCents,
      source: 'test',
    },
  ]);
  const now = t.clock.now();
  return db.orm.transaction(async (tx) => {
    const created = await insertApplication(tx, {
      callId: call.callId,
      enterpriseId: enterprise.id,
      clause: CLAUSE,
      createdBy: call.userId,
      createdAt: now,
    });
    let row = await updateDeclared(tx, created.id, {}, now);
    if (status !== 'draft') {
      row = await changeStatus(tx, row, { action: 'submit', to: 'submitted', actorId: call.userId, at: now });
    }
    if (status !== 'draft' && status !== 'submitted') {
      await changeStatus(tx, row, { action: 'pass_intake', to: status, actorId: null, at: now });
    }
    return created.id;
  });
}

/** 2% of the trade at 6.7261, rounded half up to the 元, capped: computed without the product's code. */
function expectedYuan(tradeCents: bigint): bigint {
  const numerator = tradeCents * 67_261n * 2n; // cents × rate × 2%, in units of 1/(10^4 × 100 × 100) 元
  const denominator = 10_000n * 100n * 100n;
  const yuan = (2n * numerator + denominator) / (2n * denominator);
  return yuan < CAP_YUAN ? yuan : CAP_YUAN;
}

const yuanOf = (text: string) => {
  expect(text).toMatch(/^\d+\.00$/);
  return BigInt(text.slice(0, -3));
};

const calculate = (callId: string, agent = admin) =>
  agent.request({ method: 'POST', url: `/api/calls/${callId}/calculate` });

describe('calculating a call’s awards', () => {
  it('computes each award to the 元 and allocates a short budget exactly, for any figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.bigInt({ min: 100_000_001n, max: 3_000_000_000n }), { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 1n, max: 1_500_000n }),
        async (trades, budget) => {
          const call = await closedCall(budget);
          const ids = [];
          for (const trade of trades) ids.push(await application(t.db, call, trade));
          const response = await calculate(call.callId);
          expect(response.statusCode).toBe(201);
          const result = response.json();
          const byId = new Map(result.awards.map((a: { applicationId: string }) => [a.applicationId, a]));
          const expected = trades.map(expectedYuan);
          const sum = expected.reduce((a, b) => a + b, 0n);
          // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigint.
          const total = sum < budget ? sum : budget;
          expect(yuanOf(result.computedTotal)).toBe(sum);
          expect(yuanOf(result.allocatedTotal)).toBe(total);
          ids.forEach((id, i) => {
            const award = byId.get(id) as { computed: string; allocated: string; eligible: boolean };
            const computed = expected[i] as bigint;
            expect(award.eligible).toBe(true);
            expect(yuanOf(award.computed)).toBe(computed);
            const floor = (computed * total) / (sum === 0n ? 1n : sum);
            expect(yuanOf(award.allocated) - floor).toBeGreaterThanOrEqual(0n);
            expect(yuanOf(award.allocated) - floor).toBeLessThanOrEqual(1n);
          });
        },
      ),
      { numRuns: 6 },
    );
  });

  it('keeps the explanation, the rule version and the audit trail, and leaves the ineligible at zero', async () => {
    const call = await closedCall(1_299_600n);
    const eligible = await application(t.db, call, 200_000_000n);
    const violating = await application(t.db, call, 500_000_000n, 'intake_passed', { violations: true });
    const response = await calculate(call.callId);
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ seq: 1, ruleVersion: 1, budget: '1299600.00', reduced: false });
    const award = (id: string) =>
      result.awards.find((a: { applicationId: string }) => a.applicationId === id);
    expect(award(eligible)).toMatchObject({ eligible: true, computed: '269044.00', allocated: '269044.00' });
    expect(award(eligible).explanation.trace.length).toBeGreaterThan(0);
    expect(award(violating)).toMatchObject({ eligible: false, computed: '0.00', allocated: '0.00' });
    expect(award(violating).explanation.clauses[0].reasons.join(' ')).toMatch(/违法违规/);

    const english = await admin.request({
      url: `/api/calls/${call.callId}/awards`,
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.statusCode).toBe(200);
    for (const id of [eligible, violating]) {
      const statuses = await queryRows(t.db.orm, sql`SELECT status FROM applications WHERE id = ${id}`);
      expect(statuses).toEqual([{ status: 'calculated' }]);
      const actions = await t.db.orm
        .select({ action: auditEvents.action, after: auditEvents.after })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, id));
      expect(actions.at(-1)).toMatchObject({
        action: 'application.status_changed',
        after: { action: 'calculate' },
      });
    }
    const [run] = await t.db.orm.select().from(auditEvents).where(eq(auditEvents.entityId, call.callId));
    expect(run).toMatchObject({ action: 'call.awards_calculated', after: { allocatedTotal: '269044.00' } });
  });

  it('refuses while the call is open, while review is not done, and to anyone but an administrator', async () => {
    const program = await buildProgram(t.db, { departmentId, year: 2023 });
    await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
    const open = await buildCall(t.db, program, { around: t.clock.now() });
    const stillOpen = await calculate(open.id);
    expect([stillOpen.statusCode, stillOpen.json().code]).toEqual([409, 'CALL_STILL_OPEN']);

    const call = await closedCall(1_299_600n);
    await application(t.db, call, 200_000_000n);
    await application(t.db, call, 300_000_000n, 'submitted');
    const pending = await calculate(call.callId);
    expect([pending.statusCode, pending.json().code]).toEqual([409, 'REVIEW_NOT_DONE']);
    expect(pending.json().message).toContain('1');

    const intake = await signedIn(t, await buildUser(t, 'intake'));
    expect((await calculate(call.callId, intake)).statusCode).toBe(403);
    const none = await queryRows(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM award_calculations WHERE call_id = ${call.callId}`,
    );
    expect(none).toEqual([{ n: 0 }]);
  });

  it('calculates once when asked twice at once; the second finds nothing left', async () => {
    const call = await closedCall(1_299_600n);
    await application(t.db, call, 200_000_000n);
    await application(t.db, call, 250_000_000n);
    const [a, b] = await Promise.all([calculate(call.callId), calculate(call.callId)]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r?.statusCode === 409)?.json().code).toBe('NOTHING_TO_CALCULATE');
    const runs = await queryRows(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM award_calculations WHERE call_id = ${call.callId}`,
    );
    expect(runs).toEqual([{ n: 1 }]);
  });

  it('shows the awards to the department’s staff and answers 404 to another department’s', async () => {
    const call = await closedCall(1_299_600n);
    await application(t.db, call, 200_000_000n);
    expect((await calculate(call.callId)).statusCode).toBe(201);
    const approver = await buildUser(t, 'approver');
    await assignDepartments(t.db.orm, approver.id, [departmentId]);
    const outsider = await buildUser(t, 'approver');
    await assignDepartments(t.db.orm, outsider.id, [
      (await buildDepartment(t.db, { code: 'awards-y', name: '乙局' })).id,
    ]);
    const url = `/api/calls/${call.callId}/awards`;
    expect((await (await signedIn(t, approver)).request({ url })).statusCode).toBe(200);
    expect((await (await signedIn(t, outsider)).request({ url })).statusCode).toBe(404);
  });
});
