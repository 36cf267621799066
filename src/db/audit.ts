// The audit log (操作日志): append-only and tamper-evident. Events are hash-chained per stream (one record,
// e.g. `program:<id>`) rather than in one global chain, so two transactions on different records never wait
// for each other; only writers on the same record serialise, on that stream's head row. See docs/database.md.
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Orm, Tx } from './client';
import { auditEvents, auditStreams } from './schema';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  /** Defaults to `${entityType}:${entityId}`. */
  stream?: string;
  actorId?: string | null;
  actorRole?: string | null;
  /** Never secrets: no password hashes, no TOTP secrets, no full bank account numbers. */
  before?: unknown;
  after?: unknown;
  requestId?: string;
  at: Date;
}

export type AuditBreak = 'hash_mismatch' | 'prev_mismatch' | 'seq_gap' | 'head_mismatch';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { stream: string; seq: number; id: string; reason: AuditBreak };
}

export const GENESIS_HASH = '0'.repeat(64);
const VERIFY_PAGE = 1000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Turns a value into plain JSON the way jsonb will give it back: bigint → string, Date → ISO string. */
export function toAuditJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toAuditJson(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const json = toAuditJson(v);
    if (json !== undefined) out[k] = json;
  }
  return out;
}

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}

interface HashedFields {
  stream: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Json | null;
  after: Json | null;
  requestId: string | null;
}

export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    stream: e.stream,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Appends one event to its stream inside the caller's transaction (so it commits or rolls back with it). */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const stream = input.stream ?? `${input.entityType}:${input.entityId}`;
  await tx.insert(auditStreams).values({ stream, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditStreams).where(eq(auditStreams.stream, stream)).for('update');
  if (!head) throw new Error(`audit stream ${stream} vanished inside its transaction`);
  const fields: HashedFields = {
    stream,
    seq: head.lastSeq + 1,
    occurredAt: input.at,
    actorId: input.actorId ?? null,
    actorRole: input.actorRole ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toAuditJson(input.before) ?? null,
    after: toAuditJson(input.after) ?? null,
    requestId: input.requestId ?? null,
  };
  const hash = eventHash(head.lastHash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash: head.lastHash, hash });
  await tx
    .update(auditStreams)
    .set({ lastSeq: fields.seq, lastHash: hash })
    .where(eq(auditStreams.stream, stream));
}

interface StreamCursor {
  stream: string;
  expectedSeq: number;
  prevHash: string;
  lastId: string;
}

/** Re-computes every chain and compares each stream's end with its head; reports the first broken link. */
export async function verifyAuditChain(orm: Orm): Promise<AuditVerification> {
  const heads = new Map(
    (await orm.select().from(auditStreams).orderBy(asc(auditStreams.stream))).map((h) => [h.stream, h]),
  );
  let checked = 0;
  let cursor: StreamCursor | undefined;

  // A stream ends: its last event must be the head (a truncated tail leaves the head pointing past it).
  const closeStream = (c: StreamCursor): AuditVerification['firstBroken'] => {
    const head = heads.get(c.stream);
    heads.delete(c.stream);
    if (!head || head.lastSeq !== c.expectedSeq - 1 || head.lastHash !== c.prevHash) {
      return { stream: c.stream, seq: c.expectedSeq - 1, id: c.lastId, reason: 'head_mismatch' };
    }
    return undefined;
  };

  let after: { stream: string; seq: number } | undefined;
  for (;;) {
    const page = await orm
      .select()
      .from(auditEvents)
      .where(
        after
          ? or(
              gt(auditEvents.stream, after.stream),
              and(eq(auditEvents.stream, after.stream), gt(auditEvents.seq, after.seq)),
            )
          : sql`true`,
      )
      .orderBy(asc(auditEvents.stream), asc(auditEvents.seq))
      .limit(VERIFY_PAGE);
    for (const row of page) {
      if (cursor && cursor.stream !== row.stream) {
        const broken = closeStream(cursor);
        if (broken) return { ok: false, checked, firstBroken: broken };
        cursor = undefined;
      }
      cursor ??= { stream: row.stream, expectedSeq: 1, prevHash: GENESIS_HASH, lastId: '' };
      const at = { stream: row.stream, seq: row.seq, id: row.id.toString() };
      if (row.seq !== cursor.expectedSeq)
        return { ok: false, checked, firstBroken: { ...at, reason: 'seq_gap' } };
      if (row.prevHash !== cursor.prevHash) {
        return { ok: false, checked, firstBroken: { ...at, reason: 'prev_mismatch' } };
      }
      const recomputed = eventHash(row.prevHash, {
        ...row,
        before: (row.before ?? null) as Json | null,
        after: (row.after ?? null) as Json | null,
      });
      if (recomputed !== row.hash)
        return { ok: false, checked, firstBroken: { ...at, reason: 'hash_mismatch' } };
      checked++;
      cursor = { stream: row.stream, expectedSeq: row.seq + 1, prevHash: row.hash, lastId: at.id };
    }
    const last = page.at(-1);
    if (!last || page.length < VERIFY_PAGE) break;
    after = { stream: last.stream, seq: last.seq };
  }
  if (cursor) {
    const broken = closeStream(cursor);
    if (broken) return { ok: false, checked, firstBroken: broken };
  }
  // A head whose stream has no events at all: every event of that record was deleted.
  const [orphan] = heads.values();
  if (orphan && orphan.lastSeq > 0) {
    return {
      ok: false,
      checked,
      firstBroken: { stream: orphan.stream, seq: orphan.lastSeq, id: '', reason: 'head_mismatch' },
    };
  }
  return { ok: true, checked };
}
