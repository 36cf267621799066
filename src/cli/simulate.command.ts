// `huiqi simulate --program FILE --applicants FILE.csv [--json] [--compare OTHER_PROGRAM_FILE] [--out FILE]`:
// runs a program definition over an applicants CSV and prints a table (or the documented JSON), or writes the
// per-applicant results to a .csv, .xlsx or .jsonl file. It streams: pass one keeps a few dozen bytes per
// applicant and allocates, each further pass re-reads the CSV and writes applicants as they come, so a
// million applicants fit in memory. Nothing is computed when either file has an error.
import { decimalToString } from '../core/money/decimal';
import { fen, formatYuan, yuanString } from '../core/money/money';
import { type CsvRowError, csvIssueMessage } from '../core/rules/applicants-csv';
import { type CompiledProgram, compileProgram } from '../core/rules/compile';
import type { ApplicantFacts } from '../core/rules/facts';
import { showPercent } from '../core/rules/format';
import { applicantToJson, distributionToJson, totalsToJson } from '../core/rules/simulate';
import { presentApplicant, SimulationTally, type TallyResult } from '../core/rules/simulation-tally';
import { AppError } from '../shared/errors';
import { type Locale, t } from '../shared/i18n';
import { loadProgram, place, progressReporter, readApplicants } from './simulate-input';
import { BufferedOut, openResultFile } from './simulate-output';

interface SimulateArgs {
  program: string;
  applicants: string;
  json: boolean;
  compare?: string;
  out?: string;
}

const VALUE_OPTIONS = ['--program', '--applicants', '--compare', '--out'] as const;

function parseArgs(argv: readonly string[]): SimulateArgs | null {
  const args: Partial<SimulateArgs> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === '--json') args.json = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(arg) && next !== undefined) {
      args[arg.slice(2) as 'program' | 'applicants' | 'compare' | 'out'] = next;
      i += 1;
    } else return null;
  }
  // One result file holds one program's applicants.
  if (args.out !== undefined && args.compare !== undefined) return null;
  return args.program && args.applicants ? (args as SimulateArgs) : null;
}

const yuan = (amount: bigint) => formatYuan(amount as Parameters<typeof formatYuan>[0]);

interface Run {
  args: SimulateArgs;
  locale: Locale;
  programs: CompiledProgram[];
  results: TallyResult[];
  warnings: CsvRowError[];
  out: BufferedOut;
  /** Reads the applicants again, in the same order as pass one. */
  pass(onApplicant: (facts: ApplicantFacts, index: number) => void | Promise<void>): Promise<void>;
}

function summaryLines(run: Run, which: number): string[] {
  const { totals, distribution: d } = run.results[which] as TallyResult;
  return [
    t(run.locale, 'rules.simulate.totals', {
      eligible: totals.eligible,
      computed: yuan(totals.computed),
      allocated: yuan(totals.allocated),
      budget: yuan(totals.budget),
    }),
    t(run.locale, 'rules.simulate.distribution', {
      count: d.count,
      min: yuan(d.min),
      median: yuan(d.median),
      max: yuan(d.max),
      smeShare: showPercent(d.smeShare),
      gini: decimalToString(d.gini, 4),
    }),
  ];
}

async function table(run: Run, which: number): Promise<void> {
  const { locale, out } = run;
  const program = run.programs[which] as CompiledProgram;
  const { allocated, totals } = run.results[which] as TallyResult;
  const title = { name: program.name, year: program.year, budget: yuan(totals.budget) };
  out.line(t(locale, 'rules.simulate.title', title));
  out.line(t(locale, 'rules.simulate.header'));
  await run.pass((facts, i) => {
    const row = presentApplicant(program, facts, allocated.get(i), locale);
    const eligible = t(locale, `rules.simulate.${row.eligible ? 'eligible' : 'ineligible'}`);
    out.line(`${row.uscc} | ${row.name} | ${eligible} | ${yuan(row.computed)} | ${yuan(row.allocated)}`);
    for (const reason of row.reasons) out.line(`    ${reason}`);
  });
  for (const line of summaryLines(run, which)) out.line(line);
}

async function comparisonTable(run: Run): Promise<void> {
  const { locale, out } = run;
  const [a, b] = run.results as [TallyResult, TallyResult];
  const [pa, pb] = run.programs as [CompiledProgram, CompiledProgram];
  const row = (key: string, x: string | number, y: string | number) =>
    out.line(
      t(locale, 'rules.simulate.compareRow', {
        label: t(locale, `rules.simulate.compareLabels.${key}`),
        a: x,
        b: y,
      }),
    );
  out.line(t(locale, 'rules.simulate.compareTitle'));
  out.line(`${pa.code} | ${pb.code}`);
  row('eligible', a.totals.eligible, b.totals.eligible);
  row('computed', yuan(a.totals.computed), yuan(b.totals.computed));
  row('allocated', yuan(a.totals.allocated), yuan(b.totals.allocated));
  row('median', yuan(a.distribution.median), yuan(b.distribution.median));
  row('max', yuan(a.distribution.max), yuan(b.distribution.max));
  row('smeShare', showPercent(a.distribution.smeShare), showPercent(b.distribution.smeShare));
  row('gini', decimalToString(a.distribution.gini, 4), decimalToString(b.distribution.gini, 4));
  await run.pass((facts, i) => {
    const x = a.allocated.get(i);
    const y = b.allocated.get(i);
    out.line(`${facts.uscc} | ${facts.name} | ${yuan(x)} | ${yuan(y)} | ${yuan(y - x)}`);
  });
}

