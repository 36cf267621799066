import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM, type UserActor } from '../shared/actor';
import { type AuditMeta, eventHash, GENESIS_HASH, type Json, recordAudit } from './audit';
import { takeAuditCheckpoint, verifyAuditChain } from './audit-verify';
import { type Database, queryRows } from './client';
import { auditEvents } from './schema';
import { createTestDatabase, testDatabaseUrl } from './test-db';

const AT = new Date('2023-10-09T02:00:00.000Z');
const KEY = 'audit-test-key-that-the-database-never-holds';
const system: AuditMeta = { actor: SYSTEM, at: AT, key: KEY };
const verify = () => verifyAuditChain(db.orm, KEY);
const ADMIN: UserActor = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  role: 'admin',
  enterpriseId: null,
};
let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

/** Interleaves `perStream` events on program:p1 and enterprise:e1, one transaction each. */
async function writeTwoStreams(perStream: number): Promise<void> {
  for (let i = 0; i < perStream; i++) {
    await db.orm.transaction(async (tx) => {
      await recordAudit(
        tx,
        { actor: ADMIN, requestId: `req-${i}`, at: new Date(AT.getTime() + i * 1000), key: KEY },
        {
          action: 'program.created',
          entityId: 'p1',
          after: { budgetFen: BigInt(i) * 100n, at: new Date(AT.getTime() + i), tags: ['a', i] },
        },
      );
      await recordAudit(tx, system, { action: 'enterprise.created', entityId: 'e1', after: {} });
    });
  }
}

/**
 * A careful forger without the audit key: rewrites a stream from `seq` on (editing that event's payload),
 * recomputes every later link as plain sha256 — all one can do without the key — and moves the head along.
 */
async function rewriteFrom(
  stream: string,
  seq: number,
  options: { edit?: (after: Json) => Json; keyed: boolean },
) {
  const rows = await db.orm
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.stream, stream))
    .orderBy(auditEvents.seq);
  let prev = rows.find((r) => r.seq === seq - 1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((r) => r.seq >= seq)) {
    const after = row.seq === seq && options.edit ? options.edit(row.after as Json) : (row.after as Json);
    const hash = eventHash(null, prev, { ...row, before: row.before as Json, after });
    await asDba(
      sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash}, keyed = ${options.keyed}, after = ${JSON.stringify(after)}::jsonb WHERE id = ${row.id}`,
    );
    prev = hash;
  }
  await asDba(sql`UPDATE audit_streams SET last_hash = ${prev} WHERE stream = ${stream}`);
}

/** What a DBA with superuser rights could do: switch the append-only trigger off and edit history. */
async function asDba(statement: ReturnType<typeof sql>): Promise<void> {
  await db.orm.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
  await db.orm.execute(statement);
  await db.orm.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
}

async function eventId(stream: string, seq: number): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db.orm,
    sql`SELECT id::text AS id FROM audit_events WHERE stream = ${stream} AND seq = ${seq}`,
  );
  if (!row) throw new Error(`no event ${stream}#${seq}`);
  return row.id;
}

