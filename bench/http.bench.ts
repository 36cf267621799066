// Server benchmarks: time from `huiqi serve` to a healthy server, and an authenticated read endpoint's
// throughput on PostgreSQL as a ratio to pgbench's select-only rate measured in the same run. The helpers that
// start a compiled server on PostgreSQL and load it are exported for the other server benchmarks.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchSection {
  title: string;
  lines: string[];
}

export function startServer(env: Record<string, string>): { child: ChildProcess; startedAt: bigint } {
  const startedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/huiqi.mjs', 'serve'], {
    env: { ...process.env, HUIQI_ARGON2_MEMORY_KIB: '19456', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, startedAt };
}

export async function waitHealthy(port: number, startedAt: bigint): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return Number(process.hrtime.bigint() - startedAt) / 1e6;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('server did not become healthy within 180 s');
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Keeps the last value of each cookie, as a browser does: sign-in replaces the anonymous CSRF cookie. */
function rememberCookies(jar: Map<string, string>, response: Response): void {
  for (const set of response.headers.getSetCookie()) {
    const pair = set.split(';')[0] ?? '';
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
}

/** Signs in and returns the cookie header for later requests. */
async function signIn(port: number, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const session = await fetch(`http://127.0.0.1:${port}/api/session`);
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  rememberCookies(jar, session);
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrf,
      cookie: [...jar.values()].join('; '),
    },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  rememberCookies(jar, res);
  return [...jar.values()].join('; ');
}

export interface LoadResult {
  rps: number;
  errors: number;
  p95Ms: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** The URL of `database` on the benchmark's PostgreSQL server. */
export const databaseUrl = (database: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);

/** The p-th percentile (0..1) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export interface Answer {
  status: number;
  body: Buffer;
}

/**
 * One keep-alive connection that sends raw HTTP/1.1 requests one at a time and reads each answer whole (status
 * and body), for benchmarks whose requests differ or depend on the answer before; the same lean client as `load`.
 */
export async function openConnection(port: number): Promise<{
  send(request: Buffer): Promise<Answer>;
  close(): void;
}> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffered: Buffer = Buffer.alloc(0);
  let waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const end = buffered.indexOf(HEADER_END);
    if (end < 0 || !waiting) return;
    const header = buffered.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(header)?.[1];
    if (length === undefined) throw new Error(`answer without Content-Length:\n${header}`);
    const total = end + HEADER_END.length + Number(length);
    if (buffered.length < total) return;
    const answer = {
      status: Number(header.slice(9, 12)),
      body: buffered.subarray(end + HEADER_END.length, total),
    };
    buffered = buffered.subarray(total);
    const done = waiting;
    waiting = undefined;
    done.resolve(answer);
  });
  socket.on('error', (error) => waiting?.reject(error));
  return {
    send(request) {
      return new Promise<Answer>((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request);
      });
    },
    close: () => socket.end(),
  };
}

/**
 * Closed-loop load: `connections` keep-alive connections each sending the same GET back to back for `seconds`.
 * The client writes raw HTTP/1.1 and reads only the status and Content-Length of each answer: it shares the
 * two cores with the server and PostgreSQL, and node:http's client spent more CPU per request than a lean
 * server does, so it measured itself as much as the server. (pgbench's client is C.)
 */
export async function load(
  port: number,
  path: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const requestBytes = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${head}\r\n`);
  const until = Date.now() + seconds * 1000;
  let ok = 0;
  let errors = 0;
  const latenciesMs: number[] = [];

  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.setNoDelay(true);
      let buffered: Buffer = Buffer.alloc(0);
      let sentAt = 0n;
      const send = () => {
        sentAt = process.hrtime.bigint();
        socket.write(requestBytes);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        const end = buffered.indexOf(HEADER_END);
        if (end < 0) return;
        const header = buffered.toString('latin1', 0, end);
        const length = /\r\ncontent-length: *(\d+)/i.exec(header)?.[1];
        if (length === undefined) throw new Error(`answer without Content-Length:\n${header}`);
        const total = end + HEADER_END.length + Number(length);
        if (buffered.length < total) return;
        latenciesMs.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
        if (header.startsWith('HTTP/1.1 200 ')) ok++;
        else errors++;
        buffered = buffered.subarray(total);
        if (Date.now() < until) send();
        else socket.end();
      });
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('close', () => resolve());
    });

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latenciesMs.sort((a, b) => a - b);
  const p95Ms = percentile(latenciesMs, 0.95);
  return { rps: ok / elapsed, errors, p95Ms };
}

// The same answer from a bare Fastify with no plugins, no session and no database: the most this machine's two
// cores allow an HTTP server in node with this client beside it, to read the figures against.
const FLOOR_SERVER = `import Fastify from 'fastify';
const app = Fastify();
app.get('/api/programs', (_request, reply) => {
  reply.type('application/json; charset=utf-8').send(process.env.BENCH_BODY);
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });`;

async function frameworkFloor(body: string, seconds: number): Promise<LoadResult> {
  const port = 3919;
  const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOR_SERVER], {
    env: { ...process.env, BENCH_BODY: body, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/programs`)).ok) break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await load(port, '/api/programs', {}, 16, 2);
    return await load(port, '/api/programs', {}, 16, seconds);
  } finally {
    await stop(child);
  }
}

