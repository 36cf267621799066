import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { createTestDatabase, testDatabaseUrl } from '../../db/test-db';
import { createJobQueue, type JobQueue } from './job-queue';

let db: Database;
const queues: JobQueue[] = [];
const extraDbs: Database[] = [];

async function startQueue(on: Database = db, retryLimit = 0): Promise<JobQueue> {
  const queue = createJobQueue(on, {
    pollingIntervalSeconds: 0.5,
    retryLimit,
    retryDelaySeconds: 1,
    supervise: false,
  });
  await queue.start();
  queues.push(queue);
  return queue;
}

async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop();
  for (const extra of extraDbs.splice(0)) await extra.close();
  await db.close();
});

describe('job queue', () => {
  it('queues a job with the transaction that asked for it, and a worker runs it', async () => {
    const queue = await startQueue();
    const seen: unknown[] = [];
    await queue.work('audit.checkpoint', async (data) => void seen.push(data));
    await db.orm.transaction((tx) => queue.enqueue(tx, 'audit.checkpoint', {}));
    await until(() => seen.length === 1);
    expect(seen).toEqual([{}]);
    await until(async () => (await queue.counts('audit.checkpoint')).completed === 1);
  });

  it('queues nothing when the transaction rolls back', async () => {
    const queue = await startQueue();
    await db.orm
      .transaction(async (tx) => {
        await queue.enqueue(tx, 'audit.checkpoint', {});
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    expect(await queue.counts('audit.checkpoint')).toEqual({});
  });

  it('retries a job whose handler failed', async () => {
    const queue = await startQueue(db, 1);
    let tries = 0;
    await queue.work('audit.checkpoint', async () => {
      tries += 1;
      if (tries === 1) throw new Error('SMTP down');
    });
    await db.orm.transaction((tx) => queue.enqueue(tx, 'audit.checkpoint', {}));
    await until(async () => (await queue.counts('audit.checkpoint')).completed === 1);
    expect(tries).toBe(2);
  });

  it('hands each job to one instance when two work the same database', async () => {
    const url = testDatabaseUrl(db);
    const second = url ? await openDatabase({ databaseUrl: url }) : db;
    if (url) extraDbs.push(second);
    const [a, b] = [await startQueue(db), await startQueue(second)];
    const ran: string[] = [];
    await a.work('audit.checkpoint', async () => void ran.push('a'));
    await b.work('audit.checkpoint', async () => void ran.push('b'));
    for (let i = 0; i < 10; i++) await db.orm.transaction((tx) => a.enqueue(tx, 'audit.checkpoint', {}));
    await until(async () => (await a.counts('audit.checkpoint')).completed === 10);
    expect(ran).toHaveLength(10);
  });
});
