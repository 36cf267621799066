import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketAmounts, yuanToFen } from './distribution';

describe('yuanToFen', () => {
  it.each([
    ['1299600.00', 129960000n],
    ['0.5', 50n],
    ['12', 1200n],
    ['-3.01', -301n],
  ])('%s → %s', (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  it('refuses what is not an amount', () => {
    expect(() => yuanToFen('1e5')).toThrow();
    expect(() => yuanToFen('1.234')).toThrow();
  });
});

describe('bucketAmounts', () => {
  it('puts zero apart and edges into the lower bucket', () => {
    const counts = bucketAmounts([
      '0.00',
      '0.01',
      '50000.00',
      '50000.01',
      '500000.00',
      '500000.01',
      '1299600.00',
    ]).map((b) => b.count);
    expect(counts).toEqual([1, 2, 1, 0, 1, 2]);
  });

  it('labels buckets by their edges', () => {
    const buckets = bucketAmounts([], ['10', '20']);
    expect(buckets.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: 'none', from: undefined, to: undefined },
      { kind: 'upTo', from: '0', to: '10' },
      { kind: 'upTo', from: '10', to: '20' },
      { kind: 'above', from: '20', to: undefined },
    ]);
  });

  it('counts every amount exactly once', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }))
      .map(([yuan, fen]) => `${yuan}.${String(fen).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 50 }), (amounts) => {
        const total = bucketAmounts(amounts).reduce((sum, b) => sum + b.count, 0);
        expect(total).toBe(amounts.length);
      }),
    );
  });
});
