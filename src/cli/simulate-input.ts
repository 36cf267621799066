// Reading for `huiqi simulate`: the program files, the applicants CSV (one pass, applicants handed over as
// they are parsed, with their position in the file) and the progress line of a long run.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CsvRowError, createApplicantsCsvParser, csvIssueMessage } from '../core/rules/applicants-csv';
import type { ApplicantFacts } from '../core/rules/facts';
import { type Locale, t } from '../shared/i18n';
import { type ProgramFile, parseProgramFile } from '../shared/program-file';

export type Loaded<T> = { ok: true; value: T } | { ok: false; lines: string[] };

const fileError = (locale: Locale, file: string, error: unknown) =>
  t(locale, 'rules.simulate.fileError', { file, detail: (error as Error).message });

export async function loadProgram(file: string, locale: Locale): Promise<Loaded<ProgramFile>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, lines: [fileError(locale, file, error)] };
  }
  const parsed = parseProgramFile(json, locale);
  if (parsed.ok) return { ok: true, value: parsed.program };
  const lines = parsed.errors.map((e) => `  ${e.path || '/'}: ${e.message}`);
  return {
    ok: false,
    lines: [t(locale, 'rules.simulate.programInvalid', { file: basename(file) }), ...lines],
  };
}

/** An issue with its line, and its 1-based column and its field when it has them (column 0: the whole line). */
export function place(locale: Locale, e: CsvRowError): string {
  const key =
    e.column > 0
      ? e.field === undefined
        ? 'csvColumnError'
        : 'csvRowError'
      : e.field === undefined
        ? 'csvLineError'
        : 'csvFieldError';
  return t(locale, `rules.simulate.${key}`, {
    line: e.line,
    column: e.column,
    field: e.field ?? '',
    message: csvIssueMessage(e, locale),
  });
}

/** Reads the CSV once, handing each valid applicant over with its position; every error is returned. */
export async function readApplicants(
  file: string,
  locale: Locale,
  onApplicant: (facts: ApplicantFacts, index: number) => void | Promise<void>,
): Promise<{ errors: string[]; warnings: CsvRowError[] }> {
  const pending: ApplicantFacts[] = [];
  const parser = createApplicantsCsvParser((facts) => pending.push(facts));
  let index = 0;
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      parser.push(chunk as string);
      // Await only what asks to be awaited: a microtask per applicant is a second at a million.
      for (const facts of pending) {
        const wait = onApplicant(facts, index++);
        if (wait instanceof Promise) await wait;
      }
      pending.length = 0;
    }
  } catch (error) {
    return { errors: [fileError(locale, file, error)], warnings: [] };
  }
  const errors = parser.end();
  for (const facts of pending) {
    const wait = onApplicant(facts, index++);
    if (wait instanceof Promise) await wait;
  }
  if (errors.length === 0) return { errors: [], warnings: [...parser.warnings] };
  const lines = errors.map((e) => `  ${place(locale, e)}`);
  return {
    errors: [t(locale, 'rules.simulate.csvInvalid', { file: basename(file) }), ...lines],
    warnings: [],
  };
}

/** A progress line on standard error, once a run has taken two seconds, at most once a second. */
export function progressReporter(locale: Locale, passes: number) {
  const started = Date.now();
  let shown = started;
  return (pass: number, count: number) => {
    if (count % 4096 !== 0) return;
    const now = Date.now();
    if (now - started < 2000 || now - shown < 1000) return;
    shown = now;
    const seconds = Math.round((now - started) / 1000);
    process.stderr.write(`${t(locale, 'rules.simulate.progress', { pass, passes, count, seconds })}\n`);
  };
}
