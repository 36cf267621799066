// What a running server does in the background, on the job queue so that several instances share it and
// each slot runs once: an hourly audit checkpoint written outside the database, the sweep of expired
// sessions (already refused at sign-in; the sweep only keeps the table small), and the sweep of sign-in and
// registration counters that would start afresh at their next attempt anyway.
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { deleteStaleThrottles } from '../../db/repos/auth-throttles.repo';
import { deleteExpiredSessions } from '../../db/repos/sessions.repo';
import { lapseDueCorrections } from '../applications/lapse-corrections';
import { writeAuditCheckpoint } from '../audit/write-audit-checkpoint';
import { FORGET_AFTER_MS } from '../auth/login-throttle';
import { closeDuePublicity } from '../awards/publicize-awards';
import type { JobQueue } from './job-queue';

export const SCHEDULES = {
  'audit.checkpoint': '0 * * * *',
  'sessions.sweep': '*/30 * * * *',
  'auth-throttles.sweep': '17 * * * *',
  // A list's period ends at midnight, Beijing time; the mark follows within the minute.
  'publicity.close-due': '* * * * *',
  // A correction deadline ends at midnight, Beijing time, as well.
  'corrections.lapse-due': '* * * * *',
} as const;

/**
 * Removes throttle counters whose window began a day or more ago (the longest window: sign-in counters start
 * afresh after a day, registration counters after an hour) and whose delay, if any, is over.
 */
export async function sweepAuthThrottles(db: Database, now: Date): Promise<number> {
  return deleteStaleThrottles(db.orm, new Date(now.getTime() - FORGET_AFTER_MS), now);
}

export async function startBackgroundWork(
  jobs: JobQueue,
  deps: { db: Database; config: Config; clock: () => Date },
): Promise<void> {
  const { db, config, clock } = deps;
  await jobs.work('audit.checkpoint', async () => {
    await writeAuditCheckpoint({
      db,
      clock,
      auditKey: config.auditKey,
      checkpointDir: config.auditCheckpointDir,
    });
  });
  await jobs.work('sessions.sweep', async () => {
    await deleteExpiredSessions(db.orm, clock());
  });
  await jobs.work('auth-throttles.sweep', async () => {
    await sweepAuthThrottles(db, clock());
  });
  await jobs.work('publicity.close-due', async () => {
    await closeDuePublicity({
      db,
      clock,
      auditKey: config.auditKey,
      requestId: 'job-publicity-close-due',
      // The sweep has no after-commit effects; should one fail, the operator reads it on standard error.
      log: { error: (details, message) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`) },
    });
  });
  await jobs.work('corrections.lapse-due', async () => {
    await lapseDueCorrections({
      db,
      clock,
      auditKey: config.auditKey,
      requestId: 'job-corrections-lapse-due',
      log: { error: (details, message) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`) },
    });
  });
  for (const [name, cron] of Object.entries(SCHEDULES) as [keyof typeof SCHEDULES, string][]) {
    await jobs.schedule(name, cron, {});
  }
}
