import { describe, expect, test } from 'vitest';
import type { ProgramFile } from '../../shared/program-file';
import { Amounts } from './amounts';
import { computeAward } from './award';
import { compileProgram } from './compile';
import { SIXTEEN } from './fixtures/applicants';
import { BASE, program } from './fixtures/programs';
import { simulateProgram } from './simulate';
import { csvRecord, neutralizeCell, presentApplicant, SimulationTally } from './simulation-tally';

const applicants = SIXTEEN;
const SERVICE_TRADE = program({ kind: 'rate', base: BASE, rate: '2%', cap: '300000.00' });
const TIERED = program({
  kind: 'marginal_tiers',
  base: BASE,
  tiers: [
    { from: '0.00', to: '3000000.00', rate: '2.5%' },
    { from: '3000000.00', rate: '1.5%' },
  ],
  sizeMultipliers: { small: '1.2', medium: '1.2', micro: '1.2' },
  cap: '280000.00',
});

describe('simulation tally (the two-pass simulation at scale)', () => {
  test.each<[string, ProgramFile]>([
    ['service trade, proportional', SERVICE_TRADE],
    ['tiered, proportional', TIERED],
    [
      'ranking by amount, partial',
      { ...TIERED, allocation: { method: 'ranking', by: 'amount', lastApplicant: 'partial' } },
    ],
    [
      'ranking by score, skip',
      { ...SERVICE_TRADE, allocation: { method: 'ranking', by: 'score', lastApplicant: 'skip' } },
    ],
    [
      'proportional to the 万元',
      { ...SERVICE_TRADE, allocation: { method: 'proportional', unit: 'wan_yuan' } },
    ],
  ])(
    '%s: the same allocation, totals, distribution and rows as the in-memory simulation',
    (_name, program) => {
      const expected = simulateProgram(program, applicants);
      const compiled = compileProgram(program);
      const tally = new SimulationTally(compiled);
      for (const facts of applicants) tally.add(facts);
      const result = tally.finish();
      expect(result.totals).toEqual(expected.totals);
      expect(result.reduced).toBe(expected.reduced);
      expect(result.distribution).toEqual(expected.distribution);
      applicants.forEach((facts, i) => {
        const row = presentApplicant(compiled, facts, result.allocated.get(i), 'zh-CN');
        const want = expected.applicants[i];
        expect([row.uscc, row.eligible, row.reasons, row.computed, row.allocated]).toEqual([
          want?.uscc,
          want?.eligible,
          want?.reasons,
          want?.computed,
          want?.allocated,
        ]);
      });
    },
  );

  test('amount columns stay exact past the 64-bit range', () => {
    const column = new Amounts(1);
    column.push(5n);
    column.push(2n ** 70n);
    column.push(-3n);
    expect([column.get(0), column.get(1), column.get(2), column.length]).toEqual([5n, 2n ** 70n, -3n, 3]);
    expect(Array.from(column.positiveAscending())).toEqual([5n, 2n ** 70n]);
  });

  test('cells a spreadsheet would run as formulas are neutralised; CSV quoting is RFC 4180', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralizeCell(risky)).toBe(`'${risky}`);
    expect(neutralizeCell('广州云帆')).toBe('广州云帆');
    expect(csvRecord(['a', 'b,c', 'say "hi"', 'two\nlines', '=cmd'])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\'=cmd\r\n',
    );
  });

  test.each<[string, ProgramFile]>([
    ['service trade', SERVICE_TRADE],
    ['tiered', TIERED],
  ])('%s: an award without reasons or trace has the same amounts', (_name, program) => {
    const compiled = compileProgram(program);
    for (const facts of applicants) {
      const full = computeAward(compiled, facts);
      const bare = computeAward(compiled, facts, { reasons: false, trace: false });
      expect([bare.eligible, bare.computed, bare.trace]).toEqual([full.eligible, full.computed, []]);
      expect(bare.clauses.map((c) => [c.clauseId, c.amount, c.trace, c.eligibility])).toEqual(
        full.clauses.map((c) => [c.clauseId, c.amount, [], { pass: c.eligibility.pass, reasons: [] }]),
      );
    }
  });
});
