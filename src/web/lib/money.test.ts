import { describe, expect, it } from 'vitest';
import { formatWanYuan, parseYuan } from '../../core/money/money';
import { formatAmount, formatDate, formatRatio, toWanYuan } from './money';

describe('formatAmount', () => {
  it.each([
    ['1299600.00', '1,299,600.00'],
    ['1299600', '1,299,600.00'],
    ['0.5', '0.50'],
    ['-1234.5', '-1,234.50'],
    ['1234.567', '1234.567'],
    ['1234567.89', '1,234,567.89'],
    ['999', '999.00'],
    ['007.10', '7.10'],
    ['not money', 'not money'],
  ])('%s → %s', (input, expected) => {
    expect(formatAmount(input)).toBe(expected);
  });
});

describe('toWanYuan', () => {
  it('reads as the CLI shows the same amount', () => {
    expect(toWanYuan('1234567.89')).toBe(formatWanYuan(parseYuan('1234567.89')));
  });

  it.each([
    ['1299600.00', '129.96'],
    ['1234567.89', '123.46'],
    ['10000', '1.00'],
    ['12345678.90', '1,234.57'],
    ['0.01', '0.00'],
    ['0', '0.00'],
    ['not money', 'not money'],
  ])('%s 元 → %s 万元', (input, expected) => {
    expect(toWanYuan(input)).toBe(expected);
  });
});

describe('formatRatio', () => {
  it.each([
    ['0.4312', '43.12%'],
    ['1', '100%'],
    ['0.2345', '23.45%'],
    ['0.05', '5%'],
    ['0.123456', '12.3456%'],
  ])('%s → %s', (input, expected) => {
    expect(formatRatio(input)).toBe(expected);
  });
});

describe('formatDate', () => {
  it('keeps the date of a timestamp and marks a missing one', () => {
    expect(formatDate('2023-12-31T08:00:00.000Z')).toBe('2023-12-31');
    expect(formatDate(null)).toBe('—');
  });
});
