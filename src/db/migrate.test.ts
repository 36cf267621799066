import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { type Database, openDatabase, queryRows } from './client';
import { migrate, migrationFiles } from './migrate';
import { createTestDatabase, testDatabaseUrl } from './test-db';

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function driftOf(database: Database): Promise<AppError> {
  const error = await migrate(database).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('migrate', () => {
  it('applies every file on a fresh database and nothing on a second run', async () => {
    db = await createTestDatabase();
    const ids = migrationFiles().map((f) => f.id);
    expect(ids[0]).toBe('0001_foundation');
    const rows = await queryRows<{ id: string }>(db.orm, sql`SELECT id FROM schema_migrations ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(await migrate(db)).toEqual({ applied: [] });
  });

  it('applies pending files in order on an empty schema', async () => {
    db = await createTestDatabase();
    await db.orm.execute(sql`DROP SCHEMA public CASCADE`);
    await db.orm.execute(sql`CREATE SCHEMA public`);
    const { applied } = await migrate(db);
    expect(applied).toEqual(migrationFiles().map((f) => f.id));
  });

  it('lets two instances migrate one server database at once, each file applied once (PostgreSQL)', async (ctx) => {
    db = await createTestDatabase();
    const url = testDatabaseUrl(db);
    if (!url) ctx.skip();
    await db.orm.execute(sql`DROP SCHEMA public CASCADE`);
    await db.orm.execute(sql`CREATE SCHEMA public`);
    const other = await openDatabase({ databaseUrl: url });
    try {
      const [a, b] = await Promise.all([migrate(db), migrate(other)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(migrationFiles().map((f) => f.id));
    } finally {
      await other.close();
    }
  });

  it('refuses a database whose applied migration changed, naming it', async () => {
    db = await createTestDatabase();
    await db.orm.execute(
      sql`UPDATE schema_migrations SET checksum = 'edited' WHERE id = '0002_enterprises_statistics'`,
    );
    const error = await driftOf(db);
    expect(error.code).toBe('MIGRATION_DRIFT');
    expect(error.params).toEqual({ id: '0002_enterprises_statistics', reason: 'changed' });
  });

  it('refuses a database with an applied migration the code does not have', async () => {
    db = await createTestDatabase();
    await db.orm.execute(
      sql`INSERT INTO schema_migrations (id, checksum) VALUES ('0999_from_the_future', 'x')`,
    );
    const error = await driftOf(db);
    expect(error.params).toEqual({ id: '0999_from_the_future', reason: 'missing' });
  });

  it('refuses a pending migration numbered before the newest applied one', async () => {
    db = await createTestDatabase();
    await db.orm.execute(sql`DELETE FROM schema_migrations WHERE id = '0002_enterprises_statistics'`);
    const error = await driftOf(db);
    expect(error.params).toEqual({ id: '0002_enterprises_statistics', reason: 'out_of_order' });
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    db = await createTestDatabase();
    const broken = { id: '9000_broken', sql: 'CREATE TABLE half_done (id int); SELECT 1/0;', checksum: 'c' };
    await expect(migrate(db, [...migrationFiles(), broken])).rejects.toThrow();
    const tables = await queryRows(db.orm, sql`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(tables).toEqual([]);
    const recorded = await queryRows(db.orm, sql`SELECT 1 FROM schema_migrations WHERE id = '9000_broken'`);
    expect(recorded).toEqual([]);
  });
});
