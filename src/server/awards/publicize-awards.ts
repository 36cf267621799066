// Publishing a call's award list (公示): the latest calculation's awards go on the public portal for the call's
// period on the official calendar — so many working days (or calendar days) counted from the day of
// publication — and its applications move to `in_publicity`. The list stays open until the end of its last day,
// Beijing time; a sweep on the job queue marks it closed, and anything that depends on the period reads the
// instant itself, so no one acts between the end and the sweep as if the period were still running.
import { fen, yuanString } from '../../core/money/money';
import type { Tx } from '../../db/client';
import {
  type CallForCalculation,
  latestCalculation,
  lockApplicationsWithEnterprises,
  lockCallForCalculation,
} from '../../db/repos/awards.repo';
import {
  closeDueLists,
  insertPublicityList,
  openListOfCall,
  type PublicityListRow,
  publicLists,
  winnersOf,
} from '../../db/repos/publicity.repo';
import { SYSTEM } from '../../shared/actor';
import type { PublicityList } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { loadWorkdayCalendar } from '../calendar/workday-calendar';
import { audit, transact, type UseCaseContext } from '../use-case';
import { actorIdOf, moveApplication } from './call-step';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** The Beijing date of an instant: 'YYYY-MM-DD'. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** Beijing time to the minute, as the bureau writes it: '2026-11-02 09:00'. */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The end of a Beijing date: midnight at its close, as an instant. */
export function endOfBeijingDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS);
}

export async function publicizeAwards(
  ctx: UseCaseContext,
  input: { callId: string },
): Promise<PublicityListRow> {
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const row = await lockCallForCalculation(tx, input.callId);
    if (!row || row.call.status === 'draft') throw new AppError('CALL_NOT_FOUND', 'not_found');
    const latest = await latestCalculation(tx, input.callId);
    if (!latest) throw new AppError('AWARDS_NOT_CALCULATED', 'conflict');
    if (await openListOfCall(tx, input.callId)) throw new AppError('PUBLICITY_OPEN', 'conflict');
    const inCalculation = new Set(latest.awards.map((a) => a.award.applicationId));
    const ready = (await lockApplicationsWithEnterprises(tx, input.callId, ['calculated'])).filter((r) =>
      inCalculation.has(r.application.id),
    );
    if (ready.length === 0) throw new AppError('NOTHING_TO_PUBLICIZE', 'conflict');

    const list = await publishList(tx, ctx, row.call, latest.calculation.id, now);
    for (const { application } of ready) await moveApplication(tx, ctx, application, 'publicize', now);
    return list;
  });
}

type CallOfList = Pick<CallForCalculation['call'], 'id' | 'publicityDays' | 'publicityKind'>;

/**
 * Publishes a calculation's list for the call's period, counted from today, with its audit event: the first
 * publication, and each one after an upheld objection.
 */
export async function publishList(
  tx: Tx,
  ctx: UseCaseContext,
  call: CallOfList,
  calculationId: string,
  now: Date,
): Promise<PublicityListRow> {
  const calendar = await loadWorkdayCalendar(tx);
  const startsOn = beijingDate(now);
  const endsOn = calendar.publicityEnd(startsOn, call.publicityDays, call.publicityKind);
  const list = await insertPublicityList(tx, {
    callId: call.id,
    calculationId,
    periodDays: call.publicityDays,
    periodKind: call.publicityKind,
    startsOn,
    endsOn,
    closesAt: endOfBeijingDay(endsOn),
    publishedBy: actorIdOf(ctx.actor),
    publishedAt: now,
  });
  const winners = await winnersOf(tx, [calculationId]);
  await audit(tx, ctx, now, {
    action: 'call.awards_publicized',
    entityId: call.id,
    after: {
      listId: list.id,
      seq: list.seq,
      calculationId,
      startsOn,
      endsOn,
      winners: winners.length,
      total: yuanString(fen(winners.reduce((sum, w) => sum + w.allocatedFen, 0n))),
    },
  });
  return list;
}

/** The sweep: marks closed the lists whose period has ended, each with its audit event. */
export async function closeDuePublicity(ctx: Omit<UseCaseContext, 'actor' | 'locale'>): Promise<number> {
  const now = ctx.clock();
  const system = { ...ctx, actor: SYSTEM };
  return transact(ctx, async (tx) => {
    const closed = await closeDueLists(tx, now);
    for (const list of closed) {
      await audit(tx, system, now, {
        action: 'publicity.closed',
        entityId: list.id,
        after: { callId: list.callId, seq: list.seq, endsOn: list.endsOn },
      });
    }
    return closed.length;
  });
}

/** Every call's latest list as the public portal shows it. */
export async function readPublicLists(ctx: Pick<UseCaseContext, 'db' | 'clock'>): Promise<PublicityList[]> {
  const now = ctx.clock();
  const lists = await publicLists(ctx.db.orm);
  const winners = await winnersOf(
    ctx.db.orm,
    lists.map((l) => l.list.calculationId),
  );
  return lists.map(({ list, callTitle, programName }) => {
    const entries = winners.filter((w) => w.calculationId === list.calculationId);
    return {
      id: list.id,
      callTitle,
      programName,
      seq: list.seq,
      periodDays: list.periodDays,
      periodKind: list.periodKind,
      startsOn: list.startsOn,
      endsOn: list.endsOn,
      closesAt: list.closesAt.toISOString(),
      open: now < list.closesAt,
      entries: entries.map((w) => ({
        applicationId: w.applicationId,
        enterpriseName: w.enterpriseName,
        clause: w.clause,
        amount: yuanString(fen(w.allocatedFen)),
      })),
      total: yuanString(fen(entries.reduce((sum, w) => sum + w.allocatedFen, 0n))),
    };
  });
}
