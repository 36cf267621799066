// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-symbol alphabet (the
// digits and the capitals without I, O, Z, S, V), the last being a mod-31 check character over the first 17.
// A handful of real codes issued early fail the check, so a failing code can still be accepted with a written
// override reason (warn-and-override), which the caller records in the audit log.
import { AppError } from '../../shared/errors';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;

export type UsccCheck =
  | { ok: true; uscc: string }
  | { ok: false; uscc: string; reason: 'length' | 'charset' | 'check_digit'; expected?: string };

export interface UsccOverride {
  by: string;
  reason: string;
}

/** Trims, removes spaces (including full-width) and hyphens, and upper-cases. */
export function normalizeUscc(input: string): string {
  return String(input)
    .replace(/[\s\u3000\-\u2010-\u2015\uff0d]/g, '')
    .toUpperCase();
}

function isCharsetValid(code: string): boolean {
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return false;
  return true;
}

/** The check character for 17 characters already known to be in the charset. */
function checkCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(body17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates length, charset and check character of the normalized input; never throws. */
export function checkUscc(input: string): UsccCheck {
  const uscc = normalizeUscc(input);
  if (uscc.length !== USCC_LENGTH) return { ok: false, uscc, reason: 'length' };
  if (!isCharsetValid(uscc)) return { ok: false, uscc, reason: 'charset' };
  const expected = checkCharacter(uscc.slice(0, 17));
  if (uscc.charAt(17) !== expected) return { ok: false, uscc, reason: 'check_digit', expected };
  return { ok: true, uscc };
}

/**
 * The normalized code if it is valid. A code that fails only its check character is accepted with an
 * override carrying a non-empty reason; wrong length or charset is never accepted, override or not.
 */
export function acceptUscc(
  input: string,
  override?: UsccOverride,
): { uscc: string; override?: UsccOverride } {
  const check = checkUscc(input);
  if (check.ok) return { uscc: check.uscc };
  if (check.reason === 'check_digit' && override) {
    const reason = override.reason.trim();
    if (reason === '') {
      throw new AppError('USCC_OVERRIDE_REASON_REQUIRED', 'validation', { uscc: check.uscc });
    }
    return { uscc: check.uscc, override: { by: override.by, reason } };
  }
  throw new AppError('USCC_INVALID', 'validation', {
    uscc: check.uscc.slice(0, 40),
    reason: check.reason,
    expected: check.expected ?? '',
  });
}

/** Appends the check character to 17 charset characters (used to generate demo enterprises). */
export function makeUscc(body17: string): string {
  const body = normalizeUscc(body17);
  if (body.length !== 17 || !isCharsetValid(body)) {
    throw new AppError('USCC_INVALID', 'validation', {
      uscc: body.slice(0, 40),
      reason: 'body',
      expected: '',
    });
  }
  return body + checkCharacter(body);
}
