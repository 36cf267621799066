// Drizzle tables of the application lifecycle (migrations 0014 to 0022): applications, the order of their status
// changes, the departments staff work for, the materials applicants upload, awards, their publicity, objections,
// approvals, the applicants' inbox and the correction requests. Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CorrectionSubject } from '../shared/api/applications';
import {
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
} from '../shared/application-workflow';
import type { AwardExplanation } from '../shared/awards';
import { OBJECTION_REMEDIES, OBJECTION_STATUSES } from '../shared/awards';
import { PUBLICITY_KINDS } from '../shared/domain';
import { FILE_TYPES, MATERIAL_KINDS } from '../shared/materials';
import { createdAt, day, id, money, tsz } from './schema-columns';

/** An application (申报): enterprise × call × clause, its declared figures and status (migration 0014). */
export const applications = pgTable('applications', {
  id: id(),
  callId: uuid('call_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  clause: text('clause').notNull(),
  status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
  declared: jsonb('declared').$type<Record<string, string>>().notNull().default({}),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: tsz('updated_at').notNull().defaultNow(),
  submittedAt: tsz('submitted_at'),
  version: integer('version').notNull().default(1),
  /** The commitment (信用承诺书) as signed: its words, the typed name, the signing user and time (0016). */
  commitmentText: text('commitment_text'),
  commitmentSignerName: text('commitment_signer_name'),
  commitmentSignedBy: uuid('commitment_signed_by'),
  commitmentSignedAt: tsz('commitment_signed_at'),
  /**
   * The department of the call's program, copied so the staff list's indexes can lead with it (migration 0020).
   * A trigger sets and follows it; declared generated so that drizzle never writes it.
   */
  departmentId: uuid('department_id')
    .notNull()
    .generatedAlwaysAs(sql`(set by the applications_department trigger)`),
});

/** Every status change of an application, in order: the time each spent in each stage comes from here. */
export const applicationStatusChanges = pgTable(
  'application_status_changes',
  {
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    at: tsz('at').notNull(),
    /** What staff told the applicant: why it was rejected, what to correct (migration 0015). */
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

/** The departments a staff user works for (migration 0015); administrators are not limited to one. */
export const staffDepartments = pgTable(
  'staff_departments',
  {
    userId: uuid('user_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

export const SCAN_STATUSES = ['not_scanned', 'clean', 'quarantined'] as const;

/** A file an applicant uploaded for an application (migration 0016); its bytes are in the file store. */
export const applicationMaterials = pgTable('application_materials', {
  id: id(),
  applicationId: uuid('application_id').notNull(),
  kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  fileType: text('file_type', { enum: FILE_TYPES }).notNull(),
  originalName: text('original_name').notNull(),
  scanStatus: text('scan_status', { enum: SCAN_STATUSES }).notNull().default('not_scanned'),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: tsz('uploaded_at').notNull(),
  removedBy: uuid('removed_by'),
  removedAt: tsz('removed_at'),
});

/** One run of the award calculation for a call (migration 0017): rule version, budget, totals. */
export const awardCalculations = pgTable('award_calculations', {
  id: id(),
  callId: uuid('call_id').notNull(),
  seq: integer('seq').notNull(),
  ruleVersionId: uuid('rule_version_id').notNull(),
  budgetFen: money('budget_fen').notNull(),
  computedTotalFen: money('computed_total_fen').notNull(),
  allocatedTotalFen: money('allocated_total_fen').notNull(),
  calculatedBy: uuid('calculated_by'),
  calculatedAt: tsz('calculated_at').notNull(),
});

/** Each application's award in a calculation, with the engine's explanation. */
export const awards = pgTable(
  'awards',
  {
    calculationId: uuid('calculation_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    eligible: boolean('eligible').notNull(),
    computedFen: money('computed_fen').notNull(),
    allocatedFen: money('allocated_fen').notNull(),
    explanation: jsonb('explanation').$type<AwardExplanation>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.calculationId, t.applicationId] })],
);

/** A published award list (公示) and its period (migration 0018). */
export const publicityLists = pgTable('publicity_lists', {
  id: id(),
  callId: uuid('call_id').notNull(),
  calculationId: uuid('calculation_id').notNull(),
  seq: integer('seq').notNull(),
  periodDays: integer('period_days').notNull(),
  periodKind: text('period_kind', { enum: PUBLICITY_KINDS }).notNull(),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  closesAt: tsz('closes_at').notNull(),
  publishedBy: uuid('published_by'),
  publishedAt: tsz('published_at').notNull(),
  closedAt: tsz('closed_at'),
  supersededAt: tsz('superseded_at'),
});

/** An objection (异议) to a published list, and how staff resolved it (migration 0019). */
export const objections = pgTable('objections', {
  id: id(),
  listId: uuid('list_id').notNull(),
  applicationId: uuid('application_id'),
  filerName: text('filer_name').notNull(),
  contact: text('contact').notNull(),
  reasons: text('reasons').notNull(),
  filedAt: tsz('filed_at').notNull(),
  status: text('status', { enum: OBJECTION_STATUSES }).notNull().default('open'),
  investigation: text('investigation'),
  resolution: text('resolution'),
  remedy: text('remedy', { enum: OBJECTION_REMEDIES }),
  limitFen: money('limit_fen'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: tsz('resolved_at'),
});

/** The approved amount of an application's award, with the approver's reason for any adjustment. */
export const awardApprovals = pgTable('award_approvals', {
  applicationId: uuid('application_id').primaryKey(),
  programId: uuid('program_id').notNull(),
  listId: uuid('list_id').notNull(),
  allocatedFen: money('allocated_fen').notNull(),
  approvedFen: money('approved_fen').notNull(),
  adjustmentReason: text('adjustment_reason'),
  approvedBy: uuid('approved_by'),
  approvedAt: tsz('approved_at').notNull(),
});

/** A message of the enterprise's inbox: one status change of one of its applications (migration 0021). */
export const inboxMessages = pgTable('inbox_messages', {
  id: id(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  applicationId: uuid('application_id').notNull(),
  action: text('action').$type<ApplicationAction>().notNull(),
  toStatus: text('to_status').$type<ApplicationStatus>().notNull(),
  reason: text('reason'),
  createdAt: tsz('created_at').notNull(),
  readAt: tsz('read_at'),
});

/** A return for correction (退回补正): the items to correct and the deadline (migration 0022). */
export const correctionRequests = pgTable('correction_requests', {
  id: id(),
  applicationId: uuid('application_id').notNull(),
  items: jsonb('items').$type<{ subject: CorrectionSubject; reason: string }[]>().notNull(),
  workdays: integer('workdays').notNull(),
  dueOn: day('due_on').notNull(),
  dueAt: tsz('due_at').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: tsz('requested_at').notNull(),
  answeredAt: tsz('answered_at'),
  lapsedAt: tsz('lapsed_at'),
});
