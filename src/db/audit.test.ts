import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventHash, recordAudit, verifyAuditChain } from './audit';
import { type Database, queryRows } from './client';
import { auditEvents } from './schema';
import { createTestDatabase, testDatabaseUrl } from './test-db';

const AT = new Date('2023-10-09T02:00:00.000Z');
let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

/** Interleaves `perStream` events on program:p1 and enterprise:e1, one transaction each. */
async function writeTwoStreams(perStream: number): Promise<void> {
  for (let i = 0; i < perStream; i++) {
    await db.orm.transaction(async (tx) => {
      await recordAudit(tx, {
        action: 'program.update',
        entityType: 'program',
        entityId: 'p1',
        actorId: '00000000-0000-4000-8000-000000000001',
        actorRole: 'admin',
        before: { budgetFen: BigInt(i) * 100n },
        after: { budgetFen: BigInt(i + 1) * 100n, at: new Date(AT.getTime() + i), tags: ['a', i] },
        requestId: `req-${i}`,
        at: new Date(AT.getTime() + i * 1000),
      });
      await recordAudit(tx, { action: 'enterprise.touch', entityType: 'enterprise', entityId: 'e1', at: AT });
    });
  }
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
    expect(await verifyAuditChain(db.orm)).toEqual({ ok: true, checked: 60 });
    const rows = await db.orm.select().from(auditEvents).where(eq(auditEvents.stream, 'program:p1'));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[0]?.before).toEqual({ budgetFen: '0' });
  });

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(db.orm)).toEqual({ ok: true, checked: 0 });
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
        await recordAudit(tx, { action: 'x', entityType: 'program', entityId: 'p9', at: AT });
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    expect(await verifyAuditChain(db.orm)).toEqual({ ok: true, checked: 0 });
  });

  it('names the stream and seq of an edited event', async () => {
    await writeTwoStreams(12);
    const id = await eventId('program:p1', 7);
    await asDba(sql`UPDATE audit_events SET after = '{"budgetFen":"999999"}' WHERE id = ${id}`);
    expect(await verifyAuditChain(db.orm)).toMatchObject({
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
    const forged = eventHash(row.prevHash, {
      ...row,
      action: 'enterprise.forged',
      before: null,
      after: null,
    });
    await asDba(
      sql`UPDATE audit_events SET action = 'enterprise.forged', hash = ${forged} WHERE id = ${row.id}`,
    );
    const result = await verifyAuditChain(db.orm);
    expect(result.firstBroken).toMatchObject({ stream: 'enterprise:e1', seq: 3, reason: 'prev_mismatch' });
  });

  it('detects a deletion in the middle of a stream', async () => {
    await writeTwoStreams(6);
    await asDba(sql`DELETE FROM audit_events WHERE stream = 'program:p1' AND seq = 3`);
    const result = await verifyAuditChain(db.orm);
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
    const result = await verifyAuditChain(db.orm);
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
    const result = await verifyAuditChain(db.orm);
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
          await recordAudit(tx, { action: 'x', entityType: 'program', entityId, at: AT });
        });
      await expect(attempt('p2')).resolves.toBeUndefined();
      await expect(attempt('p1')).rejects.toThrow();
      await holder.query('COMMIT');
      await expect(attempt('p1')).resolves.toBeUndefined();
    } finally {
      await holder.end();
    }
    expect(await verifyAuditChain(db.orm)).toEqual({ ok: true, checked: 4 });
  });
});
