// The reference for the simulation benchmark: DuckDB computes, in SQL over the same applicants CSV, what
// `huiqi simulate` computes — eligibility, the marginal-tier award and the largest-remainder allocation of the
// budget — and then checks the command's result file against its own, row by row, to the fen.
//
// The SQL is written for the shape of programs/tianhe-2023-tiered.json: one clause whose eligibility is
// "district = X, counted in the statistics, no violations, registry service trade of the year before > T", a
// marginal_tiers formula on that figure with size multipliers, one rounding, a formula cap and a
// per-enterprise cap, no floor, and proportional allocation. Its constants are read from the program file;
// a file of another shape is refused rather than simulated wrongly. Money is integers throughout (US cents,
// fen and HUGEINT products of scaled rates), never a float.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** The program fields the SQL relies on (a sub-shape of the program file; see the header). */
interface TieredProgram {
  year: number;
  budget: string;
  rounding: { unit: string; mode: string };
  fxRates: { id: string; rate: string }[];
  perEnterpriseCap?: string;
  allocation: { method: string; unit?: string };
  clauses: {
    eligibility: {
      op: string;
      rules: {
        op: string;
        fact: { source: string; field?: string; metric?: string; year?: number };
        value: unknown;
      }[];
    };
    formula: {
      kind: string;
      base: { source: string; metric: string; year: number };
      tiers: { from: string; to?: string; rate: string }[];
      sizeMultipliers?: Record<string, string>;
      cap?: string;
      floor?: string;
      rounding?: { unit: string; mode: string };
      intermediateRounding?: unknown;
      fxRateId?: string;
    };
  }[];
}

const UNIT_FEN: Record<string, bigint> = {
  fen: 1n,
  jiao: 10n,
  yuan: 100n,
  hundred_yuan: 10_000n,
  thousand_yuan: 100_000n,
  wan_yuan: 1_000_000n,
};
const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
/** Rates, FX rates and multipliers are scaled by 10^SCALE so their products stay integers. */
const SCALE = 6;

/** A decimal text ('2.5%', '6.7261', '1299600.00') × 10^scale, exactly; more digits than that is refused. */
function scaled(text: string, scale: number): bigint {
  const match = /^(\d+)(?:\.(\d+))?(%?)$/.exec(text);
  if (!match) throw new Error(`not a plain decimal: ${text}`);
  const [, whole = '', fraction = '', percent = ''] = match;
  const digits = fraction.length + (percent ? 2 : 0);
  if (digits > scale) throw new Error(`${text} has more than ${scale} decimals`);
  return BigInt(whole + fraction) * 10n ** BigInt(scale - digits);
}

function refuse(what: string): never {
  throw new Error(`the DuckDB reference is written for the tiered program's shape: ${what}`);
}

