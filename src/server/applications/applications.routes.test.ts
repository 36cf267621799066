// The applicant's side of an application over HTTP: a draft under a clause of an open call, its figures, submit
// inside the window (and not outside it), withdraw, and every refusal with nothing half-written. Each change
// writes its status change and audit event in the same transaction; another enterprise's application answers
// 404 on every URL; two starts or two submits at once leave one application with one status change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCall, buildEnterprise, buildProgram, buildRuleVersion } from '../../db/test-factories';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import {
  type Agent,
  auditActionsOf,
  buildUser,
  createTestApp,
  failAfterAuditWrite,
  signedIn,
  type TestApp,
} from '../test-support';

const CLAUSE = 'service-trade-volume';
const DAY = 86_400_000;

let t: TestApp;
let callId: string;
let closedCallId: string;
/** Published, but its window opens in three days. */
let laterCallId: string;

beforeAll(async () => {
  t = await createTestApp();
  const program = await buildProgram(t.db);
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  callId = (await buildCall(t.db, program, { around: t.clock.now() })).id;
  closedCallId = (await buildCall(t.db, program, { around: t.clock.now(), status: 'closed' })).id;
  laterCallId = (await buildCall(t.db, program, { around: new Date(t.clock.now().getTime() + 3 * DAY) })).id;
});
afterAll(() => t.close());

async function applicant(): Promise<{ agent: Agent; enterpriseId: string }> {
  const enterprise = await buildEnterprise(t.db);
  const user = await buildUser(t, 'applicant', { enterpriseId: enterprise.id });
  return { agent: await signedIn(t, user), enterpriseId: enterprise.id };
}

const start = (agent: Agent, body: object = { callId, clause: CLAUSE }) =>
  agent.request({ method: 'POST', url: '/api/my/applications', payload: body });

const act = (agent: Agent, id: string, action: string) =>
  agent.request({ method: 'POST', url: `/api/my/applications/${id}/${action}` });

