// CLI text from locales/<locale>/cli.json, and error messages for what the CLI prints. Error codes with
// a CLI wording (cli.json `errors`) use it; other codes use the shared `errors` namespace.
import { AppError } from '../shared/errors';
import { hasMessage, type Locale, type MessageParams, t } from '../shared/i18n';

/** `key` is a path inside cli.json, e.g. 'audit.ok'; placeholders `{name}` are filled from params. */
export function cliText(locale: Locale, key: string, params: MessageParams = {}): string {
  return t(locale, `cli.${key}`, params);
}

/** A usage mistake on the command line: printed with the usage hint, exit code 2. */
export class UsageError extends AppError {
  constructor(key: string, params: MessageParams = {}) {
    super('USAGE', 'validation', { key, ...params });
  }
}

export function errorMessage(locale: Locale, error: unknown): string {
  if (error instanceof UsageError) return cliText(locale, `usage.${String(error.params.key)}`, error.params);
  if (error instanceof AppError) {
    if (error.code === 'MIGRATION_DRIFT') {
      const problem = cliText(locale, `drift.${String(error.params.reason)}`);
      return cliText(locale, 'errors.MIGRATION_DRIFT', { ...error.params, problem });
    }
    if (hasMessage(locale, `cli.errors.${error.code}`))
      return cliText(locale, `errors.${error.code}`, error.params);
    if (hasMessage(locale, `errors.${error.code}`)) return t(locale, `errors.${error.code}`, error.params);
    return `${error.code} ${JSON.stringify(error.params)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return cliText(locale, 'errors.UNKNOWN', { message });
}
