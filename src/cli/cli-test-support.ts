// Runs `huiqi` in-process, as an operator would type it, against a database of its own: a fresh PGlite data
// folder, or (with HUIQI_TEST_DATABASE_URL) a fresh database on that PostgreSQL server. The first command sets
// it up the way a fresh clone does (migrations, official calendar, demo).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../db/client';
import { createTestDatabase, testDatabaseUrl } from '../db/test-db';
import type { CliIo } from './cli-context';
import { runCli } from './run-cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  /** A folder for the files a test writes and reads back. */
  dir: string;
  huiqi(args: string[]): Promise<CliResult>;
  /** The command's database, for checks a command does not show (audit rows); close it before the next run. */
  openDb(): Promise<Database>;
  close(): Promise<void>;
}

export async function createCliWorkspace(): Promise<CliWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-cli-'));
  const server = process.env.HUIQI_TEST_DATABASE_URL ? await createTestDatabase() : undefined;
  const databaseUrl = server && testDatabaseUrl(server);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    HUIQI_DATA_DIR: join(dir, 'data'),
    HUIQI_ARGON2_MEMORY_KIB: '64',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return {
    dir,
    async huiqi(args) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        stdin: process.stdin,
      };
      const code = await runCli(args, io, env);
      return { code, stdout, stderr };
    },
    openDb: () =>
      openDatabase(databaseUrl ? { databaseUrl } : { dataDir: env.HUIQI_DATA_DIR ?? join(dir, 'data') }),
    async close() {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
