import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, holderAlive, LOCK_FILE, type LockContent, procStat } from './data-dir-lock';

const linux = process.platform === 'linux';
const NOW = new Date('2026-12-02T09:00:00Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huiqi-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeLock(content: unknown): void {
  writeFileSync(join(dir, LOCK_FILE), typeof content === 'string' ? content : JSON.stringify(content));
}

function lockOnDisk(): LockContent {
  return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockContent;
}

function takesOver(): boolean {
  const lock = acquireDataDirLock(dir, NOW);
  const mine = lockOnDisk().pid === process.pid;
  lock.release();
  return mine;
}

describe.runIf(linux)('the data-folder lock on Linux', () => {
  it('records the pid with the process start time and the boot', () => {
    const lock = acquireDataDirLock(dir, NOW);
    const content = lockOnDisk();
    expect(content.pid).toBe(process.pid);
    expect(content.processStart).toBe(procStat(process.pid)?.start);
    expect(content.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(() => acquireDataDirLock(dir, NOW)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    lock.release();
  });

  it('is taken over when the pid now belongs to a process that started at another time', () => {
    // The parent of this test process is alive, but it is not the process that wrote this lock.
    const parent = procStat(process.ppid);
    expect(parent).toBeDefined();
    writeLock({ pid: process.ppid, startedAt: '2023-10-01T00:00:00Z', processStart: '1' });
    expect(holderAlive(lockOnDisk())).toBe(false);
    expect(takesOver()).toBe(true);
  });

  it('is taken over when it was written in another boot', () => {
    const own = procStat(process.ppid);
    writeLock({
      pid: process.ppid,
      startedAt: '2023-10-01T00:00:00Z',
      bootId: '00000000-0000-0000-0000-000000000000',
      processStart: own?.start,
    });
    expect(takesOver()).toBe(true);
  });

  it('stays held while the named process is the one that is running', () => {
    writeLock({
      pid: process.ppid,
      startedAt: '2023-10-01T00:00:00Z',
      processStart: procStat(process.ppid)?.start,
    });
    expect(() => acquireDataDirLock(dir, NOW)).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_LOCKED', params: { dir, pid: process.ppid } }),
    );
  });

  it('is taken over when the named process was killed and is waiting to be reaped', async () => {
    // `sleep 0` becomes a child of `sleep 5`, which never waits for it: a zombie for five seconds.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
    const zombie = await new Promise<number>((resolve) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    try {
      for (let i = 0; i < 50 && procStat(zombie)?.state !== 'Z'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const stat = procStat(zombie);
      expect(stat?.state).toBe('Z');
      writeLock({ pid: zombie, startedAt: '2023-10-01T00:00:00Z', processStart: stat?.start });
      expect(takesOver()).toBe(true);
    } finally {
      parent.kill();
    }
  });
});

describe('an unwritten lock file', () => {
  it('is held while it is fresh (a process may be writing it) and stale once older than the grace period', () => {
    writeLock('');
    const path = join(dir, LOCK_FILE);
    const fresh = new Date(NOW.getTime() - 2_000);
    utimesSync(path, fresh, fresh);
    expect(() => acquireDataDirLock(dir, NOW)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    const old = new Date(NOW.getTime() - 60_000);
    utimesSync(path, old, old);
    expect(takesOver()).toBe(true);
  });
});
