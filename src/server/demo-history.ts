// The demo's 2023 round as it happened (the seed's report): the sixteen enterprises' applications to the call of
// October 2023, keyed in from paper and submitted inside the window, passed at intake by 11-10, calculated,
// publicized for five working days (11-20 to 11-24), closed, and the list approved on 12-01 — ten awards,
// 1,299,600.00 元. Every step after the keying-in is the product's own use case, run with the clock of its day,
// so the records, the audit trail and the publicity period on the official calendar are what the system
// itself writes.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client';
import { DEMO_APPLICANTS_2023 } from '../db/demo/data';
import {
  changeStatus,
  insertApplication,
  lockApplication,
  updateDeclared,
} from '../db/repos/applications.repo';
import { findCallIdByCode } from '../db/repos/awards.repo';
import { findEnterpriseByUscc } from '../db/repos/enterprises.repo';
import { type Actor, SYSTEM } from '../shared/actor';
import { AppError } from '../shared/errors';
import type { Role } from '../shared/roles';
import { approveAwards } from './awards/approve-awards';
import { calculateAwards } from './awards/calculate-awards';
import { moveApplication } from './awards/call-step';
import { closeDuePublicity, publicizeAwards } from './awards/publicize-awards';
import { ensureOfficialCalendar } from './calendar/ensure-official-calendar';
import { audit, transact, type UseCaseContext } from './use-case';

export const DEMO_2023_CALL = 'tianhe-2023-service-trade-call';

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
  const context = (actor: Actor, now: Date): UseCaseContext => ({
    db,
    clock: () => now,
    actor,
    requestId: 'demo-2023',
    locale: 'zh-CN',
    log: { error: () => undefined },
    auditKey,
  });
  await ensureOfficialCalendar({ db, clock: () => DAYS.submitted, auditKey });

  const ids: string[] = [];
  for (const [i, applicant] of DEMO_APPLICANTS_2023.entries()) {
    const submittedAt = new Date(DAYS.submitted.getTime() + i * 47 * MINUTE);
    ids.push(
      await keyIn(context(SYSTEM, submittedAt), { callId, uscc: applicant.uscc, clerk: staff.intake }),
    );
  }
  for (const [i, id] of ids.entries()) {
    const passedAt = new Date(DAYS.intake.getTime() + i * 9 * MINUTE);
    const ctx = context(staff.intake, passedAt);
    await transact(ctx, async (tx) => {
      const application = await lockApplication(tx, id);
      if (!application)
        throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'application', key: id });
      await moveApplication(tx, ctx, application, 'pass_intake', passedAt);
    });
  }
  await calculateAwards(context(staff.admin, DAYS.calculated), { callId });
  await publicizeAwards(context(staff.admin, DAYS.publicized), { callId });
  await closeDuePublicity(context(SYSTEM, DAYS.swept));
  await approveAwards(context(staff.approver, DAYS.approved), { callId, body: {} });
}

type UserActor = Actor & { kind: 'user' };

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

/** A paper application keyed in by the intake clerk and submitted on its day, with its audit events. */
async function keyIn(
  ctx: UseCaseContext,
  input: { callId: string; uscc: string; clerk: UserActor },
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
    const application = await updateDeclared(tx, created.id, {}, now);
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