/** A HUGEINT literal (cast from text, so values past BIGINT stay exact). */
const big = (n: bigint) => `'${n}'::HUGEINT`;
const text = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The SQL creating table `reference(uscc, eligible, computed, allocated)`, amounts in fen. */
export function referenceSql(programFile: string, applicantsCsv: string): string {
  const p = JSON.parse(readFileSync(programFile, 'utf8')) as TieredProgram;
  const clause = p.clauses.length === 1 ? p.clauses[0] : undefined;
  if (clause === undefined) refuse('one clause');
  const { eligibility: rule, formula: f } = clause;
  const leaf = (op: string, source: string, key: string) =>
    rule.rules.find(
      (r) => r.op === op && r.fact.source === source && (r.fact.field ?? r.fact.metric) === key,
    );
  const district = leaf('eq', 'profile', 'district');
  const stats = leaf('eq', 'profile', 'stats_registered');
  const violations = leaf('eq', 'profile', 'violations');
  const threshold = leaf('gt', 'registry', f.base.metric);
  if (rule.op !== 'all' || rule.rules.length !== 4 || !district || !stats || !violations || !threshold)
    refuse('eligibility');
  if (
    threshold.fact.year !== f.base.year ||
    f.base.source !== 'registry' ||
    f.base.metric !== 'service_trade_usd'
  )
    refuse('the threshold and the base must be the registry service trade of the same year');
  if (f.kind !== 'marginal_tiers' || f.floor !== undefined || f.intermediateRounding !== undefined)
    refuse('a marginal_tiers formula without floor or intermediate rounding');
  const rounding = f.rounding ?? p.rounding;
  const unit = UNIT_FEN[rounding.unit];
  if (rounding.mode !== 'half-up' || unit === undefined) refuse('half-up rounding');
  const fx = p.fxRates.find((r) => r.id === (f.fxRateId ?? p.fxRates[0]?.id));
  if (fx === undefined) refuse('an FX rate');
  const allocationUnit = UNIT_FEN[p.allocation.unit ?? ''];
  if (p.allocation.method !== 'proportional' || allocationUnit === undefined)
    refuse('proportional allocation');
  const budget = scaled(p.budget, 2);
  if (budget % allocationUnit !== 0n) refuse('a budget that is a multiple of the allocation unit');
  const yuanToFen = (s: string | undefined) => (s === undefined ? null : scaled(s, 2));
  const caps = [yuanToFen(f.cap), yuanToFen(p.perEnterpriseCap)].filter((c) => c !== null);
  // Every award a multiple of the allocation unit means no extra unit can push an award past its computed
  // amount and no part of a unit is left over, so the extra units simply go to the first in the order.
  for (const cap of caps) if (cap % allocationUnit !== 0n || cap % unit !== 0n) refuse('caps on the unit');
  if (unit % allocationUnit !== 0n) refuse('a rounding unit that is a multiple of the allocation unit');

  const statisticsYear = p.year + f.base.year;
  const one = 10n ** BigInt(SCALE);
  const multiplier = SIZE_CLASSES.map(
    (size) => `WHEN ${text(size)} THEN ${big(scaled(f.sizeMultipliers?.[size] ?? '1', SCALE))}`,
  ).join(' ');
  const parts = f.tiers
    .map((tier) => {
      const from = big(scaled(tier.from, 2));
      const top = tier.to === undefined ? 'base' : `least(base, ${big(scaled(tier.to, 2))})`;
      return `greatest(${top} - ${from}, 0) * ${big(scaled(tier.rate, SCALE))}`;
    })
    .join(' + ');
  // exact = Σ parts × fx × multiplier is in units of 10^-(3 × SCALE) fen; one half-up rounding to the unit.
  const divisor = one ** 3n * unit;
  const capped = caps.reduce((sql, cap) => `least(${sql}, ${big(cap)})`, `rounded`);
  const file = text(applicantsCsv);

  return `
CREATE TABLE reference AS
WITH raw AS (
  SELECT trim(uscc) AS uscc, trim(district) AS district, trim(size_class) AS size_class,
         trim(stats_registered) AS stats_registered, trim(violations) AS violations, trim("year") AS year,
         nullif(trim(service_trade_usd), '') AS current_trade, nullif(trim(prev_service_trade_usd), '') AS prev_trade
  FROM read_csv(${file}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
facts AS (
  -- The statistics year is "year" for the current columns and "year" - 1 for the prev_* columns; a row of
  -- another year has no figure for it, and a blank cell is no data: both fail the threshold (NULL).
  SELECT uscc, district, size_class, stats_registered, violations,
         CAST(CAST(CASE year WHEN '${statisticsYear}' THEN current_trade WHEN '${statisticsYear + 1}' THEN prev_trade END
              AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS base
  FROM raw
),
awards AS (
  SELECT uscc, eligible,
         CASE WHEN eligible THEN (exact + ${big(divisor / 2n)}) // ${big(divisor)} * ${big(unit)} ELSE 0 END AS rounded
  FROM (
    SELECT uscc, base,
           coalesce(district = ${text(String(district.value))} AND stats_registered = ${text(String(stats.value))}
                    AND violations = ${text(String(violations.value))}
                    AND base > ${big(scaled(String(threshold.value), 2))}, false) AS eligible,
           (${parts}) * ${big(scaled(fx.rate, SCALE))} * CASE size_class ${multiplier} END AS exact
    FROM facts
  )
),
computed AS (
  SELECT uscc, eligible, ${capped}::HUGEINT AS computed FROM awards
),
quotas AS (
  -- Largest remainder: quota = budget × computed ÷ total; the floor to the unit first, then one unit each in
  -- order of the larger remainder, the larger computed amount, the smaller USCC (byte order, as the command).
  SELECT c.*, t.total,
         ${big(budget)} * computed // (t.total * ${big(allocationUnit)}) AS units,
         ${big(budget)} * computed % (t.total * ${big(allocationUnit)}) AS remainder
  FROM computed c, (SELECT sum(computed) AS total FROM computed) t
),
ranked AS (
  SELECT q.*,
         CASE WHEN computed > 0 THEN row_number() OVER (
           ORDER BY computed > 0 DESC, remainder DESC, computed DESC, uscc ASC) END AS place,
         (${big(budget)} - sum(units) OVER () * ${big(allocationUnit)}) // ${big(allocationUnit)} AS extra_units
  FROM quotas q
)
SELECT uscc, eligible, computed,
       CASE WHEN total <= ${big(budget)} THEN computed
            ELSE units * ${big(allocationUnit)} + CASE WHEN place <= extra_units THEN ${big(allocationUnit)} ELSE 0 END
       END AS allocated
FROM ranked;
`;
}

