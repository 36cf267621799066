// User administration (系统管理员).
import { z } from 'zod';
import { password, requiredText, roleSchema, username, uuid } from './primitives';
import { userSchema } from './session';

export const adminUserSchema = userSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** The departments (主管部门) the user works for, by id: staff other than administrators reach only these. */
  departmentIds: z.array(z.string()),
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
  /** Staff only: the departments the new user works for. */
  departmentIds: z.array(uuid).max(100).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const changeRoleBody = z.strictObject({ role: roleSchema });
export type ChangeRoleBody = z.infer<typeof changeRoleBody>;

/** The whole set of departments the user works for: it replaces the one before. */
export const setUserDepartmentsBody = z.strictObject({ departmentIds: z.array(uuid).max(100) });
export type SetUserDepartmentsBody = z.infer<typeof setUserDepartmentsBody>;

/** A department (主管部门) as the administrator picks it for staff. */
export const adminDepartmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
});
export type AdminDepartment = z.infer<typeof adminDepartmentSchema>;

export const adminDepartmentListResponse = z.object({ items: z.array(adminDepartmentSchema) });
export type AdminDepartmentListResponse = z.infer<typeof adminDepartmentListResponse>;

/** Without a password the server makes a temporary one and answers it once. */
export const resetPasswordBody = z.strictObject({ password: password.optional() });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export const resetPasswordResponse = z.object({ temporaryPassword: z.string().nullable() });
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;
