// `huiqi program list` and `huiqi program show CODE`: budgets in 元 and 万元, milestones planned/actual, and each
// call's applications by status and approved awards.
// `huiqi program import FILE` and `huiqi program export CODE`: program files (项目定义文件) in and out.
import { fen, formatWanYuan, formatYuan, parseYuan, yuanString } from '../core/money/money';
import type { Database } from '../db/client';
import { approvedAwardsOfCall } from '../db/repos/approvals.repo';
import { statusCounts } from '../db/repos/awards.repo';
import {
  currentRuleDefinition,
  findProgramByCode,
  listPrograms,
  type ProgramDetail,
} from '../db/repos/programs.repo';
import { importProgramRules } from '../server/rules/import-program-rules';
import { AppError } from '../shared/errors';
import { parseProgramFile } from '../shared/program-file';
import { type CliContext, operatorContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText } from './cli-text';
import { readJsonFile, reportFileProblems, writeJsonFile } from './json-file';

// Calls are announced in China Standard Time; the terminal shows them as the notice did.
const CALL_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

function budget(budgetFen: bigint) {
  return {
    budget: yuanString(fen(budgetFen)),
    budgetWan: formatWanYuan(fen(budgetFen), { grouping: false }),
  };
}

export async function runProgramList(ctx: CliContext): Promise<number> {
  const rows = await withDatabase(ctx, (db) => listPrograms(db.orm));
  const items = rows.map(({ id: _id, budgetFen, ...row }) => ({ ...row, ...budget(budgetFen) }));
  if (ctx.json) {
    printJson(ctx, items);
    return 0;
  }
  if (items.length === 0) printLine(ctx, cliText(ctx.locale, 'program.none'));
  for (const p of rows) {
    const status = cliText(ctx.locale, `program.status.${p.status}`);
    const money = cliText(ctx.locale, 'program.budget', {
      yuan: formatYuan(fen(p.budgetFen)),
      wan: formatWanYuan(fen(p.budgetFen)),
    });
    printLine(ctx, `${p.code}  ${p.year}  ${status}  ${money}  ${p.name}`);
  }
  return 0;
}

/** Each call's applications by status and its approved awards, with the publicity period of each. */
async function callOutcomes(db: Database, calls: ProgramDetail['calls']) {
  return Promise.all(
    calls.map(async (call) => {
      const awards = await approvedAwardsOfCall(db.orm, call.id);
      return {
        applications: await statusCounts(db.orm, call.id),
        approvedAwards: {
          count: awards.length,
          total: yuanString(fen(awards.reduce((sum, a) => sum + a.approvedFen, 0n))),
          items: awards.map((a) => ({
            enterprise: a.enterpriseName,
            uscc: a.uscc,
            clause: a.clause,
            amount: yuanString(fen(a.approvedFen)),
            adjustmentReason: a.adjustmentReason,
            approvedAt: a.approvedAt.toISOString(),
            publicity: a.list,
          })),
        },
      };
    }),
  );
}

type CallOutcome = Awaited<ReturnType<typeof callOutcomes>>[number];

function outcomeOf(outcomes: readonly CallOutcome[], i: number): CallOutcome {
  const outcome = outcomes[i];
  if (!outcome) throw new Error(`no outcome read for call ${i}`);
  return outcome;
}

function presentDetail(p: ProgramDetail, outcomes: Awaited<ReturnType<typeof callOutcomes>>) {
  return {
    code: p.code,
    name: p.name,
    year: p.year,
    status: p.status,
    department: p.department,
    ...budget(p.budgetFen),
    fundSource: p.fundSource,
    basis: p.basis.map(({ kind, docNumber, title, citation }) => ({ kind, docNumber, title, citation })),
    milestones: p.milestones.map(({ kind, plannedOn, actualOn, note }) => ({
      kind,
      plannedOn,
      actualOn,
      note,
    })),
    calls: p.calls.map((c, i) => ({
      code: c.code,
      title: c.title,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      status: c.status,
      publicityDays: c.publicityDays,
      publicityKind: c.publicityKind,
      ...outcomeOf(outcomes, i),
    })),
    ruleVersion: p.currentRule && { version: p.currentRule.version, sha256: p.currentRule.sha256 },
  };
}

