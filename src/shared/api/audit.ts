// The audit trail (操作日志) as administrators and evaluators read it.
import { z } from 'zod';
import { queryInt, text } from './primitives';

export const auditEventsQuery = z.strictObject({
  stream: text({ min: 1, max: 100 }).optional(),
  limit: queryInt({ min: 1, max: 500, fallback: 100 }),
});
export type AuditEventsQuery = z.input<typeof auditEventsQuery>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  stream: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  occurredAt: z.string(),
  entityType: z.string(),
  entityId: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventsResponse = z.object({ items: z.array(auditEventSchema) });
export type AuditEventsResponse = z.infer<typeof auditEventsResponse>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ stream: z.string(), seq: z.number().int(), id: z.string(), reason: z.string() })
    .optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