/** The documented JSON of one program, its applicants streamed; `extra` keys go after the distribution. */
async function simulationJson(run: Run, which: number, head: string, extra = '', tail = ''): Promise<void> {
  const program = run.programs[which] as CompiledProgram;
  const result = run.results[which] as TallyResult;
  run.out.line(`${head}{"applicants": [`);
  await run.pass((facts, i) => {
    const row = presentApplicant(program, facts, result.allocated.get(i), run.locale);
    run.out.line(`${i === 0 ? '' : ','}${JSON.stringify(applicantToJson(row))}`);
  });
  const totals = JSON.stringify(totalsToJson(result.totals));
  const distribution = JSON.stringify(distributionToJson(result.distribution));
  run.out.line(`], "totals": ${totals}, "distribution": ${distribution}${extra}}${tail}`);
}

/** The warnings as the API answers them: code under `APPLICANTS_CSV_*` and the message in the locale. */
function warningsJson(run: Run): string {
  return JSON.stringify(
    run.warnings.map((w) => ({
      ...w,
      code: `APPLICANTS_CSV_${w.code.toUpperCase()}`,
      message: csvIssueMessage(w, run.locale),
    })),
  );
}

async function writeOutput(run: Run): Promise<void> {
  const { args, locale, out } = run;
  const [a, b] = run.results;
  if (args.out !== undefined) {
    const sink = openResultFile(args.out);
    if (sink === null || a === undefined) return;
    const program = run.programs[0] as CompiledProgram;
    await run.pass((facts, i) => sink.row(presentApplicant(program, facts, a.allocated.get(i), locale)));
    await sink.close();
    if (args.json) {
      const totals = JSON.stringify(totalsToJson(a.totals));
      const distribution = JSON.stringify(distributionToJson(a.distribution));
      const file = JSON.stringify(args.out);
      out.line(
        `{"out": ${file}, "totals": ${totals}, "distribution": ${distribution}, "warnings": ${warningsJson(run)}}`,
      );
    } else {
      out.line(t(locale, 'rules.simulate.written', { count: a.allocated.length, file: args.out }));
      for (const line of summaryLines(run, 0)) out.line(line);
    }
  } else if (args.json && b === undefined) {
    await simulationJson(run, 0, '', `, "warnings": ${warningsJson(run)}`);
  } else if (args.json) {
    await simulationJson(run, 0, '{"program": ', '', ',');
    await simulationJson(run, 1, '"compare": ', '', ', "applicants": [');
    const [x, y] = run.results as [TallyResult, TallyResult];
    await run.pass((facts, i) => {
      const pa = x.allocated.get(i);
      const pb = y.allocated.get(i);
      const row = {
        uscc: facts.uscc,
        program: yuanString(fen(pa)),
        compare: yuanString(fen(pb)),
        difference: yuanString(fen(pb - pa)),
      };
      out.line(`${i === 0 ? '' : ','}${JSON.stringify(row)}`);
    });
    out.line(`], "warnings": ${warningsJson(run)}}`);
  } else {
    await table(run, 0);
    if (b !== undefined) {
      await table(run, 1);
      out.line('');
      await comparisonTable(run);
    }
  }
  if (!args.json && run.warnings.length > 0) {
    out.line(t(locale, 'rules.simulate.warnings', { count: run.warnings.length }));
    for (const warning of run.warnings) out.line(`  ${place(locale, warning)}`);
  }
}

/** Runs the command; returns the exit code (0 ok, 1 invalid input, 2 usage). */
export async function runSimulate(
  argv: string[],
  write: (s: string) => void,
  locale: Locale,
): Promise<number> {
  const args = parseArgs(argv);
  if (args === null) {
    write(`${t(locale, 'rules.simulate.usage')}\n`);
    return 2;
  }
  if (args.out !== undefined && !/\.(csv|xlsx|jsonl)$/i.test(args.out)) {
    write(`${t(locale, 'rules.simulate.outFormat', { file: args.out })}\n`);
    return 2;
  }
  const loaded = [await loadProgram(args.program, locale)];
  if (args.compare !== undefined) loaded.push(await loadProgram(args.compare, locale));
  const failures = loaded.flatMap((l) => (l.ok ? [] : l.lines));
  const out = new BufferedOut(write);
  try {
    const programs = loaded.flatMap((l) => (l.ok ? [compileProgram(l.value)] : []));
    const tallies = programs.map((program) => new SimulationTally(program));
    const passes = 1 + (args.out !== undefined ? 1 : programs.length === 2 ? 3 : 1);
    const progress = progressReporter(locale, passes);
    let pass = 1;
    const first = await readApplicants(args.applicants, locale, (facts, i) => {
      for (const tally of tallies) tally.add(facts);
      progress(pass, i + 1);
    });
    if (failures.length > 0 || first.errors.length > 0) {
      write(`${[...failures, ...first.errors].join('\n')}\n`);
      return 1;
    }
    const run: Run = {
      args,
      locale,
      programs,
      results: tallies.map((tally) => tally.finish()),
      warnings: first.warnings,
      out,
      async pass(onApplicant) {
        pass += 1;
        await readApplicants(args.applicants, locale, (facts, i) => {
          progress(pass, i + 1);
          return onApplicant(facts, i);
        });
      },
    };
    await writeOutput(run);
    out.flush();
    return 0;
  } catch (error) {
    out.flush();
    if (error instanceof AppError) {
      write(`${t(locale, `errors.${error.code}`, error.params)}\n`);
      return 1;
    }
    throw error;
  }
}
