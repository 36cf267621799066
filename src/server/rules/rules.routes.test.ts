import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { insertDepartment } from '../../db/repos/departments.repo';
import { insertProgram } from '../../db/repos/programs.repo';
import type { Agent } from '../test-support';
import { createTestApp, createUser, signedIn, type TestApp } from '../test-support';

const read = (name: string) => readFileSync(new URL(`../../../programs/${name}`, import.meta.url), 'utf8');
const PROGRAM = JSON.parse(read('tianhe-2023-service-trade.json')) as Record<string, unknown>;
const TIERED = JSON.parse(read('tianhe-2023-tiered.json')) as Record<string, unknown>;
const APPLICANTS = read('tianhe-2023-applicants.csv');

describe('rules routes', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    const department = await insertDepartment(t.db.orm, {
      code: 'th',
      name: String(PROGRAM.department),
      regionCode: '440106',
      regionName: '天河区',
    });
    await t.db.orm.transaction((tx) =>
      insertProgram(tx, {
        code: String(PROGRAM.code),
        name: String(PROGRAM.name),
        year: 2023,
        departmentId: department.id,
        budgetFen: 129_960_000n,
        fundSource: '区财政资金',
        status: 'completed',
        basis: [],
        milestones: [],
      }),
    );
    admin = await signedIn(t, await createUser(t, 'admin'), 'en-US');
  });
  afterAll(() => t?.close());

  async function ruleVersions(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM program_rule_versions`,
    );
    return row?.n ?? 0;
  }

  it('validates a program file and lists every error with its path', async () => {
    const ok = await admin.request({
      method: 'POST',
      url: '/api/program-files/validate',
      payload: { program: PROGRAM },
    });
    expect(ok.json()).toEqual({ ok: true, errors: [] });
    const infinite = await admin.request({
      method: 'POST',
      url: '/api/program-files/validate',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ program: PROGRAM }).replace('"year":2023', '"year":1e309'),
    });
    expect(infinite.json()).toMatchObject({ ok: false, errors: [{ path: 'year' }] });
    const invalid = await admin.request({
      method: 'POST',
      url: '/api/program-files/validate',
      payload: { program: { ...PROGRAM, budget: 'lots', year: 1900 } },
    });
    const paths = (invalid.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(invalid.json().ok).toBe(false);
    expect(paths).toEqual(['budget', 'year']);
  });

  it('imports rules as a new version once, with one audit event, and exports them back', async () => {
    const before = await ruleVersions();
    const first = await admin.request({
      method: 'POST',
      url: '/api/programs/import',
      payload: { program: PROGRAM },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ code: PROGRAM.code, version: 1 });
    const again = await admin.request({
      method: 'POST',
      url: '/api/programs/import',
      payload: { program: PROGRAM },
    });
    expect(again.json()).toEqual({ code: PROGRAM.code, version: 1 });
    expect(await ruleVersions()).toBe(before + 1);
    const [events] = await queryRows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'program.rules_imported'`,
    );
    expect(events?.n).toBe(1);

    const exported = await admin.request({ url: `/api/programs/${PROGRAM.code}/export` });
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toEqual(PROGRAM);

    const invalid = await admin.request({
      method: 'POST',
      url: '/api/programs/import',
      payload: { program: { ...PROGRAM, clauses: [] } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'PROGRAM_FILE_INVALID',
      details: [{ path: 'program.clauses' }],
    });
    expect(await ruleVersions()).toBe(before + 1);

    const unknown = await admin.request({
      method: 'POST',
      url: '/api/programs/import',
      payload: { program: { ...PROGRAM, code: 'not-in-the-database' } },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('simulates the seed program to exactly its budget and compares the tiered alternative', async () => {
    const evaluator = await signedIn(t, await createUser(t, 'evaluator'));
    const response = await evaluator.request({
      method: 'POST',
      url: '/api/simulations',
      payload: { program: PROGRAM, applicantsCsv: APPLICANTS, compare: TIERED },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.result.totals).toMatchObject({ eligible: 10, allocated: '1299600.00', budget: '1299600.00' });
    expect(body.result.distribution.gini).toMatch(/^0\.\d{4}$/);
    expect(body.compare.totals.budget).toBe('1299600.00');
    expect(body.comparison.applicants).toHaveLength(body.result.applicants.length);
  });

  it('answers a bad CSV with 422 CSV_INVALID and line-numbered details', async () => {
    const lines = APPLICANTS.trimEnd().split('\n');
    lines[2] = lines[2]?.replace(/,medium,|,large,/, ',gigantic,') ?? '';
    lines.push('91440106MA0000000X,坏\u0000行,天河区,small,true,false,2022,1,1,1,1,1,1,1,1');
    const response = await admin.request({
      method: 'POST',
      url: '/api/simulations',
      payload: { program: PROGRAM, applicantsCsv: lines.join('\n') },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('CSV_INVALID');
    expect(body.message).toContain('nothing was computed');
    expect(body.details).toContainEqual(
      expect.objectContaining({ path: 'line 3', code: 'APPLICANTS_CSV_INVALID_SIZE_CLASS' }),
    );
    expect(body.details.some((d: { path: string }) => d.path === `line ${lines.length}`)).toBe(true);
  });
});
