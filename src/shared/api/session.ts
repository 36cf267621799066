// Accounts and sessions: who is signed in, signing in and out, self-registration, TOTP, locale.
import { z } from 'zod';
import { SIZE_CLASSES } from '../domain';
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
  /** A user whose role requires TOTP and who has not enrolled must enrol before anything else is allowed. */
  totpRequired: z.boolean(),
  /** An administrator set the password (creating the user, or a reset): the user must choose their own first. */
  mustChangePassword: z.boolean(),
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
  /** The registrant's statement (大/中/小/微); intake confirms it against the registry. */
  sizeClass: z.enum(SIZE_CLASSES),
  /** The registrant confirms a USCC whose check character fails (some early codes do); recorded. */
  usccCheckOverride: z.literal(true).optional(),
  industryCluster: requiredText(100).optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const totpSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as a QR code image, a `data:image/png;base64,…` URL. */
  qrCode: z.string(),
});
export type TotpSetupResponse = z.infer<typeof totpSetupResponse>;

export const totpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export type TotpCodeBody = z.infer<typeof totpCodeBody>;

export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const localeBody = z.strictObject({ locale: localeSchema });
export type LocaleBody = z.infer<typeof localeBody>;

export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
