// JSON files named on the command line (program files, calendar years): read and written whole, with errors
// that name the file instead of a stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { type CliContext, printJson } from './cli-context';
import { cliText } from './cli-text';

export interface FileProblem {
  path: string;
  code: string;
  message: string;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function readJsonFile(file: string): unknown {
  let textContent: string;
  try {
    textContent = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', 'validation', { file, reason: reasonOf(error) });
  }
  try {
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    return JSON.parse(textContent.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new AppError('FILE_NOT_JSON', 'validation', { file, reason: reasonOf(error) });
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  try {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  } catch (error) {
    throw new AppError('FILE_UNWRITABLE', 'validation', { file, reason: reasonOf(error) });
  }
}

/**
 * Reports every problem of an invalid file — as `{ ok: false, errors }` on standard output with --json, else
 * a headline and one `path: message` line each on standard error (the empty path is the whole file) — and
 * answers exit code 1.
 */
export function reportFileProblems(
  ctx: CliContext,
  headline: { key: string; file: string },
  problems: FileProblem[],
): number {
  if (ctx.json) {
    printJson(ctx, { ok: false, errors: problems });
    return 1;
  }
  ctx.io.stderr(`${cliText(ctx.locale, headline.key, { file: headline.file, count: problems.length })}\n`);
  const root = cliText(ctx.locale, 'fileErrors.root');
  for (const p of problems) ctx.io.stderr(`  ${p.path || root}: ${p.message}\n`);
  return 1;
}
