// Verifying the audit log: every chain recomputed under the key, each stream's end compared with its head,
// and — given a checkpoint written earlier outside the database — every stream head it recorded still there
// with the same hash. A chain alone cannot tell a tail cut off with its head moved back, or a stream dropped
// with its head row; a checkpoint can.
import { createHmac } from 'node:crypto';
import { and, asc, eq, gt, min, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalJson, eventHash, GENESIS_HASH, type Json } from './audit';
import type { Orm } from './client';
import { auditEvents, auditStreams } from './schema';

export type AuditBreak =
  | 'hash_mismatch'
  | 'prev_mismatch'
  | 'seq_gap'
  | 'head_mismatch'
  | 'unkeyed'
  | 'checkpoint_signature'
  | 'checkpoint_missing'
  | 'checkpoint_rewritten';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Events from before the chain was keyed, checked as plain sha256 links. */
  legacy: number;
  firstBroken?: { stream: string; seq: number; id: string; reason: AuditBreak };
  /** Present when a checkpoint was given: when it was written and how many stream heads it held. */
  checkpoint?: { createdAt: string; streams: number };
}

const VERIFY_PAGE = 1000;

export const CHECKPOINT_FORMAT = 'huiqi-audit-checkpoint/1';
export const auditCheckpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  createdAt: z.string(),
  streams: z.array(z.object({ stream: z.string(), seq: z.number().int(), hash: z.string() })),
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

function checkpointSignature(key: string, c: Omit<AuditCheckpoint, 'signature'>): string {
  const body = canonicalJson({ format: c.format, createdAt: c.createdAt, streams: c.streams });
  return createHmac('sha256', key).update(body).digest('hex');
}

/** A signed statement of every stream head as it stands now. */
export async function takeAuditCheckpoint(orm: Orm, key: string, at: Date): Promise<AuditCheckpoint> {
  const heads = await orm
    .select({ stream: auditStreams.stream, seq: auditStreams.lastSeq, hash: auditStreams.lastHash })
    .from(auditStreams)
    .where(gt(auditStreams.lastSeq, 0))
    .orderBy(asc(auditStreams.stream));
  const unsigned = { format: CHECKPOINT_FORMAT, createdAt: at.toISOString(), streams: heads } as const;
  return { ...unsigned, signature: checkpointSignature(key, unsigned) };
}

interface StreamCursor {
  stream: string;
  expectedSeq: number;
  prevHash: string;
  lastId: string;
}

/** Re-computes every chain and compares each stream's end with its head; reports the first broken link. */
export async function verifyAuditChain(
  orm: Orm,
  key: string,
  checkpoint?: AuditCheckpoint,
): Promise<AuditVerification> {
  const heads = new Map(
    (await orm.select().from(auditStreams).orderBy(asc(auditStreams.stream))).map((h) => [h.stream, h]),
  );
  // Unkeyed (legacy) events can only predate the first keyed one: a later plain-sha256 event is a forgery.
  const [firstKeyed] = await orm
    .select({ id: min(auditEvents.id) })
    .from(auditEvents)
    .where(eq(auditEvents.keyed, true));
  const keyedFrom = firstKeyed?.id ?? null;
  let checked = 0;
  let legacy = 0;
  let cursor: StreamCursor | undefined;
  const broken = (firstBroken: NonNullable<AuditVerification['firstBroken']>): AuditVerification => ({
    ok: false,
    checked,
    legacy,
    firstBroken,
  });

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
        const end = closeStream(cursor);
        if (end) return broken(end);
        cursor = undefined;
      }
      cursor ??= { stream: row.stream, expectedSeq: 1, prevHash: GENESIS_HASH, lastId: '' };
      const at = { stream: row.stream, seq: row.seq, id: row.id.toString() };
      if (row.seq !== cursor.expectedSeq) return broken({ ...at, reason: 'seq_gap' });
      if (row.prevHash !== cursor.prevHash) return broken({ ...at, reason: 'prev_mismatch' });
      if (!row.keyed && keyedFrom !== null && row.id > keyedFrom) return broken({ ...at, reason: 'unkeyed' });
      const recomputed = eventHash(row.keyed ? key : null, row.prevHash, {
        ...row,
        before: (row.before ?? null) as Json | null,
        after: (row.after ?? null) as Json | null,
      });
      if (recomputed !== row.hash) return broken({ ...at, reason: 'hash_mismatch' });
      checked++;
      if (!row.keyed) legacy++;
      cursor = { stream: row.stream, expectedSeq: row.seq + 1, prevHash: row.hash, lastId: at.id };
    }
    const last = page.at(-1);
    if (!last || page.length < VERIFY_PAGE) break;
    after = { stream: last.stream, seq: last.seq };
  }
  if (cursor) {
    const end = closeStream(cursor);
    if (end) return broken(end);
  }
  // A head whose stream has no events at all: every event of that record was deleted.
  const [orphan] = heads.values();
  if (orphan && orphan.lastSeq > 0) {
    return broken({ stream: orphan.stream, seq: orphan.lastSeq, id: '', reason: 'head_mismatch' });
  }
  if (!checkpoint) return { ok: true, checked, legacy };
  const against = await compareWithCheckpoint(orm, key, checkpoint);
  const summary = { createdAt: checkpoint.createdAt, streams: checkpoint.streams.length };
  return against
    ? { ...broken(against), checkpoint: summary }
    : { ok: true, checked, legacy, checkpoint: summary };
}

/** The first stream head of the checkpoint that the log no longer holds as it was, if any. */
async function compareWithCheckpoint(
  orm: Orm,
  key: string,
  checkpoint: AuditCheckpoint,
): Promise<AuditVerification['firstBroken']> {
  if (checkpointSignature(key, checkpoint) !== checkpoint.signature) {
    return { stream: '', seq: 0, id: '', reason: 'checkpoint_signature' };
  }
  for (const head of checkpoint.streams) {
    const [row] = await orm
      .select({ id: auditEvents.id, hash: auditEvents.hash })
      .from(auditEvents)
      .where(and(eq(auditEvents.stream, head.stream), eq(auditEvents.seq, head.seq)));
    if (!row) return { stream: head.stream, seq: head.seq, id: '', reason: 'checkpoint_missing' };
    if (row.hash !== head.hash) {
      return { stream: head.stream, seq: head.seq, id: row.id.toString(), reason: 'checkpoint_rewritten' };
    }
  }
  return undefined;
}
