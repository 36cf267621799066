// Budget allocation (资金分配) when computed awards exceed the budget. Under budget everyone gets the computed
// amount. Over budget:
//  - proportional (同比例核减): each quota is budget × computed / total. Every applicant first gets its quota
//    rounded down to the unit; the units left over go one each to the largest remainders (tie-break: larger
//    remainder, then larger computed amount, then id ascending). When the budget is not a multiple of the
//    unit, the budget rounded down to the unit is shared that way and the rest (less than one unit) goes to
//    the first applicant in the same order that received no extra unit — so the parts always add up to the
//    budget exactly and exactly one award may be off the unit.
//  - ranking: by score (then computed amount) or by amount, descending, ties by id; each applicant gets its
//    computed amount while the budget lasts. The first one that no longer fits gets what is left ('partial'),
//    or ends the list ('skip'), or is passed over for the next ones that still fit ('skip_and_continue').
// Both are pure and O(n log n).
import type { AllocationConfig } from '../../shared/program-file';
import { type Fen, fen, UNIT_FEN } from '../money/money';

export interface AllocationEntry {
  /** A stable id for the tie-break, e.g. the USCC. */
  id: string;
  computed: Fen;
  score?: number;
}

export interface AllocationResult {
  /** Allocated amount per entry, in the input order. */
  allocated: Fen[];
  total: Fen;
  /** True when the computed total exceeded the budget and the method had to cut. */
  reduced: boolean;
}

function byId(ids: readonly string[], a: number, b: number): number {
  const x = ids[a] as string;
  const y = ids[b] as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

function proportional(
  entries: readonly AllocationEntry[],
  budget: bigint,
  unit: bigint,
  total: bigint,
): bigint[] {
  const n = entries.length;
  const ids = entries.map((e) => e.id);
  const computed = entries.map((e) => (e.computed > 0n ? (e.computed as bigint) : 0n));
  const allocated = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  const denominator = total * unit;
  let given = 0n;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const numerator = budget * (computed[i] as bigint);
    const units = numerator / denominator;
    allocated[i] = units * unit;
    remainders[i] = numerator - units * denominator;
    given += units * unit;
    if ((computed[i] as bigint) > 0n) candidates.push(i);
  }
  candidates.sort((a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ca = computed[a] as bigint;
    const cb = computed[b] as bigint;
    if (ca !== cb) return ca > cb ? -1 : 1;
    return byId(ids, a, b);
  });
  const flooredBudget = budget - (budget % unit);
  let units = (flooredBudget - given) / unit;
  const extra = new Uint8Array(n);
  for (const i of candidates) {
    if (units === 0n) break;
    // Never above the computed amount (possible only when a computed amount is off the unit).
    if ((allocated[i] as bigint) + unit > (computed[i] as bigint)) continue;
    allocated[i] = (allocated[i] as bigint) + unit;
    extra[i] = 1;
    given += unit;
    units -= 1n;
  }
  let left = budget - given;
  for (const pass of [0, 1]) {
    for (const i of candidates) {
      if (left === 0n) break;
      if (pass === 0 && extra[i] === 1) continue;
      const room = (computed[i] as bigint) - (allocated[i] as bigint);
      let part = left;
      if (room < part) part = room;
      allocated[i] = (allocated[i] as bigint) + part;
      left -= part;
    }
  }
  return allocated;
}

function ranking(
  entries: readonly AllocationEntry[],
  budget: bigint,
  config: AllocationConfig & { method: 'ranking' },
) {
  const ids = entries.map((e) => e.id);
  const order = entries.map((_, i) => i).filter((i) => (entries[i] as AllocationEntry).computed > 0n);
  order.sort((a, b) => {
    const ea = entries[a] as AllocationEntry;
    const eb = entries[b] as AllocationEntry;
    if (config.by === 'score' && (ea.score ?? 0) !== (eb.score ?? 0))
      return (eb.score ?? 0) - (ea.score ?? 0);
    if (ea.computed !== eb.computed) return ea.computed > eb.computed ? -1 : 1;
    return byId(ids, a, b);
  });
  const allocated = entries.map(() => 0n);
  let left = budget;
  for (const i of order) {
    const want = (entries[i] as AllocationEntry).computed as bigint;
    if (want <= left) {
      allocated[i] = want;
      left -= want;
      continue;
    }
    if (config.lastApplicant === 'skip_and_continue') continue;
    if (config.lastApplicant === 'partial') allocated[i] = left;
    break;
  }
  return allocated;
}

/**
 * Shares the budget among computed awards. Guarantees: each allocated amount is between 0 and its computed
 * amount; the total equals the computed total when that fits the budget, and otherwise equals the budget
 * (proportional, ranking with 'partial') or stays at or under it (ranking with 'skip' / 'skip_and_continue').
 */
export function allocate(
  entries: readonly AllocationEntry[],
  budget: Fen,
  config: AllocationConfig,
): AllocationResult {
  let total = 0n;
  for (const entry of entries) if (entry.computed > 0n) total += entry.computed;
  if (total <= budget) {
    const allocated = entries.map((e) => fen(e.computed > 0n ? e.computed : 0n));
    return { allocated, total: fen(total), reduced: false };
  }
  const amounts =
    config.method === 'proportional'
      ? proportional(entries, budget, UNIT_FEN[config.unit], total)
      : ranking(entries, budget, config);
  let sum = 0n;
  for (const a of amounts) sum += a;
  return { allocated: amounts.map(fen), total: fen(sum), reduced: true };
}
