// What every command receives: configuration, language, output mode and the terminal; and how a command
// opens the database the way `npm start` does (migrations applied and the demo loaded on a fresh
// development database, so every command works on a fresh clone).
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import { type Database, openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { ensureOfficialCalendar } from '../server/calendar/ensure-official-calendar';
import { loadDemo } from '../server/demo-load';
import type { UseCaseContext } from '../server/use-case';
import { OPERATOR } from '../shared/actor';
import type { Locale } from '../shared/i18n';
import { cliText } from './cli-text';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: NodeJS.ReadStream;
}

export interface CliContext {
  config: Config;
  locale: Locale;
  json: boolean;
  io: CliIo;
  now: () => Date;
}

/** Money and ids travel as strings in JSON; a bigint that reaches here is written as its digits. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.stdout(
    `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
  );
}

export function printLine(ctx: CliContext, text = ''): void {
  ctx.io.stdout(`${text}\n`);
}

/**
 * The use-case context of a command: the operator at the console acts, under one request id per command so
 * the audit log groups what one command did.
 */
export function operatorContext(ctx: CliContext, db: Database): UseCaseContext {
  return {
    db,
    clock: ctx.now,
    actor: OPERATOR,
    requestId: `cli-${randomUUID()}`,
    locale: ctx.locale,
    log: { error: (details, message) => ctx.io.stderr(`${message} ${JSON.stringify(details)}\n`) },
    auditKey: ctx.config.auditKey,
  };
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * Opens the configured database for one command and closes it afterwards. Outside production the schema is
 * brought up to date and, when the configuration allows the demo, an empty database gets it; in production
 * migrations are an explicit `huiqi migrate`.
 */
export async function withDatabase<T>(ctx: CliContext, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(ctx.config);
  try {
    if (ctx.config.nodeEnv !== 'production') {
      await migrate(db);
      await ensureOfficialCalendar({ db, clock: ctx.now, auditKey: ctx.config.auditKey });
      if (ctx.config.demo) {
        const demo = await loadDemo(db, ctx.config, ctx.now());
        if (demo.loaded) ctx.io.stderr(`${cliText(ctx.locale, 'seed.autoLoaded')}\n`);
      }
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}
