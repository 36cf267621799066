// Objections (异议) to a published award list. Anyone files one on the portal while the list's period runs,
// under a real name with a way to be reached; staff of the call's department read them, record what they
// found and decide. An upheld objection removes the award it names (the application ends as rejected, with
// the resolution as its reason) or reduces it to at most an amount (核减); either way the call's
// remaining awards are calculated again under what is left of the budget and published as the next list for
// a new period, and the list it replaces is kept, marked superseded. One transaction does all of it, under
// the call's row lock, so two resolutions at once take turns and the second works on the first's result.

import { fen, parseYuan, yuanString } from '../../core/money/money';
import { lockApplication } from '../../db/repos/applications.repo';
import { countAttempt } from '../../db/repos/auth-throttles.repo';
import { lockApplicationsWithEnterprises, lockCallForCalculation } from '../../db/repos/awards.repo';
import {
  callOfObjection,
  insertObjection,
  isWinnerOf,
  lockList,
  lockObjection,
  type ObjectionRow,
  objectionsOfCall,
  resolveObjectionRow,
  supersedeList,
} from '../../db/repos/objections.repo';
import { latestListOfCall } from '../../db/repos/publicity.repo';
import type { FileObjectionBody, Objection, ResolveObjectionBody } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext, userOf } from '../use-case';
import { runCalculation } from './calculate-awards';
import { moveApplication } from './call-step';
import { publishList } from './publicize-awards';
import { assertCallReachable } from './read-awards';

/** Objections one source address may file in an hour, counted in PostgreSQL for every instance. */
export const OBJECTIONS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

export async function fileObjection(
  ctx: UseCaseContext,
  input: { listId: string; address: string; body: FileObjectionBody },
): Promise<ObjectionRow> {
  const now = ctx.clock();
  const { attempts } = await transact(ctx, (tx) =>
    countAttempt(tx, { scope: 'objection_address', account: '', address: input.address }, now, HOUR_MS),
  );
  if (attempts > OBJECTIONS_PER_HOUR) throw new AppError('OBJECTIONS_THROTTLED', 'rate_limited');
  const { name, contact, reasons, applicationId } = input.body;
  return transact(ctx, async (tx) => {
    const list = await lockList(tx, input.listId);
    if (!list) throw new AppError('PUBLICITY_NOT_FOUND', 'not_found');
    if (list.supersededAt !== null) throw new AppError('PUBLICITY_SUPERSEDED', 'conflict');
    if (now >= list.closesAt) {
      throw new AppError('PUBLICITY_CLOSED', 'conflict', { closesAt: list.closesAt.toISOString() });
    }
    if (applicationId !== undefined && !(await isWinnerOf(tx, list.calculationId, applicationId))) {
      throw new AppError('OBJECTION_ENTRY_UNKNOWN', 'validation', {}, [
        { path: 'applicationId', code: 'OBJECTION_ENTRY_UNKNOWN' },
      ]);
    }
    const objection = await insertObjection(tx, {
      listId: list.id,
      applicationId: applicationId ?? null,
      filerName: name.trim(),
      contact: contact.trim(),
      reasons: reasons.trim(),
      filedAt: now,
    });
    // The filer's name and contact are personal data: the log keeps that an objection came, not who sent it.
    await audit(tx, ctx, now, {
      action: 'objection.filed',
      entityId: objection.id,
      after: { listId: list.id, callId: list.callId, applicationId: objection.applicationId },
    });
    return objection;
  });
}

export async function listObjections(ctx: UseCaseContext, callId: string): Promise<Objection[]> {
  await assertCallReachable(ctx, callId);
  return (await objectionsOfCall(ctx.db.orm, callId)).map(({ objection, listSeq, enterpriseName }) =>
    presentObjection(objection, listSeq, enterpriseName),
  );
}

