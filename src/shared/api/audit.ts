// The audit trail (操作日志) as administrators and evaluators read it: filtered by who, what, which kind of
// record and when, newest first, a page at a time (keyset: `before` is the id of the last event shown).
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../audit-events';
import { isoDate, queryInt, text } from './primitives';

export const auditEventsQuery = z.strictObject({
  stream: text({ min: 1, max: 100 }).optional(),
  /** Part of the actor's display name or username. */
  actor: text({ min: 1, max: 100 }).optional(),
  action: z.enum(AUDIT_ACTIONS as [string, ...string[]]).optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES as [string, ...string[]]).optional(),
  /** Calendar days in Asia/Shanghai, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: queryInt({ min: 1, max: 500, fallback: 100 }),
});
export type AuditEventsQuery = z.input<typeof auditEventsQuery>;

export const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  stream: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  occurredAt: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventsResponse = z.object({
  items: z.array(auditEventSchema),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.string().optional(),
});
export type AuditEventsResponse = z.infer<typeof auditEventsResponse>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  legacy: z.number().int(),
  firstBroken: z
    .object({ stream: z.string(), seq: z.number().int(), id: z.string(), reason: z.string() })
    .optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
