// The demo's past rounds, carried through the product's own use cases after the demo data is loaded.
//
// The 2023 round as it happened (the seed's report): the sixteen enterprises' applications to the call of
// October 2023, keyed in from paper and submitted inside the window, passed at intake by 11-10, calculated,
// publicized for five working days (11-20 to 11-24), closed, and the list approved on 12-01 — ten awards,
// 1,299,600.00 元. Every step after the keying-in is the product's own use case, run with the clock of its day,
// so the records, the audit trail and the publicity period on the official calendar are what the system
// itself writes.
//
// The current program's first batch (第一批): a call that closed four weeks before the demo is loaded, its
// applications passed at intake and calculated, and its award list published on the day of loading, so the
// portal has a list open to objections, one objection waits for the staff, and the list comes to the approver
// when its period closes. Its dates are counted back from the day of loading, in whole weeks, so they keep their
// weekdays whenever the demo is loaded.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client';
import { DEMO_APPLICANTS_2023 } from '../db/demo/data';
import { windowPhrase } from '../db/demo/open-round';
import {
  changeStatus,
  insertApplication,
  lockApplication,
  updateDeclared,
} from '../db/repos/applications.repo';
import { findCallIdByCode } from '../db/repos/awards.repo';
import { findEnterpriseByUscc } from '../db/repos/enterprises.repo';
import { findProgramByCode, insertCalls } from '../db/repos/programs.repo';
import { type Actor, ANONYMOUS, SYSTEM } from '../shared/actor';
import { AppError } from '../shared/errors';
import type { Role } from '../shared/roles';
import { approveAwards } from './awards/approve-awards';
import { calculateAwards } from './awards/calculate-awards';
import { moveApplication } from './awards/call-step';
import { fileObjection } from './awards/objections';
import { closeDuePublicity, publicizeAwards } from './awards/publicize-awards';
import { ensureOfficialCalendar } from './calendar/ensure-official-calendar';
import { audit, transact, type UseCaseContext } from './use-case';

export const DEMO_2023_CALL = 'tianhe-2023-service-trade-call';
const DEMO_OPEN_PROGRAM = 'tianhe-2026-service-trade';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const MINUTE = 60_000;

/** The round's days, Beijing time. */
const DAYS = {
  submitted: at('2023-10-16T09:30:00'),
  intake: at('2023-11-08T09:30:00'),
  calculated: at('2023-11-13T10:00:00'),
  publicized: at('2023-11-20T09:00:00'),
  swept: at('2023-11-25T00:00:30'),
  approved: at('2023-12-01T10:00:00'),
};

export async function carryDemoHistory(db: Database, auditKey: string): Promise<void> {
  const callId = await findCallIdByCode(db.orm, DEMO_2023_CALL);
  if (!callId)
    throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'call', key: DEMO_2023_CALL });
  const staff = await staffActors(db);
  const context = contextFor(db, auditKey, 'demo-2023');
  await ensureOfficialCalendar({ db, clock: () => DAYS.submitted, auditKey });

  const ids: string[] = [];
  for (const [i, applicant] of DEMO_APPLICANTS_2023.entries()) {
    const submittedAt = new Date(DAYS.submitted.getTime() + i * 47 * MINUTE);
    ids.push(
      await keyIn(context(SYSTEM, submittedAt), { callId, uscc: applicant.uscc, clerk: staff.intake }),
    );
  }
  for (const [i, id] of ids.entries()) {
    await passIntake(context(staff.intake, new Date(DAYS.intake.getTime() + i * 9 * MINUTE)), id);
  }
  await calculateAwards(context(staff.admin, DAYS.calculated), { callId });
  await publicizeAwards(context(staff.admin, DAYS.publicized), { callId });
  await closeDuePublicity(context(SYSTEM, DAYS.swept));
  await approveAwards(context(staff.approver, DAYS.approved), { callId, body: {} });
}

export const DEMO_BATCH1_CALL = 'tianhe-2026-service-trade-batch1';
const WEEK = 7 * 86_400_000;

/** The first batch's applicants, by name, with the 2025 service trade (USD) each declared. */
const BATCH1: readonly { name: string; trade: string }[] = [
  { name: '广州澜拓软件技术有限公司', trade: '5200000.00' },
  { name: '广州启澄信息服务有限公司', trade: '3100000.00' },
  { name: '广州禾岳软件科技有限公司', trade: '1650000.00' },
  { name: '广州知澜数据服务有限公司', trade: '2480000.00' },
  { name: '广州量汀数据科技有限公司', trade: '980000.00' },
];

/** The 9:00 (Beijing) of the weekday `weeks` whole weeks before `now`'s day, plus `hours`. */
function weeksBefore(now: Date, weeks: number, hours = 0): Date {
  const beijingMidnight =
    Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000;
  return new Date(beijingMidnight - weeks * WEEK + (9 + hours) * 3_600_000);
}

