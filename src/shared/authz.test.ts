import { describe, expect, it } from 'vitest';
import { ACTIONS, allows, isAction, rolesFor } from './authz';
import { ROLES } from './roles';

describe('authorization table', () => {
  it('lets anyone take public actions and only signed-in users the rest', () => {
    expect(allows(null, 'public')).toBe(true);
    expect(allows(undefined, 'authenticated')).toBe(false);
    expect(ROLES.every((role) => allows(role, 'authenticated'))).toBe(true);
  });

  it('answers from the table', () => {
    expect(allows('admin', 'user.manage')).toBe(true);
    expect(allows('evaluator', 'user.manage')).toBe(false);
    expect(allows('applicant', 'enterprise.own')).toBe(true);
    expect(allows('intake', 'enterprise.own')).toBe(false);
    expect(rolesFor('audit.read')).toEqual(['admin', 'evaluator']);
  });

  it('never grants an applicant a staff-only action, and names only known roles', () => {
    const staffOnly = [
      'user.manage',
      'audit.read',
      'audit.verify',
      'program.import',
      'enterprise.list',
    ] as const;
    for (const action of staffOnly) expect(allows('applicant', action)).toBe(false);
    for (const roles of Object.values(ACTIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });

  it('recognises actions', () => {
    expect(isAction('program.read')).toBe(true);
    expect(isAction('public')).toBe(true);
    expect(isAction('program.write')).toBe(false);
    expect(isAction(undefined)).toBe(false);
    expect(isAction('toString')).toBe(false);
    expect(isAction('__proto__')).toBe(false);
  });
});
