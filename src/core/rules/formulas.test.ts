import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Formula } from '../../shared/program-file';
import { divRound, parseDecimal, pow10, type RoundingMode } from '../money/decimal';
import { parseYuan, ROUNDING_UNITS, UNIT_FEN, yuanString } from '../money/money';
import { computeAward, presentAward } from './award';
import { type CompiledFormula, compileProgram } from './compile';
import { applicant } from './fixtures/applicants';
import { BASE, program } from './fixtures/programs';
import { computeFormula } from './formulas';
import { renderTrace } from './trace';

function compiled(formula: Formula, fxRate = '7'): CompiledFormula {
  const p = program(formula, {
    fxRates: [{ id: 'fx', from: 'USD', to: 'CNY', rate: fxRate, source: '测试汇率', date: '2022-12-31' }],
  });
  return compileProgram(p).clauses[0]?.formula as CompiledFormula;
}

const firm = (trade?: string, prevTrade?: string, sizeClass: 'large' | 'small' = 'large') =>
  applicant({ name: '广州云帆软件科技有限公司', trade, prevTrade, sizeClass });

const run = (formula: Formula, facts = firm('1500000.00'), fx = '7') =>
  yuanString(computeFormula(compiled(formula, fx), facts, 2023).amount);

const fixed = (inclusive?: boolean): Formula => ({
  kind: 'fixed_above_threshold',
  base: BASE,
  threshold: '1000000.00',
  amount: '50000.00',
  ...(inclusive === undefined ? {} : { inclusive }),
});
const steps: Formula = {
  kind: 'step_tiers',
  base: BASE,
  tiers: [
    { from: '0.00', to: '1000000.00', amount: '10000.00' },
    { from: '1000000.00', to: '5000000.00', amount: '50000.00' },
    { from: '5000000.00', amount: '100000.00' },
  ],
};
const marginal: Formula = {
  kind: 'marginal_tiers',
  base: BASE,
  tiers: [
    { from: '0.00', to: '1000000.00', rate: '1%' },
    { from: '1000000.00', to: '5000000.00', rate: '2%' },
    { from: '5000000.00', rate: '0.5%' },
  ],
};
const growthTiers: Formula = {
  kind: 'growth_tiers',
  base: BASE,
  tiers: [
    { from: '0%', to: '10%', amount: '10000.00' },
    { from: '10%', to: '30%', amount: '30000.00' },
    { from: '30%', amount: '60000.00' },
  ],
};

describe('each formula type', () => {
  test.each<[string, Formula, ReturnType<typeof firm>, string]>([
    ['fixed: at the threshold is not above it', fixed(), firm('1000000.00'), '0.00'],
    ['fixed: one cent above', fixed(), firm('1000000.01'), '50000.00'],
    ['fixed: inclusive threshold', fixed(true), firm('1000000.00'), '50000.00'],
    ['rate × base × FX', { kind: 'rate', base: BASE, rate: '2%' }, firm('1500000.00'), '210000.00'],
    [
      'rate with cap',
      { kind: 'rate', base: BASE, rate: '2%', cap: '200000.00' },
      firm('1500000.00'),
      '200000.00',
    ],
    [
      'rate with floor',
      { kind: 'rate', base: BASE, rate: '2%', floor: '20000.00' },
      firm('100000.00'),
      '20000.00',
    ],
    [
      'size multiplier for a small firm',
      { kind: 'rate', base: BASE, rate: '2%', sizeMultipliers: { small: '1.2' } },
      firm('1500000.00', undefined, 'small'),
      '252000.00',
    ],
    [
      'size multiplier not for a large firm',
      { kind: 'rate', base: BASE, rate: '2%', sizeMultipliers: { small: '1.2' } },
      firm('1500000.00'),
      '210000.00',
    ],
    ['step: lower edge belongs to the bracket', steps, firm('1000000.00'), '50000.00'],
    ['step: just below', steps, firm('999999.99'), '10000.00'],
    ['step: open last bracket', steps, firm('5000000.00'), '100000.00'],
    ['marginal: each bracket at its rate', marginal, firm('6000000.00'), '665000.00'],
    ['marginal: inside the first bracket', marginal, firm('500000.00'), '35000.00'],
    [
      'growth: on the increase',
      { kind: 'growth', base: BASE, rate: '10%' },
      firm('1500000.00', '1000000.00'),
      '350000.00',
    ],
    [
      'growth: a decrease earns nothing',
      { kind: 'growth', base: BASE, rate: '10%' },
      firm('900000.00', '1000000.00'),
      '0.00',
    ],
    ['growth: no previous year', { kind: 'growth', base: BASE, rate: '10%' }, firm('900000.00'), '0.00'],
    ['growth tiers: 50%', growthTiers, firm('1500000.00', '1000000.00'), '60000.00'],
    ['growth tiers: exactly 10%', growthTiers, firm('1100000.00', '1000000.00'), '30000.00'],
    ['growth tiers: a decline is in no bracket', growthTiers, firm('950000.00', '1000000.00'), '0.00'],
    ['growth tiers: zero previous year', growthTiers, firm('950000.00', '0.00'), '0.00'],
    ['no base figure', { kind: 'rate', base: BASE, rate: '2%' }, firm(undefined), '0.00'],
  ])('%s', (_name, formula, facts, expected) => {
    expect(run(formula, facts)).toBe(expected);
  });

  test('roundings: FX to the fen, then to the unit with its mode', () => {
    const formula: Formula = { kind: 'rate', base: BASE, rate: '1%' };
    const facts = firm('1234567.89');
    // 123,456,789 cents × 1% × 6.7261 = 8,303,827.084929 fen exactly.
    expect(run(formula, facts, '6.7261')).toBe('83038.00');
    expect(run({ ...formula, rounding: { unit: 'fen', mode: 'half-up' } }, facts, '6.7261')).toBe('83038.27');
    expect(run({ ...formula, rounding: { unit: 'hundred_yuan', mode: 'down' } }, facts, '6.7261')).toBe(
      '83000.00',
    );
    expect(run({ ...formula, rounding: { unit: 'hundred_yuan', mode: 'half-up' } }, facts, '6.7261')).toBe(
      '83000.00',
    );
  });
});

