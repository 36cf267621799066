// Simulation benchmark: 1,000,000 generated applicants through eligibility, marginal tiers and proportional
// allocation, timed against reading and parsing the same CSV alone (target: at most 3×, under 1 GiB RSS).
// Runnable alone: node bin/run-ts.mjs bench/simulate.bench.ts
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Fen, fen } from '../src/core/money/money';
import { allocate } from '../src/core/rules/allocate';
import { APPLICANT_COLUMNS, createApplicantsCsvParser } from '../src/core/rules/applicants-csv';
import { compileProgram } from '../src/core/rules/compile';
import { evaluateEligibility } from '../src/core/rules/eligibility';
import type { ApplicantFacts } from '../src/core/rules/facts';
import { program } from '../src/core/rules/fixtures/programs';
import { computeFormula } from '../src/core/rules/formulas';
import { makeUscc, USCC_CHARSET } from '../src/core/uscc/uscc';

export interface BenchResult {
  title: string;
  lines: string[];
  rows: number;
  parseMs: number;
  simulateMs: number;
  ratio: number;
  peakRssMiB: number;
}

const ROWS = 1_000_000;
const SIZES = ['large', 'medium', 'small', 'micro'] as const;

/** A deterministic generator (LCG), so every run parses the same file. */
function* csvLines(rows: number): Generator<string> {
  let seed = 20231231;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const money = (max: number) => `${next(max)}.${String(next(100)).padStart(2, '0')}`;
  yield `${APPLICANT_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    let body = '91440106';
    for (let k = 0, v = i; k < 9; k++, v = Math.floor(v / 31)) body += USCC_CHARSET[v % 31];
    const district = next(10) < 8 ? '天河区' : '越秀区';
    const fields = [
      makeUscc(body),
      `广州测试企业${i}有限公司`,
      district,
      SIZES[next(4)],
      next(10) < 9 ? 'true' : 'false',
      next(20) === 0 ? 'true' : 'false',
      '2022',
      money(30_000_000),
      money(20_000_000),
      money(10_000_000),
      money(50_000_000),
      money(20_000_000),
      money(25_000_000),
      money(40_000_000),
      money(15_000_000),
    ];
    yield `${fields.join(',')}\n`;
  }
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let buffer = '';
  for (const line of csvLines(rows)) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

async function readAndParse(file: string, onRow: (facts: ApplicantFacts) => void): Promise<void> {
  const parser = createApplicantsCsvParser(onRow);
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    parser.push(chunk as string);
  }
  const errors = parser.end();
  if (errors.length > 0) throw new Error(`generated CSV has ${errors.length} errors`);
}

const TIERED = program(
  {
    kind: 'marginal_tiers',
    base: { source: 'registry', metric: 'service_trade_usd', year: -1 },
    tiers: [
      { from: '0.00', to: '3000000.00', rate: '2.5%' },
      { from: '3000000.00', to: '10000000.00', rate: '1.5%' },
      { from: '10000000.00', rate: '0.8%' },
    ],
    cap: '280000.00',
  },
  { budget: '500000000.00' },
);

async function simulate(file: string): Promise<{ total: Fen; eligible: number }> {
  const compiled = compileProgram(TIERED);
  const clause = compiled.clauses[0];
  if (clause === undefined) throw new Error('program without clause');
  const entries: { id: string; computed: Fen }[] = [];
  await readAndParse(file, (facts) => {
    if (!evaluateEligibility(clause.eligibility, facts, compiled.year).pass) return;
    entries.push({ id: facts.uscc, computed: computeFormula(clause.formula, facts, compiled.year).amount });
  });
  const result = allocate(entries, compiled.budget, compiled.allocation);
  return { total: result.total, eligible: entries.length };
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await run();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

/** Generates the file, then times parse-only and the full simulation (best of two each, interleaved). */
export async function benchSimulate(rows = ROWS): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-simulate-'));
  const file = join(dir, 'applicants.csv');
  try {
    await writeCsv(file, rows);
    const parse: number[] = [];
    const full: number[] = [];
    let outcome = { total: fen(0n), eligible: 0 };
    for (let round = 0; round < 2; round++) {
      let count = 0;
      parse.push(
        (
          await timed(() =>
            readAndParse(file, () => {
              count += 1;
            }),
          )
        )[0],
      );
      if (count !== rows) throw new Error(`parsed ${count} rows, expected ${rows}`);
      const [ms, result] = await timed(() => simulate(file));
      full.push(ms);
      outcome = result;
    }
    const parseMs = Math.min(...parse);
    const simulateMs = Math.min(...full);
    const ratio = simulateMs / parseMs;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const budget = compileProgram(TIERED).budget;
    if (outcome.total !== budget) throw new Error('allocation did not reach the budget');
    return {
      title: `Simulation of ${rows.toLocaleString('en-US')} applicants (target: ≤ 3× read+parse, < 1 GiB)`,
      rows,
      parseMs,
      simulateMs,
      ratio,
      peakRssMiB,
      lines: [
        '| measure | value |',
        '| --- | --- |',
        `| read + parse CSV | ${(parseMs / 1000).toFixed(2)} s |`,
        `| read + parse + eligibility + marginal tiers + proportional allocation | ${(simulateMs / 1000).toFixed(2)} s |`,
        `| ratio | ${ratio.toFixed(2)}× ${ratio <= 3 ? '(met)' : '(missed)'} |`,
        `| eligible applicants allocated | ${outcome.eligible.toLocaleString('en-US')} |`,
        `| peak RSS | ${peakRssMiB.toFixed(0)} MiB ${peakRssMiB < 1024 ? '(met)' : '(missed)'} |`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = process.argv[2] ? Number(process.argv[2]) : ROWS;
  const result = await benchSimulate(rows);
  console.log([`## ${result.title}`, '', ...result.lines].join('\n'));
}
