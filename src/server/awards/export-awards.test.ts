// The awards export: the latest calculation as an XLSX attachment in the reader's language, amounts exact as
// text, a formula-like enterprise name neutralised, and nothing for staff of another department.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { buildDepartment } from '../../db/test-factories';
import { sheetRows } from '../exports/xlsx-test-support';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { calculatedCall } from './awards-test-support';

let t: TestApp;
let admin: Agent;
let departmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await buildDepartment(t.db, { code: 'export-x', name: '导出局' })).id;
  admin = await signedIn(t, await buildUser(t, 'admin'));
});
afterAll(() => t.close());

describe('exporting a call’s awards', () => {
  it('answers the awards as an XLSX attachment, neutralising what a spreadsheet would run', async () => {
    const { callId } = await calculatedCall(t, admin, {
      departmentId,
      applicants: [
        { exportCents: 200_000_000n, name: '=HYPERLINK("http://example.invalid","点我")' },
        { exportCents: 400_000_000n, violations: true, name: '导出测试企业乙' },
      ],
    });
    const officer = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, officer.id, [departmentId]);
    const intake = await signedIn(t, officer);
    const response = await intake.request({ url: `/api/calls/${callId}/awards/export` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('核定奖励名单-1.xlsx')}`,
    );
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]).toEqual([
      '企业名称',
      '统一社会信用代码',
      '申报条款',
      '是否符合条件',
      '测算金额（元）',
      '分配金额（元）',
      '申报状态',
      '核准金额（元）',
      '调整理由',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      ['\'=HYPERLINK("http://example.invalid","点我")', '是', '269044.00', '269044.00', '已核定'],
      ['导出测试企业乙', '否', '0.00', '0.00', '已核定'],
    ]);

    const english = await signedIn(t, officer, 'en-US');
    const inEnglish = await sheetRows(
      (await english.request({ url: `/api/calls/${callId}/awards/export` })).rawPayload,
    );
    expect(inEnglish[0]?.slice(0, 2)).toEqual(['Enterprise', 'USCC']);
    expect(inEnglish[1]?.[6]).toBe('Award calculated');

    const outsider = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, outsider.id, [(await buildDepartment(t.db, { code: 'export-y' })).id]);
    const refused = await (await signedIn(t, outsider)).request({
      url: `/api/calls/${callId}/awards/export`,
    });
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'CALL_NOT_FOUND']);
  });
});
