// The staff's batch operations on a call from the console, through the same use cases as the API:
// `huiqi call calculate CODE` (the awards and the allocation), `huiqi call publicize CODE` (公示),
// `huiqi call close-publicity` (the sweep that closes lists whose period has ended) and
// `huiqi call approve CODE` (审批 of the closed list at its allocated amounts).
import { fen, parseYuan, yuanString } from '../core/money/money';
import { findCallIdByCode } from '../db/repos/awards.repo';
import { approveAwards } from '../server/awards/approve-awards';
import { calculateAwards } from '../server/awards/calculate-awards';
import { closeDuePublicity, publicizeAwards, readPublicLists } from '../server/awards/publicize-awards';
import { readLatestCalculation } from '../server/awards/read-awards';
import { AppError } from '../shared/errors';
import { type CliContext, operatorContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText } from './cli-text';

export async function runCallCalculate(ctx: CliContext, code: string): Promise<number> {
  const result = await withDatabase(ctx, async (db) => {
    const callId = await findCallIdByCode(db.orm, code);
    if (!callId) throw new AppError('CALL_NOT_FOUND', 'not_found');
    const use = operatorContext(ctx, db);
    await calculateAwards(use, { callId });
    return readLatestCalculation(use, callId);
  });
  if (ctx.json) {
    printJson(ctx, result);
    return 0;
  }
  printLine(
    ctx,
    cliText(ctx.locale, 'call.calculated', {
      code,
      seq: result.seq,
      count: result.awards.length,
      computed: result.computedTotal,
      allocated: result.allocatedTotal,
      budget: result.budget,
    }),
  );
  for (const award of result.awards) {
    printLine(ctx, `  ${award.uscc}  ${award.enterpriseName}  ${award.computed}  →  ${award.allocated}`);
  }
  return 0;
}

export async function runCallPublicize(ctx: CliContext, code: string): Promise<number> {
  const shown = await withDatabase(ctx, async (db) => {
    const callId = await findCallIdByCode(db.orm, code);
    if (!callId) throw new AppError('CALL_NOT_FOUND', 'not_found');
    const use = operatorContext(ctx, db);
    const list = await publicizeAwards(use, { callId });
    return (await readPublicLists(use)).find((l) => l.id === list.id);
  });
  if (!shown) throw new Error(`the list of call ${code} is missing right after it was published`);
  if (ctx.json) printJson(ctx, shown);
  else {
    printLine(
      ctx,
      cliText(ctx.locale, 'call.publicized', {
        code,
        startsOn: shown.startsOn,
        endsOn: shown.endsOn,
        count: shown.entries.length,
        total: shown.total,
      }),
    );
  }
  return 0;
}

export async function runCallClosePublicity(ctx: CliContext): Promise<number> {
  const closed = await withDatabase(ctx, (db) => closeDuePublicity(operatorContext(ctx, db)));
  if (ctx.json) printJson(ctx, { closed });
  else printLine(ctx, cliText(ctx.locale, 'call.publicityClosed', { count: closed }));
  return 0;
}

export async function runCallApprove(ctx: CliContext, code: string): Promise<number> {
  const result = await withDatabase(ctx, async (db) => {
    const callId = await findCallIdByCode(db.orm, code);
    if (!callId) throw new AppError('CALL_NOT_FOUND', 'not_found');
    const use = operatorContext(ctx, db);
    await approveAwards(use, { callId, body: {} });
    return readLatestCalculation(use, callId);
  });
  if (ctx.json) {
    printJson(ctx, result);
    return 0;
  }
  const approved = result.awards.filter((a) => a.approved !== null);
  const total = yuanString(fen(approved.reduce((sum, a) => sum + parseYuan(a.approved ?? '0'), 0n)));
  printLine(ctx, cliText(ctx.locale, 'call.approved', { code, count: approved.length, total }));
  for (const award of approved) printLine(ctx, `  ${award.uscc}  ${award.enterpriseName}  ${award.approved}`);
  return 0;
}
