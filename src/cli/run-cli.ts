// The `huiqi` command line as a function of argv, terminal and environment. Exit codes: 0 success,
// 1 failure (including a broken audit chain), 2 a usage mistake.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../shared/errors';
import { type Locale, pickLocale } from '../shared/i18n';
import { runAuditCheckpoint, runAuditVerify } from './audit.command';
import { runCalendarList, runCalendarSet } from './calendar.command';
import { runCallApprove, runCallCalculate, runCallClosePublicity, runCallPublicize } from './call.command';
import type { CliContext, CliIo } from './cli-context';
import { cliText, errorMessage, UsageError } from './cli-text';
import { runMigrate, runSeed } from './db.command';
import { runProgramExport, runProgramImport, runProgramList, runProgramShow } from './program.command';
import { runUserCreate } from './user.command';

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  role: { type: 'string' },
  username: { type: 'string' },
  'display-name': { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  enterprise: { type: 'string' },
  departments: { type: 'string' },
  file: { type: 'string' },
  out: { type: 'string' },
  checkpoint: { type: 'string' },
} as const;

/** --lang wins, then LANG / LC_ALL (e.g. en_US.UTF-8), then zh-CN. */
function localeFrom(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const flag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = flag < 0 ? undefined : (argv[flag]?.split('=')[1] ?? argv[flag + 1]);
  const system = (env.LC_ALL || env.LANG)?.replace('_', '-');
  return pickLocale(value, system);
}

async function dispatch(argv: string[], io: CliIo, locale: Locale, env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'simulate') {
    // The simulator parses its own options.
    const { runSimulate } = await import('./simulate.command');
    return runSimulate(rest, io.stdout, locale);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals.length === 0) {
    io.stdout(`${cliText(locale, 'usage.main')}\n`);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  // config.warnings (derived development secrets) matter to a server, which logs them; the CLI stays quiet.
  const config = loadConfig(env);
  const ctx: CliContext = { config, locale, json: values.json ?? false, io, now: () => new Date() };
  const [verb, sub, arg] = positionals;
  switch (`${verb} ${sub ?? ''}`.trim()) {
    case 'serve': {
      const { startServer } = await import('../server/main');
      await startServer(config);
      return 0;
    }
    case 'migrate':
      return runMigrate(ctx);
    case 'seed':
      return runSeed(ctx);
    case 'audit verify':
      return runAuditVerify(ctx, values.checkpoint);
    case 'audit checkpoint':
      return runAuditCheckpoint(ctx, values.out);
    case 'program list':
      return runProgramList(ctx);
    case 'program show':
      if (!arg) throw new UsageError('missingArgument', { argument: 'CODE' });
      return runProgramShow(ctx, arg);
    case 'program import':
      if (!arg) throw new UsageError('missingArgument', { argument: 'FILE' });
      return runProgramImport(ctx, arg);
    case 'program export':
      if (!arg) throw new UsageError('missingArgument', { argument: 'CODE' });
      return runProgramExport(ctx, arg, values.out);
    case 'call calculate':
      if (!arg) throw new UsageError('missingArgument', { argument: 'CODE' });
      return runCallCalculate(ctx, arg);
    case 'call publicize':
      if (!arg) throw new UsageError('missingArgument', { argument: 'CODE' });
      return runCallPublicize(ctx, arg);
    case 'call close-publicity':
      return runCallClosePublicity(ctx);
    case 'call approve':
      if (!arg) throw new UsageError('missingArgument', { argument: 'CODE' });
      return runCallApprove(ctx, arg);
    case 'calendar list':
      return runCalendarList(ctx);
    case 'calendar set':
      return runCalendarSet(ctx, values.file);
    case 'user create':
      return runUserCreate(ctx, {
        role: values.role,
        username: values.username,
        displayName: values['display-name'],
        password: values.password,
        passwordStdin: values['password-stdin'],
        enterprise: values.enterprise,
        departments: values.departments,
      });
    default:
      throw new UsageError('unknownCommand', { command: positionals.join(' ') });
  }
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const locale = localeFrom(argv, env);
  try {
    return await dispatch(argv, io, locale, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    // parseArgs reports unknown or malformed options with this code.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${cliText(locale, 'usage.badOption', { detail: (error as Error).message })}\n`);
      return 2;
    }
    io.stderr(`${errorMessage(locale, error)}\n`);
    if (!(error instanceof AppError)) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