describe('an applicant’s application', () => {
  it('starts as a draft, takes its figures, is submitted inside the window and shows its history', async () => {
    const { agent, enterpriseId } = await applicant();
    const started = await start(agent);
    expect(started.statusCode).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({
      status: 'draft',
      enterpriseId,
      clause: CLAUSE,
      actions: ['submit', 'withdraw'],
    });

    const saved = await agent.request({
      method: 'PUT',
      url: `/api/my/applications/${draft.id}`,
      payload: { declared: { service_trade_usd: '2500000.50' }, version: draft.version },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().declared).toEqual({ service_trade_usd: '2500000.50' });

    const submitted = await act(agent, draft.id, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', actions: ['withdraw'] });
    expect(submitted.json().submittedAt).toBe(t.clock.now().toISOString());

    const detail = (await agent.request({ url: `/api/my/applications/${draft.id}` })).json();
    expect(detail.history).toEqual([
      {
        seq: 1,
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'submitted',
        at: t.clock.now().toISOString(),
        reason: null,
      },
    ]);
    expect(await auditActionsOf(t.db, draft.id)).toEqual([
      'application.created',
      'application.declared_updated',
      'application.status_changed',
    ]);
    const list = (await agent.request({ url: '/api/my/applications' })).json();
    expect(list.map((a: { id: string }) => a.id)).toEqual([draft.id]);
  });

  it('lists the open calls with their clauses, and not a closed one or one whose window has ended', async () => {
    const { agent } = await applicant();
    const calls = (await agent.request({ url: '/api/my/calls' })).json() as {
      id: string;
      clauses: unknown[];
    }[];
    expect(calls.map((c) => c.id).sort()).toEqual([callId, laterCallId].sort());
    expect(calls[0]?.clauses).toEqual([
      expect.objectContaining({ id: CLAUSE, citation: expect.stringContaining('第三条第17项') }),
    ]);
  });

  it('is read-only once submitted, and an edit over an older version is refused', async () => {
    const { agent } = await applicant();
    const draft = (await start(agent)).json();
    const put = (version: number) =>
      agent.request({
        method: 'PUT',
        url: `/api/my/applications/${draft.id}`,
        payload: { declared: { service_trade_usd: '100.00' }, version },
      });
    expect((await put(draft.version)).statusCode).toBe(200);
    const stale = await put(draft.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('APPLICATION_STALE');
    await act(agent, draft.id, 'submit');
    const late = await put(draft.version + 2);
    expect(late.json().code).toBe('APPLICATION_NOT_EDITABLE');
  });

  it('cannot be submitted outside the call’s window, and says when the window is', async () => {
    const { agent } = await applicant();
    const draft = (await start(agent, { callId: laterCallId, clause: CLAUSE })).json();
    const refused = await act(agent, draft.id, 'submit');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CALL_WINDOW_CLOSED');
    expect(refused.json().message).toContain('北京时间');
    const after = (await agent.request({ url: `/api/my/applications/${draft.id}` })).json();
    expect(after).toMatchObject({ status: 'draft', history: [] });
  });

  it('refuses a closed call, an unknown call and a clause the call does not have', async () => {
    const { agent } = await applicant();
    expect((await start(agent, { callId: closedCallId, clause: CLAUSE })).json().code).toBe('CALL_NOT_OPEN');
    const unknown = await start(agent, { callId: '00000000-0000-4000-8000-000000000000', clause: CLAUSE });
    expect(unknown.statusCode).toBe(404);
    const clause = await start(agent, { callId, clause: 'no-such-clause' });
    expect(clause.statusCode).toBe(400);
    expect(clause.json().code).toBe('CLAUSE_NOT_IN_CALL');
  });

  it('is one per enterprise, call and clause: a second start, or two at once, leave one', async () => {
    const { agent, enterpriseId } = await applicant();
    const [a, b] = await Promise.all([start(agent), start(agent)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await start(agent)).json().code).toBe('APPLICATION_EXISTS');
    const count = await t.db.orm.execute(
      sql`SELECT count(*)::int AS n FROM applications WHERE enterprise_id = ${enterpriseId}`,
    );
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it('submitted twice at once changes status once; the second click answers the application as it is', async () => {
    const { agent } = await applicant();
    const draft = (await start(agent)).json();
    const answers = await Promise.all([act(agent, draft.id, 'submit'), act(agent, draft.id, 'submit')]);
    expect(answers.map((r) => [r.statusCode, r.json().status])).toEqual([
      [200, 'submitted'],
      [200, 'submitted'],
    ]);
    const detail = (await agent.request({ url: `/api/my/applications/${draft.id}` })).json();
    expect(detail.history).toHaveLength(1);
  });

  it('can be withdrawn, and then the enterprise may apply again', async () => {
    const { agent } = await applicant();
    const first = (await start(agent)).json();
    await act(agent, first.id, 'submit');
    const withdrawn = await act(agent, first.id, 'withdraw');
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', actions: [] });
    expect((await act(agent, first.id, 'resubmit')).json().code).toBe('APPLICATION_ACTION_REFUSED');
    expect((await start(agent)).statusCode).toBe(201);
  });

  it('leaves nothing half-written when the transaction fails after its audit write', async () => {
    const { agent } = await applicant();
    const draft = (await start(agent)).json();
    const failed = await failAfterAuditWrite(t, () => act(agent, draft.id, 'submit'));
    expect(failed.statusCode).toBe(500);
    const after = (await agent.request({ url: `/api/my/applications/${draft.id}` })).json();
    expect(after).toMatchObject({ status: 'draft', history: [], version: draft.version });
  });

  it('of another enterprise answers 404 on every URL, and staff have no applicant URLs', async () => {
    const owner = await applicant();
    const other = await applicant();
    const draft = (await start(owner.agent)).json();
    const urls = [
      { method: 'GET' as const, url: `/api/my/applications/${draft.id}` },
      {
        method: 'PUT' as const,
        url: `/api/my/applications/${draft.id}`,
        payload: { declared: {}, version: draft.version },
      },
      ...['submit', 'withdraw', 'resubmit'].map((a) => ({
        method: 'POST' as const,
        url: `/api/my/applications/${draft.id}/${a}`,
      })),
    ];
    for (const request of urls) {
      const response = await other.agent.request(request);
      expect(response.statusCode, request.url).toBe(404);
      expect(response.json().code).toBe('APPLICATION_NOT_FOUND');
    }
    expect((await other.agent.request({ url: '/api/my/applications' })).json()).toEqual([]);
    const intake = await signedIn(t, await buildUser(t, 'intake'));
    expect((await intake.request({ url: `/api/my/applications/${draft.id}` })).statusCode).toBe(403);
    const unchanged = (await owner.agent.request({ url: `/api/my/applications/${draft.id}` })).json();
    expect(unchanged).toMatchObject({ status: 'draft', version: draft.version });
  });
});