describe('one rounding per formula', () => {
  // USD 1.00 × 1% × 10.6 = 10.6 fen; × 0.5 for a small firm = 5.3 fen. Rounding the conversion first gave
  // 11 fen, then 5.5 → 6 fen: one fen more than the exact value rounds to.
  const formula: Formula = {
    kind: 'rate',
    base: BASE,
    rate: '1%',
    sizeMultipliers: { small: '0.5' },
    rounding: { unit: 'fen', mode: 'half-up' },
  };
  const small = firm('1.00', undefined, 'small');

  test('FX conversion and size multiplier stay exact until the formula rounds to its unit', () => {
    expect(run(formula, small, '10.6')).toBe('0.05');
    const trace = computeFormula(compiled(formula, '10.6'), small, 2023).trace;
    expect(renderTrace(trace, 'en-US').slice(1)).toEqual([
      'Base USD 1.00 × rate 1% = USD 0.01',
      'Converted at 10.6 (测试汇率, 2022-12-31): USD 0.01 × 10.6 = CNY 0.106 (exact, not rounded)',
      'small enterprise multiplier × 0.5: CNY 0.106 → CNY 0.053',
      'Rounded to the fen (rounded half up): CNY 0.053 → CNY 0.05',
    ]);
  });

  test('an intermediate rounding the program declares is applied, and shown, before the multiplier', () => {
    const declared: Formula = { ...formula, intermediateRounding: { unit: 'fen', mode: 'half-up' } };
    expect(run(declared, small, '10.6')).toBe('0.06');
    const trace = computeFormula(compiled(declared, '10.6'), small, 2023).trace;
    expect(trace.map((step) => step.labelKey)).toContain('rules.trace.intermediateRounding');
  });

  test('property: the award is one rounding of base × rate × FX × multiplier, computed exactly', () => {
    const decimalText = (maxWhole: number, maxScale: number) =>
      fc
        .tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 10 ** maxScale - 1 }))
        .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(maxScale, '0')}`);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        decimalText(20, 4),
        decimalText(9, 4).filter((fx) => Number(fx) > 0),
        decimalText(3, 3),
        fc.constantFrom(...ROUNDING_UNITS),
        fc.constantFrom<RoundingMode>('half-up', 'down'),
        (cents, rate, fx, multiplier, unit, mode) => {
          const f: Formula = {
            kind: 'rate',
            base: BASE,
            rate: `${rate}%`,
            sizeMultipliers: { small: multiplier },
            rounding: { unit, mode },
          };
          const facts = firm(yuanString(cents as never), undefined, 'small');
          const [r, x, m] = [parseDecimal(`${rate}%`), parseDecimal(fx), parseDecimal(multiplier)];
          const numerator = cents * r.coef * x.coef * m.coef;
          const denominator = pow10(r.scale + x.scale + m.scale) * UNIT_FEN[unit];
          const expected = divRound(numerator, denominator, mode) * UNIT_FEN[unit];
          expect(computeFormula(compiled(f, fx), facts, 2023).amount).toBe(expected);
        },
      ),
    );
  });
});

describe('trace', () => {
  test('records inputs, steps and every rounding, renderable in both locales', () => {
    const formula: Formula = { ...marginal, cap: '600000.00', sizeMultipliers: { small: '1.25' } };
    const result = computeFormula(compiled(formula, '6.7261'), firm('6000000.00', undefined, 'small'), 2023);
    expect(result.trace.map((s) => s.labelKey)).toEqual([
      'rules.trace.base',
      'rules.trace.marginalTier',
      'rules.trace.marginalTier',
      'rules.trace.marginalTier',
      'rules.trace.marginalSum',
      'rules.trace.fx',
      'rules.trace.multiplier',
      'rules.trace.rounding',
      'rules.trace.cap',
    ]);
    const zh = renderTrace(result.trace, 'zh-CN');
    const en = renderTrace(result.trace, 'en-US');
    for (const line of [...zh, ...en]) expect(line).not.toMatch(/[{}]|rules\./);
    expect(zh[5]).toBe(
      '按汇率 6.7261（测试汇率，2022-12-31）折算：USD 95,000.00 × 6.7261 = 638,979.50 元（精确值，未取整）',
    );
    expect(en[8]).toBe('Above the cap CNY 600,000.00; set to CNY 600,000.00');
  });

  test('per-enterprise cap over several clauses', () => {
    const p = program({ kind: 'rate', base: BASE, rate: '2%' }, { perEnterpriseCap: '300000.00' });
    const second = { ...p.clauses[0], id: 'c2' } as (typeof p.clauses)[number];
    const award = computeAward(compileProgram({ ...p, clauses: [...p.clauses, second] }), firm('1500000.00'));
    // Each clause gives 1,500,000 × 2% × 6.7261 = 201,783; together 403,566, capped at 300,000.
    expect(award.clauses.map((c) => yuanString(c.amount))).toEqual(['201783.00', '201783.00']);
    expect(yuanString(award.computed)).toBe('300000.00');
    expect(award.trace.at(-1)?.labelKey).toBe('rules.trace.enterpriseCap');
    const shown = presentAward(award, 'zh-CN');
    expect(shown.computed).toBe('300000.00');
    expect(shown.trace).toEqual([
      '条款 c1 计算金额 201,783.00 元',
      '条款 c2 计算金额 201,783.00 元',
      '各条款合计 403,566.00 元 超过单户总上限 300,000.00 元，核定为 300,000.00 元',
    ]);
    expect(shown.clauses[0]?.reasons).toHaveLength(4);
  });
});

describe('properties', () => {
  // Random amounts, with the bracket edges (USD 1M and 5M) and their neighbours drawn often.
  const edges = fc.constantFrom(99_999_999n, 100_000_000n, 100_000_001n, 499_999_999n, 500_000_000n);
  const dollars = fc
    .oneof(fc.bigInt({ min: 0n, max: 5_000_000_000n }), edges)
    .map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);

  test('marginal tiers are continuous and monotonic', () => {
    const f = compiled({ ...marginal, rounding: { unit: 'fen', mode: 'down' } }, '6.7261');
    fc.assert(
      fc.property(dollars, (text) => {
        const cents = parseYuan(text);
        const at = (c: bigint) => computeFormula(f, firm(yuanString(c as never)), 2023).amount;
        const here = at(cents);
        const next = at(cents + 1n);
        // Monotonic: one more cent never lowers the award; continuous: it raises it by at most the top
        // marginal rate × FX (2% × 6.7261 < 1 fen), plus one fen of rounding.
        expect(next >= here).toBe(true);
        expect(next - here <= 1n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('no award exceeds its cap, whatever the formula gives', () => {
    fc.assert(
      fc.property(dollars, fc.integer({ min: 1, max: 500_000 }), (text, capYuan) => {
        const cap = `${capYuan}.00`;
        for (const formula of [marginal, steps, { kind: 'rate', base: BASE, rate: '3%' } as Formula]) {
          const amount = computeFormula(compiled({ ...formula, cap }, '6.7261'), firm(text), 2023).amount;
          expect(amount <= parseYuan(cap)).toBe(true);
          expect(amount >= 0n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('rounding to the unit moves an amount by less than one unit', () => {
    fc.assert(
      fc.property(
        dollars,
        fc.constantFrom('yuan', 'hundred_yuan', 'thousand_yuan'),
        fc.constantFrom('half-up', 'down'),
        (text, unit, mode) => {
          const base: Formula = { kind: 'rate', base: BASE, rate: '2%', rounding: { unit: 'fen', mode } };
          const exact = computeFormula(compiled(base, '6.7261'), firm(text), 2023).amount;
          const rounded = computeFormula(
            compiled({ ...base, rounding: { unit, mode } }, '6.7261'),
            firm(text),
            2023,
          ).amount;
          const size = { yuan: 100n, hundred_yuan: 10_000n, thousand_yuan: 100_000n }[unit];
          const diff = rounded - exact;
          expect(rounded % size).toBe(0n);
          expect(mode === 'down' ? diff <= 0n && -diff < size : 2n * (diff < 0n ? -diff : diff) <= size).toBe(
            true,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
