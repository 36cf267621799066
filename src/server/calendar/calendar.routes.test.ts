import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES } from '../../core/calendar/calendar';
import { verifyAuditChain } from '../../db/audit-verify';
import { queryRows } from '../../db/client';
import { listCalendarYearVersions } from '../../db/repos/calendar.repo';
import type { Agent } from '../test-support';
import { buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { ensureOfficialCalendar } from './ensure-official-calendar';

const OFFICIAL_2026 = OFFICIAL_SCHEDULES.find((s) => s.year === 2026);

interface AuditRow {
  seq: number;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  before: { version: number; holidays: string[] } | null;
  after: { version: number; holidays: string[]; source: string };
}

describe('calendar', () => {
  let t: TestApp;
  let admin: Agent;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const user = await buildUser(t, 'admin');
    adminId = user.id;
    admin = await signedIn(t, user, 'en-US');
  });
  afterAll(() => t?.close());

  const auditOf = (year: number) =>
    queryRows<AuditRow>(
      t.db.orm,
      sql`SELECT seq, action, actor_id, actor_role, before, after FROM audit_events
          WHERE stream = ${`calendar:${year}`} ORDER BY seq`,
    );
  const putYear = (year: number | string, body: Record<string, unknown>) =>
    admin.request({ method: 'PUT', url: `/api/admin/calendar/years/${year}`, payload: body });

  it('refuses every date while no year is stored, and loads the official years once at start', async () => {
    const before = await t.app.inject({ url: '/api/calendar/workdays?start=2023-09-28&n=5' });
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });

    const first = await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
    expect(first.inserted).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(
      await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey }),
    ).toEqual({ inserted: [] });

    const intake = await signedIn(t, await buildUser(t, 'intake'));
    const list = await intake.request({ url: '/api/calendar/years' });
    expect(list.statusCode).toBe(200);
    const years = list.json() as { year: number; version: number; holidays: string[]; source: string }[];
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const y2023 = years.find((y) => y.year === 2023);
    expect(y2023?.version).toBe(1);
    expect(y2023?.source).toContain('国办发明电〔2022〕16号');
    expect(y2023?.holidays).toContain('2023-10-06');
    const events = await auditOf(2023);
    expect(events.map((e) => [e.seq, e.action, e.actor_role])).toEqual([
      [1, 'calendar.official_loaded', 'system'],
    ]);
  });

  it('counts working days on the stored calendar, make-up Saturdays and Sundays included', async () => {
    const workdays = await t.app.inject({ url: '/api/calendar/workdays?start=2023-09-28&n=5&kind=workdays' });
    expect(workdays.statusCode).toBe(200);
    // 09-29 … 10-06 are off; 10-07 (Sat) and 10-08 (Sun) are make-up working days, then 10-09, 10, 11.
    expect(workdays.json()).toEqual({ end: '2023-10-11' });
    const days = await t.app.inject({
      url: '/api/calendar/workdays?start=2023-09-28&n=5&kind=calendar_days',
    });
    expect(days.json()).toEqual({ end: '2023-10-03' });
    const missing = await t.app.inject({ url: '/api/calendar/workdays?start=2026-12-28&n=10' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
    const bad = await t.app.inject({ url: '/api/calendar/workdays?start=2023-02-30&n=1' });
    expect(bad.statusCode).toBe(400);
    const huge = await t.app.inject({ url: '/api/calendar/workdays?start=2023-01-01&n=1e9' });
    expect(huge.statusCode).toBe(400);
  });

  it('lets an administrator correct 2026: version 2, the history kept, one audit event with before/after', async () => {
    if (!OFFICIAL_2026) throw new Error('the official data has 2026');
    // A made-up correction: 2026-12-31 (Thursday) declared a holiday.
    const corrected = {
      source: `${OFFICIAL_2026.source}；更正`,
      holidays: [...OFFICIAL_2026.holidays, '2026-12-31'],
      makeupWorkdays: OFFICIAL_2026.makeupWorkdays,
    };
    const response = await putYear(2026, corrected);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ year: 2026, version: 2, source: corrected.source });
    expect(response.json().holidays.at(-1)).toBe('2026-12-31');

    const again = await putYear(2026, corrected);
    expect(again.json()).toMatchObject({ version: 2 });

    const versions = await listCalendarYearVersions(t.db.orm, 2026);
    expect(versions.map((v) => [v.version, v.createdBy])).toEqual([
      [1, null],
      [2, adminId],
    ]);
    expect(versions[0]?.holidays).toEqual(OFFICIAL_2026.holidays);
    const events = await auditOf(2026);
    expect(events.map((e) => e.action)).toEqual(['calendar.official_loaded', 'calendar.year_set']);
    const set = events[1];
    expect(set).toMatchObject({ actor_id: adminId, actor_role: 'admin' });
    expect(set?.before?.version).toBe(1);
    expect(set?.before?.holidays).not.toContain('2026-12-31');
    expect(set?.after).toMatchObject({ version: 2, source: corrected.source });
    expect(set?.after.holidays).toContain('2026-12-31');
    expect(await verifyAuditChain(t.db.orm, t.config.auditKey)).toMatchObject({ ok: true });
    // The next start must not put the shipped data back over the correction.
    expect(
      await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey }),
    ).toEqual({ inserted: [] });
    expect(await listCalendarYearVersions(t.db.orm, 2026)).toHaveLength(2);

    const workdays = await t.app.inject({ url: '/api/calendar/workdays?start=2026-12-30&n=1' });
    expect(workdays.statusCode).toBe(422);
    expect(workdays.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
  });

  it('adds a new year as version 1', async () => {
    const response = await putYear(2027, {
      source: '国务院办公厅关于2027年部分节假日安排的通知（示例）',
      holidays: ['2027-01-01'],
      makeupWorkdays: [],
    });
    expect(response.json()).toMatchObject({ year: 2027, version: 1 });
    const workdays = await t.app.inject({ url: '/api/calendar/workdays?start=2026-12-31&n=1' });
    expect(workdays.json()).toEqual({ end: '2027-01-04' });
  });

  it('refuses an invalid schedule with every error and its path, storing nothing', async () => {
    const before = await listCalendarYearVersions(t.db.orm, 2025);
    const eventsBefore = await auditOf(2025);
    const response = await putYear(2025, {
      source: '更正',
      holidays: ['2025-01-01', '2024-12-31', '2025-02-30', '2025-10-11'],
      makeupWorkdays: ['2025-10-11', '2025-03-05', 'tomorrow'],
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('CALENDAR_YEAR_INVALID');
    expect(body.message).toContain('5 error');
    expect(body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['holidays[1]', 'CALENDAR_DATE_OUTSIDE_YEAR'],
      ['holidays[2]', 'DATE_INVALID'],
      ['makeupWorkdays[0]', 'CALENDAR_DATE_BOTH_KINDS'],
      ['makeupWorkdays[1]', 'CALENDAR_MAKEUP_NOT_WEEKEND'],
      ['makeupWorkdays[2]', 'DATE_INVALID'],
    ]);
    expect(body.details[0].message).toBe('2024-12-31 is not in 2025.');
    expect(await listCalendarYearVersions(t.db.orm, 2025)).toEqual(before);
    expect(await auditOf(2025)).toEqual(eventsBefore);

    const blank = await putYear(2025, { source: '  ', holidays: [], makeupWorkdays: [] });
    expect(blank.statusCode).toBe(400);
    const outOfRange = await putYear(1899, { source: 'x', holidays: [], makeupWorkdays: [] });
    expect(outOfRange.statusCode).toBe(400);
  });

  it('refuses corrections from anyone but an administrator', async () => {
    const evaluator = await signedIn(t, await buildUser(t, 'evaluator'));
    const body = { source: 'x', holidays: [], makeupWorkdays: [] };
    const refused = await evaluator.request({
      method: 'PUT',
      url: '/api/admin/calendar/years/2026',
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const applicant = await signedIn(t, await buildUser(t, 'applicant'));
    expect((await applicant.request({ url: '/api/calendar/years' })).statusCode).toBe(403);
    const versions = await listCalendarYearVersions(t.db.orm, 2026);
    expect(versions).toHaveLength(2);
  });
});
