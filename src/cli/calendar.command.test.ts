import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES } from '../core/calendar/calendar';
import { queryRows } from '../db/client';
import { type CliWorkspace, createCliWorkspace } from './cli-test-support';

const OFFICIAL_2026 = OFFICIAL_SCHEDULES.find((s) => s.year === 2026);

describe('huiqi calendar', () => {
  let w: CliWorkspace;
  beforeAll(async () => {
    w = await createCliWorkspace();
  });
  afterAll(() => w?.close());

  const yearFile = (name: string, content: unknown) => {
    const file = join(w.dir, name);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const listed = async () =>
    JSON.parse((await w.huiqi(['calendar', 'list', '--json'])).stdout) as { year: number; version: number }[];

  it('lists the official years 2020–2026 on a fresh database', async () => {
    const result = await w.huiqi(['calendar', 'list', '--json']);
    expect(result.code).toBe(0);
    const years = JSON.parse(result.stdout);
    expect(years.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years[3]).toMatchObject({ year: 2023, version: 1 });
    expect(years[3].makeupWorkdays).toEqual([
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ]);
    const text = await w.huiqi(['calendar', 'list', '--lang', 'zh-CN']);
    expect(text.stdout).toContain('2023  第 1 版  放假');
  });

  it('corrects a year from a file: a new version, audited with the CLI as actor, and once only', async () => {
    if (!OFFICIAL_2026) throw new Error('the official data has 2026');
    const file = yearFile('2026.json', {
      year: 2026,
      source: `${OFFICIAL_2026.source}；更正`,
      holidays: [...OFFICIAL_2026.holidays, '2026-12-31'],
      makeupWorkdays: OFFICIAL_2026.makeupWorkdays,
    });
    const set = await w.huiqi(['calendar', 'set', '--file', file, '--lang', 'en-US']);
    expect(set).toMatchObject({ code: 0, stdout: 'Stored the schedule for 2026 as version 2.\n' });
    const again = await w.huiqi(['calendar', 'set', '--file', file, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ year: 2026, version: 2, changed: false });
    expect((await listed()).find((y) => y.year === 2026)?.version).toBe(2);

    const db = await w.openDb();
    try {
      const events = await queryRows<{ action: string; actor_id: string | null; actor_role: string }>(
        db.orm,
        sql`SELECT action, actor_id, actor_role FROM audit_events WHERE stream = 'calendar:2026' ORDER BY seq`,
      );
      expect(events).toEqual([
        { action: 'calendar.official_loaded', actor_id: null, actor_role: 'system' },
        { action: 'calendar.year_set', actor_id: null, actor_role: 'cli' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses an invalid year file with every error and its path, storing nothing', async () => {
    const file = yearFile('2025.json', {
      year: 2025,
      source: '更正',
      holidays: ['2025-01-01', '2024-12-31'],
      makeupWorkdays: ['2025-03-05'],
    });
    const text = await w.huiqi(['calendar', 'set', '--file', file, '--lang', 'en-US']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('has 2 error(s); nothing was stored');
    expect(text.stderr).toContain('  holidays[1]: 2024-12-31 is not in 2025.');
    expect(text.stderr).toContain('  makeupWorkdays[0]: 2025-03-05 is a weekday');
    const json = await w.huiqi(['calendar', 'set', '--file', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      errors: [
        { path: 'holidays[1]', code: 'CALENDAR_DATE_OUTSIDE_YEAR' },
        { path: 'makeupWorkdays[0]', code: 'CALENDAR_MAKEUP_NOT_WEEKEND' },
      ],
    });

    const shape = yearFile('bad-shape.json', { source: 'x', holidays: [1], makeupWorkdays: [], extra: true });
    const refused = await w.huiqi(['calendar', 'set', '--file', shape, '--json', '--lang', 'en-US']);
    expect(refused.code).toBe(1);
    const problems = JSON.parse(refused.stdout).errors.map((e: { path: string; code: string }) => [
      e.path,
      e.code,
    ]);
    expect(problems.sort()).toEqual([
      ['', 'FIELD_UNKNOWN'],
      ['holidays[0]', 'FIELD_INVALID_TYPE'],
      ['year', 'FIELD_MISSING'],
    ]);
    const shapeText = await w.huiqi(['calendar', 'set', '--file', shape, '--lang', 'en-US']);
    expect(shapeText.stderr).toContain('  (whole file): fields not allowed here: extra\n');
    expect((await listed()).find((y) => y.year === 2025)?.version).toBe(1);

    const missing = await w.huiqi(['calendar', 'set', '--lang', 'en-US']);
    expect(missing).toMatchObject({ code: 2, stderr: 'Missing option --file.\n' });
  });

  it('loads the official years through `huiqi migrate` too (the production path)', async () => {
    const fresh = await createCliWorkspace();
    try {
      expect((await fresh.huiqi(['migrate', '--json'])).code).toBe(0);
      const db = await fresh.openDb();
      try {
        const [row] = await queryRows<{ n: number }>(
          db.orm,
          sql`SELECT count(*)::int AS n FROM calendar_years`,
        );
        expect(row?.n).toBe(OFFICIAL_SCHEDULES.length);
      } finally {
        await db.close();
      }
    } finally {
      await fresh.close();
    }
  });
});