export async function carryDemoBatch(db: Database, auditKey: string, now: Date): Promise<void> {
  const staff = await staffActors(db);
  const context = contextFor(db, auditKey, 'demo-batch1');
  const opensAt = weeksBefore(now, 9);
  const closesAt = weeksBefore(now, 4, 8.5);
  const callId = await transact(context(SYSTEM, opensAt), async (tx) => {
    const program = await findProgramByCode(tx, DEMO_OPEN_PROGRAM);
    if (!program)
      throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'program', key: DEMO_OPEN_PROGRAM });
    const [call] = await insertCalls(tx, [
      {
        code: DEMO_BATCH1_CALL,
        programId: program.id,
        title: '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知（2025年度业绩·第一批）',
        opensAt,
        closesAt,
        status: 'closed',
        guide:
          `第一批申报时间：${windowPhrase(opensAt, closesAt)}。申报条件与奖励标准同本年度申报通知；` +
          '评审结果公示5个工作日，公示无异议后拨付。',
        publicityDays: 5,
        publicityKind: 'workdays',
      },
    ]);
    if (!call) throw new Error('insert into calls returned no row');
    await audit(tx, context(SYSTEM, opensAt), opensAt, {
      action: 'call.created',
      entityId: call.id,
      after: {
        code: call.code,
        programId: program.id,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      },
    });
    return call.id;
  });

  const ids: string[] = [];
  for (const [i, applicant] of BATCH1.entries()) {
    const submittedAt = weeksBefore(now, 5, i);
    const enterprise = await findEnterpriseByName(db, applicant.name);
    ids.push(
      await keyIn(context(SYSTEM, submittedAt), {
        callId,
        uscc: enterprise.uscc,
        clerk: staff.intake,
        declared: { service_trade_usd: applicant.trade },
      }),
    );
  }
  for (const [i, id] of ids.entries()) {
    await passIntake(context(staff.intake, weeksBefore(now, 3, i * 0.25)), id);
  }
  await calculateAwards(context(staff.admin, weeksBefore(now, 1)), { callId });
  const list = await publicizeAwards(context(staff.admin, now), { callId });
  await fileObjection(context(ANONYMOUS, now), {
    listId: list.id,
    address: 'demo',
    body: {
      name: '王芳',
      contact: '020-38880000',
      reasons: '据了解，广州禾岳软件科技有限公司申报的部分服务合同为关联企业间交易，请核实其服务贸易额。',
      applicationId: ids[2],
    },
  });
}

type UserActor = Actor & { kind: 'user' };

/** A use-case context for `actor` with the clock stopped at `at`: each step of a round on its own day. */
function contextFor(db: Database, auditKey: string, requestId: string) {
  return (actor: Actor, at: Date): UseCaseContext => ({
    db,
    clock: () => at,
    actor,
    requestId,
    locale: 'zh-CN',
    log: { error: () => undefined },
    auditKey,
  });
}

/** 形式审查通过, by the context's intake officer on the context's day. */
async function passIntake(ctx: UseCaseContext, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const application = await lockApplication(tx, id);
    if (!application)
      throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'application', key: id });
    await moveApplication(tx, ctx, application, 'pass_intake', ctx.clock());
  });
}

async function staffActors(db: Database): Promise<Record<'intake' | 'admin' | 'approver', UserActor>> {
  const rows = await queryRows<{ id: string; username: string; role: Role }>(
    db.orm,
    sql`SELECT id, username, role FROM users WHERE username IN ('intake', 'admin', 'approver')`,
  );
  const actor = (username: string): UserActor => {
    const row = rows.find((r) => r.username === username);
    if (!row) throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'user', key: username });
    return { kind: 'user', id: row.id, role: row.role, enterpriseId: null };
  };
  return { intake: actor('intake'), admin: actor('admin'), approver: actor('approver') };
}

async function findEnterpriseByName(db: Database, name: string): Promise<{ uscc: string }> {
  const [row] = await queryRows<{ uscc: string }>(
    db.orm,
    sql`SELECT uscc FROM enterprises WHERE name = ${name}`,
  );
  if (!row) throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'enterprise', key: name });
  return row;
}

/** An application keyed in by the intake clerk and submitted on its day, with its audit events. */
async function keyIn(
  ctx: UseCaseContext,
  input: { callId: string; uscc: string; clerk: UserActor; declared?: Record<string, string> },
): Promise<string> {
  const now = ctx.clock();
  const enterprise = await findEnterpriseByUscc(ctx.db.orm, input.uscc.toUpperCase());
  if (!enterprise)
    throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'enterprise', key: input.uscc });
  return transact(ctx, async (tx) => {
    const created = await insertApplication(tx, {
      callId: input.callId,
      enterpriseId: enterprise.id,
      clause: 'service-trade-volume',
      createdBy: input.clerk.id,
      createdAt: now,
    });
    await audit(tx, ctx, now, {
      action: 'application.created',
      entityId: created.id,
      after: { callId: input.callId, enterpriseId: enterprise.id, clause: 'service-trade-volume' },
    });
    const declared = input.declared ?? {};
    const application = await updateDeclared(tx, created.id, declared, now);
    if (input.declared) {
      await audit(tx, ctx, now, {
        action: 'application.declared_updated',
        entityId: created.id,
        before: {},
        after: declared,
      });
    }
    await changeStatus(tx, application, { action: 'submit', to: 'submitted', actorId: null, at: now });
    await audit(tx, ctx, now, {
      action: 'application.status_changed',
      entityId: created.id,
      before: { status: 'draft' },
      after: { status: 'submitted', action: 'submit' },
    });
    return created.id;
  });
}
