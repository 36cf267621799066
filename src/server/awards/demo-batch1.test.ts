// The current program's first batch in the demo: closed four weeks before loading, passed at intake, calculated
// under the 2026 rules from the figures the enterprises declared (2% of the 2025 service trade in 元 at the
// program's rate, at most 300,000 元), and published on the day of loading — open to objections, with one
// objection waiting for the staff, and not yet approvable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCallIdByCode } from '../../db/repos/awards.repo';
import { OPERATOR } from '../../shared/actor';
import { DEMO_BATCH1_CALL } from '../demo-history';
import { loadDemo } from '../demo-load';
import { Agent, createTestApp, type TestApp } from '../test-support';
import { listObjections } from './objections';
import { readLatestCalculation } from './read-awards';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db, t.config, t.clock.now());
});
afterAll(() => t.close());

describe('the demo’s first batch of the current program', () => {
  it('stands in publicity from the day of loading, its awards computed from the declared figures', async () => {
    const callId = await findCallIdByCode(t.db.orm, DEMO_BATCH1_CALL);
    if (!callId) throw new Error('the demo has the first batch');
    const ctx = {
      db: t.db,
      actor: OPERATOR,
      locale: 'zh-CN' as const,
      clock: t.clock.now,
      requestId: 'test',
      log: console,
      auditKey: t.config.auditKey,
    };
    const result = await readLatestCalculation(ctx, callId);
    expect(result).toMatchObject({
      allocatedTotal: '1137217.00',
      reduced: false,
      openObjections: 1,
      publicity: { seq: 1, startsOn: '2026-03-02', endsOn: '2026-03-06', open: true },
    });
    expect(result.awards.map((a) => [a.enterpriseName, a.allocated, a.status])).toEqual([
      ['广州澜拓软件技术有限公司', '300000.00', 'in_publicity'],
      ['广州知澜数据服务有限公司', '300000.00', 'in_publicity'],
      ['广州启澄信息服务有限公司', '300000.00', 'in_publicity'],
      ['广州禾岳软件科技有限公司', '237217.00', 'in_publicity'],
      ['广州量汀数据科技有限公司', '0.00', 'in_publicity'],
    ]);
    const [objection] = await listObjections(ctx, callId);
    expect(objection).toMatchObject({
      status: 'open',
      enterpriseName: '广州禾岳软件科技有限公司',
      filerName: '王芳',
    });

    const portal = await new Agent(t.app).request({ url: '/api/public/publicity' });
    const open = portal.json().filter((l: { open: boolean }) => l.open);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ total: '1137217.00' });
    expect(open[0].entries).toHaveLength(4);
  });
});