export async function resolveObjection(
  ctx: UseCaseContext,
  input: { id: string; body: ResolveObjectionBody },
): Promise<Objection> {
  const user = userOf(ctx);
  const now = ctx.clock();
  const { outcome, remedy } = input.body;
  const limit = input.body.limit === undefined ? undefined : parseYuan(input.body.limit);
  const investigation = input.body.investigation.trim();
  const resolution = input.body.resolution.trim();
  if (outcome === 'upheld' && remedy === undefined) throw invalid('remedy', 'OBJECTION_REMEDY_REQUIRED');
  if (outcome === 'dismissed' && (remedy !== undefined || limit !== undefined)) {
    throw invalid('remedy', 'OBJECTION_REMEDY_NOT_ALLOWED');
  }
  if ((remedy === 'reduce') !== (limit !== undefined)) throw invalid('limit', 'OBJECTION_LIMIT_REQUIRED');

  const callId = await callOfObjection(ctx.db.orm, input.id);
  if (callId === undefined) throw new AppError('OBJECTION_NOT_FOUND', 'not_found');
  await assertCallReachable(ctx, callId).catch(() => {
    throw new AppError('OBJECTION_NOT_FOUND', 'not_found');
  });

  return transact(ctx, async (tx) => {
    const call = await lockCallForCalculation(tx, callId);
    const found = await lockObjection(tx, input.id);
    if (!call || !found) throw new AppError('OBJECTION_NOT_FOUND', 'not_found');
    if (found.objection.status !== 'open') throw new AppError('OBJECTION_ALREADY_RESOLVED', 'conflict');
    const applicationId = found.objection.applicationId;
    if (outcome === 'upheld' && applicationId === null) throw invalid('remedy', 'OBJECTION_NAMES_NO_ENTRY');
    const resolved = await resolveObjectionRow(tx, input.id, {
      status: outcome,
      investigation,
      resolution,
      remedy: remedy ?? null,
      limitFen: limit ?? null,
      resolvedBy: user.id,
      resolvedAt: now,
    });
    await audit(tx, ctx, now, {
      action: 'objection.resolved',
      entityId: input.id,
      before: { status: 'open' },
      after: {
        status: outcome,
        remedy: remedy ?? null,
        ...(limit === undefined ? {} : { limit: yuanString(limit) }),
        applicationId: resolved.applicationId,
      },
    });
    if (outcome === 'upheld' && applicationId !== null) {
      const application = await lockApplication(tx, applicationId);
      if (application?.status !== 'in_publicity') throw new AppError('AWARD_NOT_IN_PUBLICITY', 'conflict');
      // A reduction needs no step here: the calculation below, and every later one, reads the limit.
      if (remedy === 'remove')
        await moveApplication(tx, ctx, application, 'uphold_objection', now, resolution);
      const current = await latestListOfCall(tx, callId);
      if (current) await supersedeList(tx, current.id, now);
      const remaining = await lockApplicationsWithEnterprises(tx, callId, ['in_publicity']);
      const calculation = await runCalculation(tx, ctx, call, remaining, now);
      await publishList(tx, ctx, call.call, calculation.id, now);
    }
    const listSeq = (await objectionsOfCall(tx, callId)).find((o) => o.objection.id === resolved.id);
    return presentObjection(resolved, listSeq?.listSeq ?? 0, listSeq?.enterpriseName ?? null);
  });
}

function invalid(path: string, code: string): AppError {
  return new AppError(code, 'validation', {}, [{ path, code }]);
}

function presentObjection(row: ObjectionRow, listSeq: number, enterpriseName: string | null): Objection {
  return {
    id: row.id,
    listId: row.listId,
    listSeq,
    applicationId: row.applicationId,
    enterpriseName,
    filerName: row.filerName,
    contact: row.contact,
    reasons: row.reasons,
    filedAt: row.filedAt.toISOString(),
    status: row.status,
    investigation: row.investigation,
    resolution: row.resolution,
    remedy: row.remedy,
    limit: row.limitFen === null ? null : yuanString(fen(row.limitFen)),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