describe('audit chain', () => {
  it('chains many events on two streams and verifies them', async () => {
    await writeTwoStreams(30);
    expect(await verify()).toEqual({ ok: true, checked: 60, legacy: 0 });
    const rows = await db.orm.select().from(auditEvents).where(eq(auditEvents.stream, 'program:p1'));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[0]?.after).toEqual({ budgetFen: '0', at: AT.toISOString(), tags: ['a', 0] });
    expect(rows[0]?.actorRole).toBe('admin');
  });

  it('verifies an empty log', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 0, legacy: 0 });
  });

  it('refuses updates and deletes from the application', async () => {
    await writeTwoStreams(1);
    await expect(db.orm.execute(sql`UPDATE audit_events SET action = 'x'`)).rejects.toThrow();
    await expect(db.orm.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    await expect(db.orm.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
  });

  it('rolls the event back with the transaction that wrote it', async () => {
    await db.orm
      .transaction(async (tx) => {
        await recordAudit(tx, system, { action: 'user.signed_in', entityId: 'p9' });
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    expect(await verify()).toEqual({ ok: true, checked: 0, legacy: 0 });
  });

  it('names the stream and seq of an edited event', async () => {
    await writeTwoStreams(12);
    const id = await eventId('program:p1', 7);
    await asDba(sql`UPDATE audit_events SET after = '{"budgetFen":"999999"}' WHERE id = ${id}`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { stream: 'program:p1', seq: 7, id, reason: 'hash_mismatch' },
    });
  });

  it('detects an edit whose own hash was recomputed, at the next link', async () => {
    await writeTwoStreams(5);
    const [row] = await db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.id, BigInt(await eventId('enterprise:e1', 2))));
    if (!row) throw new Error('missing event');
    const forged = eventHash(KEY, row.prevHash, {
      ...row,
      action: 'enterprise.forged',
      before: null,
      after: {},
    });
    await asDba(
      sql`UPDATE audit_events SET action = 'enterprise.forged', hash = ${forged} WHERE id = ${row.id}`,
    );
    const result = await verify();
    expect(result.firstBroken).toMatchObject({ stream: 'enterprise:e1', seq: 3, reason: 'prev_mismatch' });
  });

  it('detects a careful rewrite of every later link by someone without the key', async () => {
    await writeTwoStreams(4);
    await rewriteFrom('program:p1', 2, { edit: () => ({ edited: true }), keyed: true });
    expect((await verify()).firstBroken).toMatchObject({
      stream: 'program:p1',
      seq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('detects a rewrite passed off as events from before the chain was keyed', async () => {
    await writeTwoStreams(4);
    await rewriteFrom('program:p1', 3, { edit: () => ({ edited: true }), keyed: false });
    expect((await verify()).firstBroken).toMatchObject({ stream: 'program:p1', seq: 3, reason: 'unkeyed' });
  });

  it('still verifies events written before the chain was keyed, and counts them', async () => {
    await writeTwoStreams(2);
    // As the migration left an older database: every existing event plain sha256, written before any keyed one.
    await rewriteFrom('program:p1', 1, { keyed: false });
    await rewriteFrom('enterprise:e1', 1, { keyed: false });
    await db.orm.transaction((tx) => recordAudit(tx, system, { action: 'user.signed_in', entityId: 'u1' }));
    expect(await verify()).toEqual({ ok: true, checked: 5, legacy: 4 });
  });

  it('detects a deletion in the middle of a stream', async () => {
    await writeTwoStreams(6);
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'program:p1' AND seq = 3`);
    const result = await verify();
    expect(result.firstBroken).toEqual({
      stream: 'program:p1',
      seq: 4,
      id: await eventId('program:p1', 4),
      reason: 'seq_gap',
    });
  });

  it('detects a truncated tail through the stream head', async () => {
    await writeTwoStreams(6);
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'enterprise:e1' AND seq >= 5`);
    const result = await verify();
    expect(result.firstBroken).toEqual({
      stream: 'enterprise:e1',
      seq: 4,
      id: await eventId('enterprise:e1', 4),
      reason: 'head_mismatch',
    });
  });

  it('detects a stream whose events were all deleted while its head remains', async () => {
    await writeTwoStreams(3);
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'enterprise:e1'`);
    const result = await verify();
    expect(result.firstBroken).toEqual({ stream: 'enterprise:e1', seq: 3, id: '', reason: 'head_mismatch' });
  });

  it('lets transactions on different streams proceed while one stream is held (PostgreSQL)', async (ctx) => {
    const url = testDatabaseUrl(db);
    if (!url) ctx.skip();
    await writeTwoStreams(1);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      // A second connection holds program:p1's head, as a long transaction on that program would.
      await holder.query('BEGIN');
      await holder.query("SELECT * FROM audit_streams WHERE stream = 'program:p1' FOR UPDATE");
      const attempt = (entityId: string) =>
        db.orm.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL lock_timeout = '300ms'`);
          await recordAudit(tx, system, { action: 'program.created', entityId, after: {} });
        });
      await expect(attempt('p2')).resolves.toBeUndefined();
      await expect(attempt('p1')).rejects.toThrow();
      await holder.query('COMMIT');
      await expect(attempt('p1')).resolves.toBeUndefined();
    } finally {
      await holder.end();
    }
    expect(await verify()).toEqual({ ok: true, checked: 4, legacy: 0 });
  });
});

describe('audit checkpoints', () => {
  it('verifies against a checkpoint, with events written after it', async () => {
    await writeTwoStreams(3);
    const checkpoint = await takeAuditCheckpoint(db.orm, KEY, AT);
    expect(checkpoint.streams).toHaveLength(2);
    await writeTwoStreams(1);
    expect(await verifyAuditChain(db.orm, KEY, checkpoint)).toEqual({
      ok: true,
      checked: 8,
      legacy: 0,
      checkpoint: { createdAt: AT.toISOString(), streams: 2 },
    });
  });

  it('detects a truncated tail whose head was moved back, which the chain alone cannot', async () => {
    await writeTwoStreams(5);
    const checkpoint = await takeAuditCheckpoint(db.orm, KEY, AT);
    const [fourth] = await db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.id, BigInt(await eventId('enterprise:e1', 4))));
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'enterprise:e1' AND seq = 5`);
    await asDba(
      sql`UPDATE audit_streams SET last_seq = 4, last_hash = ${fourth?.hash ?? ''} WHERE stream = 'enterprise:e1'`,
    );
    expect((await verify()).ok).toBe(true);
    expect((await verifyAuditChain(db.orm, KEY, checkpoint)).firstBroken).toEqual({
      stream: 'enterprise:e1',
      seq: 5,
      id: '',
      reason: 'checkpoint_missing',
    });
  });

  it('detects a stream dropped with its head', async () => {
    await writeTwoStreams(2);
    const checkpoint = await takeAuditCheckpoint(db.orm, KEY, AT);
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'program:p1'`);
    await asDba(sql`DELETE FROM audit_streams WHERE stream = 'program:p1'`);
    expect((await verify()).ok).toBe(true);
    expect((await verifyAuditChain(db.orm, KEY, checkpoint)).firstBroken).toMatchObject({
      stream: 'program:p1',
      reason: 'checkpoint_missing',
    });
  });

  it('refuses a checkpoint whose heads were edited to match a rewrite', async () => {
    await writeTwoStreams(2);
    const checkpoint = await takeAuditCheckpoint(db.orm, KEY, AT);
    const edited = { ...checkpoint, streams: checkpoint.streams.slice(1) };
    expect((await verifyAuditChain(db.orm, KEY, edited)).firstBroken?.reason).toBe('checkpoint_signature');
    expect((await verifyAuditChain(db.orm, 'another-key-of-at-least-32-characters', checkpoint)).ok).toBe(
      false,
    );
  });
});
