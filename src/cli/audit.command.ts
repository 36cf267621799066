// `huiqi audit verify [--checkpoint FILE]`: recomputes every audit chain (and, given a checkpoint, checks that
// every stream head it recorded is still there unchanged); exit code 1 names the first broken link.
// `huiqi audit checkpoint [--out FILE]`: writes a signed statement of every stream head outside the database.
import { readFileSync } from 'node:fs';
import { type AuditCheckpoint, auditCheckpointSchema, verifyAuditChain } from '../db/audit-verify';
import { writeAuditCheckpoint } from '../server/audit/write-audit-checkpoint';
import { AppError } from '../shared/errors';
import { type CliContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText } from './cli-text';

function readCheckpoint(file: string): AuditCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('AUDIT_CHECKPOINT_UNREADABLE', 'validation', { file });
  }
  const parsed = auditCheckpointSchema.safeParse(json);
  if (!parsed.success) throw new AppError('AUDIT_CHECKPOINT_UNREADABLE', 'validation', { file });
  return parsed.data;
}

export async function runAuditVerify(ctx: CliContext, checkpointFile?: string): Promise<number> {
  const checkpoint = checkpointFile ? readCheckpoint(checkpointFile) : undefined;
  const result = await withDatabase(ctx, (db) => verifyAuditChain(db.orm, ctx.config.auditKey, checkpoint));
  if (ctx.json) {
    printJson(ctx, result);
  } else if (result.firstBroken) {
    const { stream, seq, id, reason } = result.firstBroken;
    const because = cliText(ctx.locale, `audit.reasons.${reason}`);
    printLine(
      ctx,
      cliText(ctx.locale, 'audit.broken', { stream, seq, id, reason: because, checked: result.checked }),
    );
  } else {
    printLine(ctx, cliText(ctx.locale, 'audit.ok', { checked: result.checked }));
    if (result.legacy > 0) printLine(ctx, cliText(ctx.locale, 'audit.legacy', { legacy: result.legacy }));
    if (result.checkpoint) printLine(ctx, cliText(ctx.locale, 'audit.checkpointOk', result.checkpoint));
  }
  return result.ok ? 0 : 1;
}

export async function runAuditCheckpoint(ctx: CliContext, out?: string): Promise<number> {
  const written = await withDatabase(ctx, (db) =>
    writeAuditCheckpoint(
      { db, clock: ctx.now, auditKey: ctx.config.auditKey, checkpointDir: ctx.config.auditCheckpointDir },
      out ? { file: out } : {},
    ),
  );
  if (ctx.json) printJson(ctx, written);
  else printLine(ctx, cliText(ctx.locale, 'audit.checkpointWritten', { ...written }));
  return 0;
}
