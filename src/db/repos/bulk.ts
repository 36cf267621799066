// Bulk inserts in chunks: one multi-row INSERT per chunk keeps each statement well under PostgreSQL's
// 65,535 bind-parameter limit however many columns a table has.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Orm, Tx } from '../client';

export const INSERT_CHUNK_ROWS = 500;

export async function insertInChunks<T extends PgTable>(
  db: Orm | Tx,
  table: T,
  rows: T['$inferInsert'][],
  chunkRows = INSERT_CHUNK_ROWS,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    await db.insert(table).values(rows.slice(start, start + chunkRows));
  }
}
