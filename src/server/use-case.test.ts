import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../db/client';
import { createTestDatabase } from '../db/test-db';
import { SYSTEM } from '../shared/actor';
import { audit, transact, type UseCaseContext } from './use-case';

let db: Database;
let logged: string[];
let ctx: UseCaseContext;
const AT = new Date('2026-03-02T01:00:00.000Z');

beforeEach(async () => {
  db = await createTestDatabase();
  logged = [];
  ctx = {
    db,
    clock: () => AT,
    actor: SYSTEM,
    requestId: 'req-1',
    locale: 'zh-CN',
    log: { error: (_details, message) => void logged.push(message) },
    auditKey: 'use-case-test-audit-key-of-32-characters',
  };
});
afterEach(() => db.close());

const events = async () =>
  (await queryRows<{ n: number }>(db.orm, sql`SELECT count(*)::int AS n FROM audit_events`))[0]?.n;

describe('transact', () => {
  it('runs after-commit effects once the change is durable, in order', async () => {
    const seen: string[] = [];
    await transact(ctx, async (tx, afterCommit) => {
      await audit(tx, ctx, AT, { action: 'user.signed_in', entityId: 'u1' });
      afterCommit(async () => void seen.push(`first saw ${await events()} event`));
      afterCommit(async () => void seen.push('second'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['first saw 1 event', 'second']);
  });

  it('never runs the effects of a transaction that rolled back', async () => {
    const seen: string[] = [];
    await expect(
      transact(ctx, async (tx, afterCommit) => {
        await audit(tx, ctx, AT, { action: 'user.signed_in', entityId: 'u1' });
        afterCommit(async () => void seen.push('sent'));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(seen).toEqual([]);
    expect(await events()).toBe(0);
  });

  it('logs a failing effect without undoing the change or failing the caller', async () => {
    const result = await transact(ctx, async (tx, afterCommit) => {
      await audit(tx, ctx, AT, { action: 'user.signed_in', entityId: 'u1' });
      afterCommit(async () => {
        throw new Error('SMTP down');
      });
      return 'done';
    });
    expect(result).toBe('done');
    expect(logged).toEqual(['an after-commit effect failed']);
    expect(await events()).toBe(1);
  });

  it('refuses an audit payload that does not match its schema, and the change with it', async () => {
    await expect(
      transact(ctx, (tx) =>
        audit(tx, ctx, AT, {
          action: 'user.locale_changed',
          entityId: 'u1',
          before: { locale: 'zh-CN' },
          // A wrong shape reaching here would be a bug in a use case; the cast stands for that bug.
          after: { language: 'en-US' } as unknown as { locale: string },
        }),
      ),
    ).rejects.toThrow(/does not match its schema/);
    expect(await events()).toBe(0);
  });
});
