import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordStrong, verifyPassword } from './password';

const CHEAP = { memoryKiB: 64, iterations: 1, parallelism: 1 };

describe('passwords', () => {
  it('hashes with argon2id in PHC form, salted, and verifies', async () => {
    const a = await hashPassword('Correct-Horse-9', CHEAP);
    const b = await hashPassword('Correct-Horse-9', CHEAP);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(a, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['short1!', false],
    ['aaaaaaaaaaaa', false],
    ['123456789012', false],
    ['abcdefghij1', true],
    ['密码密码密码密码密码a', true],
  ])('strength of %s is %s', (password, strong) => {
    expect(isPasswordStrong(password)).toBe(strong);
  });
});
