import { describe, expect, test } from 'vitest';
import { decimalToString } from '../money/decimal';
import { fen, yuanString } from '../money/money';
import { summarizeDistribution } from './distribution';
import { SIXTEEN } from './fixtures/applicants';
import { BASE, program } from './fixtures/programs';
import { compareSimulations, simulateProgram, simulationToJson } from './simulate';

const award = (yuan: number, sizeClass: 'large' | 'small' = 'large') => ({
  allocated: fen(BigInt(yuan) * 100n),
  sizeClass,
});

describe('distribution', () => {
  test.each([
    { awards: [100, 200, 300, 400], median: '250.00', gini: '0.2500' },
    { awards: [500, 500, 500], median: '500.00', gini: '0.0000' },
    { awards: [0, 0, 0, 900], median: '900.00', gini: '0.0000' },
    { awards: [1, 2], median: '1.50', gini: '0.1667' },
  ])('$awards', ({ awards, median, gini }) => {
    const d = summarizeDistribution(awards.map((a) => award(a)));
    expect(yuanString(d.median)).toBe(median);
    expect(decimalToString(d.gini, 4)).toBe(gini);
    expect(d.count).toBe(awards.filter((a) => a > 0).length);
  });

  test('SME share counts medium, small and micro enterprises', () => {
    const d = summarizeDistribution([award(300), award(100, 'small')]);
    expect(decimalToString(d.smeShare, 4)).toBe('0.2500');
    expect(yuanString(d.min)).toBe('100.00');
    expect(yuanString(d.max)).toBe('300.00');
  });
});

describe('simulateProgram', () => {
  const rate = { kind: 'rate', base: BASE, rate: '2%', cap: '300000.00' } as const;

  test('over budget: proportional reduction to exactly the budget, order kept', () => {
    const result = simulateProgram(program(rate), SIXTEEN);
    expect(result.totals.eligible).toBe(10);
    expect(result.reduced).toBe(true);
    expect(yuanString(result.totals.allocated)).toBe('1299600.00');
    const rows = result.applicants.filter((r) => r.eligible);
    for (const a of rows) {
      for (const b of rows) if (a.computed > b.computed) expect(a.allocated >= b.allocated).toBe(true);
    }
    expect(result.applicants.filter((r) => !r.eligible).every((r) => r.allocated === 0n)).toBe(true);
  });

  test('under budget everyone gets the computed amount', () => {
    const result = simulateProgram(program(rate, { budget: '99999999.00' }), SIXTEEN);
    expect(result.reduced).toBe(false);
    expect(result.totals.allocated).toBe(result.totals.computed);
    expect(result.applicants.every((r) => r.allocated === r.computed)).toBe(true);
  });

  test('ranking by amount with skip_and_continue stays within the budget', () => {
    const allocation = { method: 'ranking', by: 'amount', lastApplicant: 'skip_and_continue' } as const;
    const result = simulateProgram(program(rate, { allocation, budget: '700000.00' }), SIXTEEN);
    expect(result.totals.allocated <= 70_000_000n).toBe(true);
    expect(result.applicants.filter((r) => r.allocated > 0n).every((r) => r.allocated === r.computed)).toBe(
      true,
    );
  });

  test('reasons come in the requested locale; the JSON carries 元 strings', () => {
    const en = simulateProgram(program(rate), SIXTEEN, 'en-US');
    expect(en.applicants[0]?.reasons[0]).toBe('Registered district: 天河区, required: 天河区 (met)');
    const json = simulationToJson(en);
    expect(json.totals).toEqual({
      eligible: 10,
      computed: yuanString(en.totals.computed),
      allocated: '1299600.00',
      budget: '1299600.00',
    });
  });

  test('compareSimulations pairs applicants by USCC', () => {
    const a = simulateProgram(program(rate), SIXTEEN);
    const b = simulateProgram(program({ ...rate, rate: '1%' }, { budget: '2000000.00' }), SIXTEEN);
    const diff = compareSimulations(a, b);
    expect(diff.applicants).toHaveLength(16);
    for (const row of diff.applicants) expect(row.difference).toBe(row.b - row.a);
  });
});
