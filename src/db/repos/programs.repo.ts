// Programs (专项资金项目) with their basis documents, milestones, calls and versioned reward rules.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import { MILESTONE_KINDS } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { canonicalJson, toAuditJson } from '../audit';
import type { Orm, Tx } from '../client';
import { preparedPerDatabase } from '../prepared';
import {
  calls,
  departments,
  programBasis,
  programMilestones,
  programRuleVersions,
  programs,
} from '../schema';

type Db = Orm | Tx;
export type ProgramRow = typeof programs.$inferSelect;
export type ProgramBasisRow = typeof programBasis.$inferSelect;
export type ProgramMilestoneRow = typeof programMilestones.$inferSelect;
export type CallRow = typeof calls.$inferSelect;
export type NewCall = Omit<typeof calls.$inferInsert, 'id'>;

export interface ProgramSummary {
  id: string;
  code: string;
  name: string;
  year: number;
  status: ProgramRow['status'];
  budgetFen: bigint;
  departmentCode: string;
  departmentName: string;
  callCount: number;
}

export interface ProgramDetail extends ProgramRow {
  department: { code: string; name: string; regionName: string };
  basis: ProgramBasisRow[];
  milestones: ProgramMilestoneRow[];
  calls: CallRow[];
  currentRule: { id: string; version: number; sha256: string } | null;
}

export interface NewProgram {
  code: string;
  name: string;
  year: number;
  departmentId: string;
  budgetFen: bigint;
  fundSource: string;
  status: ProgramRow['status'];
  basis: Omit<ProgramBasisRow, 'programId' | 'position'>[];
  milestones: Omit<ProgramMilestoneRow, 'programId'>[];
  createdAt?: Date;
}

const callCount = sql<number>`(SELECT count(*)::int FROM ${calls} WHERE ${calls.programId} = ${programs.id})`;

export async function listPrograms(db: Db, filter: { year?: number } = {}): Promise<ProgramSummary[]> {
  return db
    .select({
      id: programs.id,
      code: programs.code,
      name: programs.name,
      year: programs.year,
      status: programs.status,
      budgetFen: programs.budgetFen,
      departmentCode: departments.code,
      departmentName: departments.name,
      callCount,
    })
    .from(programs)
    .innerJoin(departments, eq(departments.id, programs.departmentId))
    .where(filter.year === undefined ? undefined : eq(programs.year, filter.year))
    .orderBy(desc(programs.year), asc(programs.code));
}

/** Milestones in the order the work happens (通知申报 → 拨付), not alphabetically. */
function byMilestoneOrder(a: ProgramMilestoneRow, b: ProgramMilestoneRow): number {
  return MILESTONE_KINDS.indexOf(a.kind) - MILESTONE_KINDS.indexOf(b.kind);
}

// A program's children travel as JSON arrays built in the same query: one round trip for the whole list,
// which is what the portal's and the staff's program pages read on every visit.
const basisJson = sql<ProgramBasisRow[]>`coalesce((
  SELECT json_agg(json_build_object('programId', b.program_id, 'position', b.position, 'kind', b.kind,
    'docNumber', b.doc_number, 'title', b.title, 'citation', b.citation) ORDER BY b.position)
  FROM program_basis b WHERE b.program_id = ${programs.id}), '[]'::json)`;
const milestonesJson = sql<ProgramMilestoneRow[]>`coalesce((
  SELECT json_agg(json_build_object('programId', m.program_id, 'kind', m.kind, 'plannedOn', m.planned_on,
    'actualOn', m.actual_on, 'note', m.note))
  FROM program_milestones m WHERE m.program_id = ${programs.id}), '[]'::json)`;
// Times as epoch milliseconds: JSON has no timestamp type and the session's time zone must not matter.
type CallJson = Omit<CallRow, 'opensAt' | 'closesAt' | 'createdAt'> & {
  opensAt: number;
  closesAt: number;
  createdAt: number;
};
const callsJson = sql<CallJson[]>`coalesce((
  SELECT json_agg(json_build_object('id', c.id, 'programId', c.program_id, 'code', c.code, 'title', c.title,
    'opensAt', (extract(epoch FROM c.opens_at) * 1000)::bigint,
    'closesAt', (extract(epoch FROM c.closes_at) * 1000)::bigint,
    'guide', c.guide, 'publicityDays', c.publicity_days, 'publicityKind', c.publicity_kind, 'status', c.status,
    'createdAt', (extract(epoch FROM c.created_at) * 1000)::bigint) ORDER BY c.opens_at)
  FROM calls c WHERE c.program_id = ${programs.id}), '[]'::json)`;

function programDetailsQuery(db: Db) {
  return db
    .select({
      program: programs,
      department: { code: departments.code, name: departments.name, regionName: departments.regionName },
      rule: {
        id: programRuleVersions.id,
        version: programRuleVersions.version,
        sha256: programRuleVersions.sha256,
      },
      basis: basisJson,
      milestones: milestonesJson,
      calls: callsJson,
    })
    .from(programs)
    .innerJoin(departments, eq(departments.id, programs.departmentId))
    .leftJoin(programRuleVersions, eq(programRuleVersions.id, programs.currentRuleVersionId))
    .$dynamic();
}

