// A call's latest awards as an XLSX workbook, in the reader's language: who, under which clause, eligible or
// not, the computed, allocated and approved amounts, the application's status and any adjustment's reason — the
// list staff file with the approval or forward to finance. Reached as the awards are (the call's department).
import { t } from '../../shared/i18n';
import { xlsxOf } from '../exports/xlsx';
import type { UseCaseContext } from '../use-case';
import { readLatestCalculation } from './read-awards';

const COLUMNS = [
  ['enterprise', 36],
  ['uscc', 22],
  ['clause', 24],
  ['eligible', 10],
  ['computed', 16],
  ['allocated', 16],
  ['status', 14],
  ['approved', 16],
  ['approvalReason', 40],
] as const;

export async function exportAwards(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'locale' | 'clock'>,
  callId: string,
): Promise<{ name: string; bytes: Buffer }> {
  const calculation = await readLatestCalculation(ctx, callId);
  const x = (key: string) => t(ctx.locale, `common.exports.awards.${key}`);
  const rows = calculation.awards.map((a) => [
    a.enterpriseName,
    a.uscc,
    a.clause,
    x(a.eligible ? 'yes' : 'no'),
    a.computed,
    a.allocated,
    t(ctx.locale, `web.codes.applicationStatus.${a.status}`),
    a.approved ?? '',
    a.approvalReason ?? '',
  ]);
  const bytes = await xlsxOf(
    x('sheet'),
    COLUMNS.map(([key, width]) => ({ header: x(`columns.${key}`), width })),
    rows,
  );
  return { name: `${x('file')}-${calculation.seq}.xlsx`, bytes };
}
