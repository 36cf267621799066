// Production runs the compiled JavaScript of `npm run build`, not the TypeScript source: this builds it into a
// fresh folder and uses it as an operator would — the CLI simulating the demo program, and the server
// starting on an empty data folder (migrations from the bundle, the demo data) and answering a simulation
// through its worker thread, which only the compiled build starts from a plain .js file.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root';
import { DEMO_APPLICANTS_CSV, SERVICE_TRADE_PROGRAM } from './rules/rules-test-support';

let outdir: string;
let dataDir: string;
let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function huiqi(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(outdir, 'huiqi.js'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  mkdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true });
  outdir = mkdtempSync(join(PROJECT_ROOT, 'dist', 'build-test-'));
  dataDir = mkdtempSync(join(tmpdir(), 'huiqi-compiled-'));
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
});

afterAll(() => {
  server?.kill('SIGTERM');
  for (const dir of [outdir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the compiled build', () => {
  it('runs the CLI: the demo program allocates exactly its budget', () => {
    const run = huiqi([
      'simulate',
      '--program',
      'programs/tianhe-2023-service-trade.json',
      '--applicants',
      'programs/tianhe-2023-applicants.csv',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).totals).toMatchObject({ eligible: 10, allocated: '1299600.00' });
  });

  it('serves: migrates an empty folder, loads the demo and simulates in its worker thread', async () => {
    const port = await freePort();
    server = spawn(process.execPath, [join(outdir, 'huiqi.js'), 'serve'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        HUIQI_DATA_DIR: dataDir,
        HUIQI_ARGON2_MEMORY_KIB: '1024',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const health = await fetch(`${base}/api/health`).catch(() => undefined);
      if (health?.ok) break;
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error('the compiled server did not start');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const cookies = new Map<string, string>();
    const remember = (response: Response) => {
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    };
    const send = async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': decodeURIComponent(cookies.get('huiqi_csrf') ?? ''),
        },
        body: JSON.stringify(body),
      });
      remember(response);
      return response;
    };
    remember(await fetch(`${base}/api/session`));
    const login = await send('/api/auth/login', { username: 'evaluator', password: 'Huiqi-demo-2023' });
    expect(login.status).toBe(200);
    const simulation = await send('/api/simulations', {
      program: SERVICE_TRADE_PROGRAM,
      applicantsCsv: DEMO_APPLICANTS_CSV,
    });
    expect(simulation.status).toBe(200);
    const body = (await simulation.json()) as { result: { totals: { allocated: string } } };
    expect(body.result.totals.allocated).toBe('1299600.00');
  }, 120_000);
});
