// `huiqi call calculate CODE`: the staff's batch operation of calculating a call's awards from the console,
// through the same use case as the API, printing the totals and each award.
import { findCallIdByCode } from '../db/repos/awards.repo';
import { calculateAwards } from '../server/awards/calculate-awards';
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
