// The seed's program from the records: the demo's 2023 applicants apply to its 2023 call, pass intake, and the
// calculation reads their profiles and registry figures from the database. It must reach what the evaluation
// report states — ten enterprises rewarded, 1,299,600.00 元 in all — and agree to the fen, award by award, with
// the simulation of the same program over the demo's applicants CSV, which reaches the engine by another path.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yuanString } from '../../core/money/money';
import { parseApplicantsCsv } from '../../core/rules/applicants-csv';
import { simulateProgram } from '../../core/rules/simulate';
import { queryRows } from '../../db/client';
import { DEMO_APPLICANTS_2023 } from '../../db/demo/data';
import { changeStatus, insertApplication, updateDeclared } from '../../db/repos/applications.repo';
import { findCallIdByCode } from '../../db/repos/awards.repo';
import { findEnterpriseByUscc } from '../../db/repos/enterprises.repo';
import { OPERATOR } from '../../shared/actor';
import { parseProgramFile } from '../../shared/program-file';
import { loadDemo } from '../demo-load';
import { DEMO_APPLICANTS_CSV, SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { createTestApp, type TestApp } from '../test-support';
import { calculateAwards } from './calculate-awards';
import { readLatestCalculation } from './read-awards';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db, t.config, t.clock.now());
});
afterAll(() => t.close());

describe('the 2023 program calculated from the demo’s records', () => {
  it('rewards ten enterprises with 1,299,600.00 元, each as the simulation computes it', async () => {
    const callId = await findCallIdByCode(t.db.orm, 'tianhe-2023-service-trade-call');
    if (!callId) throw new Error('the demo has the 2023 call');
    const now = t.clock.now();
    // The staff who keyed the 2023 paper applications in; a test stand-in for each enterprise's own user.
    const [clerk] = await queryRows<{ id: string }>(
      t.db.orm,
      sql`SELECT id FROM users WHERE username = 'intake'`,
    );
    if (!clerk) throw new Error('the demo has its intake officer');
    const ids = new Map<string, string>();
    for (const applicant of DEMO_APPLICANTS_2023) {
      const enterprise = await findEnterpriseByUscc(t.db.orm, applicant.uscc.toUpperCase());
      if (!enterprise) throw new Error(`demo enterprise ${applicant.uscc}`);
      const id = await t.db.orm.transaction(async (tx) => {
        const created = await insertApplication(tx, {
          callId,
          enterpriseId: enterprise.id,
          clause: 'service-trade-volume',
          createdBy: clerk.id,
          createdAt: now,
        });
        let row = await updateDeclared(tx, created.id, {}, now);
        row = await changeStatus(tx, row, { action: 'submit', to: 'submitted', actorId: null, at: now });
        await changeStatus(tx, row, { action: 'pass_intake', to: 'intake_passed', actorId: null, at: now });
        return created.id;
      });
      ids.set(applicant.uscc.toUpperCase(), id);
    }

    const ctx = {
      db: t.db,
      clock: t.clock.now,
      actor: OPERATOR,
      requestId: 'test',
      locale: 'zh-CN' as const,
      log: console,
      auditKey: t.config.auditKey,
    };
    await calculateAwards(ctx, { callId });
    const result = await readLatestCalculation(ctx, callId);
    expect(result.allocatedTotal).toBe('1299600.00');
    expect(result.awards.filter((a) => a.eligible)).toHaveLength(10);

    const program = parseProgramFile(SERVICE_TRADE_PROGRAM, 'zh-CN');
    const csv = parseApplicantsCsv(DEMO_APPLICANTS_CSV);
    if (!program.ok || !csv.ok) throw new Error('the demo program and CSV parse');
    const simulated = simulateProgram(program.program, csv.applicants);
    expect(yuanString(simulated.totals.allocated)).toBe('1299600.00');
    for (const row of simulated.applicants) {
      const award = result.awards.find((a) => a.applicationId === ids.get(row.uscc.toUpperCase()));
      expect({ uscc: row.uscc, eligible: award?.eligible, allocated: award?.allocated }).toEqual({
        uscc: row.uscc,
        eligible: row.eligible,
        allocated: yuanString(row.allocated),
      });
    }
  });
});
