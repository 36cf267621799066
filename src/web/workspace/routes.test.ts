import { describe, expect, it } from 'vitest';
import { homePathFor, landingPathFor, navFor } from './routes';
import { mustEnrolTotp } from './two-factor';

const navOf = (role: Parameters<typeof navFor>[0]) => navFor(role).map((route) => route.nav);

describe('workspace navigation from the authz table', () => {
  it('gives the applicant its enterprise, applications and messages, nothing of the staff', () => {
    expect(navOf('applicant')).toEqual(['myEnterprise', 'apply', 'inbox', 'account']);
    expect(homePathFor('applicant')).toBe('/my-enterprise');
  });

  it('gives intake the applications to review, and the other reviewing staff the workbench and enterprises', () => {
    expect(navOf('intake')).toEqual(['dashboard', 'review', 'enterprises', 'calendar', 'account']);
    for (const role of ['intake', 'expert', 'approver', 'finance'] as const) {
      if (role !== 'intake') expect(navOf(role)).toEqual(['dashboard', 'enterprises', 'calendar', 'account']);
      expect(homePathFor(role)).toBe('/dashboard');
    }
  });

  it('gives the evaluator simulations and the audit log but not user management or imports', () => {
    expect(navOf('evaluator')).toEqual([
      'dashboard',
      'enterprises',
      'simulation',
      'audit',
      'calendar',
      'account',
    ]);
  });

  it('gives the administrator users, program files, simulation, audit and the calendar', () => {
    expect(navOf('admin')).toEqual([
      'dashboard',
      'review',
      'enterprises',
      'users',
      'programFiles',
      'simulation',
      'audit',
      'calendar',
      'account',
    ]);
  });

  it('holds an administrator at enrolment until TOTP is on', () => {
    expect(mustEnrolTotp({ totpRequired: true, totpEnabled: false })).toBe(true);
    expect(mustEnrolTotp({ totpRequired: true, totpEnabled: true })).toBe(false);
    expect(mustEnrolTotp({ totpRequired: false, totpEnabled: false })).toBe(false);
  });

  it('lands a user whose password was reset on the change of password, before enrolment and home', () => {
    const user = { role: 'approver' as const, totpRequired: true, totpEnabled: false };
    expect(landingPathFor({ ...user, mustChangePassword: true })).toBe('/password');
    expect(landingPathFor({ ...user, mustChangePassword: false })).toBe('/account');
    expect(landingPathFor({ ...user, totpEnabled: true, mustChangePassword: false })).toBe('/dashboard');
  });
});
