// `huiqi simulate --program FILE --applicants FILE.csv [--json] [--compare OTHER_PROGRAM_FILE]`: runs a program
// definition over an applicants CSV and prints a table (or the documented JSON). Reads the files, then hands
// values to the pure rules engine; nothing is computed when either file has an error.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decimalToString } from '../core/money/decimal';
import { formatYuan, yuanString } from '../core/money/money';
import { createApplicantsCsvParser } from '../core/rules/applicants-csv';
import type { ApplicantFacts } from '../core/rules/facts';
import { showPercent } from '../core/rules/format';
import {
  compareSimulations,
  type SimulationResult,
  simulateProgram,
  simulationToJson,
} from '../core/rules/simulate';
import { AppError } from '../shared/errors';
import { type Locale, t } from '../shared/i18n';
import { type ProgramFile, parseProgramFile } from '../shared/program-file';

interface SimulateArgs {
  program: string;
  applicants: string;
  json: boolean;
  compare?: string;
}

function parseArgs(argv: readonly string[]): SimulateArgs | null {
  const args: Partial<SimulateArgs> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--json') args.json = true;
    else if ((arg === '--program' || arg === '--applicants' || arg === '--compare') && next !== undefined) {
      args[arg.slice(2) as 'program' | 'applicants' | 'compare'] = next;
      i += 1;
    } else return null;
  }
  return args.program && args.applicants ? (args as SimulateArgs) : null;
}

type Loaded<T> = { ok: true; value: T } | { ok: false; lines: string[] };

async function loadProgram(file: string, locale: Locale): Promise<Loaded<ProgramFile>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      lines: [t(locale, 'rules.simulate.fileError', { file, detail: (error as Error).message })],
    };
  }
  const parsed = parseProgramFile(json, locale);
  if (parsed.ok) return { ok: true, value: parsed.program };
  const lines = parsed.errors.map((e) => `  ${e.path || '/'}: ${e.message}`);
  return {
    ok: false,
    lines: [t(locale, 'rules.simulate.programInvalid', { file: basename(file) }), ...lines],
  };
}

async function loadApplicants(file: string, locale: Locale): Promise<Loaded<ApplicantFacts[]>> {
  const applicants: ApplicantFacts[] = [];
  const parser = createApplicantsCsvParser((facts) => applicants.push(facts));
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) parser.push(chunk as string);
  } catch (error) {
    return {
      ok: false,
      lines: [t(locale, 'rules.simulate.fileError', { file, detail: (error as Error).message })],
    };
  }
  const errors = parser.end();
  if (errors.length === 0) return { ok: true, value: applicants };
  const lines = errors.map(
    (e) =>
      `  ${t(locale, 'rules.simulate.csvRowError', {
        line: e.line,
        column: e.column,
        field: e.field ?? '',
        message: t(locale, `errors.APPLICANTS_CSV_${e.code.toUpperCase()}`),
      })}`,
  );
  return { ok: false, lines: [t(locale, 'rules.simulate.csvInvalid', { file: basename(file) }), ...lines] };
}

const yuan = (amount: bigint) => formatYuan(amount as Parameters<typeof formatYuan>[0]);

function table(result: SimulationResult, locale: Locale): string[] {
  const { totals, distribution: d } = result;
  const lines = [
    t(locale, 'rules.simulate.title', {
      name: result.program.name,
      year: result.program.year,
      budget: yuan(totals.budget),
    }),
    t(locale, 'rules.simulate.header'),
  ];
  for (const row of result.applicants) {
    const eligible = t(locale, `rules.simulate.${row.eligible ? 'eligible' : 'ineligible'}`);
    lines.push(`${row.uscc} | ${row.name} | ${eligible} | ${yuan(row.computed)} | ${yuan(row.allocated)}`);
    for (const reason of row.reasons) lines.push(`    ${reason}`);
  }
  lines.push(
    t(locale, 'rules.simulate.totals', {
      eligible: totals.eligible,
      computed: yuan(totals.computed),
      allocated: yuan(totals.allocated),
      budget: yuan(totals.budget),
    }),
    t(locale, 'rules.simulate.distribution', {
      count: d.count,
      min: yuan(d.min),
      median: yuan(d.median),
      max: yuan(d.max),
      smeShare: showPercent(d.smeShare),
      gini: decimalToString(d.gini, 4),
    }),
  );
  return lines;
}

function comparisonTable(a: SimulationResult, b: SimulationResult, locale: Locale): string[] {
  const perApplicant = compareSimulations(a, b).applicants.map(
    (r) => `${r.uscc} | ${r.name} | ${yuan(r.a)} | ${yuan(r.b)} | ${yuan(r.difference)}`,
  );
  const row = (key: string, x: string | number, y: string | number) =>
    t(locale, 'rules.simulate.compareRow', {
      label: t(locale, `rules.simulate.compareLabels.${key}`),
      a: x,
      b: y,
    });
  return [
    t(locale, 'rules.simulate.compareTitle'),
    `${a.program.code} | ${b.program.code}`,
    row('eligible', a.totals.eligible, b.totals.eligible),
    row('computed', yuan(a.totals.computed), yuan(b.totals.computed)),
    row('allocated', yuan(a.totals.allocated), yuan(b.totals.allocated)),
    row('median', yuan(a.distribution.median), yuan(b.distribution.median)),
    row('max', yuan(a.distribution.max), yuan(b.distribution.max)),
    row('smeShare', showPercent(a.distribution.smeShare), showPercent(b.distribution.smeShare)),
    row('gini', decimalToString(a.distribution.gini, 4), decimalToString(b.distribution.gini, 4)),
    ...perApplicant,
  ];
}

function comparisonJson(a: SimulationResult, b: SimulationResult) {
  return {
    program: simulationToJson(a),
    compare: simulationToJson(b),
    applicants: compareSimulations(a, b).applicants.map((r) => ({
      uscc: r.uscc,
      program: yuanString(r.a),
      compare: yuanString(r.b),
      difference: yuanString(r.difference),
    })),
  };
}

/** Runs the command; returns the exit code (0 ok, 1 invalid input, 2 usage). */
export async function runSimulate(argv: string[], out: (s: string) => void, locale: Locale): Promise<number> {
  const args = parseArgs(argv);
  if (args === null) {
    out(t(locale, 'rules.simulate.usage'));
    return 2;
  }
  const loaded = [await loadProgram(args.program, locale)];
  if (args.compare !== undefined) loaded.push(await loadProgram(args.compare, locale));
  const applicants = await loadApplicants(args.applicants, locale);
  const failures = [...loaded, applicants].flatMap((l) => (l.ok ? [] : l.lines));
  const programs = loaded.flatMap((l) => (l.ok ? [l.value] : []));
  if (failures.length > 0 || !applicants.ok) {
    out(failures.join('\n'));
    return 1;
  }
  try {
    const [a, b] = programs.map((p) => simulateProgram(p, applicants.value, locale)) as [
      SimulationResult,
      SimulationResult | undefined,
    ];
    if (args.json) {
      const json = b === undefined ? simulationToJson(a) : comparisonJson(a, b);
      out(JSON.stringify(json, null, 2));
    } else {
      out(table(a, locale).join('\n'));
      if (b !== undefined) out([...table(b, locale), '', ...comparisonTable(a, b, locale)].join('\n'));
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      out(t(locale, `errors.${error.code}`, error.params));
      return 1;
    }
    throw error;
  }
}
