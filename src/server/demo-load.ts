// Loading the demo into an empty database, the same way for the server's start and the CLI: passwords hashed
// with the configured cost, audit events signed with the configured key, demo documents in the file store, and
// the 2023 round carried through the product's own use cases.
import { Readable } from 'node:stream';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { loadDemoIfEmpty, type StoredDocument } from '../db/demo/load-demo';
import { hashPassword } from './auth/password';
import { carryDemoBatch, carryDemoHistory } from './demo-history';
import { type FileStore, localFileStore } from './files/file-store';

/** Stores bytes the product generated itself; a refusal here is a defect, not a user's mistake. */
export function storeGenerated(files: FileStore): (bytes: Buffer) => Promise<StoredDocument> {
  return async (bytes) => {
    const stored = await files.put(Readable.from([bytes]), { maxBytes: bytes.length });
    if (!stored.ok) throw new Error(`a generated document was refused by the file store: ${stored.reason}`);
    return stored.file;
  };
}

/**
 * Loads the demo into an empty database, then carries its 2023 round through to the approved awards and the
 * current program's first batch to a list in publicity.
 */
export async function loadDemo(db: Database, config: Config, now: Date) {
  const result = await loadDemoIfEmpty(db, {
    passwordHasher: (pw) => hashPassword(pw, config.argon2),
    now,
    auditKey: config.auditKey,
    storeDocument: storeGenerated(localFileStore(config.files.dir)),
  });
  if (result.loaded) {
    await carryDemoHistory(db, config.auditKey);
    await carryDemoBatch(db, config.auditKey, now);
  }
  return result;
}
