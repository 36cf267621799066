import { describe, expect, test } from 'vitest';
import { parseProgramFile } from '../../shared/program-file';
import { program } from './fixtures/programs';

const BASE = { source: 'registry', metric: 'service_trade_usd', year: -1 } as const;

describe('program definition file', () => {
  test('a complete program parses', () => {
    const result = parseProgramFile(program({ kind: 'rate', base: BASE, rate: '2%' }));
    expect(result.ok).toBe(true);
  });

  test('an invalid file is rejected as a whole with every error and its JSON path', () => {
    const bad = JSON.parse(JSON.stringify(program({ kind: 'rate', base: BASE, rate: '2%' })));
    bad.budget = 1299600;
    bad.rounding.unit = 'cent';
    bad.clauses[0].formula = {
      kind: 'marginal_tiers',
      base: BASE,
      tiers: [{ from: '0', to: '10', rate: 'two' }],
    };
    bad.clauses[0].eligibility.rules[0].fact.field = 'city';
    bad.surprise = true;
    const result = parseProgramFile(bad, 'en-US');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        '',
        'budget',
        'clauses[0].eligibility.rules[0].fact.field',
        'clauses[0].formula.tiers[0].rate',
        'rounding.unit',
      ].sort(),
    );
    const budget = result.errors.find((e) => e.path === 'budget');
    expect(budget?.code).toBe('PROGRAM_FILE_INVALID_TYPE');
    expect(budget?.message).toMatch(/^Wrong type/);
  });

  test('cross-field rules report their paths too', () => {
    const p = JSON.parse(JSON.stringify(program({ kind: 'rate', base: BASE, rate: '2%' })));
    p.clauses[0].formula = {
      kind: 'marginal_tiers',
      base: BASE,
      fxRateId: 'nope',
      cap: '10.00',
      floor: '20.00',
      tiers: [
        { from: '0', to: '100', rate: '1%' },
        { from: '200', to: '150', rate: '1%' },
        { from: '150', rate: '1%' },
      ],
    };
    p.clauses[0].eligibility.rules[1].value = 'yes';
    p.clauses[0].eligibility.rules[3] = { op: 'in', fact: BASE, values: ['x'] };
    const result = parseProgramFile(p, 'zh-CN');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['clauses[0].eligibility.rules[1].value', 'PROGRAM_FILE_RULE_VALUE_WRONG_TYPE'],
      ['clauses[0].eligibility.rules[3].op', 'PROGRAM_FILE_RULE_OP_NOT_FOR_AMOUNT'],
      ['clauses[0].eligibility.rules[3].values[0]', 'PROGRAM_FILE_RULE_VALUE_NOT_USD'],
      ['clauses[0].formula.fxRateId', 'PROGRAM_FILE_FX_RATE_UNKNOWN'],
      ['clauses[0].formula.floor', 'PROGRAM_FILE_FLOOR_ABOVE_CAP'],
      ['clauses[0].formula.tiers[1].from', 'PROGRAM_FILE_TIERS_NOT_CONTIGUOUS'],
      ['clauses[0].formula.tiers[1].to', 'PROGRAM_FILE_TIER_EMPTY'],
    ]);
    expect(result.errors[5]?.message).toBe('档位必须首尾相接：本档下限应等于上一档上限');
  });

  test('refuses floats for money, exponents and NUL characters', () => {
    for (const [field, value] of [
      ['budget', '1e6'],
      ['budget', 'Infinity'],
      ['budget', '1299600.001'],
      ['name', 'a\u0000b'],
    ] as const) {
      const p = { ...program({ kind: 'rate', base: BASE, rate: '2%' }), [field]: value };
      const result = parseProgramFile(p);
      expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([field]);
    }
  });
});
