// What route plugins and use cases receive: the database, the configuration and the services built from it
// once at start-up. Tests build the same object with a fixed clock and a cheap password hash.
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { PasswordHasher } from './auth/password';
import type { Sealer } from './crypto';
import type { FileStore } from './files/file-store';

export interface ServerDeps {
  db: Database;
  config: Config;
  clock: () => Date;
  hasher: PasswordHasher;
  sealer: Sealer;
  /** A hash of a random password, verified for unknown usernames so they take as long as real ones. */
  dummyHash: string;
  /** Where uploaded materials are kept (a content-addressed local folder by default). */
  files: FileStore;
}
