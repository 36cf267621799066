import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AllocationConfig } from '../../shared/program-file';
import { fen, yuanString } from '../money/money';
import { type AllocationEntry, allocate } from './allocate';

const entry = (id: string, yuan: number, score?: number): AllocationEntry => ({
  id,
  computed: fen(BigInt(yuan) * 100n),
  ...(score === undefined ? {} : { score }),
});
const yuanOf = (amounts: bigint[]) => amounts.map((a) => yuanString(fen(a)));
const proportional = (unit: 'fen' | 'yuan' | 'hundred_yuan' = 'yuan'): AllocationConfig => ({
  method: 'proportional',
  unit,
});

describe('proportional reduction (同比例核减)', () => {
  test('under budget everyone gets the computed amount', () => {
    const result = allocate([entry('A', 100), entry('B', 200)], fen(50_000n), proportional());
    expect(yuanOf(result.allocated)).toEqual(['100.00', '200.00']);
    expect(result.reduced).toBe(false);
  });

  test('three equal claims on 100 yuan: the extra yuan goes to the smallest id', () => {
    const result = allocate(
      [entry('C', 100), entry('A', 100), entry('B', 100)],
      fen(10_000n),
      proportional(),
    );
    expect(yuanOf(result.allocated)).toEqual(['33.00', '34.00', '33.00']);
  });

  test('largest remainder first, then larger computed amount', () => {
    // Quotas 1000 × c / 1100 = 136.36, 227.27, 636.36: A and C tie on the remainder, the larger C gets the yuan.
    const result = allocate(
      [entry('A', 150), entry('B', 250), entry('C', 700)],
      fen(100_000n),
      proportional(),
    );
    expect(yuanOf(result.allocated)).toEqual(['136.00', '227.00', '637.00']);
    expect(result.total).toBe(100_000n);
  });

  test('a budget off the unit: the sub-unit rest goes to the first applicant without an extra unit', () => {
    // 100.50 yuan over three equal claims at the yuan: 100 yuan as 34/33/33, then 0.50 to the second in order.
    const result = allocate(
      [entry('A', 100), entry('B', 100), entry('C', 100)],
      fen(10_050n),
      proportional(),
    );
    expect(yuanOf(result.allocated)).toEqual(['34.00', '33.50', '33.00']);
    expect(result.total).toBe(10_050n);
  });
});

describe('ranking', () => {
  const entries = [entry('A', 500, 70), entry('B', 400, 90), entry('C', 300, 80), entry('D', 100, 60)];
  test.each<[AllocationConfig, string[]]>([
    [{ method: 'ranking', by: 'score', lastApplicant: 'partial' }, ['100.00', '400.00', '300.00', '0.00']],
    [{ method: 'ranking', by: 'score', lastApplicant: 'skip' }, ['0.00', '400.00', '300.00', '0.00']],
    [
      { method: 'ranking', by: 'score', lastApplicant: 'skip_and_continue' },
      ['0.00', '400.00', '300.00', '100.00'],
    ],
    [{ method: 'ranking', by: 'amount', lastApplicant: 'partial' }, ['500.00', '300.00', '0.00', '0.00']],
    [
      { method: 'ranking', by: 'amount', lastApplicant: 'skip_and_continue' },
      ['500.00', '0.00', '300.00', '0.00'],
    ],
  ])('%o', (config, expected) => {
    expect(yuanOf(allocate(entries, fen(80_000n), config).allocated)).toEqual(expected);
  });
});

