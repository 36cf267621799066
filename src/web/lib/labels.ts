// Labels for codes the server sends (statuses, milestone kinds): a translation when the catalog has one,
// the code itself otherwise, so a new code shows up readable instead of as a missing key.
import { hasMessage, type Locale, t } from '../../shared/i18n';

export function codeLabel(locale: Locale, group: string, code: string): string {
  const key = `web.codes.${group}.${code}`;
  return hasMessage(locale, key) ? t(locale, key) : code;
}
