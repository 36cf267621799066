import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { buildCall, buildDepartment, buildProgram } from '../../db/test-factories';
import { Agent, buildUser, createTestApp, START, signedIn, type TestApp } from '../test-support';

describe('program routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const open = await buildProgram(t.db, {
      code: 'test-open',
      name: '服务贸易额业绩奖励',
      basis: [
        {
          kind: 'policy',
          docNumber: '穗天府规〔2020〕3号',
          title: '若干措施',
          citation: '第三条第17项第（2）点',
        },
      ],
      milestones: [{ kind: 'call_open', plannedOn: '2026-03-01', actualOn: '2026-03-01', note: null }],
    });
    await buildCall(t.db, open, { code: 'test-open-call', title: '2026 年申报通知', around: START });
    await buildProgram(t.db, {
      code: 'test-draft',
      name: '草稿项目',
      year: 2027,
      budgetFen: 1n,
      status: 'draft',
    });
  });
  afterAll(() => t?.close());

  it('publishes non-draft programs with money as 元 strings and the call window', async () => {
    const anonymous = new Agent(t.app);
    const list = await anonymous.request({ url: '/api/public/programs' });
    expect(list.json()).toEqual([
      {
        code: 'test-open',
        name: '服务贸易额业绩奖励',
        year: 2026,
        departmentName: '广州市天河区商务和金融工作局',
        budget: '1299600.00',
        status: 'open',
        callOpen: true,
        milestones: [{ kind: 'call_open', plannedOn: '2026-03-01', actualOn: '2026-03-01' }],
      },
    ]);
    const detail = (await anonymous.request({ url: '/api/public/programs/test-open' })).json();
    expect(detail.basis).toEqual([
      { docNumber: '穗天府规〔2020〕3号', title: '若干措施', citation: '第三条第17项第（2）点' },
    ]);
    expect(detail.calls[0]).toMatchObject({ code: 'test-open-call', status: 'open' });
    expect((await anonymous.request({ url: '/api/public/programs/test-draft' })).statusCode).toBe(404);
    expect((await anonymous.request({ url: '/api/public/notices' })).json()).toEqual([]);

    t.clock.advance(2 * 86_400_000);
    const later = await anonymous.request({ url: '/api/public/programs' });
    expect(later.json()[0].callOpen).toBe(false);
  });

  it('shows an administrator every program with its id, drafts too', async () => {
    const admin = await signedIn(t, await buildUser(t, 'admin'));
    const list = (await admin.request({ url: '/api/programs' })).json() as { code: string; id: string }[];
    expect(list.map((p) => p.code).sort()).toEqual(['test-draft', 'test-open']);
    expect(list[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await admin.request({ url: '/api/programs/test-draft' })).json().status).toBe('draft');
  });

  it('shows other staff only the programs of their departments; another department’s is not found', async () => {
    const own = await buildDepartment(t.db);
    const other = await buildDepartment(t.db, { code: 'hz-commerce', name: '海珠区商务局' });
    await buildProgram(t.db, { code: 'test-other', departmentId: other.id });
    const codes = async (agent: Agent) =>
      ((await agent.request({ url: '/api/programs' })).json() as { code: string }[])
        .map((p) => p.code)
        .sort();

    const evaluator = await buildUser(t, 'evaluator');
    await assignDepartments(t.db.orm, evaluator.id, [own.id]);
    const staff = await signedIn(t, evaluator);
    expect(await codes(staff)).toEqual(['test-draft', 'test-open']);
    expect((await staff.request({ url: '/api/programs/test-draft' })).json().status).toBe('draft');
    const refused = await staff.request({ url: '/api/programs/test-other' });
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
      status: 404,
      code: 'PROGRAM_NOT_FOUND',
    });

    const unassigned = await signedIn(t, await buildUser(t, 'expert'));
    expect(await codes(unassigned)).toEqual([]);
    expect((await unassigned.request({ url: '/api/programs/test-open' })).statusCode).toBe(404);

    // The portal is every department's, published programs only.
    const portal = (await new Agent(t.app).request({ url: '/api/public/programs' })).json();
    expect(portal.map((p: { code: string }) => p.code).sort()).toEqual(['test-open', 'test-other']);
  });

  it('is staff reading: an applicant is refused, as before departments', async () => {
    const applicant = await signedIn(t, await buildUser(t, 'applicant'));
    expect((await applicant.request({ url: '/api/programs' })).statusCode).toBe(403);
    expect((await applicant.request({ url: '/api/programs/test-open' })).statusCode).toBe(403);
  });
});
