// Drizzle tables of the application lifecycle (migrations 0014 and 0015): applications, the order of their status
// changes, and the departments staff work for. Re-exported by schema.ts, which holds the rest.
import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES } from '../shared/application-workflow';
import { createdAt, id, tsz } from './schema-columns';

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
