// Importing a program file (导入项目规则): the file is validated whole, then stored as the program's next rule
// version (fingerprinted by the sha256 of its canonical JSON) with its audit event in the same transaction.
// Importing the very rules already current is a no-op that answers the current version (a double click, or a
// script run twice). The API and the CLI both call this use case.
import { findProgramByCode, insertRuleVersion, ruleDefinitionSha256 } from '../../db/repos/programs.repo';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext } from '../use-case';
import { requireProgramFile } from './program-file-errors';

export interface StoredRules {
  code: string;
  version: number;
  sha256: string;
  changed: boolean;
}

export async function importProgramRules(
  ctx: UseCaseContext,
  input: { definition: unknown },
): Promise<StoredRules> {
  const { code } = requireProgramFile(input.definition, ctx.locale);
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const existing = await findProgramByCode(tx, code);
    if (!existing) throw new AppError('PROGRAM_NOT_FOUND', 'not_found', { code });
    const current = existing.currentRule;
    const sha256 = ruleDefinitionSha256(input.definition);
    if (current?.sha256 === sha256) return { code, version: current.version, sha256, changed: false };
    const stored = await insertRuleVersion(tx, {
      programId: existing.id,
      definition: input.definition,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      now,
    });
    await audit(tx, ctx, now, {
      action: 'program.rules_imported',
      entityId: existing.id,
      before: current ? { version: current.version, sha256: current.sha256 } : null,
      after: { version: stored.version, sha256: stored.sha256 },
    });
    return { code, version: stored.version, sha256: stored.sha256, changed: true };
  });
}
