// The stored program file of a program's current rule version. The read belongs in the programs repository
// (which can store a version but not yet read one back); it lives here until that repository grows one.
import { and, eq } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { programRuleVersions, programs } from '../../db/schema';
import { AppError } from '../../shared/errors';

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
