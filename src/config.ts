// The one typed configuration module: reads the environment once at boot and fails fast, naming every bad
// variable at once (in Chinese and English, since the operator reading a boot log may read either).
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { t } from './shared/i18n';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite in `dataDir/pgdata` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  encryptionKey: string;
  /** Keys the audit chain's hashes (HMAC); the database never holds it, so it cannot recompute them. */
  auditKey: string;
  /** Where audit checkpoints are written: outside the database, ideally on other storage. */
  auditCheckpointDir: string;
  sessionTtlHours: number;
  /** A session ends this long after sign-in however active it is; at least `sessionTtlHours`. */
  sessionAbsoluteHours: number;
  argon2: Argon2Params;
  bodyLimitBytes: number;
  /** Uploaded materials: where the file store keeps them (outside the web root) and how much it takes. */
  files: { dir: string; maxFileBytes: number; maxApplicationBytes: number; maxFilesPerApplication: number };
  rateLimit: { globalPerMinute: number; loginPerMinute: number; registrationsPerHour: number };
  smtp: { url: string | undefined; from: string };
  logLevel: LogLevel;
  /** Load the demo program, enterprises and users into an empty database. */
  demo: boolean;
  trustProxy: boolean;
  /** Things the operator should see in the boot log (e.g. derived development secrets). */
  warnings: string[];
}

export interface ConfigIssue {
  variable: string;
  problem: { zh: string; en: string };
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    const lines = (lang: 'zh' | 'en') =>
      issues.map((i) => `  - ${i.variable}: ${i.problem[lang]}`).join('\n');
    super(
      `${t('zh-CN', 'cli.config.invalid')}\n${lines('zh')}\n${t('en-US', 'cli.config.invalid')}\n${lines('en')}`,
    );
    this.name = 'ConfigError';
  }
}

function message(key: string, params: Record<string, string | number> = {}): ConfigIssue['problem'] {
  return { zh: t('zh-CN', `cli.config.${key}`, params), en: t('en-US', `cli.config.${key}`, params) };
}

const NODE_ENVS = ['development', 'production', 'test'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SECRET_MIN = 32;
const MIB = 1024 * 1024;
const ARGON2_DEFAULT: Argon2Params = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

/** Reads and validates the environment; throws one ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const issues: ConfigIssue[] = [];
  const bad = (variable: string, problem: ConfigIssue['problem']) => issues.push({ variable, problem });
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const parsed = z.enum(values as [T, ...T[]]).safeParse(value);
    if (parsed.success) return parsed.data;
    bad(name, message('oneOf', { values: values.join(', ') }));
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const parsed = z.coerce
      .number()
      .int()
      .min(min)
      .max(max)
      .safeParse(/^-?\d+$/.test(value) ? value : 'x');
    if (parsed.success) return parsed.data;
    bad(name, message('notInteger', { min, max }));
    return fallback;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    bad(name, message('flag'));
    return fallback;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(raw('HUIQI_DATA_DIR') ?? './data');

  const databaseUrl = raw('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl))
    bad('DATABASE_URL', message('url'));

  const derived: string[] = [];
  const secret = (name: string, purpose: string): string => {
    const value = raw(name);
    if (value !== undefined) {
      if (value.length < SECRET_MIN) bad(name, message('tooShort', { min: SECRET_MIN }));
      return value;
    }
    if (production) {
      bad(name, message('required'));
      return '';
    }
    // Stable across restarts of one checkout (sessions survive a dev restart), different per data folder.
    derived.push(name);
    return createHash('sha256').update(`huiqi-dev-${purpose}:${dataDir}`).digest('hex');
  };
  const sessionSecret = secret('HUIQI_SESSION_SECRET', 'session');
  const encryptionKey = secret('HUIQI_ENCRYPTION_KEY', 'encryption');
  const auditKey = secret('HUIQI_AUDIT_KEY', 'audit');

  const memoryKiB = int('HUIQI_ARGON2_MEMORY_KIB', ARGON2_DEFAULT.memoryKiB, 8, 4_194_304);
  if (production && memoryKiB < ARGON2_DEFAULT.memoryKiB) {
    bad('HUIQI_ARGON2_MEMORY_KIB', message('argon2Weak', { min: ARGON2_DEFAULT.memoryKiB }));
  }

  const sessionTtlHours = int('HUIQI_SESSION_TTL_HOURS', 12, 1, 24 * 30);
  const sessionAbsoluteHours = int('HUIQI_SESSION_ABSOLUTE_HOURS', 24 * 7, 1, 24 * 90);
  if (sessionAbsoluteHours < sessionTtlHours)
    bad('HUIQI_SESSION_ABSOLUTE_HOURS', message('absoluteBelowIdle', { idle: sessionTtlHours }));

  const demoRequested = flag('HUIQI_DEMO', !production);
  if (production && raw('HUIQI_DEMO') !== undefined && demoRequested)
    bad('HUIQI_DEMO', message('demoInProduction'));

  const config: Config = {
    nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    host: raw('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    sessionSecret,
    encryptionKey,
    auditKey,
    auditCheckpointDir: resolve(raw('HUIQI_AUDIT_CHECKPOINT_DIR') ?? resolve(dataDir, 'audit-checkpoints')),
    sessionTtlHours,
    sessionAbsoluteHours,
    argon2: { ...ARGON2_DEFAULT, memoryKiB },
    bodyLimitBytes: int('HUIQI_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    files: {
      dir: resolve(raw('HUIQI_FILES_DIR') ?? resolve(dataDir, 'files')),
      maxFileBytes: int('HUIQI_UPLOAD_MAX_FILE_MB', 20, 1, 1024) * MIB,
      maxApplicationBytes: int('HUIQI_UPLOAD_MAX_APPLICATION_MB', 200, 1, 10_240) * MIB,
      maxFilesPerApplication: int('HUIQI_UPLOAD_MAX_FILES', 50, 1, 1000),
    },
    rateLimit: {
      globalPerMinute: int('HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE', 600, 1, 1_000_000),
      loginPerMinute: int('HUIQI_RATE_LIMIT_LOGIN_PER_MINUTE', 10, 1, 10_000),
      // Per source address, counted in the database for every instance (no e-mail verification yet).
      registrationsPerHour: int('HUIQI_RATE_LIMIT_REGISTRATIONS_PER_HOUR', 5, 1, 10_000),
    },
    smtp: { url: raw('SMTP_URL'), from: raw('SMTP_FROM') ?? 'huiqi@localhost' },
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    demo: demoRequested && !production,
    trustProxy: flag('HUIQI_TRUST_PROXY', false),
    warnings: [],
  };

  if (issues.length > 0) throw new ConfigError(issues);
  if (derived.length > 0) {
    const { zh, en } = message('devSecrets', { names: derived.join(', ') });
    config.warnings.push(`${zh} / ${en}`);
  }
  return config;
}
