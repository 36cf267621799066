// The Drizzle schema (what the code believes) against the migrations (what the database is): every table and
// column on one side exists on the other with the same type and nullability, and every text enum's values
// are exactly what the column's CHECK constraint allows. A migration that forgets a column, or a schema edit
// without its migration, fails here rather than at run time.
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './client';
import * as schema from './schema';
import { createTestDatabase } from './test-db';

const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is PgTable =>
    typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
);

/** information_schema's name for a type, as drizzle's SQL type reads. */
function normalType(sqlType: string): string {
  const t = sqlType.toLowerCase();
  if (t === 'bigserial') return 'bigint';
  if (t === 'serial') return 'integer';
  if (t.startsWith('timestamp') && t.includes('with time zone')) return 'timestamp with time zone';
  if (t.startsWith('timestamp')) return 'timestamp without time zone';
  if (t.endsWith('[]')) return 'ARRAY';
  return t;
}

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('Drizzle schema and migrations', () => {
  it('describe the same tables and columns', async () => {
    const columns = await queryRows<{ table: string; column: string; type: string; nullable: string }>(
      db.orm,
      sql`SELECT table_name AS table, column_name AS column, data_type AS type, is_nullable AS nullable
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    const inDatabase = columns.map(
      (c) => `${c.table}.${c.column} ${c.type} ${c.nullable === 'NO' ? 'not null' : 'null'}`,
    );
    const inCode = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map(
        (c) => `${config.name}.${c.name} ${normalType(c.getSQLType())} ${c.notNull ? 'not null' : 'null'}`,
      );
    });
    expect(inCode.sort()).toEqual(inDatabase.sort());
  });

  it('allow in each CHECK constraint exactly the values of the column’s enum', async () => {
    const checks = await queryRows<{ table: string; definition: string }>(
      db.orm,
      sql`SELECT rel.relname AS table, pg_get_constraintdef(con.oid) AS definition
          FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
          JOIN pg_namespace ns ON ns.oid = rel.relnamespace
          WHERE con.contype = 'c' AND ns.nspname = 'public'`,
    );
    let compared = 0;
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const column of config.columns) {
        if (!column.enumValues || column.enumValues.length === 0) continue;
        const check = checks.find(
          (c) =>
            c.table === config.name &&
            new RegExp(`\\(${column.name}\\b`).test(c.definition) &&
            c.definition.includes('ANY'),
        );
        expect(check, `${config.name}.${column.name} has a CHECK constraint`).toBeDefined();
        const allowed = [...(check?.definition.matchAll(/'([^']+)'::text/g) ?? [])].map((m) => m[1]);
        expect(allowed.sort(), `${config.name}.${column.name}`).toEqual([...column.enumValues].sort());
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });
});
