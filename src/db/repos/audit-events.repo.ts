// Reading the audit log (操作日志): the newest events, optionally of one stream, with the actor's display name.
import { desc, eq } from 'drizzle-orm';
import type { Orm } from '../client';
import { auditEvents, users } from '../schema';

export interface AuditEventRow {
  seq: number;
  stream: string;
  action: string;
  actorName: string | null;
  occurredAt: Date;
  entityType: string;
  entityId: string;
}

export async function listAuditEvents(
  orm: Orm,
  query: { stream?: string; limit: number },
): Promise<AuditEventRow[]> {
  const rows = await orm
    .select({
      seq: auditEvents.seq,
      stream: auditEvents.stream,
      action: auditEvents.action,
      actorName: users.displayName,
      occurredAt: auditEvents.occurredAt,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(query.stream ? eq(auditEvents.stream, query.stream) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
  return rows;
}
