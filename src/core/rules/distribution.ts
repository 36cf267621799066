// Distribution summary of awards (奖励分布): count, min, median, max, the share going to SMEs and the Gini
// coefficient — all exact integer arithmetic, with the one rounding named on each ratio.
import type { SizeClass } from '../../shared/program-file';
import { type Decimal, divRound } from '../money/decimal';
import { type Fen, fen } from '../money/money';
import { Amounts } from './amounts';
import { SME_CLASSES } from './facts';

export interface Distribution {
  /** Applicants with an allocated amount above zero. */
  count: number;
  min: Fen;
  /** The middle award; with an even count, the mean of the two middle ones rounded half-up to the fen. */
  median: Fen;
  max: Fen;
  /** Share of the allocated total going to medium, small and micro enterprises, 4 decimals half-up. */
  smeShare: Decimal;
  /** Gini coefficient of the awards, 4 decimals half-up; 0 when fewer than two awards. */
  gini: Decimal;
}

/** Summarises allocated amounts; applicants that got nothing are not counted. */
export function summarizeDistribution(
  awards: readonly { allocated: Fen; sizeClass: SizeClass }[],
): Distribution {
  const allocated = new Amounts(awards.length);
  for (const award of awards) allocated.push(award.allocated);
  return summarizeAllocated(allocated, (i) =>
    SME_CLASSES.has((awards[i] as { sizeClass: SizeClass }).sizeClass),
  );
}

/** summarizeDistribution over a column of allocated amounts; `isSme(i)` tells applicant i's size class. */
export function summarizeAllocated(allocated: Amounts, isSme: (i: number) => boolean): Distribution {
  let total = 0n;
  let sme = 0n;
  for (let i = 0; i < allocated.length; i++) {
    const amount = allocated.get(i);
    if (amount <= 0n) continue;
    total += amount;
    if (isSme(i)) sme += amount;
  }
  const values = allocated.positiveAscending();
  const n = values.length;
  const zero: Decimal = { coef: 0n, scale: 4 };
  if (n === 0) return { count: 0, min: fen(0n), median: fen(0n), max: fen(0n), smeShare: zero, gini: zero };
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (values[mid] as bigint)
      : divRound((values[mid - 1] as bigint) + (values[mid] as bigint), 2n, 'half-up');
  // G = (2·Σ i·x_i − (n + 1)·S) / (n·S) with x ascending and i from 1: the mean absolute difference form.
  let weighted = 0n;
  for (let i = 0; i < n; i++) weighted += BigInt(i + 1) * (values[i] as bigint);
  const bigN = BigInt(n);
  const gini = divRound((2n * weighted - (bigN + 1n) * total) * 10_000n, bigN * total, 'half-up');
  return {
    count: n,
    min: fen(values[0] as bigint),
    median: fen(median),
    max: fen(values[n - 1] as bigint),
    smeShare: { coef: divRound(sme * 10_000n, total, 'half-up'), scale: 4 },
    gini: { coef: gini, scale: 4 },
  };
}
