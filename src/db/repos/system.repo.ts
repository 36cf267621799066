// Whole-database questions: is there anything in it yet, and a lock for one-off setup work.
import { sql } from 'drizzle-orm';
import { type Orm, queryRows, type Tx } from '../client';

// One fixed key for setup work (demo loading), distinct from the migration lock's.
const SETUP_LOCK_KEY = 4_827_190_002;

/** True when no department, program, enterprise or user exists: a fresh install. */
export async function isDatabaseEmpty(db: Orm | Tx): Promise<boolean> {
  const [row] = await queryRows<{ used: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM departments) OR EXISTS (SELECT 1 FROM programs)
          OR EXISTS (SELECT 1 FROM enterprises) OR EXISTS (SELECT 1 FROM users) AS used`,
  );
  return row?.used === false;
}

/** Serialises setup work across app instances sharing one server, until the transaction ends. */
export async function lockSetup(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
}
