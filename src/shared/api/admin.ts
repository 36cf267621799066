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
