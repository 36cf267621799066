// The program definition file (专项资金项目定义文件): one JSON document holding a program — basis documents,
// budget, rounding, FX rates, clauses with eligibility rules and reward formulas, materials, allocation,
// publicity and performance targets. Its zod schema (program-file-schema.ts, with the cross-field rules of
// program-file-checks.ts) is the single source: the code validates with it and
// scripts/generate-program-schema.ts writes program-file.schema.json from it. Money is carried as decimal
// strings (never JSON numbers) so nothing passes through a float.
import { DEFAULT_LOCALE, type Locale, t } from './i18n';
import { checkProgram, tooDeepRule } from './program-file-checks';
import { MAX_RULE_DEPTH, type ProgramFile, programFileShape } from './program-file-schema';

export * from './program-file-schema';

/** The whole file: structure first, then the cross-field rules of checkProgram (which run once it parses). */
export const programFileSchema = programFileShape.superRefine((program, ctx) => {
  for (const issue of checkProgram(program)) ctx.addIssue({ code: 'custom', ...issue });
});

export interface ProgramFileError {
  /** JSON path such as `clauses[0].formula.tiers[2].rate`; '' for the document itself. */
  path: string;
  code: string;
  message: string;
}

/** Writes a zod issue path the way a reader of the JSON file would: `clauses[0].formula.rate`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export type ProgramFileResult =
  | { ok: true; program: ProgramFile }
  | { ok: false; errors: ProgramFileError[] };

/**
 * Validates a parsed JSON document as a program file. An invalid file is rejected as a whole: every error
 * comes back with its JSON path; the message is in the given locale when the code has one.
 */
export function parseProgramFile(json: unknown, locale: Locale = DEFAULT_LOCALE): ProgramFileResult {
  const deep = tooDeepRule(json);
  if (deep !== null) {
    const code = 'PROGRAM_FILE_RULE_TOO_DEEP';
    const message = t(locale, `errors.${code}`, { max: MAX_RULE_DEPTH });
    return { ok: false, errors: [{ path: formatJsonPath(deep), code, message }] };
  }
  const result = programFileSchema.safeParse(json);
  if (result.success) return { ok: true, program: result.data };
  const errors = result.error.issues.map((issue): ProgramFileError => {
    const isCheck = issue.code === 'custom' && /^[A-Z_]+$/.test(issue.message);
    const code = `PROGRAM_FILE_${isCheck ? issue.message : issue.code.toUpperCase()}`;
    const params = { ...((issue.code === 'custom' && issue.params) || {}), detail: issue.message };
    return { path: formatJsonPath(issue.path), code, message: t(locale, `errors.${code}`, params) };
  });
  return { ok: false, errors };
}
