// Building blocks for every request and response schema. The boundary refuses what PostgreSQL would choke on
// (a NUL character in text) and what JSON lets through but money and counts cannot carry (Infinity, unsafe
// integers), so no bad input ever reaches SQL as a 500.
import { z } from 'zod';
import { LOCALES } from '../i18n';
import { ROLES } from '../roles';

/** Issue message used as a stable detail code by the server's error handler. */
export const NUL_CHARACTER = 'TEXT_NUL_CHARACTER';
export const BLANK_TEXT = 'TEXT_BLANK';

/** A bounded string without NUL characters, stored exactly as typed (no trimming). */
export function text(options: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1000 } = options;
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { message: NUL_CHARACTER });
}

/** Required text: at least one visible character. */
export function requiredText(max = 200) {
  return text({ min: 1, max }).refine((value) => value.trim().length > 0, { message: BLANK_TEXT });
}

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/** A non-negative safe integer given in a query string (digits only: no exponent, no Infinity). */
export function queryInt(options: { min: number; max: number; fallback: number }) {
  return z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(options.min).max(options.max))
    .optional()
    .transform((value) => value ?? options.fallback);
}

/** Money in 元 with exactly two decimals, e.g. '1299600.00'; never a float. */
export const yuan = z.string().regex(/^-?\d{1,15}\.\d{2}$/);

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const localeSchema = z.enum(LOCALES);
export const roleSchema = z.enum(ROLES);

/** The username rule: lower-case letters, digits, dot, dash, underscore; stored lower-case. */
export const username = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/)
  .transform((value) => value.toLowerCase());

/** Passwords are checked for strength by the use case (PASSWORD_WEAK); here only bounded and NUL-free. */
export const password = text({ min: 1, max: 200 });

export const errorDetailSchema = z.object({
  path: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(errorDetailSchema).optional(),
  requestId: z.string().optional(),
});
