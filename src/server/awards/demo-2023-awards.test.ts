// The seed's program from the records: the demo carries its 2023 round through the product's own use cases —
// sixteen applications keyed in and passed at intake, calculated from the enterprises' profiles and registry
// figures, publicized for five working days and approved. It must reach what the evaluation report states — ten
// enterprises rewarded, 1,299,600.00 元 in all — and agree to the fen, award by award, with the simulation of the
// same program over the demo's applicants CSV, which reaches the engine by another path.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yuanString } from '../../core/money/money';
import { parseApplicantsCsv } from '../../core/rules/applicants-csv';
import { simulateProgram } from '../../core/rules/simulate';
import { verifyAuditChain } from '../../db/audit-verify';
import { queryRows } from '../../db/client';
import { findCallIdByCode } from '../../db/repos/awards.repo';
import { OPERATOR } from '../../shared/actor';
import { parseProgramFile } from '../../shared/program-file';
import { DEMO_2023_CALL } from '../demo-history';
import { loadDemo } from '../demo-load';
import { DEMO_APPLICANTS_CSV, SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { createTestApp, type TestApp } from '../test-support';
import { readLatestCalculation } from './read-awards';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db, t.config, t.clock.now());
});
afterAll(() => t.close());

describe('the 2023 round carried through from the demo’s records', () => {
  it('approves ten enterprises with 1,299,600.00 元, each as the simulation computes it', async () => {
    const callId = await findCallIdByCode(t.db.orm, DEMO_2023_CALL);
    if (!callId) throw new Error('the demo has the 2023 call');
    const ctx = { db: t.db, actor: OPERATOR, locale: 'zh-CN' as const, clock: t.clock.now };
    const result = await readLatestCalculation(ctx, callId);
    expect(result).toMatchObject({
      seq: 1,
      allocatedTotal: '1299600.00',
      openObjections: 0,
      publicity: { seq: 1, startsOn: '2023-11-20', endsOn: '2023-11-24', open: false },
    });
    const approved = result.awards.filter((a) => a.status === 'approved');
    expect(approved).toHaveLength(10);
    expect(result.awards.filter((a) => a.status === 'rejected')).toHaveLength(6);
    expect(approved.every((a) => a.approved === a.allocated && a.approvalReason === null)).toBe(true);

    const program = parseProgramFile(SERVICE_TRADE_PROGRAM, 'zh-CN');
    const csv = parseApplicantsCsv(DEMO_APPLICANTS_CSV);
    if (!program.ok || !csv.ok) throw new Error('the demo program and CSV parse');
    const simulated = simulateProgram(program.program, csv.applicants);
    expect(yuanString(simulated.totals.allocated)).toBe('1299600.00');
    for (const row of simulated.applicants) {
      const award = result.awards.find((a) => a.uscc === row.uscc.toUpperCase());
      expect({ uscc: row.uscc, eligible: award?.eligible, approved: award?.approved ?? '0.00' }).toEqual({
        uscc: row.uscc,
        eligible: row.eligible,
        approved: yuanString(row.allocated),
      });
    }
  });

  it('dates every step on its day of 2023 and keeps the audit chain whole', async () => {
    const steps = await queryRows<{ action: string; first: string; last: string }>(
      t.db.orm,
      sql`SELECT c.action, min(c.at AT TIME ZONE 'Asia/Shanghai')::date::text AS first,
            max(c.at AT TIME ZONE 'Asia/Shanghai')::date::text AS last
          FROM application_status_changes c JOIN applications a ON a.id = c.application_id
          JOIN calls k ON k.id = a.call_id WHERE k.code = ${DEMO_2023_CALL}
          GROUP BY c.action ORDER BY min(c.at)`,
    );
    expect(steps).toEqual([
      { action: 'submit', first: '2023-10-16', last: '2023-10-16' },
      { action: 'pass_intake', first: '2023-11-08', last: '2023-11-08' },
      { action: 'calculate', first: '2023-11-13', last: '2023-11-13' },
      { action: 'publicize', first: '2023-11-20', last: '2023-11-20' },
      { action: 'approve', first: '2023-12-01', last: '2023-12-01' },
      { action: 'not_awarded', first: '2023-12-01', last: '2023-12-01' },
    ]);
    expect((await verifyAuditChain(t.db.orm, t.config.auditKey)).ok).toBe(true);
  });
});
