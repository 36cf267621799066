// Starts Huiqi: opens the database (the data layer locks the PGlite folder), migrates, loads the demo into an
// empty database when allowed, serves the API and the web app on one port, and shuts down gracefully.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { loadDemoIfEmpty, presentDemoCredentials } from '../db/demo/load-demo';
import { migrate } from '../db/migrate';
import { deleteExpiredSessions } from '../db/repos/sessions.repo';
import enCli from '../shared/locales/en-US/cli.json';
import zhCli from '../shared/locales/zh-CN/cli.json';
import { buildApp } from './app';
import { hashPassword } from './auth/password';
import { ensureOfficialCalendar } from './calendar/ensure-official-calendar';
import { ensureWebBuild, registerWebApp } from './web-app';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WEB_DIR = resolve(PROJECT_ROOT, 'dist/web');
const SESSION_SWEEP_MS = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const db = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(db);
    await ensureOfficialCalendar(db, new Date());
    app = await buildApp({ db, config });
    for (const warning of config.warnings) app.log.warn(warning);
    if (config.demo) {
      const demo = await loadDemoIfEmpty(db, {
        passwordHasher: (pw) => hashPassword(pw, config.argon2),
        now: new Date(),
      });
      // Printed at every development start while the demo accounts exist (not logged: log files keep no
      // passwords), so a visitor who restarts still finds how to sign in.
      const credentials = demo.loaded ? demo.credentials : await presentDemoCredentials(db.orm);
      if (credentials.length > 0) {
        const lines = credentials.map((c) => `  ${c.role.padEnd(10)} ${c.username} / ${c.password}`);
        const heading = demo.loaded ? 'loaded' : 'accounts';
        process.stdout.write(`${zhCli.seed[heading]}\n${enCli.seed[heading]}\n${lines.join('\n')}\n`);
      }
    }
    await ensureWebBuild(WEB_DIR, PROJECT_ROOT);
    await registerWebApp(app, WEB_DIR);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const running = app;
  // Expired sessions are already refused; the sweep only keeps the table small.
  const sweep = setInterval(() => {
    deleteExpiredSessions(db.orm, new Date()).catch((error: unknown) =>
      running.log.warn({ err: error }, 'session sweep failed'),
    );
  }, SESSION_SWEEP_MS);
  sweep.unref();
  let closing: Promise<void> | undefined;
  const close = () => {
    clearInterval(sweep);
    // Fastify's close stops accepting, lets in-flight requests finish, then the database (and its lock) goes.
    closing ??= running.close().finally(() => db.close());
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    running.log.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      await close();
    },
  };
}
