// User administration (系统管理员).
import { z } from 'zod';
import { password, requiredText, roleSchema, username, uuid } from './primitives';
import { userSchema } from './session';

export const adminUserSchema = userSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListResponse = z.object({ items: z.array(adminUserSchema) });
export type AdminUserListResponse = z.infer<typeof adminUserListResponse>;

export const createUserBody = z.strictObject({
  username,
  displayName: requiredText(100),
  role: roleSchema,
  password,
  enterpriseId: uuid.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const changeRoleBody = z.strictObject({ role: roleSchema });
export type ChangeRoleBody = z.infer<typeof changeRoleBody>;

/** Without a password the server makes a temporary one and answers it once. */
export const resetPasswordBody = z.strictObject({ password: password.optional() });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export const resetPasswordResponse = z.object({ temporaryPassword: z.string().nullable() });
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;
