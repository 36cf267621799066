// Forward-only migrations: numbered SQL files shipped beside this module, applied in order, each in its own
// transaction. A database whose applied migrations no longer match the code (a file edited after it ran, or
// removed) is refused rather than guessed at.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { AppError } from '../shared/errors';
import type { Database, RawTx } from './client';

export interface MigrationFile {
  id: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_PATTERN = /^(\d{4}_[a-z0-9_]+)\.sql$/;
// One fixed key: every Huiqi instance on the server serialises its migrations on it.
const ADVISORY_LOCK_KEY = 4_827_190_001;

/** The migration files of this build, in order; checksums ignore line-ending style (a Windows checkout). */
export function migrationFiles(dir: URL = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .map((id) => {
      const sql = readFileSync(new URL(`${id}.sql`, dir), 'utf8').replace(/\r\n/g, '\n');
      return { id, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  id: string;
  checksum: string;
}

async function lockAndEnsureTable(tx: RawTx): Promise<AppliedRow[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return tx.query<AppliedRow>('SELECT id, checksum FROM schema_migrations ORDER BY id');
}

function refuseDrift(applied: AppliedRow[], files: MigrationFile[]): void {
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const row of applied) {
    const file = byId.get(row.id);
    if (!file) throw new AppError('MIGRATION_DRIFT', 'internal', { id: row.id, reason: 'missing' });
    if (file.checksum !== row.checksum) {
      throw new AppError('MIGRATION_DRIFT', 'internal', { id: row.id, reason: 'changed' });
    }
  }
  // A pending file numbered before the newest applied one was written against an older schema than the
  // database has (two branches numbered alike, or a file renumbered): applying it now would be a guess.
  const newest = applied
    .map((r) => r.id)
    .sort()
    .at(-1);
  const done = new Set(applied.map((r) => r.id));
  const late = files.find((f) => !done.has(f.id) && newest !== undefined && f.id < newest);
  if (late) throw new AppError('MIGRATION_DRIFT', 'internal', { id: late.id, reason: 'out_of_order' });
}

/** Applies pending migrations; throws AppError MIGRATION_DRIFT naming the first applied one that drifted. */
export async function migrate(
  db: Database,
  files: MigrationFile[] = migrationFiles(),
): Promise<{ applied: string[] }> {
  const applied = await db.rawTransaction(lockAndEnsureTable);
  refuseDrift(applied, files);
  const done = new Set(applied.map((r) => r.id));
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (done.has(file.id)) continue;
    const ran = await db.rawTransaction(async (tx) => {
      // Another instance may have applied it while we waited for the lock: look again under the lock.
      const now = await lockAndEnsureTable(tx);
      refuseDrift(now, files);
      if (now.some((r) => r.id === file.id)) return false;
      await tx.exec(file.sql);
      await tx.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [
        file.id,
        file.checksum,
      ]);
      return true;
    });
    if (ran) newlyApplied.push(file.id);
  }
  return { applied: newlyApplied };
}
