import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { openDatabase, queryRows } from './client';
import { LOCK_FILE } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huiqi-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has already exited: what a crashed server leaves in its lock file. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('openDatabase on a data folder (PGlite)', () => {
  it('refuses a second open of the same folder while the first is open, and releases on close', async () => {
    const first = await openDatabase({ dataDir: dir });
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATA_DIR_LOCKED');
    expect((error as AppError).params).toEqual({ dir, pid: process.pid });
    await first.orm.execute(sql`CREATE TABLE kept (n int)`);
    await first.orm.execute(sql`INSERT INTO kept VALUES (42)`);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    const second = await openDatabase({ dataDir: dir });
    expect(await queryRows(second.orm, sql`SELECT n FROM kept`)).toEqual([{ n: 42 }]);
    await second.close();
  });

  it('takes over a stale lock left by a dead process', async () => {
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), startedAt: '2023-10-01T00:00:00Z' }),
    );
    const db = await openDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await db.close();
  });

  it('treats an unreadable lock as held rather than guessing', async () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
  });
});
