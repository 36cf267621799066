// Starts Huiqi: opens the database (the data layer locks the PGlite folder), migrates, loads the demo into an
// empty database when allowed, serves the API and the web app on one port, and shuts down gracefully.
import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { presentDemoCredentials } from '../db/demo/load-demo';
import { migrate } from '../db/migrate';
import { PROJECT_ROOT, projectPath } from '../project-root';
import { buildApp } from './app';
import { ensureOfficialCalendar } from './calendar/ensure-official-calendar';
import { demoBanner } from './demo-banner';
import { loadDemo } from './demo-load';
import { startBackgroundWork } from './jobs/background-work';
import { createJobQueue } from './jobs/job-queue';
import { ensureWebBuild, registerWebApp } from './web-app';

const WEB_DIR = projectPath('dist', 'web');

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
  const jobs = createJobQueue(db);
  try {
    await migrate(db);
    await ensureOfficialCalendar({ db, clock: () => new Date(), auditKey: config.auditKey });
    app = await buildApp({ db, config });
    for (const warning of config.warnings) app.log.warn(warning);
    if (config.demo) {
      const demo = await loadDemo(db, config, new Date());
      // Printed at every development start while the demo accounts exist (not logged: log files keep no
      // passwords), so a visitor who restarts still finds how to sign in.
      const credentials = demo.loaded ? demo.credentials : await presentDemoCredentials(db.orm);
      if (credentials.length > 0)
        process.stdout.write(demoBanner(credentials, demo.loaded ? 'loaded' : 'accounts', config));
    }
    await jobs.start();
    await startBackgroundWork(jobs, { db, config, clock: () => new Date() });
    await ensureWebBuild(WEB_DIR, PROJECT_ROOT);
    await registerWebApp(app, WEB_DIR);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await jobs.stop();
    await db.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const running = app;
  let closing: Promise<void> | undefined;
  const close = () => {
    // Fastify's close stops accepting and lets in-flight requests finish; the job queue lets a running job
    // finish (an unfinished one is retried by another instance); then the database (and its lock) goes.
    closing ??= running
      .close()
      .then(() => jobs.stop())
      .finally(() => db.close());
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
