// Importing a program file (导入项目规则): the file is validated whole, then stored as the program's next rule
// version (fingerprinted by the sha256 of its canonical JSON) with its audit event in the same transaction.
// Importing the very rules already current is a no-op that answers the current version (a double click).
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/client';
import { findProgramByCode, insertRuleVersion, ruleDefinitionSha256 } from '../../db/repos/programs.repo';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';
import { requireProgramFile } from './program-file-errors';

export interface RulesActor {
  userId: string | null;
  role: string;
}

export interface StoredRules {
  code: string;
  version: number;
  sha256: string;
  changed: boolean;
}

/**
 * Stores an already validated program file as the program's next rule version, with its audit event in the
 * same transaction; the rules already current are not stored a second time. Shared by the API and the CLI.
 */
export function storeProgramRules(
  db: Database,
  code: string,
  definition: unknown,
  actor: RulesActor,
  at: Date,
  requestId?: string,
): Promise<StoredRules> {
  return db.orm.transaction(async (tx) => {
    const existing = await findProgramByCode(tx, code);
    if (!existing) throw new AppError('PROGRAM_NOT_FOUND', 'not_found', { code });
    const current = existing.currentRule;
    const sha256 = ruleDefinitionSha256(definition);
    if (current?.sha256 === sha256) return { code, version: current.version, sha256, changed: false };
    const stored = await insertRuleVersion(tx, {
      programId: existing.id,
      definition,
      createdBy: actor.userId,
      now: at,
    });
    await recordAudit(tx, {
      action: 'program.rules_imported',
      entityType: 'program',
      entityId: existing.id,
      actorId: actor.userId,
      actorRole: actor.role,
      before: current ? { version: current.version, sha256: current.sha256 } : null,
      after: { version: stored.version, sha256: stored.sha256 },
      ...(requestId ? { requestId } : {}),
      at,
    });
    return { code, version: stored.version, sha256: stored.sha256, changed: true };
  });
}

export async function importProgramRules(
  deps: ServerDeps,
  actor: AuthContext,
  json: unknown,
  context: { locale: Locale; requestId: string },
): Promise<{ code: string; version: number }> {
  const program = requireProgramFile(json, context.locale);
  const stored = await storeProgramRules(
    deps.db,
    program.code,
    json,
    { userId: actor.user.id, role: actor.user.role },
    deps.clock(),
    context.requestId,
  );
  return { code: stored.code, version: stored.version };
}