type ProgramDetailRow = Awaited<ReturnType<typeof programDetailsQuery>>[number];

/** Every program in full, newest year first; its tables raise the `programs` data version (migration 0013). */
export const allProgramDetailsQuery = (db: Db) =>
  programDetailsQuery(db).orderBy(desc(programs.year), asc(programs.code));

// Prepared: the portal's and the staff's program lists run these on every visit.
const allProgramDetails = preparedPerDatabase((db) =>
  allProgramDetailsQuery(db).prepare('huiqi_program_details'),
);
const programDetailsByCode = preparedPerDatabase((db) =>
  programDetailsQuery(db)
    .where(eq(programs.code, sql.placeholder('code')))
    .prepare('huiqi_program_details_by_code'),
);

function toProgramDetail(row: ProgramDetailRow): ProgramDetail {
  const { program, department, rule, basis, milestones, calls: programCalls } = row;
  return {
    ...program,
    department,
    basis,
    milestones: milestones.sort(byMilestoneOrder),
    calls: programCalls.map((c) => ({
      ...c,
      opensAt: new Date(Number(c.opensAt)),
      closesAt: new Date(Number(c.closesAt)),
      createdAt: new Date(Number(c.createdAt)),
    })),
    currentRule: rule,
  };
}

/** Programs in full (basis, milestones, calls, current rule) in one query, however many there are. */
export async function listProgramDetails(db: Db): Promise<ProgramDetail[]> {
  return (await allProgramDetails(db).execute()).map(toProgramDetail);
}

export async function findProgramByCode(db: Db, code: string): Promise<ProgramDetail | undefined> {
  const [row] = await programDetailsByCode(db).execute({ code });
  return row && toProgramDetail(row);
}

export async function programCounts(db: Db): Promise<{ total: number; byStatus: Record<string, number> }> {
  const rows = await db
    .select({ status: programs.status, n: count() })
    .from(programs)
    .groupBy(programs.status);
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byStatus };
}

export async function insertProgram(tx: Tx, input: NewProgram): Promise<ProgramRow> {
  const { basis, milestones, ...columns } = input;
  const [program] = await tx.insert(programs).values(columns).returning();
  if (!program) throw new Error('insert into programs returned no row');
  if (basis.length > 0) {
    await tx
      .insert(programBasis)
      .values(basis.map((b, position) => ({ ...b, programId: program.id, position })));
  }
  if (milestones.length > 0) {
    await tx.insert(programMilestones).values(milestones.map((m) => ({ ...m, programId: program.id })));
  }
  return program;
}

export async function insertCalls(tx: Tx, rows: NewCall[]): Promise<CallRow[]> {
  return rows.length === 0 ? [] : tx.insert(calls).values(rows).returning();
}

/** SHA-256 of the definition's canonical JSON: the same rules always give the same fingerprint. */
export function ruleDefinitionSha256(definition: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(toAuditJson(definition) ?? null))
    .digest('hex');
}

/**
 * Stores the next rule version of a program and pins it as current. The program row is locked first so
 * two concurrent edits get versions n+1 and n+2, never the same number.
 */
export async function insertRuleVersion(
  tx: Tx,
  input: { programId: string; definition: unknown; createdBy: string | null; now: Date },
): Promise<{ id: string; version: number; sha256: string }> {
  await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, input.programId)).for('update');
  const [latest] = await tx
    .select({ version: max(programRuleVersions.version) })
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, input.programId));
  const version = (latest?.version ?? 0) + 1;
  const sha256 = ruleDefinitionSha256(input.definition);
  const [row] = await tx
    .insert(programRuleVersions)
    .values({
      programId: input.programId,
      version,
      definition: input.definition,
      sha256,
      createdBy: input.createdBy,
      createdAt: input.now,
    })
    .returning({ id: programRuleVersions.id });
  if (!row) throw new Error('insert into program_rule_versions returned no row');
  await tx.update(programs).set({ currentRuleVersionId: row.id }).where(eq(programs.id, input.programId));
  return { id: row.id, version, sha256 };
}

/** The stored program file of a program's current rule version; PROGRAM_NOT_FOUND or PROGRAM_RULES_MISSING. */
export async function currentRuleDefinition(orm: Orm, code: string): Promise<unknown> {
  const [program] = await orm
    .select({ id: programs.id, ruleId: programs.currentRuleVersionId })
    .from(programs)
    .where(eq(programs.code, code));
  if (!program) throw new AppError('PROGRAM_NOT_FOUND', 'not_found');
  if (!program.ruleId) throw new AppError('PROGRAM_RULES_MISSING', 'not_found');
  const [rule] = await orm
    .select({ definition: programRuleVersions.definition })
    .from(programRuleVersions)
    .where(and(eq(programRuleVersions.id, program.ruleId), eq(programRuleVersions.programId, program.id)));
  if (!rule) throw new AppError('PROGRAM_RULES_MISSING', 'not_found');
  return rule.definition;
}
