// The staff list's XLSX export: the same department scope and filters as the list, every row, in the reader's
// language, formula-like names neutralised — and a list too long to export refused with a request to narrow it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import { sheetRows } from '../exports/xlsx-test-support';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import { EXPORT_MAX_ROWS } from './export-applications';

let t: TestApp;
const calls: Record<'x' | 'y', string> = { x: '', y: '' };
const staff: Partial<Record<'x' | 'y', Agent>> = {};

async function apply(key: 'x' | 'y', name: string, submit: boolean): Promise<void> {
  const enterprise = await buildEnterprise(t.db, { name });
  const agent = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  const id = (
    await agent.request({
      method: 'POST',
      url: '/api/my/applications',
      payload: { callId: calls[key], clause: 'service-trade-volume' },
    })
  ).json().id;
  if (submit) await agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['x', 'y'] as const) {
    const department = await buildDepartment(t.db, { code: `export-list-${key}`, name: `${key} 局` });
    const program = await buildProgram(t.db, { departmentId: department.id });
    await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
    calls[key] = (await buildCall(t.db, program, { around: t.clock.now() })).id;
    const user = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, user.id, [department.id]);
    staff[key] = await signedIn(t, user);
  }
  await apply('x', '=HYPERLINK("http://example.invalid","点我")', true);
  await apply('x', '导出列表企业甲', true);
  await apply('x', '导出列表企业草稿', false);
  await apply('y', '导出列表企业乙', true);
});
afterAll(() => t.close());

const exportAs = (key: 'x' | 'y', query = '') =>
  (staff[key] as Agent).request({ url: `/api/applications/export${query}` });

describe('exporting the staff application list', () => {
  it('exports the department’s submitted applications only, neutralised, in the reader’s language', async () => {
    const response = await exportAs('x');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('申报列表.xlsx'));
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]).toEqual([
      '企业名称',
      '专项资金项目',
      '申报通知',
      '申报条款',
      '申报状态',
      '提交时间（北京时间）',
      '更新时间（北京时间）',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['\'=HYPERLINK("http://example.invalid","点我")', '导出列表企业甲'].sort());
    expect(rows[1]?.[4]).toBe('已提交');
    expect(rows[1]?.[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const filtered = await sheetRows((await exportAs('x', '?q=导出列表企业甲')).rawPayload);
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['导出列表企业甲']);
    const other = await sheetRows((await exportAs('y')).rawPayload);
    expect(other.slice(1).map((r) => r[0])).toEqual(['导出列表企业乙']);
    expect((await exportAs('x', '?status=draft')).statusCode).toBe(400);
  });

  it('refuses a list longer than it exports, asking to narrow the filters', async () => {
    const [enterprise] = await queryRows<{ id: string }>(t.db.orm, sql`SELECT id FROM enterprises LIMIT 1`);
    const [creator] = await queryRows<{ id: string }>(t.db.orm, sql`SELECT id FROM users LIMIT 1`);
    await t.db.orm.execute(sql`INSERT INTO applications (call_id, enterprise_id, clause, status, created_by, submitted_at)
      SELECT ${calls.y}, ${enterprise?.id}, 'bulk-' || g, 'submitted', ${creator?.id}, now()
      FROM generate_series(1, ${EXPORT_MAX_ROWS}) AS g`);
    const refused = await exportAs('y');
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'EXPORT_TOO_LARGE']);
    expect(refused.json().message).toBe(`导出的申报超过 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后再导出。`);
  });
});
