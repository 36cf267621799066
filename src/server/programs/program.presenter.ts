// Program rows to the portal's and the workspace's API objects. Money leaves as a 元 string, dates as
// 'YYYY-MM-DD' (milestones) or ISO instants (calls).
import { fen, yuanString } from '../../core/money/money';
import type { CallRow, ProgramDetail } from '../../db/repos/programs.repo';
import type { PublicProgram, PublicProgramDetail } from '../../shared/api/programs';

/** A call is open when it is marked open and `now` lies inside its window. */
export function isCallOpen(call: CallRow, now: Date): boolean {
  return call.status === 'open' && call.opensAt <= now && now < call.closesAt;
}

export function presentProgram(program: ProgramDetail, now: Date): PublicProgram {
  return {
    code: program.code,
    name: program.name,
    year: program.year,
    departmentName: program.department.name,
    budget: yuanString(fen(program.budgetFen)),
    status: program.status,
    callOpen: program.calls.some((call) => isCallOpen(call, now)),
    milestones: program.milestones.map((m) => ({
      kind: m.kind,
      plannedOn: m.plannedOn,
      actualOn: m.actualOn,
    })),
  };
}

export function presentProgramDetail(program: ProgramDetail, now: Date): PublicProgramDetail {
  return {
    ...presentProgram(program, now),
    basis: program.basis.map((b) => ({ docNumber: b.docNumber ?? '', title: b.title, citation: b.citation })),
    calls: program.calls.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      status: c.status,
    })),
  };
}
