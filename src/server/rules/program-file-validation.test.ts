import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { buildProgramOfFile, DEMO_APPLICANTS_CSV, SERVICE_TRADE_PROGRAM } from './rules-test-support';

type Json = Record<string, unknown>;
const copy = (): Json => structuredClone(SERVICE_TRADE_PROGRAM);
const clause = (program: Json) => (program.clauses as Json[])[0] as Json;

describe('program files the validator used to let through', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    await buildProgramOfFile(t.db, SERVICE_TRADE_PROGRAM);
    admin = await signedIn(t, await buildUser(t, 'admin'), 'en-US');
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: Json) => admin.request({ method: 'POST', url, payload });

  const withNul: [string, (program: Json) => void][] = [
    [
      'performanceTargets[0].target',
      (p) => Object.assign((p.performanceTargets as Json[])[0] as Json, { target: '10\u0000' }),
    ],
    [
      'performanceTargets[0].unit',
      (p) => Object.assign((p.performanceTargets as Json[])[0] as Json, { unit: '家\u0000' }),
    ],
    [
      'clauses[0].eligibility.values[0]',
      (p) => {
        clause(p).eligibility = {
          op: 'in',
          fact: { source: 'profile', field: 'district' },
          values: ['天河\u0000区'],
        };
      },
    ],
  ];

  it.each(withNul)(
    'refuses a NUL character in %s on validate and on import (422, not 500)',
    async (path, mutate) => {
      const program = copy();
      mutate(program);
      const validated = await post('/api/program-files/validate', { program });
      expect(validated.statusCode).toBe(200);
      expect(validated.json()).toMatchObject({
        ok: false,
        errors: [{ path, code: 'PROGRAM_FILE_TEXT_NUL_CHARACTER' }],
      });
      const imported = await post('/api/programs/import', { program });
      expect(imported.statusCode).toBe(422);
      expect(imported.json()).toMatchObject({
        code: 'PROGRAM_FILE_INVALID',
        details: [{ path: `program.${path}` }],
      });
    },
  );

  it('refuses an eligibility rule nested 2,000 levels deep with the path where it passes the limit', async () => {
    const program = copy();
    let rule: Json = clause(program).eligibility as Json;
    for (let i = 0; i < 2_000; i++) rule = { op: 'not', rule };
    clause(program).eligibility = rule;
    for (const url of ['/api/program-files/validate', '/api/programs/import']) {
      const response = await post(url, { program });
      expect(response.statusCode).toBeLessThan(500);
      const errors = (url.endsWith('validate') ? response.json().errors : response.json().details) as Json[];
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        code: 'PROGRAM_FILE_RULE_TOO_DEEP',
        message: expect.stringContaining('32'),
      });
      expect(String(errors[0]?.path)).toMatch(/eligibility(\.rule){32}$/);
    }
    const simulated = await post('/api/simulations', { program, applicantsCsv: DEMO_APPLICANTS_CSV });
    expect(simulated.statusCode).toBe(422);
    expect(simulated.json().code).toBe('PROGRAM_FILE_INVALID');
  });

  it('simulates totals beyond 15 integer digits exactly instead of failing the response schema', async () => {
    const program = copy();
    const formula = clause(program).formula as Json;
    formula.rate = '999999%';
    delete formula.cap;
    delete program.perEnterpriseCap;
    const lines = DEMO_APPLICANTS_CSV.trimEnd().split('\n');
    const huge = lines.map((line, i) =>
      i === 0 ? line : line.replace(/^((?:[^,]*,){7})[^,]*/, '$199999999999999.99'),
    );
    const response = await post('/api/simulations', { program, applicantsCsv: huge.join('\n') });
    expect(response.statusCode).toBe(200);
    const { totals, applicants } = response.json().result;
    // 99,999,999,999,999.99 USD × 9,999.99 × 6.7261 ≈ 6.7 × 10^18 元 each, for 13 eligible applicants.
    expect(totals.eligible).toBe(13);
    expect(totals.computed).toMatch(/^\d{20}\.\d{2}$/);
    expect(totals.allocated).toBe('1299600.00');
    const sum = applicants.reduce(
      (s: bigint, a: { computed: string }) => s + BigInt(a.computed.replace('.', '')),
      0n,
    );
    expect(String(sum)).toBe(totals.computed.replace('.', ''));
  });
});
