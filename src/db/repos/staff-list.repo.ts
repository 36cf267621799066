// The staff list of applications: a department's submitted applications page by page, by keyset on one index
// range per department and status (migration 0020), filtered and sorted as the review page asks.
import { type SQL, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../shared/application-workflow';
import { type Orm, queryRows, type Tx } from '../client';
import { type ApplicationView, applicationViewsByIds } from './applications.repo';

type Db = Orm | Tx;

/** Where a page of the staff list ends: the sort key to the microsecond (ISO, UTC) and the id. */
export interface StaffListKey {
  at: string;
  id: string;
}

export interface StaffListFilter {
  /** The departments whose applications staff reach; null for every department (an administrator). */
  departmentIds: readonly string[] | null;
  statuses: readonly ApplicationStatus[];
  callId?: string;
  clause?: string;
  /** A prefix of the enterprise's name or USCC. */
  q?: string;
  sort: 'submittedAt' | 'updatedAt';
  order: 'asc' | 'desc';
  /** The last row of the page before. */
  after?: StaffListKey;
  limit: number;
}

const SORT_COLUMNS = { submittedAt: sql.raw('a.submitted_at'), updatedAt: sql.raw('a.updated_at') };
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The departments a page reads: those allowed, narrowed to the call's when the list is of one call. */
function departmentSource(filter: StaffListFilter) {
  const allowed = filter.departmentIds && sql`ARRAY[${sql.join([...filter.departmentIds], sql`, `)}]::uuid[]`;
  if (filter.callId) {
    return sql`(SELECT p.department_id AS id FROM calls c JOIN programs p ON p.id = c.program_id
      WHERE c.id = ${filter.callId}${allowed ? sql` AND p.department_id = ANY(${allowed})` : sql``})`;
  }
  return allowed ? sql`(SELECT unnest(${allowed}) AS id)` : sql`(SELECT id FROM departments)`;
}

/**
 * A page of the applications that reached staff (submitted at least once) under the programs of the filter's
 * departments, in the filter's order, tie-broken by id, after the key of the page before; and the key of the
 * page's last row when more follow. Each (department, status) pair is one range of a partial index
 * (migration 0020) read in order and cut at the page size, so a page costs the pairs times the page size at
 * most, however many rows match; the ranges are merged and cut again.
 */
export async function listDepartmentApplications(
  db: Db,
  filter: StaffListFilter,
): Promise<{ items: ApplicationView[]; next: StaffListKey | null }> {
  if (filter.departmentIds?.length === 0 || filter.statuses.length === 0) return { items: [], next: null };
  const column = SORT_COLUMNS[filter.sort];
  const direction = sql.raw(filter.order === 'asc' ? 'ASC' : 'DESC');
  const beyond = sql.raw(filter.order === 'asc' ? '>' : '<');
  const take = filter.limit + 1;
  const conditions: SQL[] = [];
  if (filter.after) {
    conditions.push(
      sql`(${column}, a.id) ${beyond} (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  if (filter.callId !== undefined) conditions.push(sql`a.call_id = ${filter.callId}`);
  if (filter.clause !== undefined) conditions.push(sql`a.clause = ${filter.clause}`);
  if (filter.q !== undefined) {
    // Both prefixes are LIKE 'text%' on a text_pattern_ops index; USCCs are upper case.
    const prefix = `${escapeLike(filter.q)}%`;
    conditions.push(sql`a.enterprise_id IN (SELECT e.id FROM enterprises e
      WHERE e.name LIKE ${prefix} OR e.uscc LIKE ${prefix.toUpperCase()})`);
  }
  const keys = await queryRows<{ id: string; at: string }>(
    db,
    sql`SELECT k.id, to_char(k.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
      FROM ${departmentSource(filter)} d
      CROSS JOIN unnest(ARRAY[${sql.join([...filter.statuses], sql`, `)}]::text[]) AS s(status)
      CROSS JOIN LATERAL (
        SELECT a.id, ${column} AS at FROM applications a
        WHERE a.department_id = d.id AND a.status = s.status AND a.submitted_at IS NOT NULL
          ${sql.join(conditions.map((c) => sql`AND ${c} `))}
        ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${take}
      ) k
      ORDER BY k.at ${direction}, k.id ${direction} LIMIT ${take}`,
  );
  const page = keys.slice(0, filter.limit);
  if (page.length === 0) return { items: [], next: null };
  const byId = new Map(
    (
      await applicationViewsByIds(
        db,
        page.map((k) => k.id),
      )
    ).map((view) => [view.id, view]),
  );
  const items = page.flatMap((k) => byId.get(k.id) ?? []);
  const last = page.at(-1);
  return { items, next: keys.length > filter.limit && last ? { at: last.at, id: last.id } : null };
}
