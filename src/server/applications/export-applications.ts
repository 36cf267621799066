// The staff application list as an XLSX workbook: the same filters, order and department scope as the list on
// screen, every row rather than a page, in the reader's language. A list longer than EXPORT_MAX_ROWS is refused
// with a request to narrow the filters, rather than cut short without saying so.
import type { ApplicationView } from '../../db/repos/applications.repo';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import { listDepartmentApplications, type StaffListFilter } from '../../db/repos/staff-list.repo';
import { STAFF_LIST_STATUSES, type StaffApplicationsExportQuery } from '../../shared/api/applications';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import { beijingMinute } from '../awards/publicize-awards';
import { xlsxOf } from '../exports/xlsx';
import { type UseCaseContext, userOf } from '../use-case';

export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 500;

const COLUMNS = [
  ['enterprise', 36],
  ['program', 36],
  ['call', 40],
  ['clause', 24],
  ['status', 14],
  ['submittedAt', 18],
  ['updatedAt', 18],
] as const;

/** The list's filter for the signed-in staff user: their departments (every one for an administrator). */
export async function staffListFilter(
  ctx: Pick<UseCaseContext, 'db' | 'actor'>,
  query: StaffApplicationsExportQuery,
): Promise<Omit<StaffListFilter, 'limit' | 'after'>> {
  const user = userOf(ctx);
  const { status, callId, clause, q, sort, order } = query;
  return {
    departmentIds: user.role === 'admin' ? null : await departmentsOf(ctx.db.orm, user.id),
    statuses: status ?? STAFF_LIST_STATUSES,
    ...(callId === undefined ? {} : { callId }),
    ...(clause === undefined ? {} : { clause }),
    ...(q === undefined ? {} : { q }),
    sort,
    order,
  };
}

export async function exportApplications(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'locale'>,
  filter: Omit<StaffListFilter, 'limit' | 'after'>,
): Promise<{ name: string; bytes: Buffer }> {
  const rows: ApplicationView[] = [];
  let after: StaffListFilter['after'];
  do {
    const page = await listDepartmentApplications(ctx.db.orm, {
      ...filter,
      ...(after === undefined ? {} : { after }),
      limit: PAGE,
    });
    rows.push(...page.items);
    if (rows.length > EXPORT_MAX_ROWS)
      throw new AppError('EXPORT_TOO_LARGE', 'conflict', { max: EXPORT_MAX_ROWS });
    after = page.next ?? undefined;
  } while (after !== undefined);
  const x = (key: string) => t(ctx.locale, `common.exports.applications.${key}`);
  const bytes = await xlsxOf(
    x('sheet'),
    COLUMNS.map(([key, width]) => ({ header: x(`columns.${key}`), width })),
    rows.map((a) => [
      a.enterpriseName,
      a.programName,
      a.callTitle,
      a.clause,
      t(ctx.locale, `web.codes.applicationStatus.${a.status}`),
      a.submittedAt ? beijingMinute(a.submittedAt) : '',
      beijingMinute(a.updatedAt),
    ]),
  );
  return { name: `${x('file')}.xlsx`, bytes };
}
