// Audit checkpoints (操作日志检查点): a signed statement of every stream head, written to a folder outside the
// database. Verifying against one later detects what the chain alone cannot: a truncated stream whose head
// was moved back, or a stream dropped with its head. Written by `huiqi audit checkpoint` and, on a running
// server, by a scheduled job on the queue (one instance writes each slot).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AuditCheckpoint, takeAuditCheckpoint } from '../../db/audit-verify';
import type { UseCaseContext } from '../use-case';

export interface WrittenCheckpoint {
  file: string;
  streams: number;
  createdAt: string;
}

/** The file name of a checkpoint: its time, so the folder lists them in order and none overwrites another. */
function checkpointName(checkpoint: AuditCheckpoint): string {
  return `audit-checkpoint-${checkpoint.createdAt.replace(/[:.]/g, '-')}.json`;
}

export async function writeAuditCheckpoint(
  ctx: Pick<UseCaseContext, 'db' | 'clock' | 'auditKey'> & { checkpointDir: string },
  input: { file?: string } = {},
): Promise<WrittenCheckpoint> {
  const checkpoint = await takeAuditCheckpoint(ctx.db.orm, ctx.auditKey, ctx.clock());
  const file = input.file ?? join(ctx.checkpointDir, checkpointName(checkpoint));
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole or not at all: a crash mid-write leaves a temporary file, never a truncated checkpoint.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return { file, streams: checkpoint.streams.length, createdAt: checkpoint.createdAt };
}