export async function runProgramShow(ctx: CliContext, code: string): Promise<number> {
  const found = await withDatabase(ctx, async (db) => {
    const detail = await findProgramByCode(db.orm, code);
    return detail && { detail, outcomes: await callOutcomes(db, detail.calls) };
  });
  if (!found) throw new AppError('PROGRAM_NOT_FOUND', 'not_found', { code });
  const program = found.detail;
  const p = presentDetail(program, found.outcomes);
  if (ctx.json) {
    printJson(ctx, p);
    return 0;
  }
  const x = (key: string, params = {}) => cliText(ctx.locale, key, params);
  const label = (key: string) => x(`program.labels.${key}`);
  printLine(ctx, `${p.name}  (${p.code})`);
  printLine(ctx, `${label('department')}: ${p.department.name}`);
  printLine(ctx, `${label('year')}: ${p.year}    ${label('status')}: ${x(`program.status.${p.status}`)}`);
  printLine(
    ctx,
    `${label('budget')}: ${x('program.budget', { yuan: formatYuan(fen(program.budgetFen)), wan: p.budgetWan })}`,
  );
  printLine(ctx, `${label('fundSource')}: ${p.fundSource}`);
  printLine(ctx, `${label('basis')}:`);
  for (const b of p.basis) {
    const doc = [b.docNumber, b.citation].filter(Boolean).join(' ');
    printLine(ctx, `  - ${x(`program.basisKinds.${b.kind}`)}: ${b.title}${doc ? `（${doc}）` : ''}`);
  }
  printLine(ctx, `${label('milestones')}:`);
  for (const m of p.milestones) {
    const actual = m.actualOn ?? label('notYet');
    const note = m.note ? `  ${m.note}` : '';
    printLine(
      ctx,
      `  - ${x(`program.milestones.${m.kind}`)}: ${label('planned')} ${m.plannedOn}, ${label('actual')} ${actual}${note}`,
    );
  }
  printLine(ctx, `${label('calls')}:`);
  for (const c of program.calls) {
    const window = `${CALL_TIME.format(c.opensAt)} → ${CALL_TIME.format(c.closesAt)}`;
    printLine(ctx, `  - ${c.code}  ${x(`program.status.${c.status}`)}  ${window}  ${c.title}`);
  }
  for (const c of p.calls) {
    const byStatus = Object.entries(c.applications)
      .map(([status, n]) => `${x(`program.applicationStatus.${status}`)} ${n}`)
      .join('，');
    if (byStatus) printLine(ctx, `    ${label('applications')}: ${byStatus}`);
    if (c.approvedAwards.count > 0) {
      printLine(
        ctx,
        `    ${x('program.labels.approvedAwards', {
          count: c.approvedAwards.count,
          total: formatYuan(parseYuan(c.approvedAwards.total)),
        })}`,
      );
    }
  }
  const rule = p.ruleVersion
    ? x('program.labels.ruleVersion', {
        version: p.ruleVersion.version,
        sha: p.ruleVersion.sha256.slice(0, 12),
      })
    : label('noRule');
  printLine(ctx, `${label('rule')}: ${rule}`);
  return 0;
}

export async function runProgramImport(ctx: CliContext, file: string): Promise<number> {
  const definition = readJsonFile(file);
  const parsed = parseProgramFile(definition, ctx.locale);
  if (!parsed.ok) return reportFileProblems(ctx, { key: 'program.importInvalid', file }, parsed.errors);
  const result = await withDatabase(ctx, (db) =>
    importProgramRules(operatorContext(ctx, db), { definition }),
  );
  if (ctx.json) printJson(ctx, result);
  else {
    const key = result.changed ? 'program.imported' : 'program.importUnchanged';
    printLine(
      ctx,
      cliText(ctx.locale, key, {
        code: result.code,
        version: result.version,
        sha: result.sha256.slice(0, 12),
      }),
    );
  }
  return 0;
}

/** The current rule version's program file, on standard output or written to --out. */
export async function runProgramExport(
  ctx: CliContext,
  code: string,
  out: string | undefined,
): Promise<number> {
  const definition = await withDatabase(ctx, (db) => currentRuleDefinition(db.orm, code));
  if (!out) {
    printJson(ctx, definition);
    return 0;
  }
  writeJsonFile(out, definition);
  if (ctx.json) printJson(ctx, { code, file: out });
  else printLine(ctx, cliText(ctx.locale, 'program.exported', { code, file: out }));
  return 0;
}
