// Test helpers for the HTTP tier: an app on a fresh migrated database with a settable clock, an agent that
// keeps cookies and sends the CSRF header like the web app does, and the user factory `buildUser` (the other
// factories are in src/db/test-factories.ts).
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Config, loadConfig } from '../config';
import type { Database } from '../db/client';
import { insertUser, setTotpEnabled, setTotpSecret } from '../db/repos/users.repo';
import { auditEvents } from '../db/schema';
import { createTestDatabase } from '../db/test-db';
import { buildEnterprise } from '../db/test-factories';
import type { Role } from '../shared/roles';
import { buildApp } from './app';
import { hashPassword } from './auth/password';
import { createSession } from './auth/sessions';
import { generateTotpSecret, totpCode, totpStep } from './auth/totp';
import { roleRequiresTotp } from './auth/two-factor';
import { createSealer } from './crypto';
import { CSRF_HEADER, SESSION_COOKIE } from './http/cookies';

export const TEST_PASSWORD = 'Correct-Horse-9';
export const START = new Date('2026-03-02T01:00:00.000Z');

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    NODE_ENV: 'test',
    HUIQI_DATA_DIR: './data/test-unused',
    HUIQI_SESSION_SECRET: 'test-session-secret-of-at-least-32-chars',
    HUIQI_ENCRYPTION_KEY: 'test-encryption-key-of-at-least-32-chars',
    HUIQI_AUDIT_KEY: 'test-audit-key-of-at-least-32-characters',
    HUIQI_ARGON2_MEMORY_KIB: '64',
    HUIQI_RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
    HUIQI_RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    HUIQI_RATE_LIMIT_REGISTRATIONS_PER_HOUR: '10000',
    LOG_LEVEL: 'silent',
  });
  return { ...base, argon2: { memoryKiB: 64, iterations: 1, parallelism: 1 }, ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  // Each app its own file store: uploads of one test never meet another's.
  const filesDir = mkdtempSync(join(tmpdir(), 'huiqi-files-'));
  const base = testConfig(overrides);
  const config = { ...base, files: { ...base.files, dir: filesDir } };
  let now = START.getTime();
  const clock: TestClock = { now: () => new Date(now), advance: (ms) => (now += ms) };
  const app = await buildApp({ db, config, clock: clock.now, ...options });
  await app.ready();
  return {
    app,
    db,
    config,
    clock,
    async close() {
      await app.close();
      await db.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A browser stand-in: remembers cookies, echoes the CSRF cookie in the header on unsafe methods. */
export class Agent {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly locale?: string,
  ) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const { csrf = true, ...inject } = options;
    const method = (inject.method ?? 'GET').toUpperCase();
    if (csrf && method !== 'GET' && !this.cookies.has('huiqi_csrf'))
      await this.request({ url: '/api/session' });
    const headers: Record<string, string> = { ...(inject.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf && method !== 'GET') headers[CSRF_HEADER] = this.cookies.get('huiqi_csrf') ?? '';
    if (this.locale) headers['accept-language'] = this.locale;
    const response = await this.app.inject({ ...inject, method: method as 'GET', headers });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  async signIn(username: string, password = TEST_PASSWORD, totp?: string): Promise<LightMyRequestResponse> {
    const payload = { username, password, ...(totp ? { totpCode: totp } : {}) };
    return this.request({ method: 'POST', url: '/api/auth/login', payload });
  }
}

let counter = 0;

export interface TestUser {
  id: string;
  username: string;
  /** Present when TOTP was enabled: the base32 secret, to compute codes. */
  totpSecret?: string;
}

/**
 * Inserts a user directly (no HTTP). Roles that must use TOTP (approver, finance, admin) get it enabled
 * unless `totp: false`, so tests act as they would in production.
 */
export async function buildUser(
  t: TestApp,
  role: Role,
  options: { username?: string; enterpriseId?: string; totp?: boolean } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `${role}${counter}`;
  const enterpriseId =
    role === 'applicant' ? (options.enterpriseId ?? (await buildEnterprise(t.db)).id) : null;
  const passwordHash = await hashPassword(TEST_PASSWORD, t.config.argon2);
  const now = t.clock.now();
  return t.db.orm.transaction(async (tx) => {
    const id = await insertUser(tx, {
      username,
      displayName: `测试 ${username}`,
      role,
      enterpriseId,
      passwordHash,
      locale: 'zh-CN',
      createdBy: null,
      now,
    });
    if (!(options.totp ?? roleRequiresTotp(role))) return { id, username };
    const secret = generateTotpSecret();
    await setTotpSecret(tx, id, createSealer(t.config.encryptionKey).seal(secret), now);
    await setTotpEnabled(tx, id, true, now);
    return { id, username, totpSecret: secret };
  });
}

/** The time step of the last code each user signed in with (by user id). */
const usedSteps = new Map<string, number>();

/**
 * A fresh TOTP code for a user with TOTP: each code is accepted once, so when this time step was already
 * used the clock moves on to the start of the next step first.
 */
export function nextTotpCode(t: TestApp, user: TestUser): string {
  if (!user.totpSecret) throw new Error(`${user.username} has no TOTP`);
  const last = usedSteps.get(user.id);
  if (last !== undefined && totpStep(t.clock.now()) <= last) {
    t.clock.advance((last + 1) * 30_000 - t.clock.now().getTime());
  }
  usedSteps.set(user.id, totpStep(t.clock.now()));
  return totpCode(user.totpSecret, t.clock.now());
}

/** An agent holding a new session of the user, made directly (no sign-in), its cookie signed as the server's. */
export async function sessionAgent(t: TestApp, userId: string): Promise<Agent> {
  const session = await createSession(t.db.orm, userId, {
    now: t.clock.now(),
    ttlHours: t.config.sessionTtlHours,
    absoluteHours: t.config.sessionAbsoluteHours,
    userAgent: 'test',
  });
  const agent = new Agent(t.app);
  agent.cookies.set(SESSION_COOKIE, t.app.signCookie(session.token));
  return agent;
}

/** Signs a user in (with a TOTP code when enrolled) and returns the agent holding the session. */
export async function signedIn(t: TestApp, user: TestUser, locale?: string): Promise<Agent> {
  const agent = new Agent(t.app, locale);
  const code = user.totpSecret ? nextTotpCode(t, user) : undefined;
  const response = await agent.signIn(user.username, TEST_PASSWORD, code);
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return agent;
}

/** Makes the next statement after an audit insert fail, as a crash right after the audit write would. */
export async function failAfterAuditWrite<T>(t: TestApp, work: () => Promise<T>): Promise<T> {
  await t.db.orm.execute(
    sql.raw(`CREATE FUNCTION fail_after_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure after the audit write'; END; $$`),
  );
  await t.db.orm.execute(
    sql.raw(`CREATE TRIGGER fail_after_audit AFTER INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION fail_after_audit()`),
  );
  try {
    return await work();
  } finally {
    await t.db.orm.execute(sql.raw('DROP TRIGGER fail_after_audit ON audit_events'));
    await t.db.orm.execute(sql.raw('DROP FUNCTION fail_after_audit()'));
  }
}

/** The actions of the audit events written about a record, in order. */
export async function auditActionsOf(db: Database, entityId: string): Promise<string[]> {
  const rows = await db.orm
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(auditEvents.id);
  return rows.map((r) => r.action);
}
