// PGlite does not lock its data folder, and two processes on one folder silently lose rows. This lock file
// makes a second start fail loudly instead. The lock names its process by pid *and* by when that process
// started (and, on Linux, which boot it belongs to), so a pid reused after a reboot or by an unrelated
// program, or a killed server the system has not reaped yet, does not keep the folder locked: such a lock is
// taken over.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

export const LOCK_FILE = 'huiqi.lock';

/** How long a lock file may stay empty (a process between creating and writing it) before it counts as stale. */
const UNWRITTEN_GRACE_MS = 10_000;

export interface LockContent {
  pid: number;
  startedAt: string;
  /** `/proc/sys/kernel/random/boot_id` of the boot the holder runs in (Linux only). */
  bootId?: string;
  /** The holder's start time in clock ticks since boot, field 22 of `/proc/<pid>/stat` (Linux only). */
  processStart?: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

interface ProcStat {
  state: string;
  start: string;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** State and start time of a process from `/proc/<pid>/stat`, or undefined where there is no such file. */
export function procStat(pid: number): ProcStat | undefined {
  const line = readText(`/proc/${pid}/stat`);
  if (line === undefined) return undefined;
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const start = fields[19];
  return state && start ? { state, start } : undefined;
}

function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id');
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process the lock names is still the one running. */
export function holderAlive(holder: LockContent): boolean {
  const currentBoot = bootId();
  if (holder.bootId && currentBoot && holder.bootId !== currentBoot) return false;
  if (currentBoot !== undefined) {
    // A system with /proc: the process table there is the truth.
    const stat = procStat(holder.pid);
    if (!stat) return false;
    if (stat.state === 'Z' || stat.state === 'X') return false;
    return holder.processStart === undefined || holder.processStart === stat.start;
  }
  return signalable(holder.pid);
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      startedAt: String(parsed.startedAt),
      ...(typeof parsed.bootId === 'string' ? { bootId: parsed.bootId } : {}),
      ...(typeof parsed.processStart === 'string' ? { processStart: parsed.processStart } : {}),
    };
  } catch {
    return undefined;
  }
}

function ownContent(now: Date): LockContent {
  const boot = bootId();
  const start = procStat(process.pid)?.start;
  return {
    pid: process.pid,
    startedAt: now.toISOString(),
    ...(boot ? { bootId: boot } : {}),
    ...(start ? { processStart: start } : {}),
  };
}

/** A lock that is not held: its holder is gone, or it was never written and is older than the grace period. */
function stale(path: string, holder: LockContent | undefined, now: Date): boolean {
  if (holder) return !holderAlive(holder);
  try {
    return now.getTime() - statSync(path).mtimeMs > UNWRITTEN_GRACE_MS;
  } catch {
    return false;
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
      if (!stale(path, holder, now)) {
        throw new AppError('DATA_DIR_LOCKED', 'unavailable', { dir, pid: holder?.pid ?? '?' });
      }
      unlinkSync(path);
      continue;
    }
    writeSync(fd, JSON.stringify(ownContent(now)));
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
