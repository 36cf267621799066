// The audit events (操作日志事件) as one typed catalogue: every action the system records, the kind of record
// it belongs to, and the schema of its before/after payloads. `recordAudit` accepts only these, checks the
// payloads against their schemas, and the locale files carry a label for each action (a test holds them to it).
// Payloads are the JSON the log stores: ids, codes and amounts as strings, dates as ISO strings, never secrets.
import { z } from 'zod';

const id = z.string();
const nullableId = z.string().nullable();
/** A whole row as loaded or created (demo data, reference data): kept as it was, field by field. */
const snapshot = z.record(z.string(), z.unknown());
const rulesRef = z.object({ version: z.number().int(), sha256: z.string() });
const calendarVersion = z.object({
  version: z.number().int(),
  source: z.string(),
  holidays: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
});
const userFacts = z.object({
  username: z.string(),
  displayName: z.string().optional(),
  role: z.string(),
  enterpriseId: nullableId,
});

interface EventSpec {
  entity: string;
  before?: z.ZodType;
  after?: z.ZodType;
}

export const AUDIT_EVENTS = {
  'department.created': { entity: 'department', after: snapshot },
  'policy.created': { entity: 'policy', after: snapshot },
  'enterprise.created': { entity: 'enterprise', after: snapshot },
  'enterprise.registered': {
    entity: 'enterprise',
    after: z.object({
      uscc: z.string(),
      name: z.string(),
      district: z.string(),
      sizeClass: z.string().optional(),
      userId: id,
      /** The registrant confirmed a USCC whose check character fails. */
      usccCheckOverride: z.literal(true).optional(),
    }),
  },
  'statistics.imported': { entity: 'statistics', after: snapshot },
  'program.created': { entity: 'program', after: snapshot },
  'program.rule_version_created': { entity: 'program', after: snapshot },
  'program.rules_imported': { entity: 'program', before: rulesRef.nullable(), after: rulesRef },
  'call.created': { entity: 'call', after: snapshot },
  'call.awards_calculated': {
    entity: 'call',
    after: z.object({
      calculationId: id,
      seq: z.number().int(),
      ruleVersion: z.number().int(),
      budget: z.string(),
      computedTotal: z.string(),
      allocatedTotal: z.string(),
      applications: z.number().int(),
    }),
  },
  'call.awards_publicized': {
    entity: 'call',
    after: z.object({
      listId: id,
      seq: z.number().int(),
      calculationId: id,
      startsOn: z.string(),
      endsOn: z.string(),
      winners: z.number().int(),
      total: z.string(),
    }),
  },
  'call.awards_approved': {
    entity: 'call',
    after: z.object({
      listId: id,
      approved: z.number().int(),
      total: z.string(),
      adjusted: z.number().int(),
      programApprovedTotal: z.string(),
    }),
  },
  'inbox.read': { entity: 'enterprise', after: z.object({ messages: z.number().int() }) },
  'objection.filed': {
    entity: 'objection',
    after: z.object({ listId: id, callId: id, applicationId: nullableId }),
  },
  'objection.resolved': {
    entity: 'objection',
    before: z.object({ status: z.literal('open') }),
    after: z.object({
      status: z.enum(['upheld', 'dismissed']),
      remedy: z.enum(['remove', 'reduce']).nullable(),
      limit: z.string().optional(),
      applicationId: nullableId,
    }),
  },
  'publicity.closed': {
    entity: 'publicity',
    after: z.object({ callId: id, seq: z.number().int(), endsOn: z.string() }),
  },
  'application.created': {
    entity: 'application',
    after: z.object({ callId: id, enterpriseId: id, clause: z.string() }),
  },
  'application.declared_updated': {
    entity: 'application',
    before: z.record(z.string(), z.string()),
    after: z.record(z.string(), z.string()),
  },
  'application.status_changed': {
    entity: 'application',
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.string(), action: z.string(), reason: z.string().optional() }),
  },
  'application.correction_requested': {
    entity: 'application',
    after: z.object({
      requestId: id,
      items: z.array(z.object({ subject: z.string(), reason: z.string() })),
      workdays: z.number().int(),
      dueOn: z.string(),
    }),
  },
  'application.correction_lapsed': {
    entity: 'application',
    after: z.object({ requestId: id, dueOn: z.string() }),
  },
  'application.award_approved': {
    entity: 'application',
    after: z.object({ allocated: z.string(), approved: z.string(), reason: z.string().optional() }),
  },
  'application.material_added': {
    entity: 'application',
    after: z.object({
      materialId: id,
      kind: z.string(),
      sha256: z.string(),
      sizeBytes: z.number().int(),
      fileType: z.string(),
      originalName: z.string(),
    }),
  },
  'application.material_removed': {
    entity: 'application',
    before: z.object({ materialId: id, kind: z.string(), sha256: z.string(), originalName: z.string() }),
  },
  'application.commitment_signed': {
    entity: 'application',
    after: z.object({ signerName: z.string(), textSha256: z.string() }),
  },
  'calendar.official_loaded': { entity: 'calendar_year', after: calendarVersion },
  'calendar.year_set': {
    entity: 'calendar_year',
    before: calendarVersion.nullable(),
    after: calendarVersion,
  },
  'user.created': { entity: 'user', after: userFacts },
  'user.disabled': { entity: 'user' },
  'user.enabled': { entity: 'user' },
  'user.unlocked': { entity: 'user', before: z.object({ lockedUntil: z.string().nullable() }) },
  'user.role_changed': {
    entity: 'user',
    before: z.object({ role: z.string() }),
    after: z.object({ role: z.string() }),
  },
  /** The departments a staff user works for, replaced as a set (ids, sorted). */
  'user.departments_changed': {
    entity: 'user',
    before: z.object({ departmentIds: z.array(id) }),
    after: z.object({ departmentIds: z.array(id) }),
  },
  'user.password_reset': { entity: 'user', after: z.object({ mustChangePassword: z.boolean() }) },
  'user.password_changed': { entity: 'user' },
  'user.locked': {
    entity: 'user',
    after: z.object({ lockedUntil: z.string(), minutes: z.number().int() }),
  },
  'user.signed_in': { entity: 'user' },
  'user.sign_in_failed': { entity: 'user', after: z.object({ reason: z.string() }) },
  /** Failures started a delay: on one source address, or on the account from every address. */
  'user.sign_in_throttled': {
    entity: 'user',
    after: z.object({ scope: z.enum(['address', 'account']), seconds: z.number().int(), until: z.string() }),
  },
  'user.signed_out': { entity: 'user' },
  'user.signed_out_everywhere': { entity: 'user', after: z.object({ sessionsEnded: z.number().int() }) },
  'user.totp_enabled': { entity: 'user' },
  'user.totp_disabled': { entity: 'user' },
  'user.locale_changed': {
    entity: 'user',
    before: z.object({ locale: z.string() }),
    after: z.object({ locale: z.string() }),
  },
} as const satisfies Record<string, EventSpec>;

type Catalogue = typeof AUDIT_EVENTS;
export type AuditAction = keyof Catalogue;
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];
/** The kinds of record the log knows (for filtering): user, program, calendar_year, … */
export const AUDIT_ENTITY_TYPES = [...new Set(Object.values(AUDIT_EVENTS).map((e) => e.entity))];

type Payload<S, K extends 'before' | 'after'> = S extends { [P in K]: z.ZodType }
  ? { [P in K]: z.input<S[P]> }
  : { [P in K]?: never };

/** One event as a use case writes it: the action decides the payload's shape. */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    entityId: string;
    /** Defaults to `<entity>:<entityId>`: the record's own chain. */
    stream?: string;
  } & Payload<Catalogue[A], 'before'> &
    Payload<Catalogue[A], 'after'>;
}[AuditAction];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}
