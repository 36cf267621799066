// The background job queue (后台任务), on PostgreSQL through pg-boss 10: work that must survive a restart and
// run on one instance only — retried emails, timed state changes (the end of a 公示 period), scheduled audit
// checkpoints. A use case enqueues inside its own transaction, so a job exists exactly when the change that
// asked for it committed; every instance may work the queue, and pg-boss hands each job to one of them.
import PgBoss from 'pg-boss';
import type { Database, Tx } from '../../db/client';
import { jobCounts } from '../../db/repos/jobs.repo';
import { txExecutor } from '../../db/tx-sql';

/** Every job the system knows, with its payload. */
export interface JobPayloads {
  /** Writes a signed statement of every audit stream head to the checkpoint folder. */
  'audit.checkpoint': Record<string, never>;
  /** Deletes expired sessions. */
  'sessions.sweep': Record<string, never>;
  /** Deletes sign-in and registration counters whose window is over and whose delay has run out. */
  'auth-throttles.sweep': Record<string, never>;
  /** Marks closed the publicity lists (公示) whose period has ended. */
  'publicity.close-due': Record<string, never>;
  /** Rejects the applications whose correction deadline has passed unanswered. */
  'corrections.lapse-due': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = [
  'audit.checkpoint',
  'sessions.sweep',
  'auth-throttles.sweep',
  'publicity.close-due',
  'corrections.lapse-due',
];

export interface EnqueueOptions {
  startAfter?: Date;
  /** At most one queued job per key (e.g. one end-of-publicity job per list). */
  singletonKey?: string;
}

export interface JobQueue {
  /** Queues a job inside the caller's transaction; answers its id (null when a singleton was already queued). */
  enqueue<N extends JobName>(
    tx: Tx,
    name: N,
    data: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Runs `handler` for jobs of this name on this instance; a throw fails the try and pg-boss retries it. */
  work<N extends JobName>(name: N, handler: (data: JobPayloads[N]) => Promise<void>): Promise<void>;
  /** A cron schedule (Asia/Shanghai) that queues the job; pg-boss fires each slot once across instances. */
  schedule<N extends JobName>(name: N, cron: string, data: JobPayloads[N]): Promise<void>;
  /** Jobs of a name in each state, for tests and the operator. */
  counts(name: JobName): Promise<Record<string, number>>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Runs pg-boss's maintenance and cron monitors; off for short-lived processes such as tests. */
  supervise?: boolean;
}

export function createJobQueue(db: Database, options: JobQueueOptions = {}): JobQueue {
  const supervise = options.supervise ?? true;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.executeSql(text, values) },
    supervise,
    schedule: supervise,
    migrate: true,
  });
  // pg-boss reports failures of its own housekeeping as events; without a listener Node would crash.
  boss.on('error', () => undefined);
  const retry = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
  };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  return {
    async enqueue(tx, name, data, enqueueOptions = {}) {
      return boss.send(name, data, {
        ...retry,
        ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}),
        ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
        db: txExecutor(tx),
      });
    },
    async work(name, handler) {
      await boss.work<JobPayloads[typeof name]>(name, polling, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    async schedule(name, cron, data) {
      await boss.schedule(name, cron, data, { ...retry, tz: 'Asia/Shanghai' });
    },
    counts: (name) => jobCounts(db, name),
    async start() {
      await boss.start();
      for (const name of JOB_NAMES) {
        if (await boss.getQueue(name)) continue;
        // Two instances starting together may both try; the loser finds the queue made by the winner.
        await boss.createQueue(name).catch(async (error: unknown) => {
          if (!(await boss.getQueue(name))) throw error;
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
