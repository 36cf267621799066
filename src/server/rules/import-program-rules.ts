// Importing a program file (导入项目规则): the file is validated whole, then stored as the program's next rule
// version (fingerprinted by the sha256 of its canonical JSON) with its audit event in the same transaction.
// Importing the very rules already current is a no-op that answers the current version (a double click).
import { recordAudit } from '../../db/audit';
import { findProgramByCode, insertRuleVersion, ruleDefinitionSha256 } from '../../db/repos/programs.repo';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';
import { requireProgramFile } from './program-file-errors';

export async function importProgramRules(
  deps: ServerDeps,
  actor: AuthContext,
  json: unknown,
  context: { locale: Locale; requestId: string },
): Promise<{ code: string; version: number }> {
  const program = requireProgramFile(json, context.locale);
  const now = deps.clock();
  return deps.db.orm.transaction(async (tx) => {
    const existing = await findProgramByCode(tx, program.code);
    if (!existing) throw new AppError('PROGRAM_NOT_FOUND', 'not_found');
    const sha256 = ruleDefinitionSha256(json);
    if (existing.currentRule?.sha256 === sha256)
      return { code: program.code, version: existing.currentRule.version };
    const stored = await insertRuleVersion(tx, {
      programId: existing.id,
      definition: json,
      createdBy: actor.user.id,
      now,
    });
    await recordAudit(tx, {
      action: 'program.rules_imported',
      entityType: 'program',
      entityId: existing.id,
      actorId: actor.user.id,
      actorRole: actor.user.role,
      before: existing.currentRule
        ? { version: existing.currentRule.version, sha256: existing.currentRule.sha256 }
        : null,
      after: { version: stored.version, sha256: stored.sha256 },
      requestId: context.requestId,
      at: now,
    });
    return { code: program.code, version: stored.version };
  });
}
