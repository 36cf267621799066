// PGlite does not lock its data folder, and two processes on one folder silently lose rows. This lock file
// makes a second start fail loudly instead. A lock left by a crashed process (its pid is gone) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

export const LOCK_FILE = 'huiqi.lock';

interface LockContent {
  pid: number;
  startedAt: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, startedAt: String(parsed.startedAt) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `dir/huiqi.lock` exclusively or throws AppError DATA_DIR_LOCKED naming the holder's pid. */
export function acquireDataDirLock(dir: string, now: Date = new Date()): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      // An unreadable lock may be one being written right now by a starting process: treat it as held.
      if (holder === undefined || isAlive(holder.pid)) {
        throw new AppError('DATA_DIR_LOCKED', 'unavailable', { dir, pid: holder?.pid ?? '?' });
      }
      unlinkSync(path);
      continue;
    }
    const content: LockContent = { pid: process.pid, startedAt: now.toISOString() };
    writeSync(fd, JSON.stringify(content));
    closeSync(fd);
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        if (readLock(path)?.pid === process.pid) unlinkSync(path);
      },
    };
  }
  throw new AppError('DATA_DIR_LOCKED', 'unavailable', { dir, pid: readLock(path)?.pid ?? '?' });
}
