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
// Both are pure and O(n log n), and work on compact columns (a few dozen bytes per applicant), so the same
// code allocates a program's applicants in the API and a million of them in `huiqi simulate`.
import type { AllocationConfig } from '../../shared/program-file';
import { type Fen, fen, UNIT_FEN } from '../money/money';
import { Amounts } from './amounts';

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

/** The applicants as columns: computed amounts (negative counts as 0), the id order and optional scores. */
export interface AllocationColumns {
  computed: Amounts;
  /** Orders two applicants by id, ascending: the last tie-break. */
  compareIds(a: number, b: number): number;
  score?(i: number): number;
}

const positive = (amount: bigint) => (amount > 0n ? amount : 0n);

function proportional(columns: AllocationColumns, budget: bigint, unit: bigint, total: bigint): Amounts {
  const { computed } = columns;
  const n = computed.length;
  const allocated = Amounts.zeros(n);
  const remainders = Amounts.zeros(n);
  const denominator = total * unit;
  let given = 0n;
  let count = 0;
  for (let i = 0; i < n; i++) if (computed.get(i) > 0n) count += 1;
  const candidates = new Uint32Array(count);
  count = 0;
  for (let i = 0; i < n; i++) {
    const c = positive(computed.get(i));
    const numerator = budget * c;
    const units = numerator / denominator;
    allocated.set(i, units * unit);
    remainders.set(i, numerator - units * denominator);
    given += units * unit;
    if (c > 0n) candidates[count++] = i;
  }
  candidates.sort((a, b) => {
    const ra = remainders.get(a);
    const rb = remainders.get(b);
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ca = computed.get(a);
    const cb = computed.get(b);
    if (ca !== cb) return ca > cb ? -1 : 1;
    return columns.compareIds(a, b);
  });
  const flooredBudget = budget - (budget % unit);
  let units = (flooredBudget - given) / unit;
  const extra = new Uint8Array(n);
  for (const i of candidates) {
    if (units === 0n) break;
    // Never above the computed amount (possible only when a computed amount is off the unit).
    if (allocated.get(i) + unit > computed.get(i)) continue;
    allocated.set(i, allocated.get(i) + unit);
    extra[i] = 1;
    given += unit;
    units -= 1n;
  }
  let left = budget - given;
  for (const pass of [0, 1]) {
    for (const i of candidates) {
      if (left === 0n) break;
      if (pass === 0 && extra[i] === 1) continue;
      const room = computed.get(i) - allocated.get(i);
      let part = left;
      if (room < part) part = room;
      allocated.set(i, allocated.get(i) + part);
      left -= part;
    }
  }
  return allocated;
}

function ranking(
  columns: AllocationColumns,
  budget: bigint,
  config: AllocationConfig & { method: 'ranking' },
) {
  const { computed } = columns;
  const n = computed.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (computed.get(i) > 0n) count += 1;
  const order = new Uint32Array(count);
  count = 0;
  for (let i = 0; i < n; i++) if (computed.get(i) > 0n) order[count++] = i;
  const score = (i: number) => columns.score?.(i) ?? 0;
  order.sort((a, b) => {
    if (config.by === 'score' && score(a) !== score(b)) return score(b) - score(a);
    const ca = computed.get(a);
    const cb = computed.get(b);
    if (ca !== cb) return ca > cb ? -1 : 1;
    return columns.compareIds(a, b);
  });
  const allocated = Amounts.zeros(n);
  let left = budget;
  for (const i of order) {
    const want = computed.get(i);
    if (want <= left) {
      allocated.set(i, want);
      left -= want;
      continue;
    }
    if (config.lastApplicant === 'skip_and_continue') continue;
    if (config.lastApplicant === 'partial') allocated.set(i, left);
    break;
  }
  return allocated;
}

/** allocate() over columns: the allocated amount of applicant i is `allocated.get(i)`. */
export function allocateColumns(
  columns: AllocationColumns,
  budget: Fen,
  config: AllocationConfig,
): { allocated: Amounts; total: Fen; reduced: boolean } {
  const { computed } = columns;
  const n = computed.length;
  let total = 0n;
  for (let i = 0; i < n; i++) total += positive(computed.get(i));
  if (total <= budget) {
    const allocated = Amounts.zeros(n);
    for (let i = 0; i < n; i++) allocated.set(i, positive(computed.get(i)));
    return { allocated, total: fen(total), reduced: false };
  }
  const allocated =
    config.method === 'proportional'
      ? proportional(columns, budget, UNIT_FEN[config.unit], total)
      : ranking(columns, budget, config);
  let sum = 0n;
  for (let i = 0; i < n; i++) sum += allocated.get(i);
  return { allocated, total: fen(sum), reduced: true };
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
  const computed = new Amounts(entries.length);
  for (const entry of entries) computed.push(entry.computed);
  const id = (i: number) => (entries[i] as AllocationEntry).id;
  const result = allocateColumns(
    {
      computed,
      compareIds: (a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0),
      score: (i) => entries[i]?.score ?? 0,
    },
    budget,
    config,
  );
  const allocated = entries.map((_, i) => fen(result.allocated.get(i)));
  return { allocated, total: result.total, reduced: result.reduced };
}
