// The newest audit events, optionally of one stream, with the actor's display name. The query belongs in the
// data layer's audit module (which has no reader yet); it lives here until that module grows one.
import { desc, eq } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { auditEvents, users } from '../../db/schema';
import type { AuditEvent } from '../../shared/api/audit';

export async function listAuditEvents(
  orm: Orm,
  query: { stream?: string; limit: number },
): Promise<AuditEvent[]> {
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
  return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
}
