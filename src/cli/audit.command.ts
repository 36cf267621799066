// `huiqi audit verify`: recomputes every audit chain; exit code 1 names the first broken link.
import { verifyAuditChain } from '../db/audit';
import { type CliContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText } from './cli-text';

export async function runAuditVerify(ctx: CliContext): Promise<number> {
  const result = await withDatabase(ctx, (db) => verifyAuditChain(db.orm));
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
  }
  return result.ok ? 0 : 1;
}
