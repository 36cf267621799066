import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../client';
import { createTestDatabase } from '../test-db';
import { buildCall, buildProgram } from '../test-factories';
import { listDepartments } from './departments.repo';
import {
  findEnterpriseByUscc,
  insertEnterpriseStats,
  insertEnterprises,
  listEnterprises,
  statsByEnterprise,
} from './enterprises.repo';
import {
  findProgramByCode,
  insertRuleVersion,
  listPrograms,
  programCounts,
  ruleDefinitionSha256,
} from './programs.repo';

const NOW = new Date('2023-10-09T01:00:00.000Z');
let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

function aProgram(code = 'p-2023', year = 2023) {
  return buildProgram(db, {
    code,
    name: `Program ${code}`,
    year,
    department: { code: 'bureau', name: '商务局' },
    basis: [
      { kind: 'policy', docNumber: '穗天府规〔2020〕3号', title: 'Policy', citation: '第三条' },
      { kind: 'fund_rules', docNumber: null, title: 'Rules', citation: null },
    ],
    milestones: [
      { kind: 'payment', plannedOn: '2023-12-15', actualOn: null, note: null },
      { kind: 'call_open', plannedOn: '2023-10-09', actualOn: '2023-10-09', note: 'late' },
    ],
  });
}

/** 18-character codes that differ in their last digits; the check digit does not matter to the database. */
const uscc = (n: number) => `91440106MA${String(n).padStart(8, '0')}`;

describe('programs repository', () => {
  it('finds a program by code with basis in order, milestones in work order and calls', async () => {
    const program = await aProgram();
    await buildCall(db, program, {
      code: 'call-1',
      title: 'Call',
      opensAt: NOW,
      closesAt: new Date('2023-10-27T09:30:00Z'),
    });
    const found = await findProgramByCode(db.orm, 'p-2023');
    expect(found?.budgetFen).toBe(129_960_000n);
    expect(found?.department.code).toBe('bureau');
    expect(found?.basis.map((b) => b.kind)).toEqual(['policy', 'fund_rules']);
    expect(found?.milestones.map((m) => m.kind)).toEqual(['call_open', 'payment']);
    expect(found?.calls.map((c) => c.code)).toEqual(['call-1']);
    expect(found?.calls[0]?.opensAt).toEqual(NOW);
    expect(found?.calls[0]?.closesAt).toEqual(new Date('2023-10-27T09:30:00Z'));
    expect(found?.calls[0]?.publicityKind).toBe('workdays');
    expect(found?.milestones[0]).toMatchObject({
      plannedOn: '2023-10-09',
      actualOn: '2023-10-09',
      note: 'late',
    });
    expect(await findProgramByCode(db.orm, 'missing')).toBeUndefined();
    const [summary] = await listPrograms(db.orm);
    expect(summary).toMatchObject({ code: 'p-2023', callCount: 1, departmentName: '商务局' });
  });

  it('lists newest years first and counts by status', async () => {
    await aProgram('a-2023', 2023);
    await aProgram('b-2024', 2024);
    expect((await listPrograms(db.orm)).map((p) => p.code)).toEqual(['b-2024', 'a-2023']);
    expect((await listPrograms(db.orm, { year: 2023 })).map((p) => p.code)).toEqual(['a-2023']);
    expect(await programCounts(db.orm)).toEqual({ total: 2, byStatus: { open: 2 } });
    expect(await listDepartments(db.orm)).toHaveLength(1);
  });

  it('numbers rule versions and pins the latest, fingerprinting the definition canonically', async () => {
    const program = await aProgram();
    const v1 = await db.orm.transaction((tx) =>
      insertRuleVersion(tx, {
        programId: program.id,
        definition: { b: 1, a: [1, 2] },
        createdBy: null,
        now: NOW,
      }),
    );
    const v2 = await db.orm.transaction((tx) =>
      insertRuleVersion(tx, {
        programId: program.id,
        definition: { a: [1, 2], b: 2 },
        createdBy: null,
        now: NOW,
      }),
    );
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.sha256).toBe(ruleDefinitionSha256({ a: [1, 2], b: 1 }));
    expect(v1.sha256).not.toBe(v2.sha256);
    expect((await findProgramByCode(db.orm, program.code))?.currentRule).toEqual(v2);
  });
});

describe('enterprises repository', () => {
  it('inserts in bulk, finds by USCC in any case, searches and pages', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      uscc: uscc(i),
      name: i % 100 === 0 ? `广州样例软件${i}有限公司` : `企业${i}`,
      district: i % 2 === 0 ? '天河区' : '越秀区',
      sizeClass: 'small' as const,
    }));
    const ids = await insertEnterprises(db.orm, rows);
    expect(ids.size).toBe(1200);
    expect((await findEnterpriseByUscc(db.orm, uscc(7).toLowerCase()))?.name).toBe('企业7');

    const search = await listEnterprises(db.orm, { search: '样例软件', limit: 5, offset: 0 });
    expect(search.total).toBe(12);
    expect(search.items).toHaveLength(5);
    const page2 = await listEnterprises(db.orm, { search: '样例软件', limit: 5, offset: 10 });
    expect(page2.items).toHaveLength(2);
    expect((await listEnterprises(db.orm, { search: '%', limit: 5, offset: 0 })).total).toBe(0);
    expect((await listEnterprises(db.orm, { district: '天河区', limit: 1, offset: 0 })).total).toBe(600);
  });

  it('returns registry figures by year', async () => {
    const ids = await insertEnterprises(db.orm, [
      { uscc: uscc(1), name: 'A', district: '天河区', sizeClass: 'micro' },
    ]);
    const enterpriseId = ids.get(uscc(1)) as string;
    const year = (y: number, cents: bigint) => ({
      enterpriseId,
      year: y,
      outsourcingExecUsdCents: cents,
      offshoreExecUsdCents: 0n,
      serviceImportUsdCents: 0n,
      serviceExportUsdCents: cents,
      source: 'test',
    });
    await insertEnterpriseStats(db.orm, [year(2023, 9_007_199_254_740_993n), year(2022, 100_000_000n)]);
    const stats = await statsByEnterprise(db.orm, enterpriseId);
    expect(stats.map((s) => s.year)).toEqual([2022, 2023]);
    expect(stats[1]?.outsourcingExecUsdCents).toBe(9_007_199_254_740_993n);
  });
});
