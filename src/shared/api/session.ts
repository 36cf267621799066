// Accounts and sessions: who is signed in, signing in and out, self-registration, TOTP, locale.
import { z } from 'zod';
import { SIZE_CLASSES } from './enterprises';
import { localeSchema, password, requiredText, roleSchema, text, username } from './primitives';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  /** An administrator without TOTP must enrol before anything else is allowed. */
  totpRequired: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const sessionResponse = z.object({ user: userSchema.nullable(), csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const userResponse = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponse>;

export const loginBody = z.strictObject({
  username: text({ min: 1, max: 100 }),
  password,
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const registerBody = z.strictObject({
  uscc: text({ min: 1, max: 40 }),
  enterpriseName: requiredText(200),
  district: requiredText(100),
  username,
  password,
  displayName: requiredText(100),
  contactPhone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .optional(),
  /** Optional: intake confirms it against the registry; new registrants default to small. */
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  industryCluster: requiredText(100).optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetupResponse = z.infer<typeof totpSetupResponse>;

export const totpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export type TotpCodeBody = z.infer<typeof totpCodeBody>;

export const localeBody = z.strictObject({ locale: localeSchema });
export type LocaleBody = z.infer<typeof localeBody>;

export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
