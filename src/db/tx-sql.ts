// SQL text with `$n` parameters run inside a drizzle transaction, for a library that brings its own SQL and
// accepts a connection to run it on (pg-boss's `db` option): its statements then commit or roll back with
// ours. The text is cut at each placeholder and the values travel as bound parameters, never spliced in.
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from './client';

function bind(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`,
  );
  return sql.join(chunks);
}

export function txExecutor(tx: Tx): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return { executeSql: async (text, values = []) => ({ rows: await queryRows(tx, bind(text, values)) }) };
}
