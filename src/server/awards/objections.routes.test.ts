// Objections (异议) over HTTP: anyone files one on the portal during the period under a real name, bad or late
// objections are refused with nothing written, staff of the call's department read and resolve them, and an
// upheld objection removes or amends the award it names — the call's awards are calculated again and published
// as the next list for a new period, the replaced list kept and closed to further objections.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { buildDepartment } from '../../db/test-factories';
import type { AwardCalculation } from '../../shared/awards';
import { ensureOfficialCalendar } from '../calendar/ensure-official-calendar';
import { Agent, auditActionsOf, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { calculatedCall } from './awards-test-support';

let t: TestApp;
let admin: Agent;
let intake: Agent;
let departmentId: string;
const anyone = () => new Agent(t.app);

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await buildDepartment(t.db, { code: 'objection-x', name: '异议局' })).id;
  admin = await signedIn(t, await buildUser(t, 'admin'));
  const officer = await buildUser(t, 'intake');
  await assignDepartments(t.db.orm, officer.id, [departmentId]);
  intake = await signedIn(t, officer);
  await ensureOfficialCalendar({ db: t.db, clock: t.clock.now, auditKey: t.config.auditKey });
});
afterAll(() => t.close());

/** A publicized call with two winners (269,044 元 and 538,088 元) and one ineligible applicant. */
async function publicizedCall() {
  const call = await calculatedCall(t, admin, {
    departmentId,
    applicants: [
      { exportCents: 200_000_000n },
      { exportCents: 400_000_000n },
      { exportCents: 300_000_000n, violations: true },
    ],
  });
  const list = await admin.request({ method: 'POST', url: `/api/calls/${call.callId}/publicize` });
  expect(list.statusCode).toBe(201);
  return { ...call, list: list.json() as { id: string } };
}

const valid = { name: '李明', contact: '13800138000', reasons: '该企业申报的服务出口额与实际不符，请核实。' };
const file = (listId: string, payload: Record<string, unknown>) =>
  anyone().request({ method: 'POST', url: `/api/public/publicity/${listId}/objections`, payload });
const objectionsOf = async (agent: Agent, callId: string) =>
  agent.request({ url: `/api/calls/${callId}/objections` });
const resolve = (id: string, payload: Record<string, unknown>, agent = intake) =>
  agent.request({ method: 'POST', url: `/api/objections/${id}/resolve`, payload });
