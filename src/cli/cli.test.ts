// Runs the real `huiqi` command in a child process against a temporary data folder, as an operator would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../db/client';

const BIN = fileURLToPath(new URL('../../bin/huiqi.mjs', import.meta.url));
const run = promisify(execFile);
let dataDir: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function huiqi(args: string[], input?: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUIQI_DATA_DIR: dataDir,
    HUIQI_ARGON2_MEMORY_KIB: '64',
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL;
  delete env.HUIQI_DEMO;
  const child = run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'huiqi-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('huiqi CLI on a fresh data folder', () => {
  it('sets the database up on first use and shows the 2023 program with its exact budget', async () => {
    const result = await huiqi(['program', 'show', 'tianhe-2023-service-trade', '--json']);
    expect(result.code).toBe(0);
    const program = JSON.parse(result.stdout);
    expect(program).toMatchObject({ code: 'tianhe-2023-service-trade', year: 2023, budget: '1299600.00' });
    expect(program.budgetWan).toBe('129.96');
    expect(program.milestones.map((m: { kind: string }) => m.kind)).toEqual([
      'call_open',
      'collection',
      'review',
      'publicity',
      'approval',
      'payment',
    ]);
    expect(program.milestones[0].actualOn).toMatch(/^2023-10-/);
    expect(program.milestones[5].actualOn).toMatch(/^2023-12-/);
    // The call of October 2023, carried through to its approved awards.
    const [call] = program.calls;
    expect(call).toMatchObject({
      code: 'tianhe-2023-service-trade-call',
      opensAt: '2023-10-09T01:00:00.000Z',
      applications: { approved: 10, rejected: 6 },
      approvedAwards: { count: 10, total: '1299600.00' },
    });
    for (const award of call.approvedAwards.items) {
      expect(award.publicity).toEqual({
        seq: 1,
        startsOn: '2023-11-20',
        endsOn: '2023-11-24',
        periodDays: 5,
        periodKind: 'workdays',
      });
    }
  });

  it('shows the budget in 元 and 万元 in text mode', async () => {
    const result = await huiqi(['program', 'show', 'tianhe-2023-service-trade', '--lang', 'zh-CN']);
    expect(result.stdout).toContain('1,299,600.00 元（129.96 万元）');
    expect(result.stdout).toContain('申报情况: 已审批 10，未通过 6');
    expect(result.stdout).toContain('已审批奖励 10 项，合计 1,299,600.00 元');
    const missing = await huiqi(['program', 'show', 'no-such-program', '--lang', 'en-US']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Program not found');
  });

  it('creates a user from a password on stdin and refuses a duplicate', async () => {
    const args = [
      'user',
      'create',
      '--role',
      'evaluator',
      '--username',
      'Auditor',
      '--password-stdin',
      '--json',
    ];
    const created = await huiqi(args, 'Str0ng-passphrase\n');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'auditor', role: 'evaluator' });
    // The operator's password stands: the first administrator of an install is created this way.
    const db = await openDatabase({ dataDir });
    try {
      const rows = await queryRows<{ must: boolean }>(
        db.orm,
        sql`SELECT must_change_password AS must FROM users WHERE username = 'auditor'`,
      );
      expect(rows).toEqual([{ must: false }]);
    } finally {
      await db.close();
    }
    const again = await huiqi(args, 'Str0ng-passphrase\n');
    expect(again.code).toBe(1);
    expect(
      await huiqi(['user', 'create', '--role', 'boss', '--username', 'x', '--password', 'y']),
    ).toMatchObject({
      code: 2,
    });
  });

  it('refuses a password the API would refuse, with the same reasons', async () => {
    const create = (password: string) =>
      huiqi(
        [
          'user',
          'create',
          '--role',
          'intake',
          '--username',
          'zhangwei',
          '--password-stdin',
          '--lang',
          'en-US',
        ],
        `${password}\n`,
      );
    for (const [password, reason] of [
      ['short-1', 'at least 12'],
      ['123qweasdzxc', 'common'],
      ['zhangwei-2026-spring', 'username'],
    ]) {
      const refused = await create(password ?? '');
      expect({ password, code: refused.code }).toEqual({ password, code: 1 });
      expect(refused.stderr).toContain(reason);
    }
    expect((await create('Spring-river-2026')).code).toBe(0);
  });

  it('writes a signed checkpoint outside the database and detects a stream dropped since', async () => {
    const file = join(dataDir, '..', `${basename(dataDir)}-checkpoint.json`);
    const written = await huiqi(['audit', 'checkpoint', '--out', file, '--json']);
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ file });
    expect(JSON.parse(readFileSync(file, 'utf8')).streams.length).toBeGreaterThan(300);

    const db = await openDatabase({ dataDir });
    await db.orm.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await db.orm.execute(sql`DELETE FROM audit_events WHERE stream = 'calendar:2023'`);
    await db.orm.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    await db.orm.execute(sql`DELETE FROM audit_streams WHERE stream = 'calendar:2023'`);
    await db.close();

    expect((await huiqi(['audit', 'verify', '--json'])).code).toBe(0);
    const against = await huiqi(['audit', 'verify', '--checkpoint', file, '--json']);
    expect(against.code).toBe(1);
    expect(JSON.parse(against.stdout).firstBroken).toMatchObject({
      stream: 'calendar:2023',
      reason: 'checkpoint_missing',
    });
    const unreadable = await huiqi([
      'audit',
      'verify',
      '--checkpoint',
      join(dataDir, 'none.json'),
      '--lang',
      'en-US',
    ]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('Cannot read the checkpoint file');
    rmSync(file);
  });

  it('verifies the audit log, then names the link a DBA edited', async () => {
    const intact = await huiqi(['audit', 'verify', '--json']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true });

    const db = await openDatabase({ dataDir });
    const [target] = await queryRows<{ id: string; stream: string; seq: number }>(
      db.orm,
      sql`SELECT id::text AS id, stream, seq FROM audit_events WHERE action = 'program.created' ORDER BY id LIMIT 1`,
    );
    if (!target) throw new Error('the demo wrote no program event');
    await db.orm.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await db.orm.execute(sql`UPDATE audit_events SET after = '{"budgetFen":"1"}' WHERE id = ${target.id}`);
    await db.orm.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    await db.close();

    const broken = await huiqi(['audit', 'verify', '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).firstBroken).toEqual({
      stream: target.stream,
      seq: target.seq,
      id: target.id,
      reason: 'hash_mismatch',
    });
    const text = await huiqi(['audit', 'verify', '--lang', 'en-US']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`stream ${target.stream}, seq ${target.seq} (event id ${target.id})`);
  });

  it('refuses to start while another process holds the data folder', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const result = await huiqi(['program', 'list', '--lang', 'en-US']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`pid ${process.pid}`);
    } finally {
      await db.close();
    }
  });

  it('calculates, publicizes and approves a call through the same use cases, refusing in the user’s words', async () => {
    const missing = await huiqi(['call', 'calculate', 'no-such-call', '--lang', 'en-US']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n').at(-1)).toBe('The call was not found.');
    // The demo's 2023 call is closed and holds no application waiting for calculation.
    const empty = await huiqi(['call', 'calculate', 'tianhe-2023-service-trade-call']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('没有通过审查、待测算的申报');
    // Its open 2026 call is still taking applications.
    const open = await huiqi(['call', 'calculate', 'tianhe-2026-service-trade-call', '--lang', 'en-US']);
    expect([open.code, open.stderr.trim()]).toEqual([
      1,
      'The call is still open; awards are calculated after it closes.',
    ]);
    const publicize = await huiqi(['call', 'publicize', 'tianhe-2023-service-trade-call', '--lang', 'en-US']);
    expect([publicize.code, publicize.stderr.trim()]).toEqual([
      1,
      'No calculated application waits for publicity.',
    ]);
    const approve = await huiqi(['call', 'approve', 'tianhe-2023-service-trade-call', '--lang', 'en-US']);
    expect([approve.code, approve.stderr.trim()]).toEqual([1, 'This award list has already been approved.']);
    const notYet = await huiqi(['call', 'approve', 'tianhe-2026-service-trade-call', '--lang', 'en-US']);
    expect([notYet.code, notYet.stderr.trim()]).toEqual([
      1,
      "The call's latest award calculation has not been publicized.",
    ]);
    const sweep = await huiqi(['call', 'close-publicity', '--json']);
    expect([sweep.code, JSON.parse(sweep.stdout)]).toEqual([0, { closed: 0 }]);
  });

  it('answers an unknown command with the usage exit code', async () => {
    const result = await huiqi(['frobnicate', '--lang', 'en-US']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command: frobnicate');
  });
});
