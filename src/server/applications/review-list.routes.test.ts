// The staff list of applications (GET /api/applications) over HTTP: keyset pages cover every row exactly once
// while other applications arrive, filters and both sort keys in both orders give exactly the rows they should
// in the order they should, cursors that are not the server's own are refused, and another department's
// applications never appear, whatever the filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import type { Application } from '../../shared/api/applications';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

const CLAUSE = 'service-trade-volume';

let t: TestApp;
let intake: Agent;
const calls = { x1: '', x2: '', y: '' };
const departments = { x: '', y: '' };

async function openCall(departmentId: string): Promise<string> {
  const program = await buildProgram(t.db, { departmentId });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  return (await buildCall(t.db, program, { around: t.clock.now() })).id;
}

interface Applied {
  id: string;
  uscc: string;
  agent: Agent;
}

/** A new enterprise named `name` applies to `call` and submits; the clock moves on a minute. */
async function submitted(call: string, name = '测试企业有限公司'): Promise<Applied> {
  const enterprise = await buildEnterprise(t.db, { name });
  const agent = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  const created = await agent.request({
    method: 'POST',
    url: '/api/my/applications',
    payload: { callId: call, clause: CLAUSE },
  });
  const id = created.json().id as string;
  t.clock.advance(60_000);
  expect((await agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` })).statusCode).toBe(
    200,
  );
  return { id, uscc: enterprise.uscc, agent };
}

async function page(query: string): Promise<{ items: Application[]; nextCursor: string | null }> {
  const response = await intake.request({ url: `/api/applications?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every page of `query`, `limit` at a time, following the cursor; `between` runs before each next page. */
async function allPages(
  query: string,
  limit: number,
  between?: () => Promise<unknown>,
): Promise<Application[]> {
  const seen: Application[] = [];
  let cursor: string | null = null;
  do {
    const answer = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.items.length).toBeLessThanOrEqual(limit);
    seen.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor) await between?.();
  } while (cursor);
  return seen;
}

const ids = (items: readonly Application[]) => items.map((a) => a.id);
const byKey =
  (key: 'submittedAt' | 'updatedAt', order: 'asc' | 'desc') => (a: Application, b: Application) => {
    const sign = order === 'asc' ? 1 : -1;
    const ka = a[key] ?? '';
    const kb = b[key] ?? '';
    return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };

const inX: Applied[] = [];
let inY: Applied[] = [];

beforeAll(async () => {
  t = await createTestApp();
  departments.x = (await buildDepartment(t.db, { code: 'list-x', name: 'X 局' })).id;
  departments.y = (await buildDepartment(t.db, { code: 'list-y', name: 'Y 局' })).id;
  calls.x1 = await openCall(departments.x);
  calls.x2 = await openCall(departments.x);
  calls.y = await openCall(departments.y);
  const user = await buildUser(t, 'intake');
  await assignDepartments(t.db.orm, user.id, [departments.x]);
  intake = await signedIn(t, user);
  for (let i = 0; i < 9; i++) {
    inX.push(
      await submitted(
        i % 3 === 0 ? calls.x2 : calls.x1,
        i % 2 === 0 ? '璞衡软件有限公司' : '云启科技有限公司',
      ),
    );
  }
  inY = [await submitted(calls.y, '璞衡软件有限公司'), await submitted(calls.y)];
  // Two at the same instant: the id alone orders them.
  const [a, b] = await Promise.all([submitted(calls.x1), submitted(calls.x1)]);
  if (a && b) inX.push(a, b);
  // A few leave "submitted", so statuses differ and updatedAt is no longer submittedAt's order.
  for (const [index, action, reason] of [
    [1, 'pass_intake', undefined],
    [4, 'return', '请补充合同。'],
    [6, 'reject', '不符合条件。'],
  ] as const) {
    t.clock.advance(30_000);
    const target = inX[index];
    if (!target) throw new Error('seeded application');
    await intake.request({
      method: 'POST',
      url: `/api/applications/${target.id}/${action}`,
      payload: reason === undefined ? {} : { reason },
    });
  }
  // A draft never reaches the list.
  const enterprise = await buildEnterprise(t.db);
  const drafter = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  await drafter.request({
    method: 'POST',
    url: '/api/my/applications',
    payload: { callId: calls.x1, clause: CLAUSE },
  });
});
afterAll(() => t.close());

describe('the staff application list', () => {
  it('pages through every application of its departments exactly once while others arrive', async () => {
    const before = ids(await allPages('sort=submittedAt', 100));
    expect(new Set(before)).toEqual(new Set(inX.map((a) => a.id)));
    for (const order of ['desc', 'asc'] as const) {
      const known = inX.map((a) => a.id);
      const arrived: string[] = [];
      const seen = await allPages(`order=${order}`, 3, async () => {
        const applied = await submitted(calls.x1);
        arrived.push(applied.id);
        inX.push(applied);
      });
      const seenIds = ids(seen);
      expect(new Set(seenIds).size, 'no row twice').toBe(seenIds.length);
      for (const id of known) expect(seenIds.filter((s) => s === id)).toHaveLength(1);
      expect(seenIds.every((id) => known.includes(id) || arrived.includes(id))).toBe(true);
      // Arrivals are newer than every cursor: newest-first pages never reach them, oldest-first pages do.
      if (order === 'desc') expect(seenIds.filter((id) => arrived.includes(id))).toEqual([]);
      else expect(arrived.every((id) => seenIds.includes(id))).toBe(true);
    }
  });

  it.each([
    ['submittedAt', 'desc'],
    ['submittedAt', 'asc'],
    ['updatedAt', 'desc'],
    ['updatedAt', 'asc'],
  ] as const)('sorts by %s %s, tie-broken by id, across pages', async (sort, order) => {
    const whole = await allPages(`sort=${sort}&order=${order}`, 100);
    expect(whole.length).toBe(inX.length);
    expect(ids(await allPages(`sort=${sort}&order=${order}`, 2))).toEqual(ids(whole));
    expect(ids(whole)).toEqual(ids([...whole].sort(byKey(sort, order))));
  });

  it('filters by one status or several, call, clause and enterprise name or USCC prefix', async () => {
    const whole = await allPages('', 100);
    const expectFilter = async (query: string, keep: (a: Application) => boolean) => {
      const expected = ids(whole.filter(keep));
      expect(ids(await allPages(query, 2)), query).toEqual(expected);
    };
    await expectFilter('status=submitted', (a) => a.status === 'submitted');
    await expectFilter('status=returned,rejected', (a) => ['returned', 'rejected'].includes(a.status));
    await expectFilter('status=returned&status=intake_passed', (a) =>
      ['returned', 'intake_passed'].includes(a.status),
    );
    await expectFilter(`callId=${calls.x2}`, (a) => a.callId === calls.x2);
    await expectFilter(
      `callId=${calls.x2}&status=submitted`,
      (a) => a.callId === calls.x2 && a.status === 'submitted',
    );
    await expectFilter(`clause=${CLAUSE}`, () => true);
    await expectFilter('clause=another-clause', () => false);
    await expectFilter(`q=${encodeURIComponent('璞衡')}`, (a) => a.enterpriseName.startsWith('璞衡'));
    await expectFilter(`q=${encodeURIComponent('衡软件')}`, () => false);
    await expectFilter('q=%25', () => false);
    const one = inX[0];
    if (!one) throw new Error('seeded application');
    await expectFilter(`q=${one.uscc.slice(0, 17).toLowerCase()}`, (a) => a.id === one.id);
  });

  it('never shows another department’s applications, whatever the filter; an administrator sees both', async () => {
    const theirs = new Set(inY.map((a) => a.id));
    for (const query of ['', `callId=${calls.y}`, `q=${encodeURIComponent('璞衡')}`, `q=${inY[0]?.uscc}`]) {
      const seen = await allPages(query, 100);
      expect(
        seen.filter((a) => theirs.has(a.id)),
        query,
      ).toEqual([]);
    }
    expect((await page(`callId=${calls.y}`)).items).toEqual([]);
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const all = (await admin.request({ url: '/api/applications?limit=100' })).json().items as Application[];
    expect(ids(all)).toEqual(expect.arrayContaining([...theirs, ...inX.map((a) => a.id)]));
  });

  it('refuses a cursor that is not one of its own, or made for another sort, and bad parameters', async () => {
    const first = await page('limit=2');
    const cursor = first.nextCursor;
    expect(cursor).toBeTypeOf('string');
    const forged = Buffer.from(
      JSON.stringify({ sort: 'submittedAt', order: 'desc', at: 'x', id: 'y' }),
    ).toString('base64url');
    for (const query of [
      `cursor=${forged}`,
      'cursor=bm90LWpzb24',
      `cursor=${cursor}&sort=updatedAt`,
      `cursor=${cursor}&order=asc`,
    ]) {
      const refused = await intake.request({ url: `/api/applications?${query}` });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().code, query).toBe('APPLICATION_CURSOR_INVALID');
      expect(refused.json().message).not.toBe('errors.APPLICATION_CURSOR_INVALID');
    }
    for (const query of [
      'cursor=not*base64',
      'limit=0',
      'limit=101',
      'status=draft',
      'status=',
      'sort=createdAt',
      'order=up',
      'callId=nope',
      'q=',
      'page=2',
    ]) {
      const refused = await intake.request({ url: `/api/applications?${query}` });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().code, query).toBe('VALIDATION_FAILED');
    }
  });
});
