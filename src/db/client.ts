// Opens the database: the embedded PGlite (a folder under the data directory, or memory for tests) or a
// PostgreSQL server through a pool. Both give the same drizzle type, so repositories never know which one runs.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock';
import * as schema from './schema';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

/** A transaction on the driver itself, for what drizzle cannot do: multi-statement scripts (migrations). */
export interface RawTx {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  orm: Orm;
  /** Runs `fn` in one driver-level transaction: committed when it resolves, rolled back when it throws. */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /**
   * SQL text with `$n` parameters straight to the driver, outside any transaction: for a library that brings
   * its own SQL (the job queue). Without parameters the text may hold several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: the whole data folder as an uncompressed tarball (test templates, backups). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  /** PGlite only: start from a dumped data folder (the migrated template of the test helper). */
  loadDataDir?: Blob | File;
}

const POOL_SIZE = 10;

/** Runs a raw SQL statement and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(orm: Orm | Tx, statement: SQL): Promise<T[]> {
  const result = (await orm.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.memory) return openPglite(undefined, opts.loadDataDir);
  if (!opts.dataDir) throw new Error('openDatabase: dataDir, memory or databaseUrl is required');
  const lock = acquireDataDirLock(opts.dataDir);
  try {
    const db = await openPglite(join(opts.dataDir, 'pgdata'), opts.loadDataDir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPglite(dir: string | undefined, loadDataDir: Blob | File | undefined): Promise<Database> {
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const orm: Orm = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    orm,
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    dump: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE });
  // Fail at boot, not on the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  // An idle client that loses its connection is dropped by the pool; without a listener Node would crash.
  pool.on('error', () => undefined);
  const orm: Orm = drizzlePg({ client: pool, schema });
  return {
    kind: 'postgres',
    orm,
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as T[],
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async executeSql(text, values) {
      return { rows: (await pool.query(text, values)).rows };
    },
    close: () => pool.end(),
  };
}
