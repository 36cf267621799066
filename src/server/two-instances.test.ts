// Several identical instances on one database behave as one server: one browser session used alternately on
// two instances keeps its sign-in, its CSRF token and its sign-out; a write through one is read at once on the
// other, though each keeps the program list in memory with its data version; failed sign-ins on one slow the
// account on the other; a job queued by one is worked by whichever is free, once. On a PostgreSQL server each
// instance has its own connection pool; on PGlite (one process by nature) they share the database handle, and
// what the test shows is that no instance keeps what matters in its own memory.

import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../db/client';
import { assignDepartments } from '../db/repos/staff-departments.repo';
import { testDatabaseUrl } from '../db/test-db';
import { buildDepartment, buildProgram } from '../db/test-factories';
import { buildApp } from './app';
import { PAIR_THRESHOLD } from './auth/login-throttle';
import { createSession } from './auth/sessions';
import { startBackgroundWork } from './jobs/background-work';
import { createJobQueue, type JobQueue } from './jobs/job-queue';
import { Agent, buildUser, createTestApp, TEST_PASSWORD, type TestApp } from './test-support';

interface Instance {
  app: FastifyInstance;
  db: Database;
  jobs: JobQueue;
}

/** One browser: one cookie jar, each request sent to the instance a load balancer picked. */
class Browser {
  private readonly jar = new Map<string, string>();

  async on(instance: Instance, options: InjectOptions & { csrf?: boolean }) {
    const agent = new Agent(instance.app, 'en-US');
    for (const [name, value] of this.jar) agent.cookies.set(name, value);
    const response = await agent.request(options);
    this.jar.clear();
    for (const [name, value] of agent.cookies) this.jar.set(name, value);
    return response;
  }
}

let t: TestApp;
let a: Instance;
let b: Instance;

async function startInstance(db: Database): Promise<Instance> {
  const app = await buildApp({ db, config: t.config, clock: t.clock.now });
  await app.ready();
  const jobs = createJobQueue(db, { pollingIntervalSeconds: 0.5, retryLimit: 0, supervise: false });
  await jobs.start();
  await startBackgroundWork(jobs, { db, config: t.config, clock: t.clock.now });
  return { app, db, jobs };
}

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const url = testDatabaseUrl(t.db);
  a = await startInstance(t.db);
  b = await startInstance(url ? await openDatabase({ databaseUrl: url }) : t.db);
});

afterAll(async () => {
  for (const instance of [a, b].filter(Boolean)) {
    await instance.jobs.stop();
    await instance.app.close();
  }
  if (b.db !== t.db) await b.db.close();
  await t.close();
});

describe('two instances on one database', () => {
  it('keep one session: signed in on one, used and signed out on the other', async () => {
    const user = await buildUser(t, 'intake');
    const browser = new Browser();
    const login = await browser.on(a, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await browser.on(b, { url: '/api/session' })).json().user.id).toBe(user.id);
    // The CSRF token issued by A is accepted by B: it is bound to the session, not to an instance.
    const locale = await browser.on(b, {
      method: 'PUT',
      url: '/api/me/locale',
      payload: { locale: 'zh-CN' },
    });
    expect(locale.statusCode).toBeLessThan(300);
    expect((await browser.on(a, { url: '/api/session' })).json().user.locale).toBe('zh-CN');
    expect((await browser.on(b, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await browser.on(a, { url: '/api/session' })).json().user).toBeNull();
  });

  it('share sign-in throttling: failures on one instance delay the account on the other', async () => {
    const user = await buildUser(t, 'intake');
    const browser = new Browser();
    const attempt = (instance: Instance, password: string) =>
      browser.on(instance, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
        remoteAddress: '203.0.113.40',
      });
    for (let i = 0; i < PAIR_THRESHOLD; i++) {
      expect((await attempt(i % 2 === 0 ? a : b, 'wrong-password-1')).statusCode).toBe(401);
    }
    for (const instance of [a, b].filter(Boolean)) {
      const refused = await attempt(instance, TEST_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('AUTH_THROTTLED');
    }
    t.clock.advance(1_000);
    expect((await attempt(b, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('keep no program list of their own: a program written through one is listed at once on the other', async () => {
    const user = await buildUser(t, 'intake');
    // Staff see their departments' programs; `buildProgram` writes into the default one.
    await assignDepartments(t.db.orm, user.id, [(await buildDepartment(t.db)).id]);
    const browser = new Browser();
    await browser.on(a, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const codes = async (instance: Instance) =>
      ((await browser.on(instance, { url: '/api/programs' })).json() as { code: string; name: string }[]).map(
        (p) => `${p.code} ${p.name}`,
      );
    const before = await codes(a);
    expect(await codes(b)).toEqual(before);

    const program = await buildProgram(a.db);
    expect(await codes(b)).toContain(`${program.code} ${program.name}`);
    await b.db.orm.execute(sql`UPDATE programs SET name = ${'更名后的项目'} WHERE id = ${program.id}`);
    expect(await codes(a)).toContain(`${program.code} 更名后的项目`);
    expect(await codes(b)).toEqual(await codes(a));
  });

  it('share the job queue: a job queued on one is worked once, by either', async () => {
    const user = await buildUser(t, 'intake');
    await createSession(t.db.orm, user.id, {
      now: t.clock.now(),
      ttlHours: 1,
      absoluteHours: 1,
      userAgent: 'test',
    });
    t.clock.advance(2 * 3_600_000);
    const before = await a.jobs.counts('sessions.sweep');
    await t.db.orm.transaction((tx) => a.jobs.enqueue(tx, 'sessions.sweep', {}));
    await until(
      async () => ((await b.jobs.counts('sessions.sweep')).completed ?? 0) > (before.completed ?? 0),
    );
    const after = await b.jobs.counts('sessions.sweep');
    expect((after.completed ?? 0) - (before.completed ?? 0)).toBe(1);
    expect(after.failed ?? 0).toBe(before.failed ?? 0);
    const left = await queryRows(b.db.orm, sql`SELECT id FROM sessions WHERE user_id = ${user.id}`);
    expect(left).toEqual([]);
  });
});