const count = async () =>
  (await queryRows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM objections`))[0]?.n;

describe('filing an objection', () => {
  it('takes a named objection during the period and shows it to the department’s staff only', async () => {
    const { callId, ids, list } = await publicizedCall();
    const filed = await file(list.id, { ...valid, applicationId: ids[1] });
    expect(filed.statusCode).toBe(201);
    const { id } = filed.json();
    expect(await auditActionsOf(t.db, id)).toEqual(['objection.filed']);

    const seen = await objectionsOf(intake, callId);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([
      expect.objectContaining({
        id,
        listSeq: 1,
        applicationId: ids[1],
        filerName: '李明',
        contact: '13800138000',
        status: 'open',
        resolution: null,
      }),
    ]);
    const outsider = await buildUser(t, 'intake');
    const elsewhere = (await buildDepartment(t.db, { code: 'objection-y', name: '别局' })).id;
    await assignDepartments(t.db.orm, outsider.id, [elsewhere]);
    const other = await signedIn(t, outsider);
    expect((await objectionsOf(other, callId)).statusCode).toBe(404);
    expect(
      (await resolve(id, { outcome: 'dismissed', investigation: '查', resolution: '驳' }, other)).statusCode,
    ).toBe(404);
    const applicant = await signedIn(t, await buildUser(t, 'applicant'));
    expect((await objectionsOf(applicant, callId)).statusCode).toBe(403);
  });

  it('refuses anonymous, malformed and misdirected objections with nothing written', async () => {
    const { ids, list } = await publicizedCall();
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ contact: valid.contact, reasons: valid.reasons }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, name: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, contact: '' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, contact: 'call me maybe' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, reasons: '太高了' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, reasons: '          x' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, name: '李\u0000明' }, 400, 'VALIDATION_FAILED'],
      // The ineligible applicant is not on the public list: an objection cannot name it.
      [{ ...valid, applicationId: ids[2] }, 400, 'OBJECTION_ENTRY_UNKNOWN'],
      [{ ...valid, applicationId: '00000000-0000-4000-8000-000000000000' }, 400, 'OBJECTION_ENTRY_UNKNOWN'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await file(list.id, payload);
      expect([response.statusCode, response.json().code], JSON.stringify(payload)).toEqual([status, code]);
    }
    const missing = await file('00000000-0000-4000-8000-000000000000', valid);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'PUBLICITY_NOT_FOUND']);
    expect(await count()).toBe(before);
  });

  it('refuses an objection once the period has ended', async () => {
    const { list } = await publicizedCall();
    const closesAt = Date.parse(
      (await anyone().request({ url: '/api/public/publicity' }))
        .json()
        .find((l: { id: string }) => l.id === list.id).closesAt,
    );
    t.clock.advance(closesAt - t.clock.now().getTime());
    const late = await file(list.id, valid);
    expect([late.statusCode, late.json().code]).toEqual([409, 'PUBLICITY_CLOSED']);
    // Sessions lapse when the clock moves on by days: sign the staff in again for later tests.
    admin = await signedIn(t, await buildUser(t, 'admin'));
    const officer = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, officer.id, [departmentId]);
    intake = await signedIn(t, officer);
  });
});

describe('resolving an objection', () => {
  it('dismisses it with the investigation and resolution recorded, once', async () => {
    const { callId, list } = await publicizedCall();
    const { id } = (await file(list.id, valid)).json();
    const blank = await resolve(id, { outcome: 'dismissed', investigation: ' ', resolution: '驳回' });
    expect(blank.statusCode).toBe(400);
    const remedy = await resolve(id, {
      outcome: 'dismissed',
      investigation: '查',
      resolution: '驳',
      remedy: 'remove',
    });
    expect([remedy.statusCode, remedy.json().code]).toEqual([400, 'OBJECTION_REMEDY_NOT_ALLOWED']);
    const done = await resolve(id, {
      outcome: 'dismissed',
      investigation: '经核对统计数据，申报数据无误。',
      resolution: '异议不成立。',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'dismissed',
      remedy: null,
      investigation: '经核对统计数据，申报数据无误。',
    });
    const again = await resolve(id, { outcome: 'dismissed', investigation: '查', resolution: '驳' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'OBJECTION_ALREADY_RESOLVED']);
    expect(await auditActionsOf(t.db, id)).toEqual(['objection.filed', 'objection.resolved']);
    // Nothing was republished.
    expect((await admin.request({ url: `/api/calls/${callId}/awards` })).json()).toMatchObject({
      seq: 1,
      publicity: { seq: 1 },
      openObjections: 0,
    });
  });

  it('removes the award an upheld objection names, recalculates and republishes for a new period', async () => {
    const { callId, ids, list } = await publicizedCall();
    const { id } = (await file(list.id, { ...valid, applicationId: ids[1] })).json();
    const noRemedy = await resolve(id, { outcome: 'upheld', investigation: '查', resolution: '成立' });
    expect([noRemedy.statusCode, noRemedy.json().code]).toEqual([400, 'OBJECTION_REMEDY_REQUIRED']);

    const upheld = await resolve(id, {
      outcome: 'upheld',
      investigation: '经核查，该企业服务出口额含关联交易，不符合条件。',
      resolution: '异议成立，取消该企业奖励。',
      remedy: 'remove',
    });
    expect(upheld.statusCode).toBe(200);
    const awards = (await admin.request({ url: `/api/calls/${callId}/awards` })).json();
    expect(awards).toMatchObject({ seq: 2, publicity: { seq: 2, open: true }, allocatedTotal: '269044.00' });
    const statusOf = (applicationId: string | undefined) =>
      awards.awards.find((a: { applicationId: string }) => a.applicationId === applicationId)?.status;
    expect([statusOf(ids[0]), statusOf(ids[1]), statusOf(ids[2])]).toEqual([
      'in_publicity',
      undefined,
      'in_publicity',
    ]);
    const [removed] = await queryRows<{ status: string; reason: string }>(
      t.db.orm,
      sql`SELECT a.status, c.reason FROM applications a JOIN application_status_changes c ON c.application_id = a.id
          WHERE a.id = ${ids[1]} ORDER BY c.seq DESC LIMIT 1`,
    );
    expect(removed).toEqual({ status: 'rejected', reason: '异议成立，取消该企业奖励。' });

    const shown = (await anyone().request({ url: '/api/public/publicity' }))
      .json()
      .filter((l: { id: string; entries: { applicationId: string }[] }) =>
        l.entries.some((e) => e.applicationId === ids[0]),
      );
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ seq: 2, total: '269044.00', open: true });
    expect(shown[0].entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([ids[0]]);

    const toOld = await file(list.id, valid);
    expect([toOld.statusCode, toOld.json().code]).toEqual([409, 'PUBLICITY_SUPERSEDED']);
    expect(await auditActionsOf(t.db, callId)).toEqual([
      'call.awards_calculated',
      'call.awards_publicized',
      'call.awards_calculated',
      'call.awards_publicized',
    ]);
  });

  it('reduces the award an upheld objection names to the limit set, with the reduction in its explanation', async () => {
    const { callId, ids, list } = await publicizedCall();
    const { id } = (await file(list.id, { ...valid, applicationId: ids[1] })).json();
    const reason = {
      investigation: '部分合同为关联交易，应扣除。',
      resolution: '异议部分成立，核减至 200,000.00 元。',
    };
    const noLimit = await resolve(id, { outcome: 'upheld', ...reason, remedy: 'reduce' });
    expect([noLimit.statusCode, noLimit.json().code]).toEqual([400, 'OBJECTION_LIMIT_REQUIRED']);
    const stray = await resolve(id, { outcome: 'upheld', ...reason, remedy: 'remove', limit: '1.00' });
    expect([stray.statusCode, stray.json().code]).toEqual([400, 'OBJECTION_LIMIT_REQUIRED']);

    const award = (body: AwardCalculation) => body.awards.find((a) => a.applicationId === ids[1]);
    const before: AwardCalculation = (await admin.request({ url: `/api/calls/${callId}/awards` })).json();
    expect(award(before)).toMatchObject({ allocated: '300000.00' });
    const reduced = await resolve(id, { outcome: 'upheld', ...reason, remedy: 'reduce', limit: '200000' });
    expect(reduced.statusCode, reduced.body).toBe(200);
    expect(reduced.json()).toMatchObject({ status: 'upheld', remedy: 'reduce', limit: '200000.00' });
    const after: AwardCalculation = (await admin.request({ url: `/api/calls/${callId}/awards` })).json();
    expect(after).toMatchObject({ seq: before.seq + 1, allocatedTotal: '469044.00', publicity: { seq: 2 } });
    expect(award(after)).toMatchObject({ status: 'in_publicity', allocated: '200000.00' });
    expect(award(after)?.explanation.trace.at(-1)).toContain('异议成立核减');
    expect(award(after)?.explanation.computed).toBe('200000.00');
  });

  it('refuses an upheld objection that names no entry: it cannot change an award', async () => {
    const { list } = await publicizedCall();
    const { id } = (await file(list.id, valid)).json();
    const refused = await resolve(id, {
      outcome: 'upheld',
      investigation: '查',
      resolution: '成立',
      remedy: 'remove',
    });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'OBJECTION_NAMES_NO_ENTRY']);
    const [row] = await queryRows<{ status: string }>(
      t.db.orm,
      sql`SELECT status FROM objections WHERE id = ${id}`,
    );
    expect(row?.status).toBe('open');
  });
});