/** Runs pgbench with `args` on `database` and returns the TPS it reports. */
export function pgbenchTps(database: string, args: string[]): number {
  const out = execFileSync('pgbench', [...args, databaseUrl(database)], { encoding: 'utf8' });
  const match = /tps = ([\d.]+)/.exec(out);
  if (!match?.[1]) throw new Error(`could not read pgbench output:\n${out}`);
  return Number(match[1]);
}

function pgbenchSelectOnly(database: string, seconds: number): number {
  const url = databaseUrl(database);
  execFileSync('pgbench', ['-i', '-q', '-s', '10', url], { stdio: 'ignore' });
  return pgbenchTps(database, ['-S', '-c', '8', '-j', '2', '-T', String(seconds)]);
}

export function psql(sql: string): void {
  execFileSync('psql', ['-q', ADMIN_URL, '-c', sql], { stdio: 'ignore' });
}

export async function benchStartup(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-start-'));
  const port = 3917;
  const env = { HUIQI_DATA_DIR: dir, PORT: String(port), HUIQI_DEMO: '1' };
  try {
    const cold = startServer(env);
    const coldMs = await waitHealthy(port, cold.startedAt);
    await stop(cold.child);
    const warm = startServer(env);
    const warmMs = await waitHealthy(port, warm.startedAt);
    await stop(warm.child);
    return {
      title: 'Start-up (`huiqi serve` on PGlite to a healthy `/api/health`)',
      lines: [
        `| case | time |`,
        `| --- | --- |`,
        `| first start: empty data folder, migrations, demo data | ${(coldMs / 1000).toFixed(2)} s |`,
        `| restart on the same folder | ${(warmMs / 1000).toFixed(2)} s |`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReadThroughput(seconds = 10): Promise<BenchSection> {
  const appDb = `huiqi_bench_app_${process.pid}`;
  const refDb = `huiqi_bench_pgbench_${process.pid}`;
  psql(`CREATE DATABASE ${appDb}`);
  psql(`CREATE DATABASE ${refDb}`);
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-http-'));
  const port = 3918;
  const server = startServer({
    HUIQI_DATA_DIR: dir,
    PORT: String(port),
    DATABASE_URL: databaseUrl(appDb),
    HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  try {
    await waitHealthy(port, server.startedAt);
    const cookie = await signIn(port, 'intake', 'Huiqi-demo-2023');
    await load(port, '/api/programs', { cookie }, 16, 2);
    const app = await load(port, '/api/programs', { cookie }, 16, seconds);
    const body = await (await fetch(`http://127.0.0.1:${port}/api/programs`, { headers: { cookie } })).text();
    const floor = await frameworkFloor(body, seconds);
    const tps = pgbenchSelectOnly(refDb, seconds);
    return {
      title:
        'Authenticated read throughput on PostgreSQL (`GET /api/programs` as an intake officer; target: ratio ≥ 0.10, p95 < 20 ms)',
      lines: [
        `| measure | value |`,
        `| --- | --- |`,
        `| Huiqi requests/s (16 keep-alive connections, ${seconds} s) | ${app.rps.toFixed(0)} (errors: ${app.errors}) |`,
        `| Huiqi p95 latency at 16 connections | ${app.p95Ms.toFixed(1)} ms |`,
        `| pgbench select-only TPS (8 clients, scale 10, ${seconds} s) | ${tps.toFixed(0)} |`,
        `| ratio Huiqi / pgbench | ${(app.rps / tps).toFixed(3)} |`,
        `| bare Fastify, same answer from memory (16 connections, ${seconds} s) | ${floor.rps.toFixed(0)} (p95 ${floor.p95Ms.toFixed(1)} ms) |`,
        `| ratio bare Fastify / pgbench | ${(floor.rps / tps).toFixed(3)} |`,
        '',
        'One request is one prepared query for the session and its user and one prepared query for the programs',
        '(with their department, current rule and, as JSON, their basis, milestones and calls), zod validation of',
        'the answer and a JSON body. The client writes raw HTTP/1.1 on the same two cores as the server and',
        'PostgreSQL; pgbench runs one indexed select per transaction. The bare-Fastify rows serve the same body',
        'from memory with no plugins, session or database: the ceiling of a node HTTP server on this machine.',
      ],
    };
  } finally {
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
    psql(`DROP DATABASE IF EXISTS ${appDb} WITH (FORCE)`);
    psql(`DROP DATABASE IF EXISTS ${refDb} WITH (FORCE)`);
  }
}
