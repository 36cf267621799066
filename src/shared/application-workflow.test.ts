// Generated from the transition table: every status × action × role is allowed exactly when the table says so;
// every status is reachable from a draft and can still end; the final statuses end; every status and action has
// its words in both languages; and the path the demo walks goes through.
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type ApplicationStatus,
  actionsFrom,
  FINAL_APPLICATION_STATUSES,
  transition,
} from './application-workflow';
import enWeb from './locales/en-US/web.json';
import zhWeb from './locales/zh-CN/web.json';
import { ROLES } from './roles';

const cases = APPLICATION_ACTIONS.flatMap((action) => ROLES.map((role) => ({ action, role })));

describe('the application workflow', () => {
  it.each(cases)('$action by $role follows the table from every status', ({ action, role }) => {
    const spec = APPLICATION_TRANSITIONS[action];
    const roleOk = (spec.roles as readonly string[]).includes(role);
    for (const status of APPLICATION_STATUSES) {
      const statusOk = (spec.from as readonly string[]).includes(status);
      const expected =
        roleOk && statusOk
          ? { ok: true, to: spec.to }
          : { ok: false, reason: roleOk ? 'not_from_status' : 'role_not_allowed' };
      expect(transition(status, action, role), status).toEqual(expected);
      expect(actionsFrom(status, role).includes(action), status).toBe(roleOk && statusOk);
    }
  });

  it('reaches every status from a draft, and every status that is not final can still end', () => {
    const next = (status: ApplicationStatus) =>
      APPLICATION_ACTIONS.filter((a) =>
        (APPLICATION_TRANSITIONS[a].from as readonly string[]).includes(status),
      ).map((a) => APPLICATION_TRANSITIONS[a].to as ApplicationStatus);
    const reach = (from: ApplicationStatus) => {
      const seen = new Set<ApplicationStatus>([from]);
      const queue = [from];
      for (let s = queue.shift(); s !== undefined; s = queue.shift())
        for (const t of next(s)) {
          if (!seen.has(t)) queue.push(t);
          seen.add(t);
        }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...APPLICATION_STATUSES].sort());
    for (const status of APPLICATION_STATUSES) {
      const ends = [...reach(status)].some((s) => FINAL_APPLICATION_STATUSES.includes(s));
      expect(ends, status).toBe(true);
      if (FINAL_APPLICATION_STATUSES.includes(status)) expect(next(status), status).toEqual([]);
    }
  });

  it('walks the demo path: returned for correction, resubmitted, reviewed by experts, publicized, approved, paid', () => {
    const path: [ApplicationAction, (typeof ROLES)[number]][] = [
      ['submit', 'applicant'],
      ['return', 'intake'],
      ['resubmit', 'applicant'],
      ['pass_intake', 'intake'],
      ['open_expert_review', 'admin'],
      ['close_expert_review', 'admin'],
      ['calculate', 'admin'],
      ['publicize', 'admin'],
      ['approve', 'approver'],
      ['pay', 'finance'],
    ];
    let status: ApplicationStatus = 'draft';
    for (const [action, role] of path) {
      const result = transition(status, action, role);
      if (!result.ok) throw new Error(`${action} by ${role} from ${status}: ${result.reason}`);
      status = result.to;
    }
    expect(status).toBe('paid');
  });

  it('has the words for every status and action in both languages', () => {
    for (const web of [zhWeb, enWeb]) {
      const codes = web.codes as Record<string, Record<string, string> | undefined>;
      for (const status of APPLICATION_STATUSES)
        expect(codes.applicationStatus?.[status], status).toBeTruthy();
      for (const action of APPLICATION_ACTIONS)
        expect(codes.applicationAction?.[action], action).toBeTruthy();
    }
  });
});
