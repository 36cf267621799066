// A fresh, migrated database per call, for tests. With HUIQI_TEST_DATABASE_URL (a PostgreSQL server) each call
// creates its own database and drops it on close; otherwise an in-memory PGlite cloned from a template that is
// migrated once per process (cloning a dump is much faster than running every migration again).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './client';
import { migrate } from './migrate';

let pgliteTemplate: Promise<Blob> | undefined;
const serverUrls = new WeakMap<Database, string>();

async function migratedTemplate(): Promise<Blob> {
  const db = await openDatabase({ memory: true });
  try {
    await migrate(db);
    if (!db.dump) throw new Error('an in-memory PGlite database can always be dumped');
    return await db.dump();
  } finally {
    await db.close();
  }
}

export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.HUIQI_TEST_DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  pgliteTemplate ??= migratedTemplate();
  return openDatabase({ memory: true, loadDataDir: await pgliteTemplate });
}

async function createServerDatabase(serverUrl: string): Promise<Database> {
  const name = `huiqi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await drop();
    throw error;
  }
  const testDb: Database = {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
  serverUrls.set(testDb, url.toString());
  return testDb;
}

/** The server URL of a test database, for tests that need a second connection of their own. */
export function testDatabaseUrl(db: Database): string | undefined {
  return serverUrls.get(db);
}
