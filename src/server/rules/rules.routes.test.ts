import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import {
  buildProgramOfFile,
  DEMO_APPLICANTS_CSV,
  generatedApplicantsCsv,
  SERVICE_TRADE_PROGRAM,
  TIERED_PROGRAM,
} from './rules-test-support';

const PROGRAM = SERVICE_TRADE_PROGRAM;
const TIERED = TIERED_PROGRAM;
const APPLICANTS = DEMO_APPLICANTS_CSV;

describe('rules routes', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    await buildProgramOfFile(t.db, PROGRAM);
    admin = await signedIn(t, await buildUser(t, 'admin'), 'en-US');
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
    const evaluator = await signedIn(t, await buildUser(t, 'evaluator'));
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

  it('simulates a USCC whose check character fails and reports it as a warning with its place', async () => {
    const lines = APPLICANTS.trimEnd().split('\n');
    const uscc = lines[3]?.slice(0, 18) ?? '';
    const wrong = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;
    lines[3] = `${wrong}${lines[3]?.slice(18)}`;
    const response = await admin.request({
      method: 'POST',
      url: '/api/simulations',
      payload: { program: PROGRAM, applicantsCsv: lines.join('\n') },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.warnings).toEqual([
      {
        line: 4,
        column: 1,
        field: 'uscc',
        code: 'APPLICANTS_CSV_USCC_CHECK_DIGIT',
        message: expect.stringContaining('check character'),
      },
    ]);
    expect(body.result.applicants.map((a: { uscc: string }) => a.uscc)).toContain(wrong);
    expect(body.result.totals.allocated).toBe('1299600.00');
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

  it('answers an invalid program or comparison with 422 at once, without waiting for the simulation running', async () => {
    // The first simulation starts the worker; the long one then holds it (one worker by default).
    await admin.request({
      method: 'POST',
      url: '/api/simulations',
      payload: { program: PROGRAM, applicantsCsv: APPLICANTS },
    });
    let done = false;
    const long = admin
      .request({
        method: 'POST',
        url: '/api/simulations',
        payload: { program: PROGRAM, applicantsCsv: generatedApplicantsCsv(1_000_000) },
      })
      .finally(() => {
        done = true;
      });
    // Time for the long run's body to be read and handed to the worker; it runs for far longer than this.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const simulate = (payload: object) =>
      admin.request({
        method: 'POST',
        url: '/api/simulations',
        payload: { applicantsCsv: APPLICANTS, ...payload },
      });
    const invalid = await simulate({ program: { ...PROGRAM, budget: 1299600 } });
    const invalidCompare = await simulate({ program: PROGRAM, compare: { ...TIERED, year: 'next' } });
    expect(done).toBe(false);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toEqual({
      code: 'PROGRAM_FILE_INVALID',
      message: 'The program definition file is invalid',
      details: [
        {
          path: 'program.budget',
          code: 'PROGRAM_FILE_INVALID_TYPE',
          message: expect.stringMatching(/^Wrong type/),
        },
      ],
      requestId: expect.any(String),
    });
    expect(invalidCompare.statusCode).toBe(422);
    expect(invalidCompare.json().details).toEqual([
      expect.objectContaining({ path: 'compare.year', code: 'PROGRAM_FILE_INVALID_TYPE' }),
    ]);
    const response = await long;
    expect(response.statusCode).toBe(200);
    expect(response.json().result.applicants.length).toBeGreaterThan(5_000);
  });

  // Retried because a shared two-core machine can stall any process for 100 ms now and then; a simulation on
  // the event loop blocks it for most of a second on every try.
  it('keeps /api/health answering within 100 ms while a simulation of about 1 MiB (the body limit) runs', {
    retry: 2,
  }, async () => {
    const applicantsCsv = generatedApplicantsCsv(1_000_000);
    // The first simulation starts the worker; the measured one runs on it warm.
    await admin.request({
      method: 'POST',
      url: '/api/simulations',
      payload: { program: PROGRAM, applicantsCsv: APPLICANTS },
    });
    let done = false;
    const simulation = admin
      .request({ method: 'POST', url: '/api/simulations', payload: { program: PROGRAM, applicantsCsv } })
      .finally(() => {
        done = true;
      });
    // Each probe is due 20 ms after the previous answer; its latency counts from then, so time the event
    // loop spends blocked before the probe is even sent counts against it too.
    const latencies: number[] = [];
    while (!done) {
      const due = performance.now() + 20;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await t.app.inject({ url: '/api/health' });
      latencies.push(performance.now() - due);
      expect(health.statusCode).toBe(200);
    }
    const response = await simulation;
    expect(response.statusCode).toBe(200);
    expect(response.json().result.applicants.length).toBeGreaterThan(5_000);
    // Several health checks landed while it was in flight (however fast this machine runs it).
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});
