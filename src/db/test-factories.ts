// Test factories: a department, program, call or enterprise with sensible defaults, unique codes, and only
// what the test cares about written out. Tests build their rows through these (users through `buildUser` in
// src/server/test-support.ts, which also hashes the password and enrols TOTP where the role needs it), so no
// test writes a program by hand and a new column gets its default in one place.
import { makeUscc } from '../core/uscc/uscc';
import type { Database } from './client';
import { type DepartmentRow, findDepartmentByCode, insertDepartment } from './repos/departments.repo';
import { type EnterpriseRow, insertEnterprise, type NewEnterprise } from './repos/enterprises.repo';
import {
  type CallRow,
  insertCalls,
  insertProgram,
  insertRuleVersion,
  type NewCall,
  type NewProgram,
  type ProgramRow,
} from './repos/programs.repo';

let sequence = 0;
const next = () => ++sequence;

/** The bureau most tests act in: 天河区商务和金融工作局, made on first use. */
type DepartmentFields = Partial<Omit<DepartmentRow, 'id' | 'createdAt'>>;

export async function buildDepartment(
  db: Database,
  overrides: DepartmentFields = {},
): Promise<DepartmentRow> {
  const code = overrides.code ?? 'th-commerce';
  const existing = await findDepartmentByCode(db.orm, code);
  if (existing) return existing;
  return insertDepartment(db.orm, {
    code,
    name: overrides.name ?? '广州市天河区商务和金融工作局',
    regionCode: overrides.regionCode ?? '440106',
    regionName: overrides.regionName ?? '天河区',
  });
}

/**
 * An open program of 129.96 万元 with a unique code unless one is given, in `department` (found by its code or
 * made with these fields) or the default department.
 */
export async function buildProgram(
  db: Database,
  overrides: Partial<NewProgram> & { department?: DepartmentFields } = {},
): Promise<ProgramRow> {
  const { department, ...fields } = overrides;
  const departmentId = fields.departmentId ?? (await buildDepartment(db, department)).id;
  const n = next();
  return db.orm.transaction((tx) =>
    insertProgram(tx, {
      code: `test-program-${n}`,
      name: `测试专项资金项目 ${n}`,
      year: 2026,
      budgetFen: 129_960_000n,
      fundSource: '区财政资金',
      status: 'open',
      basis: [],
      milestones: [],
      ...fields,
      departmentId,
    }),
  );
}

/** Pins `definition` (a program file) as the program's current rule version. */
export async function buildRuleVersion(
  db: Database,
  program: Pick<ProgramRow, 'id'>,
  definition: unknown,
): Promise<void> {
  await db.orm.transaction((tx) =>
    insertRuleVersion(tx, { programId: program.id, definition, createdBy: null, now: new Date(0) }),
  );
}

/** A call of the program open from a day before `around` to a day after, with a five-workday 公示. */
export async function buildCall(
  db: Database,
  program: Pick<ProgramRow, 'id' | 'code'>,
  overrides: Partial<NewCall> & { around?: Date } = {},
): Promise<CallRow> {
  const { around = new Date('2026-03-02T01:00:00.000Z'), ...fields } = overrides;
  const day = 86_400_000;
  const [call] = await db.orm.transaction((tx) =>
    insertCalls(tx, [
      {
        code: `${program.code}-call-${next()}`,
        title: '申报通知',
        opensAt: new Date(around.getTime() - day),
        closesAt: new Date(around.getTime() + day),
        guide: '',
        publicityDays: 5,
        publicityKind: 'workdays',
        status: 'open',
        ...fields,
        programId: program.id,
      },
    ]),
  );
  if (!call) throw new Error('insert into calls returned no row');
  return call;
}

/** A valid, unique USCC (Guangzhou Tianhe, ordinary company) for a test enterprise. */
export function testUscc(): string {
  return makeUscc(`91440106MA${String(next()).padStart(7, '0')}`);
}

/** A small enterprise in 天河区 with a valid, unique USCC. */
export async function buildEnterprise(
  db: Database,
  overrides: Partial<NewEnterprise> = {},
): Promise<EnterpriseRow> {
  return insertEnterprise(db.orm, {
    uscc: testUscc(),
    name: '测试企业有限公司',
    district: '天河区',
    sizeClass: 'small',
    ...overrides,
  });
}
