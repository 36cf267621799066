// Drizzle table objects mirroring the SQL migrations (the migrations are the source of truth: constraints,
// foreign keys and triggers live there). camelCase in TypeScript, snake_case in the database.

import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  BASIS_KINDS,
  CALL_STATUSES,
  MILESTONE_KINDS,
  PROGRAM_STATUSES,
  PUBLICITY_KINDS,
  REGION_LEVELS,
  SIZE_CLASSES,
} from '../shared/domain';
import { type MaterialRequirements, NO_REQUIREMENTS } from '../shared/materials';
import type { Role } from '../shared/roles';
import { createdAt, day, id, money, tsz } from './schema-columns';

export const departments = pgTable('departments', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
  regionName: text('region_name').notNull(),
  createdAt: createdAt(),
});

export const policies = pgTable('policies', {
  id: id(),
  departmentId: uuid('department_id'),
  docNumber: text('doc_number').notNull().unique(),
  title: text('title').notNull(),
  issuer: text('issuer').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  effectiveTo: day('effective_to'),
  url: text('url'),
  createdAt: createdAt(),
});

export const policyClauses = pgTable(
  'policy_clauses',
  {
    id: id(),
    policyId: uuid('policy_id').notNull(),
    citation: text('citation').notNull(),
    summary: text('summary').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.policyId, t.citation, t.version)],
);

export const programs = pgTable('programs', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  departmentId: uuid('department_id').notNull(),
  budgetFen: money('budget_fen').notNull(),
  fundSource: text('fund_source').notNull(),
  status: text('status', { enum: PROGRAM_STATUSES }).notNull().default('draft'),
  currentRuleVersionId: uuid('current_rule_version_id'),
  createdAt: createdAt(),
});

export const programBasis = pgTable(
  'program_basis',
  {
    programId: uuid('program_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: BASIS_KINDS }).notNull(),
    docNumber: text('doc_number'),
    title: text('title').notNull(),
    citation: text('citation'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.position] })],
);

export const programMilestones = pgTable(
  'program_milestones',
  {
    programId: uuid('program_id').notNull(),
    kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
    plannedOn: day('planned_on').notNull(),
    actualOn: day('actual_on'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.kind] })],
);

export const programRuleVersions = pgTable(
  'program_rule_versions',
  {
    id: id(),
    programId: uuid('program_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.programId, t.version)],
);

export const calls = pgTable('calls', {
  id: id(),
  programId: uuid('program_id').notNull(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  opensAt: tsz('opens_at').notNull(),
  closesAt: tsz('closes_at').notNull(),
  guide: text('guide').notNull().default(''),
  publicityDays: integer('publicity_days').notNull(),
  publicityKind: text('publicity_kind', { enum: PUBLICITY_KINDS }).notNull(),
  status: text('status', { enum: CALL_STATUSES }).notNull().default('draft'),
  createdAt: createdAt(),
  /** What applications must hand in, per clause as any-of groups (migration 0016). */
  materials: jsonb('materials').$type<MaterialRequirements>().notNull().default(NO_REQUIREMENTS),
});

export const enterprises = pgTable('enterprises', {
  id: id(),
  uscc: text('uscc').notNull().unique(),
  name: text('name').notNull(),
  district: text('district').notNull(),
  industryCluster: text('industry_cluster'),
  sizeClass: text('size_class', { enum: SIZE_CLASSES }).notNull(),
  statsRegistered: boolean('stats_registered').notNull().default(false),
  statsRegisteredOn: day('stats_registered_on'),
  taxRegistered: boolean('tax_registered').notNull().default(false),
  violations: boolean('violations').notNull().default(false),
  usccOverrideBy: uuid('uscc_override_by'),
  usccOverrideReason: text('uscc_override_reason'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  createdAt: createdAt(),
});

const usdColumns = () => ({
  outsourcingExecUsdCents: money('outsourcing_exec_usd_cents').notNull(),
  offshoreExecUsdCents: money('offshore_exec_usd_cents').notNull(),
  serviceImportUsdCents: money('service_import_usd_cents').notNull(),
  serviceExportUsdCents: money('service_export_usd_cents').notNull(),
});

export const enterpriseStats = pgTable(
  'enterprise_stats',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    year: integer('year').notNull(),
    ...usdColumns(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

export const regionStats = pgTable(
  'region_stats',
  {
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    year: integer('year').notNull(),
    ...usdColumns(),
    newlyRegistered: integer('newly_registered'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  enterpriseId: uuid('enterprise_id'),
  passwordHash: text('password_hash').notNull(),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  totpOptionalInDemo: boolean('totp_optional_in_demo').notNull().default(false),
  locale: text('locale').notNull().default('zh-CN'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabledAt: tsz('disabled_at'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: tsz('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: createdAt(),
  expiresAt: tsz('expires_at').notNull(),
  lastSeenAt: tsz('last_seen_at').notNull().defaultNow(),
  absoluteExpiresAt: tsz('absolute_expires_at').notNull(),
  userAgent: text('user_agent'),
});

const THROTTLE_SCOPES = [
  'sign_in_pair',
  'sign_in_account',
  'registration_address',
  'objection_address',
] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];

export const authThrottles = pgTable(
  'auth_throttles',
  {
    scope: text('scope', { enum: THROTTLE_SCOPES }).notNull(),
    account: text('account').notNull(),
    address: text('address').notNull(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: tsz('window_started_at').notNull(),
    blockedUntil: tsz('blocked_until'),
    updatedAt: tsz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.account, t.address] })],
);

export const auditStreams = pgTable('audit_streams', {
  stream: text('stream').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
  lastHash: text('last_hash').notNull(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    occurredAt: tsz('occurred_at').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** False for events written before the chain was keyed (plain sha256). */
    keyed: boolean('keyed').notNull().default(true),
  },
  (t) => [unique().on(t.stream, t.seq)],
);

/** One year of the official working-day calendar; `version` counts the corrections (history below). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  holidays: day('holidays').array().notNull(),
  makeupWorkdays: day('makeup_workdays').array().notNull(),
  version: integer('version').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: tsz('updated_at').notNull(),
});

export const calendarYearVersions = pgTable(
  'calendar_year_versions',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    holidays: day('holidays').array().notNull(),
    makeupWorkdays: day('makeup_workdays').array().notNull(),
    createdBy: uuid('created_by'),
    createdAt: tsz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);

/** The version of a body of data that requests read often; triggers raise it on every write (migration 0013). */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export * from './schema-applications';
