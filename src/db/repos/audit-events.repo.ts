// Reading the audit log (操作日志): the newest events first, filtered by stream, actor (name or username),
// action, kind of record and a range of days, a page at a time by id (keyset, so deep pages stay fast).
import { and, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Orm } from '../client';
import { auditEvents, users } from '../schema';

export interface AuditEventRow {
  id: bigint;
  seq: number;
  stream: string;
  action: string;
  actorName: string | null;
  actorRole: string | null;
  occurredAt: Date;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditEventFilter {
  stream?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  /** Instants: the first included, the first excluded. */
  from?: Date;
  until?: Date;
  before?: bigint;
  limit: number;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAuditEvents(orm: Orm, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.stream ? eq(auditEvents.stream, filter.stream) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.until ? lt(auditEvents.occurredAt, filter.until) : undefined,
    filter.before !== undefined ? lt(auditEvents.id, filter.before) : undefined,
    filter.actor
      ? or(
          ilike(users.displayName, likeEscaped(filter.actor)),
          ilike(users.username, likeEscaped(filter.actor)),
        )
      : undefined,
  ];
  return orm
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      stream: auditEvents.stream,
      action: auditEvents.action,
      actorName: users.displayName,
      actorRole: auditEvents.actorRole,
      occurredAt: auditEvents.occurredAt,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
