import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCheckpointSchema, verifyAuditChain } from '../../db/audit-verify';
import { type Database, queryRows } from '../../db/client';
import { authThrottles } from '../../db/schema';
import { createTestDatabase } from '../../db/test-db';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { testConfig } from '../test-support';
import { startBackgroundWork } from './background-work';
import { createJobQueue, type JobQueue } from './job-queue';

let db: Database;
let jobs: JobQueue;
let dir: string;

beforeEach(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'huiqi-checkpoints-'));
  jobs = createJobQueue(db, { pollingIntervalSeconds: 0.5, supervise: false });
  await jobs.start();
});
afterEach(async () => {
  await jobs.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('background work', () => {
  it('writes a signed audit checkpoint when its job runs, one that verifies the log', async () => {
    const config = { ...testConfig(), auditCheckpointDir: dir };
    const clock = () => new Date('2026-03-02T02:00:00.000Z');
    await ensureOfficialCalendar({ db, clock, auditKey: config.auditKey });
    await startBackgroundWork(jobs, { db, config, clock });
    await db.orm.transaction((tx) => jobs.enqueue(tx, 'audit.checkpoint', {}));
    const end = Date.now() + 15_000;
    while (readdirSync(dir).filter((f) => f.endsWith('.json')).length === 0 && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(file).toBe('audit-checkpoint-2026-03-02T02-00-00-000Z.json');
    const checkpoint = auditCheckpointSchema.parse(JSON.parse(readFileSync(join(dir, file ?? ''), 'utf8')));
    expect(checkpoint.streams.length).toBeGreaterThan(0);
    expect((await verifyAuditChain(db.orm, config.auditKey, checkpoint)).ok).toBe(true);
  });

  it('sweeps throttle counters whose window is a day old and whose delay is over, and keeps the rest', async () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const row = (account: string, windowStartedAt: Date, blockedUntil: Date | null) => ({
      scope: 'sign_in_pair' as const,
      account,
      address: '10.0.0.1',
      attempts: 3,
      windowStartedAt,
      blockedUntil,
      updatedAt: windowStartedAt,
    });
    await db.orm
      .insert(authThrottles)
      .values([
        row('stale', hoursAgo(25), null),
        row('stale-delay-over', hoursAgo(30), hoursAgo(1)),
        row('still-delayed', hoursAgo(30), new Date(now.getTime() + 60_000)),
        row('recent', hoursAgo(2), null),
      ]);
    await startBackgroundWork(jobs, {
      db,
      config: { ...testConfig(), auditCheckpointDir: dir },
      clock: () => now,
    });
    await db.orm.transaction((tx) => jobs.enqueue(tx, 'auth-throttles.sweep', {}));
    const accounts = async () =>
      (
        await queryRows<{ account: string }>(db.orm, sql`SELECT account FROM auth_throttles ORDER BY account`)
      ).map((r) => r.account);
    const end = Date.now() + 15_000;
    while ((await accounts()).length > 2 && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await accounts()).toEqual(['recent', 'still-delayed']);
  });
});
