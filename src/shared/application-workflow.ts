// The life of an application (申报) as one table (DESIGN §4): every transition names the statuses it leaves,
// the status it reaches and the roles that may take it. The server's use cases take a transition only through
// `transition`, the web app shows only the actions `actionsFrom` offers the signed-in role, and the tests are
// generated from this table, so a transition added here is tested and shown without another list to update.
// Conditions that depend on more than the status (the call's window, the publicity period having closed, the
// budget, who reviewed) belong to the use case that takes the transition.
import type { Role } from './roles';

/**
 * 草稿 → 已提交 → (退回补正 ↔ 已提交) → 形式审查通过 → 专家评审中 (optional per clause) → 已评审 → 已核定 →
 * 公示中 → 已审批 → 已拨付; 未通过 and 已撤回 end an application.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'intake_passed',
  'in_expert_review',
  'reviewed',
  'calculated',
  'in_publicity',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses no transition leaves. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['paid', 'rejected', 'withdrawn'];

/** Statuses in which the application is the applicant's to change: figures, materials, the commitment. */
export const EDITABLE_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];

interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  roles: readonly Role[];
  /** Staff's internal steps, which the applicant's inbox does not report. */
  internal?: true;
}

export const APPLICATION_TRANSITIONS = {
  /** The applicant submits its draft (inside the call's window). */
  submit: { from: ['draft'], to: 'submitted', roles: ['applicant'] },
  /** The applicant takes its application back before intake review has decided on it. */
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', roles: ['applicant'] },
  /** 退回补正: intake returns it with reasons per material and a deadline in working days. */
  return: { from: ['submitted'], to: 'returned', roles: ['intake'] },
  /** The applicant answers the correction request and submits again. */
  resubmit: { from: ['returned'], to: 'submitted', roles: ['applicant'] },
  /** 形式审查通过. */
  pass_intake: { from: ['submitted'], to: 'intake_passed', roles: ['intake'] },
  /** 未通过: intake rejects it with reasons. */
  reject: { from: ['submitted', 'returned'], to: 'rejected', roles: ['intake'] },
  /** 未通过 too: the correction deadline passed unanswered (the system's sweep). */
  lapse: { from: ['returned'], to: 'rejected', roles: ['admin'] },
  /** Experts are drawn for the call; its applications go to them. */
  open_expert_review: { from: ['intake_passed'], to: 'in_expert_review', roles: ['admin'], internal: true },
  /** Every assigned expert has scored. */
  close_expert_review: { from: ['in_expert_review'], to: 'reviewed', roles: ['admin'], internal: true },
  /** The rules engine computes the award and the allocation under the budget. */
  calculate: { from: ['intake_passed', 'reviewed'], to: 'calculated', roles: ['admin'], internal: true },
  /** The award list goes on the public portal for the call's publicity period. */
  publicize: { from: ['calculated'], to: 'in_publicity', roles: ['admin'] },
  /** An upheld objection removes the award; the others are calculated and publicized again. */
  uphold_objection: { from: ['in_publicity'], to: 'rejected', roles: ['intake', 'admin'] },
  /** 审批: after the publicity period has closed without open objections. */
  approve: { from: ['in_publicity'], to: 'approved', roles: ['approver'] },
  /** The approval closes the list: an application with no amount to approve ends without an award. */
  not_awarded: { from: ['in_publicity'], to: 'rejected', roles: ['approver'] },
  /** 拨付: the payment is confirmed. */
  pay: { from: ['approved'], to: 'paid', roles: ['finance'] },
} as const satisfies Record<string, Transition>;

export type ApplicationAction = keyof typeof APPLICATION_TRANSITIONS;
export const APPLICATION_ACTIONS = Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[];

export type TransitionResult =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; reason: 'not_from_status' | 'role_not_allowed' };

/** Where `action` by `role` takes an application in `status`, or why it may not be taken. */
export function transition(
  status: ApplicationStatus,
  action: ApplicationAction,
  role: Role,
): TransitionResult {
  const spec: Transition = APPLICATION_TRANSITIONS[action];
  if (!spec.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (!spec.from.includes(status)) return { ok: false, reason: 'not_from_status' };
  return { ok: true, to: spec.to };
}

/** The actions `role` may take on an application in `status`, in the table's order. */
export function actionsFrom(status: ApplicationStatus, role: Role): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => transition(status, action, role).ok);
}

/** Whether the applicant's inbox reports the action: every change but staff's internal steps. */
export function notifiesApplicant(action: ApplicationAction): boolean {
  const spec: Transition = APPLICATION_TRANSITIONS[action];
  return spec.internal !== true;
}
