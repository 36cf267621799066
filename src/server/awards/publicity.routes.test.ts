// Publicity (公示) over HTTP: a calculated call's winners go on the public portal for the call's period on the
// official calendar, counted from the day of publication (a Saturday does not count as a working day), the
// applications move to in_publicity, and the sweep marks the list closed once its last day has ended in Beijing
// — not a minute before, and only once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import type { NewCall } from '../../db/repos/programs.repo';
import { buildCall, buildDepartment, buildProgram } from '../../db/test-factories';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { Agent, auditActionsOf, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { calculatedCall as buildCalculatedCall } from './awards-test-support';
import { closeDuePublicity } from './publicize-awards';

const DAY = 86_400_000;
let t: TestApp;
let admin: Agent;
let departmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await buildDepartment(t.db, { code: 'publicity-x', name: '甲局' })).id;
  admin = await signedIn(t, await buildUser(t, 'admin'));
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
});
afterAll(() => t.close());

/** A closed call whose awards are calculated: one winner of 269,044 元 and one ineligible applicant. */
async function calculatedCall(call: Partial<NewCall> = {}) {
  const applicants = [
    { exportCents: 200_000_000n, name: '公示测试企业200000000' },
    { exportCents: 400_000_000n, violations: true, name: '公示测试企业400000000' },
  ];
  return buildCalculatedCall(t, admin, { departmentId, applicants, call });
}

const publicize = (callId: string) =>
  admin.request({ method: 'POST', url: `/api/calls/${callId}/publicize` });
const publicLists = async () => (await new Agent(t.app).request({ url: '/api/public/publicity' })).json();
const sweep = () =>
  closeDuePublicity({
    db: t.db,
    clock: t.clock.now,
    auditKey: t.config.auditKey,
    requestId: 'test',
    log: console,
  });

describe('publicizing a call’s awards', () => {
  it('publishes the winners for five working days from today and moves the applications to in_publicity', async () => {
    const { callId, ids } = await calculatedCall();
    const response = await publicize(callId);
    expect(response.statusCode).toBe(201);
    // 2026-03-02 is a Monday: Monday to Friday.
    expect(response.json()).toMatchObject({
      seq: 1,
      periodDays: 5,
      periodKind: 'workdays',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      closesAt: '2026-03-06T16:00:00.000Z',
      open: true,
      entries: [
        { enterpriseName: '公示测试企业200000000', clause: 'service-trade-volume', amount: '269044.00' },
      ],
      total: '269044.00',
    });
    const shown = (await publicLists()).find((l: { id: string }) => l.id === response.json().id);
    expect(shown).toEqual(response.json());
    const statuses = await queryRows<{ status: string }>(
      t.db.orm,
      sql`SELECT status FROM applications WHERE call_id = ${callId} ORDER BY id`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['in_publicity', 'in_publicity']);
    for (const id of ids) expect((await auditActionsOf(t.db, id)).at(-1)).toBe('application.status_changed');
    expect(await auditActionsOf(t.db, callId)).toEqual(['call.awards_calculated', 'call.awards_publicized']);

    const again = await publicize(callId);
    expect([again.statusCode, again.json().code]).toEqual([409, 'PUBLICITY_OPEN']);
  });

  it('counts calendar days when the call says so, and refuses a call not yet calculated', async () => {
    const { callId } = await calculatedCall({ publicityDays: 7, publicityKind: 'calendar_days' });
    expect((await publicize(callId)).json()).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-08' });

    const program = await buildProgram(t.db, { departmentId, year: 2023 });
    const bare = await buildCall(t.db, program, { around: new Date(t.clock.now().getTime() - 3 * DAY) });
    const refused = await publicize(bare.id);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'AWARDS_NOT_CALCULATED']);
    const intake = await signedIn(t, await buildUser(t, 'intake'));
    expect((await intake.request({ method: 'POST', url: `/api/calls/${callId}/publicize` })).statusCode).toBe(
      403,
    );
  });

  it('closes the list once its last day has ended in Beijing, and only once', async () => {
    const { callId } = await calculatedCall();
    const list = (await publicize(callId)).json();
    const closesAt = Date.parse(list.closesAt);
    t.clock.advance(closesAt - t.clock.now().getTime() - 60_000);
    expect(await sweep()).toBe(0);
    expect((await publicLists()).find((l: { id: string }) => l.id === list.id).open).toBe(true);

    t.clock.advance(60_000);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    expect((await publicLists()).find((l: { id: string }) => l.id === list.id).open).toBe(false);
    expect(await auditActionsOf(t.db, list.id)).toEqual(['publicity.closed']);
    expect(await sweep()).toBe(0);
  });

  it('starts the count after a weekend day of publication: a Saturday list runs the next five working days', async () => {
    // From Monday 2026-03-02 09:00 to Saturday 2026-03-07 09:00, Beijing time.
    t.clock.advance(Date.parse('2026-03-07T01:00:00Z') - t.clock.now().getTime());
    // Days later, the earlier session has lapsed.
    admin = await signedIn(t, await buildUser(t, 'admin'));
    const { callId } = await calculatedCall();
    expect((await publicize(callId)).json()).toMatchObject({ startsOn: '2026-03-07', endsOn: '2026-03-13' });
  });
});
