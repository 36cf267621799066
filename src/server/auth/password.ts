// Password hashing with argon2id (OWASP ASVS 2.4), stored as the encoded PHC string so the parameters travel
// with each hash and can be raised later without breaking old ones.
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import type { Argon2Params } from '../../config';

export const DEFAULT_ARGON2: Argon2Params = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

export async function hashPassword(password: string, params: Argon2Params = DEFAULT_ARGON2): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'encoded',
  });
}

/** False for a wrong password and for a malformed hash; never throws on user input. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify({ hash, password });
  } catch {
    return false;
  }
}

/** A password hasher bound to the configured cost, handed to use cases and the demo loader. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export function createPasswordHasher(params: Argon2Params): PasswordHasher {
  return { hash: (pw) => hashPassword(pw, params), verify: verifyPassword };
}

/** Strength rule of the contract: at least 10 characters and not all of one character class. */
export function isPasswordStrong(password: string): boolean {
  if ([...password].length < 10) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 2;
}
