// Turns rules-engine validation results into the API's error vocabulary: an invalid program file answers 422
// with every error as a detail; an invalid applicants CSV answers 422 CSV_INVALID with line-numbered details.
import type { CsvRowError } from '../../core/rules/applicants-csv';
import { AppError } from '../../shared/errors';
import { type Locale, t } from '../../shared/i18n';
import { type ProgramFile, parseProgramFile } from '../../shared/program-file';

/** The validated program, or a 422 AppError carrying every error with its JSON path. */
export function requireProgramFile(json: unknown, locale: Locale, field = 'program'): ProgramFile {
  const parsed = parseProgramFile(json, locale);
  if (parsed.ok) return parsed.program;
  throw new AppError(
    'PROGRAM_FILE_INVALID',
    'unprocessable',
    {},
    parsed.errors.map((e) => ({
      path: e.path ? `${field}.${e.path}` : field,
      code: e.code,
      message: e.message,
    })),
  );
}

export function csvInvalid(errors: readonly CsvRowError[], locale: Locale): AppError {
  return new AppError(
    'CSV_INVALID',
    'unprocessable',
    {},
    errors.map((e) => {
      const code = `APPLICANTS_CSV_${e.code.toUpperCase()}`;
      const text = t(locale, `errors.${code}`);
      return { path: `line ${e.line}`, code, message: e.field ? `${e.field}: ${text}` : text };
    }),
  );
}