describe('properties', () => {
  const units = { fen: 1n, yuan: 100n, hundred_yuan: 10_000n } as const;
  const scenario = fc.record({
    // Computed awards are multiples of the unit (formulas round to it), as in a real program.
    amounts: fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 60 }),
    unit: fc.constantFrom('fen', 'yuan', 'hundred_yuan') as fc.Arbitrary<keyof typeof units>,
    budgetShare: fc.integer({ min: 0, max: 1_200 }),
    budgetJitter: fc.integer({ min: 0, max: 9_999 }),
  });
  const build = (s: {
    amounts: number[];
    unit: keyof typeof units;
    budgetShare: number;
    budgetJitter: number;
  }) => {
    const u = units[s.unit];
    const entries = s.amounts.map((a, i) => ({
      id: `E${String(i).padStart(3, '0')}`,
      computed: fen(BigInt(a) * u),
    }));
    const total = entries.reduce((sum, e) => sum + e.computed, 0n);
    const budget = fen((total * BigInt(s.budgetShare)) / 1_000n + (BigInt(s.budgetJitter) % u));
    return { entries, total, budget, u, result: allocate(entries, budget, proportional(s.unit)) };
  };

  test('parts add up exactly to the budget, or to the computed total under budget', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { total, budget, result } = build(s);
        const sum = result.allocated.reduce((a, b) => a + b, 0n);
        if (total <= budget) expect(sum).toBe(total);
        else expect(sum).toBe(budget);
        expect(result.total).toBe(sum);
      }),
    );
  });

  test('no one gets more than computed, or less than zero', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { entries, result } = build(s);
        result.allocated.forEach((a, i) => {
          expect(a >= 0n && a <= (entries[i]?.computed ?? 0n)).toBe(true);
        });
      }),
    );
  });

  test('never reorders: a larger computed amount never gets a smaller allocation', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { entries, result } = build(s);
        for (let i = 0; i < entries.length; i++) {
          for (let j = 0; j < entries.length; j++) {
            if ((entries[i]?.computed ?? 0n) > (entries[j]?.computed ?? 0n)) {
              expect((result.allocated[i] ?? 0n) >= (result.allocated[j] ?? 0n)).toBe(true);
            }
          }
        }
      }),
    );
  });

  test('rounding loses or creates nothing: off-unit amounts only for the budget rest, at most one', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { budget, u, result, total } = build(s);
        const offUnit = result.allocated.filter((a) => a % u !== 0n);
        if (total <= budget || budget % u === 0n) expect(offUnit).toHaveLength(0);
        else expect(offUnit.length).toBeLessThanOrEqual(1);
        // Each cut award is within one unit of its exact quota budget × c / total.
        if (total > budget) {
          build(s).entries.forEach((e, i) => {
            const exactTimesTotal = budget * e.computed;
            const diff = (result.allocated[i] ?? 0n) * total - exactTimesTotal;
            expect((diff < 0n ? -diff : diff) < u * total).toBe(true);
          });
        }
      }),
    );
  });

  test('deterministic: the input order does not change who gets what', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { entries, budget, result } = build(s);
        const reversed = allocate([...entries].reverse(), budget, proportional(s.unit));
        const byId = new Map(entries.map((e, i) => [e.id, result.allocated[i]]));
        [...entries].reverse().forEach((e, i) => {
          expect(reversed.allocated[i]).toBe(byId.get(e.id));
        });
      }),
    );
  });

  test('computed amounts off the unit (a formula rounded to the fen): still exact, capped and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000 }),
        (amounts, share) => {
          const entries = amounts.map((a, i) => ({
            id: `E${String(i).padStart(3, '0')}`,
            computed: fen(BigInt(a)),
          }));
          const total = entries.reduce((sum, e) => sum + e.computed, 0n);
          const budget = fen((total * BigInt(share)) / 1_000n);
          const result = allocate(entries, budget, proportional('yuan'));
          const expected = total > budget ? 'budget' : 'total';
          expect(result.total).toBe(expected === 'budget' ? budget : total);
          entries.forEach((a, i) => {
            expect((result.allocated[i] ?? 0n) <= a.computed).toBe(true);
            entries.forEach((b, j) => {
              if (a.computed > b.computed)
                expect((result.allocated[i] ?? 0n) >= (result.allocated[j] ?? 0n)).toBe(true);
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  test('ranking never exceeds the budget and partial fills it exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('partial', 'skip', 'skip_and_continue') as fc.Arbitrary<
          'partial' | 'skip' | 'skip_and_continue'
        >,
        (amounts, budgetYuan, lastApplicant) => {
          const entries = amounts.map((a, i) => entry(`E${i}`, a, i % 7));
          const budget = fen(BigInt(budgetYuan) * 100n);
          const total = entries.reduce((sum, e) => sum + e.computed, 0n);
          const result = allocate(entries, budget, { method: 'ranking', by: 'score', lastApplicant });
          expect(result.total <= budget || result.total === total).toBe(true);
          if (lastApplicant === 'partial' && total > budget) expect(result.total).toBe(budget);
          result.allocated.forEach((a, i) => {
            expect(a >= 0n && a <= (entries[i]?.computed ?? 0n)).toBe(true);
          });
        },
      ),
    );
  });
});
