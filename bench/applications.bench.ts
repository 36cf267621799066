// Application benchmarks on PostgreSQL: the rate of applications created and submitted over HTTP by 50 clients
// against pgbench's rate for one equivalent single-row INSERT with 50 clients in the same run, and the latency of
// the staff list's filtered, sorted pages (keyset) over 1,000,000 applications as staff of one department.
// Data is seeded with SQL; sessions are written as rows and their cookies signed with the server's secret, so
// neither sign-in's argon2 nor the seeding is measured, only the HTTP paths named.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@fastify/cookie';
import { sessionCsrfToken } from '../src/server/auth/sessions';
import {
  type BenchSection,
  databaseUrl,
  openConnection,
  percentile,
  pgbenchTps,
  psql,
  startServer,
  stop,
  waitHealthy,
} from './http.bench';

const SECRET = 'bench-session-secret-0123456789-abcdef';
const CLIENTS = 50;

/** Runs SQL on `database` and returns the first column of the first row, if any. */
function sqlOn(database: string, sql: string): string {
  return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', databaseUrl(database)], {
    input: sql,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

// Session i's token, the same in SQL and here: base64url of sha256('bench-session-<i>'), 43 characters.
const tokenSql = (i: string) =>
  `rtrim(translate(encode(sha256(convert_to('bench-session-' || ${i}, 'UTF8')), 'base64'), '+/', '-_'), '=')`;
const tokenOf = (i: number) => createHash('sha256').update(`bench-session-${i}`).digest('base64url');

/** Sessions numbered from `first` for `users` (id, number); one day long, touched just now. */
function sessionsSql(first: number, users: string): string {
  return `INSERT INTO sessions (id, user_id, expires_at, absolute_expires_at)
    SELECT encode(sha256(convert_to(${tokenSql(`(${first} + u.n)`)}, 'UTF8')), 'hex'), u.id,
      now() + interval '1 day', now() + interval '2 days'
    FROM (${users}) u;`;
}

/** The cookie and CSRF header of session i, as the server would have set them at sign-in. */
function credentialsOf(i: number): string {
  const token = tokenOf(i);
  const csrf = sessionCsrfToken(createHash('sha256').update(token).digest('hex'), SECRET);
  return `cookie: huiqi_session=${encodeURIComponent(sign(token, SECRET))}; huiqi_csrf=${csrf}\r\nx-csrf-token: ${csrf}\r\n`;
}

function post(port: number, path: string, credentials: string, body?: string): Buffer {
  const payload =
    body === undefined
      ? ''
      : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
  return Buffer.from(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${credentials}${payload}\r\n${body ?? ''}`,
  );
}

const get = (port: number, path: string, credentials: string) =>
  Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${credentials}\r\n`);

/** A fresh database with a compiled server on it; `run` gets its name and port, and both are removed after. */
async function withServer<T>(name: string, port: number, run: (db: string) => Promise<T>): Promise<T> {
  const db = `huiqi_bench_${name}_${process.pid}`;
  psql(`CREATE DATABASE ${db}`);
  const dir = mkdtempSync(join(tmpdir(), `huiqi-bench-${name}-`));
  const server = startServer({
    HUIQI_DATA_DIR: dir,
    PORT: String(port),
    DATABASE_URL: databaseUrl(db),
    HUIQI_DEMO: '0',
    HUIQI_SESSION_SECRET: SECRET,
    HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  try {
    await waitHealthy(port, server.startedAt);
    return await run(db);
  } finally {
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
    psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

/** One department, program with a one-clause rule, and an open call that requires no materials. */
const OPEN_CALL_SQL = `
INSERT INTO departments (code, name, region_code, region_name) VALUES ('bench-d', '基准局', 'r', '基准区');
INSERT INTO programs (code, name, year, department_id, budget_fen, fund_source)
  SELECT 'bench-p', '基准项目', 2026, id, 100000000, 'bench' FROM departments WHERE code = 'bench-d';
INSERT INTO program_rule_versions (program_id, version, definition, sha256)
  SELECT id, 1, '{"clauses": [{"id": "bench-clause", "citation": "第一条", "summary": "基准条款"}]}', repeat('0', 64)
  FROM programs WHERE code = 'bench-p';
UPDATE programs p SET current_rule_version_id = v.id FROM program_rule_versions v WHERE v.program_id = p.id;
INSERT INTO calls (program_id, code, title, opens_at, closes_at, publicity_days, publicity_kind, status)
  SELECT id, 'bench-c', '基准申报通知', now() - interval '1 day', now() + interval '30 days', 5, 'workdays', 'open'
  FROM programs WHERE code = 'bench-p';`;

/** `count` enterprises, each with one applicant user and a session numbered from 0. */
function applicantsSql(count: number): string {
  return `
INSERT INTO enterprises (uscc, name, district, size_class)
  SELECT '91440101' || lpad(e::text, 9, '0') || 'X', '基准企业' || e, '天河区', 'small' FROM generate_series(0, ${count - 1}) e;
INSERT INTO users (username, display_name, role, enterprise_id, password_hash)
  SELECT 'bench-' || substr(uscc, 9, 9), name, 'applicant', id, 'not-a-hash' FROM enterprises;
${sessionsSql(0, `SELECT id, substr(username, 7)::int AS n FROM users WHERE role = 'applicant'`)}
VACUUM ANALYZE;`;
}

interface SubmissionResult {
  submitted: number;
  errors: number;
  firstError: string | undefined;
  elapsedS: number;
  p95Ms: number;
}

/** 50 clients, each creating an application for the next enterprise in [from, to) and submitting it. */
async function submitLoad(port: number, callId: string, from: number, to: number, seconds: number) {
  let next = from;
  let submitted = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const body = JSON.stringify({ callId, clause: 'bench-clause' });
  const client = async () => {
    const connection = await openConnection(port);
    try {
      while (Date.now() < until && next < to) {
        const credentials = credentialsOf(next++);
        const started = process.hrtime.bigint();
        const created = await connection.send(post(port, '/api/my/applications', credentials, body));
        if (created.status !== 200 && created.status !== 201) {
          errors++;
          firstError ??= `create ${created.status}: ${created.body.toString('utf8').slice(0, 200)}`;
          continue;
        }
        const id = (JSON.parse(created.body.toString('utf8')) as { id: string }).id;
        const done = await connection.send(post(port, `/api/my/applications/${id}/submit`, credentials));
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (done.status === 200) submitted++;
        else {
          errors++;
          firstError ??= `submit ${done.status}: ${done.body.toString('utf8').slice(0, 200)}`;
        }
      }
    } finally {
      connection.close();
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    submitted,
    errors,
    firstError,
    elapsedS,
    p95Ms: percentile(latencies, 0.95),
  } satisfies SubmissionResult;
}

/** pgbench, 50 clients: one transaction inserting one draft application row into a copy of the table. */
function pgbenchInsert(db: string, seconds: number): number {
  const [callId, userId, departmentId] = sqlOn(
    db,
    `CREATE TABLE bench_applications (LIKE applications INCLUDING DEFAULTS INCLUDING INDEXES);
     SELECT c.id || ',' || u.id || ',' || p.department_id FROM calls c JOIN programs p ON p.id = c.program_id,
       (SELECT id FROM users LIMIT 1) u WHERE c.code = 'bench-c';`,
  ).split(',');
  const script = join(mkdtempSync(join(tmpdir(), 'huiqi-bench-pgbench-')), 'insert.sql');
  writeFileSync(
    script,
    `INSERT INTO bench_applications (call_id, enterprise_id, clause, status, created_by, department_id)
       VALUES ('${callId}', gen_random_uuid(), 'bench-clause', 'draft', '${userId}', '${departmentId}');\n`,
  );
  try {
    return pgbenchTps(db, ['-n', '-f', script, '-c', String(CLIENTS), '-j', '2', '-T', String(seconds)]);
  } finally {
    rmSync(join(script, '..'), { recursive: true, force: true });
  }
}

export async function benchSubmission(seconds = 10): Promise<BenchSection> {
  const enterprises = 60_000;
  return withServer('submit', 3921, async (db) => {
    sqlOn(db, OPEN_CALL_SQL + applicantsSql(enterprises));
    const callId = sqlOn(db, `SELECT id FROM calls WHERE code = 'bench-c'`);
    // Warm-up on the first enterprises, then the measured window on the others.
    const warm = await submitLoad(3921, callId, 0, 500, 60);
    const app = await submitLoad(3921, callId, 500, enterprises, seconds);
    const tps = pgbenchInsert(db, seconds);
    const rate = app.submitted / app.elapsedS;
    const ratio = rate / tps;
    return {
      title:
        'Submitting applications over HTTP on PostgreSQL (50 clients; target: ratio to pgbench single-row INSERT ≥ 0.50)',
      lines: [
        '| measure | value |',
        '| --- | --- |',
        `| applications created and submitted per second (50 clients, ${seconds} s) | ${rate.toFixed(0)} (errors: ${app.errors + warm.errors}) |`,
        `| HTTP requests per second (two per application) | ${(rate * 2).toFixed(0)} |`,
        `| p95 time to create and submit one application | ${app.p95Ms.toFixed(1)} ms |`,
        `| pgbench TPS, one-row INSERT into a copy of \`applications\` with its indexes (50 clients, ${seconds} s) | ${tps.toFixed(0)} |`,
        `| ratio Huiqi / pgbench | ${ratio.toFixed(3)} (${ratio >= 0.5 ? 'met' : 'missed'}) |`,
        ...[warm.firstError, app.firstError].flatMap((e) =>
          e ? [`| first error | ${e.replaceAll('|', '/')} |`] : [],
        ),
      ],
    };
  });
}

/** Four departments of two programs of three calls, 100,000 enterprises, 1,000,000 applications. */
const LIST_SEED_SQL = `
INSERT INTO departments (code, name, region_code, region_name)
  SELECT 'bench-d' || d, '基准局 ' || d, 'r' || d, '基准区 ' || d FROM generate_series(1, 4) d;
INSERT INTO programs (code, name, year, department_id, budget_fen, fund_source)
  SELECT 'bench-p' || d || '-' || p, '基准项目 ' || d || '-' || p, 2026, dep.id, 100000000, 'bench'
  FROM generate_series(1, 4) d JOIN departments dep ON dep.code = 'bench-d' || d, generate_series(1, 2) p;
INSERT INTO calls (program_id, code, title, opens_at, closes_at, publicity_days, publicity_kind, status)
  SELECT pr.id, pr.code || '-c' || c, pr.name || ' 第' || c || '批', '2024-01-01', '2030-01-01', 5, 'workdays', 'open'
  FROM programs pr, generate_series(1, 3) c;
INSERT INTO enterprises (uscc, name, district, size_class)
  SELECT '91440101' || lpad(e::text, 9, '0') || 'X',
    (ARRAY['广州','深圳','佛山','东莞'])[e % 4 + 1] || (ARRAY['璞衡','云启','星河','海纳','锦程'])[e % 5 + 1]
      || '科技有限公司' || e, '天河区', 'small'
  FROM generate_series(0, 99999) e;
INSERT INTO users (username, display_name, role, enterprise_id, password_hash)
  SELECT 'bench-applicant', '基准申报人', 'applicant', id, 'not-a-hash' FROM enterprises ORDER BY uscc LIMIT 1;
INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench-intake', '基准受理员', 'intake', 'not-a-hash');
INSERT INTO staff_departments (user_id, department_id)
  SELECT u.id, d.id FROM users u, departments d WHERE u.username = 'bench-intake' AND d.code = 'bench-d1';
${sessionsSql(0, `SELECT id, 0 AS n FROM users WHERE username = 'bench-intake'`)}
CREATE TEMP TABLE bench_calls AS SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM calls;
CREATE TEMP TABLE bench_enterprises AS SELECT id, row_number() OVER (ORDER BY uscc) - 1 AS n FROM enterprises;
-- Application i: call i mod 24, enterprise (i / 24) mod 100000 (one per call and enterprise), a status by weight
-- (5 % drafts), submitted over about two years at microsecond precision, updated up to two months later.
INSERT INTO applications (call_id, enterprise_id, clause, status, created_by, created_at, updated_at, submitted_at)
  SELECT c.id, e.id, (ARRAY['clause-a','clause-b','clause-c'])[i % 3 + 1], st.status,
    (SELECT id FROM users WHERE username = 'bench-applicant'),
    t.at - interval '1 day', t.at + ((i::bigint * 7919) % 5000000) * interval '1 second',
    CASE WHEN st.status = 'draft' THEN NULL ELSE t.at END
  FROM generate_series(0, 999999) i
  CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01' + i * interval '63.123457 seconds' AS at) t
  CROSS JOIN LATERAL (SELECT CASE
    WHEN (i * 37) % 100 < 5 THEN 'draft' WHEN (i * 37) % 100 < 15 THEN 'submitted'
    WHEN (i * 37) % 100 < 18 THEN 'returned' WHEN (i * 37) % 100 < 38 THEN 'intake_passed'
    WHEN (i * 37) % 100 < 43 THEN 'in_expert_review' WHEN (i * 37) % 100 < 48 THEN 'reviewed'
    WHEN (i * 37) % 100 < 52 THEN 'calculated' WHEN (i * 37) % 100 < 54 THEN 'in_publicity'
    WHEN (i * 37) % 100 < 64 THEN 'approved' WHEN (i * 37) % 100 < 90 THEN 'paid'
    WHEN (i * 37) % 100 < 98 THEN 'rejected' ELSE 'withdrawn' END AS status) st
  JOIN bench_calls c ON c.n = i % 24
  JOIN bench_enterprises e ON e.n = (i / 24) % 100000;
VACUUM ANALYZE;`;

interface ListCase {
  name: string;
  query: string;
}

/** Pages `pages` deep along one case's cursor, timing every request. */
async function walk(port: number, path: string, pages: number, latencies: number[]): Promise<void> {
  const connection = await openConnection(port);
  const credentials = credentialsOf(0);
  try {
    let cursor: string | null = null;
    for (let page = 0; page < pages; page++) {
      const url = cursor === null ? path : `${path}&cursor=${cursor}`;
      const started = process.hrtime.bigint();
      const answer = await connection.send(get(port, url, credentials));
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.status !== 200) throw new Error(`${url}: ${answer.status} ${answer.body.toString('utf8')}`);
      cursor = (JSON.parse(answer.body.toString('utf8')) as { nextCursor: string | null }).nextCursor;
      if (cursor === null) break;
    }
  } finally {
    connection.close();
  }
}

export async function benchStaffList(): Promise<BenchSection> {
  return withServer('list', 3922, async (db) => {
    const seedStarted = Date.now();
    sqlOn(db, LIST_SEED_SQL);
    const seedS = (Date.now() - seedStarted) / 1000;
    const callId = sqlOn(db, `SELECT id FROM calls WHERE code = 'bench-p1-2-c2'`);
    const cases: ListCase[] = [
      { name: 'every status, newest submission first', query: '' },
      { name: 'status=submitted', query: 'status=submitted' },
      {
        name: 'status=submitted,returned, updatedAt ascending',
        query: 'status=submitted,returned&sort=updatedAt&order=asc',
      },
      { name: 'one call, status=paid, oldest first', query: `callId=${callId}&status=paid&order=asc` },
      { name: 'one call and clause', query: `callId=${callId}&clause=clause-b` },
      { name: 'enterprise name prefix q=广州璞衡', query: `q=${encodeURIComponent('广州璞衡')}` },
      { name: 'USCC prefix of one enterprise', query: 'q=91440101000012345' },
    ];
    const pages = 200;
    const lines = [
      `| case (staff of one department, 20 a page, ${pages} pages deep by cursor, 4 clients at once) | p50 | p95 | max |`,
      '| --- | --- | --- | --- |',
    ];
    const all: number[] = [];
    for (const c of cases) {
      const path = `/api/applications?limit=20${c.query ? `&${c.query}` : ''}`;
      await walk(3922, path, 20, []);
      const latencies: number[] = [];
      await Promise.all(Array.from({ length: 4 }, () => walk(3922, path, pages, latencies)));
      latencies.sort((a, b) => a - b);
      all.push(...latencies);
      lines.push(
        `| ${c.name} | ${percentile(latencies, 0.5).toFixed(1)} ms | ${percentile(latencies, 0.95).toFixed(1)} ms | ${(latencies.at(-1) ?? 0).toFixed(1)} ms |`,
      );
    }
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 0.95);
    lines.push(
      `| **all requests (${all.length})** | ${percentile(all, 0.5).toFixed(1)} ms | **${p95.toFixed(1)} ms** (${p95 < 50 ? 'met' : 'missed'}) | ${(all.at(-1) ?? 0).toFixed(1)} ms |`,
      '',
      `Seeded with SQL in ${seedS.toFixed(0)} s: 1,000,000 applications (5 % drafts, which the list never shows) over 4`,
      'departments, 24 calls, 100,000 enterprises and 11 statuses. Latency is from request to the whole answer over',
      'one keep-alive connection per client, on the same two cores as PostgreSQL.',
    );
    return {
      title: 'Staff application list over 1,000,000 applications (keyset pages; target: p95 < 50 ms)',
      lines,
    };
  });
}
