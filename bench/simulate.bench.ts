// Simulation benchmark: `huiqi simulate --program programs/tianhe-2023-tiered.json` run as a child process, end
// to end, on 1,000,000 generated applicants with its per-applicant results written to a CSV file; in the same
// run DuckDB computes the same eligibility, awards and largest-remainder allocation in SQL over the same file
// (bench/simulate-duckdb.ts), and every row of the command's result must agree with it to the fen. Targets:
// at most 5× DuckDB's time, and a peak RSS of the command under 1 GiB.
// Runnable alone: node bin/run-ts.mjs bench/simulate.bench.ts [rows]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeApplicantsCsv } from './simulate-applicants';
import { runReference } from './simulate-duckdb';

export interface BenchResult {
  title: string;
  lines: string[];
}

const ROWS = 1_000_000;
const PROGRAM = 'programs/tianhe-2023-tiered.json';
const TIME_TARGET = 5;
const RSS_TARGET_MIB = 1024;

interface CommandRun {
  ms: number;
  cpuMs: number;
  peakRssMiB: number;
  stdout: string;
  progressLines: number;
}

/** Runs the command as a child process; its peak RSS comes from the process itself at exit. */
async function runCommand(args: string[], rusageFile: string): Promise<CommandRun> {
  const preload = new URL('./report-max-rss.mjs', import.meta.url).href;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', preload, 'bin/huiqi.mjs', ...args], {
    env: { ...process.env, HUIQI_BENCH_RUSAGE_FILE: rusageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`huiqi simulate exited with ${code}:\n${stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(rusageFile, 'utf8')) as NodeJS.ResourceUsage;
  const progressLines = stderr.split('\n').filter((line) => line.trim() !== '').length;
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  return { ms, cpuMs, peakRssMiB: usage.maxRSS / 1024, stdout, progressLines };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean) => (met ? '(met)' : '(missed)');

/** Generates the file, runs the command and the DuckDB reference once each, and compares every row. */
export async function benchSimulate(rows = ROWS): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-simulate-'));
  const applicants = join(dir, 'applicants.csv');
  const result = join(dir, 'result.csv');
  try {
    await writeApplicantsCsv(applicants, rows);
    const csvMiB = statSync(applicants).size / 2 ** 20;
    const command = await runCommand(
      ['simulate', '--program', PROGRAM, '--applicants', applicants, '--out', result, '--json'],
      join(dir, 'rusage.json'),
    );
    const summary = JSON.parse(command.stdout) as {
      totals: { eligible: number; allocated: string; budget: string };
      warnings: unknown[];
    };
    const resultMiB = statSync(result).size / 2 ** 20;
    const reference = await runReference(PROGRAM, applicants, join(dir, 'reference.csv'), result);
    if (reference.mismatches > 0)
      throw new Error(
        `the command and DuckDB disagree on ${reference.mismatches} of ${rows} rows, e.g.\n` +
          reference.examples.join('\n'),
      );
    if (reference.rows !== rows) throw new Error(`DuckDB read ${reference.rows} rows, expected ${rows}`);
    const budgetFen = BigInt(summary.totals.budget.replace('.', ''));
    if (
      BigInt(summary.totals.allocated.replace('.', '')) !== budgetFen ||
      reference.allocatedTotal !== budgetFen
    )
      throw new Error('the allocation did not add up to the budget');
    if (summary.totals.eligible !== reference.eligible) throw new Error('the eligible counts differ');

    const ratio = command.ms / reference.ms;
    return {
      title: `Simulation of ${rows.toLocaleString('en-US')} applicants (target: ≤ ${TIME_TARGET}× DuckDB, < 1 GiB)`,
      lines: [
        '| measure | value |',
        '| --- | --- |',
        `| \`huiqi simulate --out result.csv\`, end to end (child process) | ${seconds(command.ms)} |`,
        `| DuckDB: read CSV, eligibility, tiers, allocation in SQL, write result CSV | ${seconds(reference.ms)} |`,
        `| ratio | ${ratio.toFixed(2)}× ${verdict(ratio <= TIME_TARGET)} |`,
        `| CPU time: command / DuckDB (all threads) | ${seconds(command.cpuMs)} / ${seconds(reference.cpuMs)} |`,
        `| progress lines on standard error | ${command.progressLines} |`,
        `| peak RSS of the command | ${command.peakRssMiB.toFixed(0)} MiB ${verdict(command.peakRssMiB < RSS_TARGET_MIB)} |`,
        `| rows agreeing with DuckDB (eligibility, computed, allocated, to the fen) | ${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} |`,
        `| eligible applicants | ${reference.eligible.toLocaleString('en-US')} |`,
        `| USCC check-character warnings | ${summary.warnings.length.toLocaleString('en-US')} |`,
        `| applicants CSV / result CSV | ${csvMiB.toFixed(0)} MiB / ${resultMiB.toFixed(0)} MiB |`,
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
