// Password hashing with argon2id (OWASP ASVS 2.4), stored as the encoded PHC string so the parameters travel
// with each hash and can be raised later without breaking old ones.
import { randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
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

export const PASSWORD_MIN_LENGTH = 12;
/** How many of the most common passwords are refused (NIST SP 800-63B 5.1.1.2: a list of known-bad values). */
const COMMON_COUNT = 10_000;

// The zxcvbn-ts list is ranked by frequency in leaked password sets; its head is the most guessed.
const COMMON = new Set(dictionary['passwords-common'].slice(0, COMMON_COUNT));

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_COMMON' | 'PASSWORD_CONTAINS_USERNAME';

/**
 * Why a password is refused, or null when it is acceptable: fewer than 12 characters, one of the 10,000
 * most common passwords (compared without case), or containing the username (without case). Length and a
 * deny-list rather than composition rules, as NIST SP 800-63B and OWASP ASVS 2.1 advise.
 */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'PASSWORD_COMMON';
  if (username && lower.includes(username.toLowerCase())) return 'PASSWORD_CONTAINS_USERNAME';
  return null;
}
