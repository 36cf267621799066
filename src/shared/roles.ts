// The roles of DESIGN §2. An applicant user belongs to exactly one enterprise; every other role is staff.
export const ROLES = ['applicant', 'intake', 'expert', 'approver', 'finance', 'evaluator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'applicant') as Exclude<Role, 'applicant'>[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