export interface ReferenceRun {
  ms: number;
  /** CPU time of this process (DuckDB's threads run in it) during the timed part. */
  cpuMs: number;
  rows: number;
  eligible: number;
  allocatedTotal: bigint;
  mismatches: number;
  /** The first differences, one line each. */
  examples: string[];
}

/**
 * Times DuckDB computing the reference and writing it to `referenceCsv` (its equivalent of the command's
 * result file), then, untimed, compares the command's result CSV with it on every USCC.
 */
export async function runReference(
  programFile: string,
  applicantsCsv: string,
  referenceCsv: string,
  commandResultCsv: string,
): Promise<ReferenceRun> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(referenceSql(programFile, applicantsCsv));
    await db.run(`COPY reference TO ${text(referenceCsv)} (HEADER, DELIMITER ',')`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;

    const totals = (
      await db.runAndReadAll(
        `SELECT count(*)::INTEGER, count(*) FILTER (WHERE eligible)::INTEGER, sum(allocated)::VARCHAR,
                count(*) FILTER (WHERE allocated > computed OR allocated < 0)::INTEGER FROM reference`,
      )
    ).getRowsJS()[0] as [number, number, string, number];
    if (totals[3] !== 0) throw new Error(`the reference allocated more than computed to ${totals[3]} rows`);

    // The command's CSV: BOM, CRLF and reasons with line breaks inside quotes; amounts in 元 with two decimals.
    const fenOf = (column: string) => `CAST(replace(${column}, '.', '') AS HUGEINT)`;
    await db.run(`
CREATE TABLE command AS
SELECT uscc, eligible = 'true' AS eligible, ${fenOf('computed')} AS computed, ${fenOf('allocated')} AS allocated
FROM read_csv(${text(commandResultCsv)}, header = true, all_varchar = true, delim = ',', quote = '"',
              escape = '"', parallel = false)`);
    const differences = `
FROM reference r FULL OUTER JOIN command c ON r.uscc = c.uscc
WHERE r.uscc IS NULL OR c.uscc IS NULL OR r.eligible IS DISTINCT FROM c.eligible
   OR r.computed IS DISTINCT FROM c.computed OR r.allocated IS DISTINCT FROM c.allocated`;
    const count = (await db.runAndReadAll(`SELECT count(*)::INTEGER ${differences}`)).getRowsJS()[0]?.[0];
    const examples = (
      await db.runAndReadAll(
        `SELECT coalesce(r.uscc, c.uscc), r.eligible, c.eligible, r.computed::VARCHAR, c.computed::VARCHAR,
                r.allocated::VARCHAR, c.allocated::VARCHAR ${differences} ORDER BY 1 LIMIT 5`,
      )
    )
      .getRowsJS()
      .map(
        ([uscc, re, ce, rc, cc, ra, ca]) =>
          `${uscc}: DuckDB eligible=${re} computed=${rc} allocated=${ra} fen; ` +
          `command eligible=${ce} computed=${cc} allocated=${ca} fen`,
      );
    return {
      ms,
      cpuMs,
      rows: totals[0],
      eligible: totals[1],
      allocatedTotal: BigInt(totals[2]),
      mismatches: Number(count),
      examples,
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
