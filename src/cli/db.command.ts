// `huiqi migrate` and `huiqi seed`.

import { migrate } from '../db/migrate';
import { ensureOfficialCalendar } from '../server/calendar/ensure-official-calendar';
import { loadDemo } from '../server/demo-load';
import { AppError } from '../shared/errors';
import { type CliContext, openConfiguredDatabase, printJson, printLine } from './cli-context';
import { cliText } from './cli-text';

export async function runMigrate(ctx: CliContext): Promise<number> {
  const db = await openConfiguredDatabase(ctx.config);
  try {
    const { applied } = await migrate(db);
    // Reference data belongs to the schema's state: production installs get it through this command.
    await ensureOfficialCalendar({ db, clock: ctx.now, auditKey: ctx.config.auditKey });
    if (ctx.json) printJson(ctx, { applied });
    else if (applied.length === 0) printLine(ctx, cliText(ctx.locale, 'migrate.upToDate'));
    else
      printLine(
        ctx,
        cliText(ctx.locale, 'migrate.applied', { count: applied.length, ids: applied.join(', ') }),
      );
    return 0;
  } finally {
    await db.close();
  }
}

export async function runSeed(ctx: CliContext): Promise<number> {
  if (ctx.config.nodeEnv === 'production') throw new AppError('DEMO_REFUSED_IN_PRODUCTION', 'forbidden');
  const db = await openConfiguredDatabase(ctx.config);
  try {
    await migrate(db);
    await ensureOfficialCalendar({ db, clock: ctx.now, auditKey: ctx.config.auditKey });
    const result = await loadDemo(db, ctx.config, ctx.now());
    if (ctx.json) {
      printJson(ctx, result);
    } else if (!result.loaded) {
      printLine(ctx, cliText(ctx.locale, 'seed.notEmpty'));
    } else {
      printLine(ctx, cliText(ctx.locale, 'seed.loaded'));
      for (const c of result.credentials)
        printLine(ctx, `  ${c.role.padEnd(10)} ${c.username.padEnd(12)} ${c.password}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
