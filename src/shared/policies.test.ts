import { describe, expect, it } from 'vitest';
import { ANONYMOUS, OPERATOR, SYSTEM, type UserActor } from './actor';
import { can } from './policies';

const applicant: UserActor = { kind: 'user', id: 'u1', role: 'applicant', enterpriseId: 'e1' };
const intake: UserActor = { kind: 'user', id: 'u2', role: 'intake', enterpriseId: null };

describe('row policies', () => {
  it('lets an applicant read its own enterprise only', () => {
    expect(can(applicant, 'enterprise.read', { enterpriseId: 'e1' })).toBe(true);
    expect(can(applicant, 'enterprise.read', { enterpriseId: 'e2' })).toBe(false);
  });

  it('lets staff read any enterprise, and the role table still decides first', () => {
    expect(can(intake, 'enterprise.read', { enterpriseId: 'e2' })).toBe(true);
    expect(can(intake, 'user.manage', { userId: 'u9' })).toBe(false);
    expect(can(applicant, 'program.read')).toBe(false);
  });

  it('lets an administrator manage every account but its own', () => {
    const admin: UserActor = { kind: 'user', id: 'a1', role: 'admin', enterpriseId: null };
    expect(can(admin, 'user.manage', { userId: 'u2' })).toBe(true);
    expect(can(admin, 'user.manage', { userId: 'a1' })).toBe(false);
  });

  it('gives anonymous visitors public actions only; the console and the system act outside the table', () => {
    expect(can(ANONYMOUS, 'public')).toBe(true);
    expect(can(ANONYMOUS, 'authenticated')).toBe(false);
    expect(can(ANONYMOUS, 'enterprise.read', { enterpriseId: 'e1' })).toBe(false);
    expect(can(OPERATOR, 'user.manage', { userId: 'u9' })).toBe(true);
    expect(can(SYSTEM, 'calendar.manage')).toBe(true);
  });
});
