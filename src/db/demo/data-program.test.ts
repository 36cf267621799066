// Proves the demo's 2023 applicants, the exported CSV, the programs, calls and users, with exact integer
// arithmetic on cents.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseUsd } from '../../core/money/money';
import { ROLES } from '../../shared/roles';
import {
  APPLICANTS_CSV_COLUMNS,
  applicantStat,
  DEMO_APPLICANTS_2023,
  DEMO_CALLS,
  DEMO_DEPARTMENT,
  DEMO_ENTERPRISES,
  DEMO_POLICIES,
  DEMO_PROGRAMS,
  DEMO_USERS,
  type DemoEnterprise,
  demoApplicantsCsv,
} from './data';

const usd = (text: string): bigint => parseUsd(text);
const byUscc = new Map(DEMO_ENTERPRISES.map((e) => [e.uscc, e]));
const enterpriseOf = (uscc: string): DemoEnterprise => {
  const e = byUscc.get(uscc);
  if (!e) throw new Error(`no enterprise ${uscc}`);
  return e;
};
const tradeOf = (r: { serviceImportUsd: string; serviceExportUsd: string }) =>
  usd(r.serviceImportUsd) + usd(r.serviceExportUsd);

describe('2023 applicants', () => {
  const THRESHOLD = usd('1000000.00');
  const eligible = (e: DemoEnterprise): boolean => {
    const stat = applicantStat(e.uscc, 2022);
    return (
      e.district === '天河区' &&
      e.statsRegistered &&
      !e.violations &&
      stat !== undefined &&
      tradeOf(stat) > THRESHOLD
    );
  };

  it('sixteen applicants, exactly ten eligible, matching their stated outcome', () => {
    expect(DEMO_APPLICANTS_2023).toHaveLength(16);
    const passing = DEMO_APPLICANTS_2023.filter((a) => eligible(enterpriseOf(a.uscc)));
    expect(passing).toHaveLength(10);
    for (const a of DEMO_APPLICANTS_2023)
      expect(eligible(enterpriseOf(a.uscc))).toBe(a.outcome === 'eligible');
  });

  it('the six others each fail one condition: threshold, district, registry, violation, two below', () => {
    const outcomes = DEMO_APPLICANTS_2023.filter((a) => a.outcome !== 'eligible').map((a) => a.outcome);
    expect(outcomes.sort()).toEqual(
      [
        'at_threshold',
        'below_threshold',
        'below_threshold',
        'not_stats_registered',
        'other_district',
        'violation',
      ].sort(),
    );
    const atThreshold = DEMO_APPLICANTS_2023.find((a) => a.outcome === 'at_threshold');
    const stat = atThreshold && applicantStat(atThreshold.uscc, 2022);
    expect(stat && tradeOf(stat)).toBe(THRESHOLD);
    for (const a of DEMO_APPLICANTS_2023.filter((x) => x.outcome === 'below_threshold')) {
      const s = applicantStat(a.uscc, 2022);
      expect(s && tradeOf(s) < THRESHOLD).toBe(true);
    }
  });

  it('the eligible ten span sizes, mostly medium and small, with trade between USD 1M and 30M', () => {
    const ten = DEMO_APPLICANTS_2023.filter((a) => a.outcome === 'eligible').map((a) => enterpriseOf(a.uscc));
    const sizes = ten.map((e) => e.sizeClass);
    expect(sizes.filter((s) => s === 'large').length).toBeGreaterThanOrEqual(1);
    expect(sizes.filter((s) => s === 'medium' || s === 'small').length).toBeGreaterThanOrEqual(7);
    for (const e of ten) {
      const s = applicantStat(e.uscc, 2022);
      expect(s && tradeOf(s) <= usd('30000000.00')).toBe(true);
    }
  });

  it('the CSV on disk is what the export script generates, and its rows give the same ten', async () => {
    const onDisk = await readFile(
      new URL('../../../programs/tianhe-2023-applicants.csv', import.meta.url),
      'utf8',
    );
    expect(onDisk).toBe(demoApplicantsCsv());
    const [header, ...rows] = onDisk.trimEnd().split('\n');
    expect(header).toBe(APPLICANTS_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(16);
    const col = (row: string[], name: (typeof APPLICANTS_CSV_COLUMNS)[number]) =>
      row[APPLICANTS_CSV_COLUMNS.indexOf(name)] ?? '';
    const passing = rows
      .map((line) => line.split(','))
      .filter(
        (r) =>
          col(r, 'district') === '天河区' &&
          col(r, 'stats_registered') === 'true' &&
          col(r, 'violations') === 'false' &&
          col(r, 'year') === '2022' &&
          usd(col(r, 'service_trade_usd')) > THRESHOLD,
      );
    expect(passing).toHaveLength(10);
  });
});

describe('department, programs, calls and users', () => {
  it('the department and the two basis documents', () => {
    expect(DEMO_DEPARTMENT).toEqual({
      code: 'gz-tianhe-commerce',
      name: '广州市天河区商务和金融工作局',
      regionCode: '440106',
      regionName: '天河区',
    });
    expect(DEMO_POLICIES.map((p) => p.docNumber)).toEqual(['穗天府规〔2020〕3号', '穗天商金〔2023〕4号']);
    expect(DEMO_POLICIES[0]?.clauses[0]?.citation).toBe('第三条第17项第（2）点');
  });

  it('the 2023 program: budget 1,299,600.00 元, call opened in October, paid in December', () => {
    const program = DEMO_PROGRAMS.find((p) => p.code === 'tianhe-2023-service-trade');
    expect(program?.budget).toBe('1299600.00');
    expect(program?.status).toBe('completed');
    expect(program?.basis).toHaveLength(4);
    const actual = (kind: string) => program?.milestones.find((m) => m.kind === kind)?.actualOn ?? '';
    expect(program?.milestones.map((m) => m.kind)).toEqual([
      'call_open',
      'collection',
      'review',
      'publicity',
      'approval',
      'payment',
    ]);
    expect(actual('call_open')).toMatch(/^2023-10-/);
    expect(actual('payment')).toMatch(/^2023-12-/);
    const dates = program?.milestones.map((m) => m.actualOn ?? '') ?? [];
    expect([...dates].sort()).toEqual(dates);
    for (const m of program?.milestones ?? []) expect(m.plannedOn <= (m.actualOn ?? '')).toBe(true);
  });

  it('one call per program; the open program’s call includes the demo’s today (2026-11-25)', () => {
    expect(DEMO_CALLS.map((c) => c.programCode).sort()).toEqual(DEMO_PROGRAMS.map((p) => p.code).sort());
    const open = DEMO_PROGRAMS.filter((p) => p.status === 'open');
    expect(open).toHaveLength(1);
    const call = DEMO_CALLS.find((c) => c.programCode === open[0]?.code);
    const today = Date.parse('2026-11-25T12:00:00+08:00');
    expect(Date.parse(call?.opensAt ?? '')).toBeLessThan(today);
    expect(Date.parse(call?.closesAt ?? '')).toBeGreaterThan(today);
    for (const c of DEMO_CALLS) expect([c.publicityDays, c.publicityKind]).toEqual([5, 'workdays']);
  });

  it('one user per role; the applicants belong to demo enterprises, the first one eligible', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    expect(DEMO_USERS.map((u) => u.username)).toContain('applicant2');
    for (const u of DEMO_USERS) {
      expect(u.password).toBe('Huiqi-demo-2023');
      expect(u.enterpriseUscc !== undefined).toBe(u.role === 'applicant');
      if (u.enterpriseUscc) expect(byUscc.has(u.enterpriseUscc)).toBe(true);
    }
    const applicant = DEMO_USERS.find((u) => u.username === 'applicant');
    const applicant2 = DEMO_USERS.find((u) => u.username === 'applicant2');
    expect(DEMO_APPLICANTS_2023.find((a) => a.uscc === applicant?.enterpriseUscc)?.outcome).toBe('eligible');
    expect(applicant2?.enterpriseUscc).not.toBe(applicant?.enterpriseUscc);
  });

  it('asks in the open call for the materials its program file names per clause', async () => {
    const file = JSON.parse(
      await readFile(new URL('../../../programs/tianhe-2026-service-trade.json', import.meta.url), 'utf8'),
    ) as { code: string; clauses: { id: string; materials: { code: string }[][] }[] };
    const call = DEMO_CALLS.find((c) => c.programCode === file.code);
    const fromFile = Object.fromEntries(
      file.clauses.map((clause) => [clause.id, clause.materials.map((group) => group.map((m) => m.code))]),
    );
    expect(call?.materials?.clauses).toEqual(fromFile);
  });
});
